/**
 * Several instances share one PostgreSQL database: a write through one reaches cached reads
 * and live streams on another (LISTEN/NOTIFY), and idempotency keys are shared. PostgreSQL
 * only: `scripts/test-server.mjs` runs `*.pg.test.ts` files in its PostgreSQL half alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ANA,
  activity,
  eventually,
  openStream,
  startTwoInstances,
  type TestServer,
} from './helpers.js';

const q = encodeURIComponent;

describe('several instances on one PostgreSQL', () => {
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    ({ a, b } = await startTwoInstances());
  });
  after(async () => {
    await b.close();
    await a.close();
  });

  it('drops cached reads on the other instance when one writes', async () => {
    const ana = await a.token(ANA);
    const act = activity();
    const path = `/api/kudos?activity=${q(act)}`;
    assert.equal((await b.call('GET', path)).body.items[0].count, 0);
    await a.call('POST', '/api/kudos', { token: ana, body: { activity: act } });
    assert.ok(await eventually(async () => (await b.call('GET', path)).body.items[0].count === 1));
    const page = `/api/posts?activity=${q(act)}`;
    assert.equal((await b.call('GET', page)).body.total, 0);
    await a.call('POST', '/api/posts', { token: ana, body: { activity: act, body: 'via A' } });
    assert.ok(await eventually(async () => (await b.call('GET', page)).body.total === 1));
  });

  it('streams a post written through one instance to readers of another', async () => {
    const ana = await a.token(ANA);
    const act = activity();
    const stream = await openStream(`${b.url}/api/posts/stream?activity=${q(act)}`);
    try {
      await stream.next((e) => e.comment === 'ready');
      await a.call('POST', '/api/posts', {
        token: ana,
        body: { activity: act, body: 'across instances' },
      });
      const e = await stream.next();
      assert.equal(JSON.parse(e.data!).post.body, 'across instances');
    } finally {
      stream.close();
    }
  });

  it('shares idempotency keys between instances', async () => {
    const ana = await a.token(ANA);
    const act = activity();
    const init = {
      token: ana,
      body: { activity: act, body: 'once' },
      headers: { 'idempotency-key': `k-${act}` },
    };
    const first = await a.call('POST', '/api/posts', init);
    const second = await b.call('POST', '/api/posts', init);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(second.body.id, first.body.id);
  });
});
