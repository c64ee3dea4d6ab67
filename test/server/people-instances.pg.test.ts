/**
 * The people answers are cached per instance (cache.ts): an endorsement or a profile change
 * made through one instance reaches the cached `GET /people` answers of another, through the
 * `peerkit_people` notification the database's own triggers send (migration 14). PostgreSQL
 * only: `scripts/test-server.mjs` runs `*.pg.test.ts` files in its PostgreSQL half alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Expert } from '@peerkit/core/contract';
import { BEN, eventually, startTwoInstances, type TestServer } from './helpers.js';

describe('cached people answers across instances', () => {
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    ({ a, b } = await startTwoInstances());
  });
  after(async () => {
    await b.close();
    await a.close();
  });

  const statistics = async (server: TestServer, token: string) => {
    const r = await server.call('GET', '/api/people?skill=Statistics&limit=100', { token });
    const umar = r.body.items.find((e: Expert) => e.id === 'umar.bello') as Expert | undefined;
    return umar?.skills.find((k) => k.name === 'Statistics');
  };

  it('shows on one instance an endorsement made through another', async () => {
    const onB = await b.token(BEN);
    const onA = await a.token(BEN);
    const before = (await statistics(b, onB))!;
    assert.equal(before.endorsedByMe, false);
    assert.deepEqual(await statistics(b, onB), before, 'cached and answered again');
    const made = await a.call('POST', '/api/people/umar.bello/endorsements', {
      token: onA,
      body: { skill: 'Statistics' },
    });
    assert.equal(made.status, 201, made.text);
    assert.ok(
      await eventually(async () => {
        const now = await statistics(b, onB);
        return now?.endorsedByMe === true && now.endorsements === before.endorsements + 1;
      }),
      'instance B dropped its cached answer',
    );
  });

  it('takes out at once, on every instance, someone who stops being listed', async () => {
    const mei = await a.token('mei.chen');
    const ben = await b.token(BEN);
    const listed = async () =>
      (await b.call('GET', '/api/people?skill=SQL&limit=100', { token: ben })).body.items.some(
        (e: Expert) => e.id === 'mei.chen',
      );
    assert.equal(await listed(), true);
    const out = await a.call('PATCH', '/api/me/profile', { token: mei, body: { listed: false } });
    assert.equal(out.status, 200, out.text);
    assert.ok(await eventually(async () => !(await listed())), 'gone from instance B');
  });
});
