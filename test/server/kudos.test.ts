/**
 * Kudos: `GET /kudos`, `POST /kudos/query`, `POST` and `DELETE /kudos`, `GET /kudos/givers`
 * (routes/kudos.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KUDOS_QUERY_MAX, KudosCountList } from '@peerkit/core/contract';
import { activity, isProblem, startServer, startSignedIn, type TestServer } from './helpers.js';

describe('kudos counts for many activities', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  before(async () => {
    ({ s, ana, ben } = await startSignedIn({ rateLimit: 5 }));
  });
  after(() => s.close());

  const getCounts = async (activities: string[], token?: string) => {
    const query = activities.map((a) => `activity=${encodeURIComponent(a)}`).join('&');
    const r = await s.call('GET', `/api/kudos?${query}`, token ? { token } : {});
    assert.equal(r.status, 200, r.text);
    return r.body.items;
  };

  it('answers 2,000 activities in one POST /kudos/query exactly as GET /kudos answers them', async () => {
    const activities = Array.from({ length: KUDOS_QUERY_MAX }, () => activity('button'));
    await s.call('POST', '/api/kudos', { token: ben, body: { activity: activities[7] } });
    await s.call('POST', '/api/kudos', {
      token: ana,
      body: { activity: activities[1999], value: 'helpful' },
    });
    const posted = await s.call('POST', '/api/kudos/query', {
      token: ana,
      body: { activity: activities },
    });
    assert.equal(posted.status, 200, posted.text.slice(0, 200));
    assert.ok(KudosCountList.safeParse(posted.body).success);
    // GET in batches whose URL fits (~5,000 characters), as the client splits them.
    const expected = [];
    for (let i = 0; i < activities.length; i += 50) {
      expected.push(...(await getCounts(activities.slice(i, i + 50), ana)));
    }
    assert.deepEqual(posted.body.items, expected);
    assert.equal(posted.body.items[7].count, 1);
    assert.equal(posted.body.items[1999].mine, true);
    assert.equal(posted.body.items[1999].myValue, 'helpful');
  });

  it('is a query: not rate-limited as a write, no Idempotency-Key needed, open to anonymous readers', async () => {
    const body = { activity: [activity(), activity()] };
    for (let i = 0; i < 8; i++) {
      const r = await s.call('POST', '/api/kudos/query', { token: ben, body });
      assert.equal(r.status, 200, `query ${i + 1} of 8 with a write limit of 5`);
    }
    const keyed = await s.call('POST', '/api/kudos/query', {
      token: ben,
      body,
      headers: { 'idempotency-key': 'same-key' },
    });
    const other = await s.call('POST', '/api/kudos/query', {
      token: ben,
      body: { activity: [activity()] },
      headers: { 'idempotency-key': 'same-key' },
    });
    assert.equal(keyed.status, 200);
    assert.equal(other.status, 200, 'a reused key is not a conflict for a query');
    assert.equal(other.body.items.length, 1);
    const anonymous = await s.call('POST', '/api/kudos/query', { body });
    assert.equal(anonymous.status, 200);
    assert.equal(anonymous.body.items[0].mine, false);
  });

  it('refuses an empty batch and one past 2,000 activities', async () => {
    const none = await s.call('POST', '/api/kudos/query', { token: ana, body: { activity: [] } });
    assert.equal(none.status, 400);
    assert.ok(isProblem(none));
    const tooMany = Array.from({ length: KUDOS_QUERY_MAX + 1 }, () => activity());
    const over = await s.call('POST', '/api/kudos/query', {
      token: ana,
      body: { activity: tooMany },
    });
    assert.equal(over.status, 400);
  });
});

describe('kudos query outside demo mode', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ demo: false, jwtSecret: 'kudos-query-secret-of-good-length-1' });
  });
  after(() => s.close());

  it('needs a sign-in where reads do', async () => {
    const r = await s.call('POST', '/api/kudos/query', { body: { activity: [activity()] } });
    assert.equal(r.status, 401);
  });
});
