/**
 * Reads stay fresh: a person reads their own write at once (the read cache is dropped on
 * commit). Several instances on one PostgreSQL: `instances.pg.test.ts`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANA, BEN, activity, startServer, type TestServer } from './helpers.js';

const q = encodeURIComponent;

describe('fresh reads on one instance', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
  });
  after(() => s.close());

  it('shows a write to the next read, cached or not', async () => {
    const ana = await s.token(ANA);
    const a = activity();
    const kudosPath = `/api/kudos?activity=${q(a)}&activity=${q(activity())}`;
    assert.equal((await s.call('GET', kudosPath)).body.items[0].count, 0);
    assert.equal((await s.call('GET', kudosPath)).body.items[0].count, 0);
    await s.call('POST', '/api/kudos', { token: ana, body: { activity: a } });
    assert.equal((await s.call('GET', kudosPath)).body.items[0].count, 1);
    await s.call('DELETE', `/api/kudos?activity=${q(a)}`, { token: ana });
    assert.equal((await s.call('GET', kudosPath)).body.items[0].count, 0);
    const pagePath = `/api/posts?activity=${q(a)}`;
    assert.equal((await s.call('GET', pagePath)).body.total, 0);
    const p = await s.call('POST', '/api/posts', {
      token: ana,
      body: { activity: a, body: 'fresh' },
    });
    assert.equal((await s.call('GET', pagePath)).body.total, 1);
    await s.call('PATCH', `/api/posts/${p.body.id}`, { token: ana, body: { body: 'edited' } });
    assert.equal((await s.call('GET', pagePath)).body.items[0].body, 'edited');
    await s.call('POST', '/api/kudos', {
      token: await s.token(BEN),
      body: { activity: `urn:peerkit:post:${p.body.id}` },
    });
    assert.equal((await s.call('GET', pagePath)).body.items[0].kudos, 1);
  });
});
