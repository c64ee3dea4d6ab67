/**
 * Kudos: `GET /kudos`, `POST /kudos/query`, `POST` and `DELETE /kudos`, `GET /kudos/givers`
 * (routes/kudos.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KUDOS_QUERY_MAX, KudosCountList } from '@peerkit/core/contract';
import {
  ANA,
  activity,
  isProblem,
  startServer,
  startSignedIn,
  type TestServer,
} from './helpers.js';

const q = encodeURIComponent;

describe('kudos', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn());
  });
  after(() => s.close());

  it('counts many activities in one call, with my own kudos and values', async () => {
    const [a, b, c] = [activity('k'), activity('k'), activity('k')];
    assert.equal(
      (
        await s.call('POST', '/api/kudos', {
          token: ana,
          body: { activity: a, value: 'helpful' },
        })
      ).status,
      201,
    );
    await s.call('POST', '/api/kudos', {
      token: ben,
      body: { activity: a, value: 'clear', message: 'Great!' },
    });
    await s.call('POST', '/api/kudos', { token: chloe, body: { activity: b } });
    const r = await s.call('GET', `/api/kudos?activity=${q(a)}&activity=${q(b)}&activity=${q(c)}`, {
      token: ana,
    });
    assert.equal(r.status, 200);
    assert.ok(KudosCountList.safeParse(r.body).success);
    assert.deepEqual(r.body.items, [
      { activity: a, count: 2, mine: true, myValue: 'helpful', values: { helpful: 1, clear: 1 } },
      { activity: b, count: 1, mine: false, myValue: null, values: {} },
      { activity: c, count: 0, mine: false, myValue: null, values: {} },
    ]);
    const anon = await s.call('GET', `/api/kudos?activity=${q(a)}`);
    assert.equal(anon.body.items[0].mine, false);
    const none = await s.call('GET', '/api/kudos');
    assert.equal(none.status, 400);
  });

  it('gives once per person (a second give changes the value), and withdraws', async () => {
    const a = activity('k');
    await s.call('POST', '/api/kudos', { token: ana, body: { activity: a, value: 'helpful' } });
    const change = await s.call('POST', '/api/kudos', {
      token: ana,
      body: { activity: a, value: 'kind' },
    });
    assert.equal(change.status, 200);
    assert.deepEqual(change.body, {
      activity: a,
      count: 1,
      mine: true,
      myValue: 'kind',
      values: { kind: 1 },
    });
    const withdraw = await s.call('DELETE', `/api/kudos?activity=${q(a)}`, { token: ana });
    assert.equal(withdraw.status, 200);
    assert.equal(withdraw.body.count, 0);
    assert.equal(withdraw.body.mine, false);
    const bad = await s.call('POST', '/api/kudos', {
      token: ana,
      body: { activity: a, value: 'Not A Value' },
    });
    assert.equal(bad.status, 400);
    const self = await s.call('POST', '/api/kudos', {
      token: ana,
      body: { activity: a, recipient: ANA },
    });
    assert.equal(self.status, 403);
    assert.ok(isProblem(self));
  });

  it("ties kudos on a post to the post's count and its author", async () => {
    const a = activity();
    const p = await s.call('POST', '/api/posts', {
      token: ben,
      body: { activity: a, body: 'Helpful answer' },
    });
    const iri = `urn:peerkit:post:${p.body.id}`;
    await s.call('POST', '/api/kudos', { token: ana, body: { activity: iri } });
    await s.call('POST', '/api/kudos', {
      token: chloe,
      body: { activity: `${a}#post-${p.body.id}` },
    });
    const page = await s.call('GET', `/api/posts?activity=${q(a)}`);
    assert.equal(page.body.items[0].kudos, 2);
    const own = await s.call('POST', '/api/kudos', { token: ben, body: { activity: iri } });
    assert.equal(own.status, 403, 'no kudos for your own post');
    const givers = await s.call('GET', `/api/kudos/givers?activity=${q(iri)}`);
    assert.equal(givers.status, 200);
    assert.deepEqual(
      givers.body.items.map((g: { person: { id: string } }) => g.person.id),
      [ANA],
    );
  });

  it('pages the givers newest first', async () => {
    const a = activity('k');
    const people = ['dev.patel', 'emma.larsen', 'farid.haddad', 'grace.kim', 'hugo.silva'];
    for (const p of people) {
      await s.call('POST', '/api/kudos', {
        token: await s.token(p),
        body: { activity: a, message: `from ${p}` },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: {
        body: {
          items: { person: { id: string }; message: string }[];
          nextCursor: string | null;
          total: number;
        };
      } = await s.call(
        'GET',
        `/api/kudos/givers?activity=${q(a)}&limit=2${cursor ? `&cursor=${q(cursor)}` : ''}`,
      );
      assert.equal(r.body.total, 5);
      seen.push(...r.body.items.map((g) => g.person.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...people].reverse());
  });
});

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
