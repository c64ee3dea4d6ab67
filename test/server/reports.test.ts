/** The moderators' queue: `GET /reports`, `POST /reports/{id}/resolve` (routes/reports.ts). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ANA,
  activity,
  isProblem,
  startSignedIn,
  threadCalls,
  type TestServer,
} from './helpers.js';

const q = encodeURIComponent;

describe('reports', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn());
  });
  after(() => s.close());

  const { post, page } = threadCalls(() => s);

  it('takes reports and lets only moderators see and resolve the queue', async () => {
    const a = activity();
    const spam = await post(ben, a, 'Buy cheap watches');
    const rude = await post(ben, a, 'Something rude');
    const fine = await post(ben, a, 'A fair point');
    const other = await s.call('POST', `/api/posts/${spam.id}/reports`, {
      token: ana,
      body: { reason: 'other' },
    });
    assert.equal(other.status, 400, 'reason "other" needs a note');
    const r1 = await s.call('POST', `/api/posts/${spam.id}/reports`, {
      token: ana,
      body: { reason: 'spam' },
    });
    assert.equal(r1.status, 201);
    assert.equal(r1.body.status, 'open');
    const r2 = await s.call('POST', `/api/posts/${rude.id}/reports`, {
      token: ana,
      body: { reason: 'harassment', note: 'insults a colleague' },
    });
    const r3 = await s.call('POST', `/api/posts/${fine.id}/reports`, {
      token: ana,
      body: { reason: 'off-topic' },
    });
    assert.equal((await s.call('GET', '/api/reports', { token: ana })).status, 403);
    assert.equal((await s.call('GET', '/api/reports')).status, 401);
    const queue = await s.call('GET', `/api/reports?activity=${q(a)}&status=open`, {
      token: chloe,
    });
    assert.equal(queue.status, 200);
    assert.deepEqual(
      queue.body.items.map((i: { id: string }) => i.id),
      [r1.body.id, r2.body.id, r3.body.id],
    );
    assert.equal(queue.body.items[1].reporter.id, ANA);
    assert.equal(queue.body.items[1].post.body, 'Something rude');
    assert.equal(
      (
        await s.call('POST', `/api/reports/${r1.body.id}/resolve`, {
          token: ana,
          body: { action: 'delete' },
        })
      ).status,
      403,
    );
    const del = await s.call('POST', `/api/reports/${r1.body.id}/resolve`, {
      token: chloe,
      body: { action: 'delete' },
    });
    assert.equal(del.status, 200);
    assert.equal(del.body.status, 'deleted');
    const hide = await s.call('POST', `/api/reports/${r2.body.id}/resolve`, {
      token: chloe,
      body: { action: 'hide' },
    });
    assert.equal(hide.body.status, 'hidden');
    const keep = await s.call('POST', `/api/reports/${r3.body.id}/resolve`, {
      token: chloe,
      body: { action: 'keep' },
    });
    assert.equal(keep.body.status, 'kept');
    const asMember = await page(a, '', ana);
    assert.deepEqual(
      asMember.items.map((i) => i.id),
      [rude.id, fine.id],
      'the deleted post is gone',
    );
    assert.equal(asMember.items[0]!.hidden, true);
    assert.equal(asMember.items[0]!.body, '', 'hidden posts are placeholders for members');
    const asMod = await page(a, '', chloe);
    assert.equal(asMod.items[0]!.body, 'Something rude', 'moderators still see hidden posts');
    const open = await s.call('GET', `/api/reports?activity=${q(a)}&status=open`, { token: chloe });
    assert.equal(open.body.total, 0);
  });

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
