/** The moderators' queue: `GET /reports`, `POST /reports/{id}/resolve` (routes/reports.ts). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { activity, isProblem, startSignedIn, type TestServer } from './helpers.js';

describe('reports', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn());
  });
  after(() => s.close());

  it("refuses a moderator's decision on a post that changed since they read it (412)", async () => {
    const post = await s.call('POST', '/api/posts', {
      token: ben,
      body: { activity: activity(), body: 'Buy cheap watches' },
    });
    const report = await s.call('POST', `/api/posts/${post.body.id}/reports`, {
      token: ana,
      body: { reason: 'spam' },
    });
    const queue = await s.call('GET', '/api/reports?status=open&limit=100', { token: chloe });
    const seen = queue.body.items.find((i: { id: string }) => i.id === report.body.id);
    assert.equal(seen.post.version, 1);
    await s.call('PATCH', `/api/posts/${post.body.id}`, {
      token: ben,
      body: { body: 'A fair question about watches' },
    });
    const resolve = (ifMatch: string) =>
      s.call('POST', `/api/reports/${report.body.id}/resolve`, {
        token: chloe,
        body: { action: 'hide' },
        headers: { 'if-match': ifMatch },
      });
    const stale = await resolve(`"${seen.post.version}"`);
    assert.equal(stale.status, 412);
    assert.ok(isProblem(stale));
    assert.equal(stale.body.current.post.body, 'A fair question about watches');
    assert.equal(stale.body.current.status, 'open');
    const fresh = await resolve(`"${stale.body.current.post.version}"`);
    assert.equal(fresh.status, 200);
    assert.equal(fresh.body.post.hidden, true);
    assert.equal(fresh.headers.get('etag'), `"${fresh.body.post.version}"`);
  });
});
