/**
 * Live threads over server-sent events: created, updated and deleted posts arrive with an
 * `id:`, heartbeats keep the connection alive, a reader that reconnects with
 * `Last-Event-ID` gets what it missed, and the bearer token works in the header (the
 * browser client reads the stream with `fetch`). A write that commits after a later one, on
 * PostgreSQL: `stream.pg.test.ts`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PostEvent, PostPage } from '@peerkit/core/contract';
import { activity, openStream, startSignedIn, type TestServer } from './helpers.js';

const q = encodeURIComponent;

describe('SSE /api/posts/stream', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  before(async () => {
    ({ s, ana, ben } = await startSignedIn({ heartbeatMs: 300 }));
  });
  after(() => s.close());

  const parse = (e: { data?: string }) => {
    const event = JSON.parse(e.data!);
    assert.ok(PostEvent.safeParse(event).success, 'the event matches the contract');
    return event as PostEvent;
  };

  it('streams created, updated and deleted posts of one activity only, with ids and heartbeats', async () => {
    const a = activity();
    const other = activity();
    const stream = await openStream(`${s.url}/api/posts/stream?activity=${q(a)}`, {
      authorization: `Bearer ${ben}`,
    });
    try {
      assert.equal(stream.status, 200);
      assert.match(stream.contentType!, /text\/event-stream/);
      await stream.next((e) => e.comment === 'ready');
      await s.call('POST', '/api/posts', {
        token: ana,
        body: { activity: other, body: 'elsewhere' },
      });
      const created = await s.call('POST', '/api/posts', {
        token: ana,
        body: { activity: a, body: 'Hello live' },
      });
      const e1 = await stream.next();
      const ev1 = parse(e1);
      assert.equal(ev1.type, 'post.created');
      assert.equal(ev1.post.id, created.body.id);
      assert.equal(ev1.post.body, 'Hello live');
      assert.match(e1.id!, /^\d+$/);
      await s.call('PATCH', `/api/posts/${created.body.id}`, {
        token: ana,
        body: { body: 'Edited live' },
      });
      const e2 = await stream.next();
      assert.equal(parse(e2).type, 'post.updated');
      assert.equal(parse(e2).post.body, 'Edited live');
      assert.ok(Number(e2.id) > Number(e1.id));
      await s.call('DELETE', `/api/posts/${created.body.id}`, { token: ana });
      const e3 = await stream.next();
      assert.equal(parse(e3).type, 'post.deleted');
      assert.equal(parse(e3).post.id, created.body.id);
      await stream.next((e) => e.comment === 'ping', 5_000);
      const bodies = stream.events.filter((e) => e.data).map((e) => parse(e).post.body);
      assert.ok(!bodies.includes('elsewhere'), 'events of other activities are not sent');
    } finally {
      stream.close();
    }
  });

  it('resumes from Last-Event-ID with exactly the events missed', async () => {
    const a = activity();
    const first = await openStream(`${s.url}/api/posts/stream?activity=${q(a)}`, {
      authorization: `Bearer ${ben}`,
    });
    await first.next((e) => e.comment === 'ready');
    await s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: 'one' } });
    const seen = await first.next();
    first.close();
    // While disconnected:
    await s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: 'two' } });
    await s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: 'three' } });
    const resumed = await openStream(`${s.url}/api/posts/stream?activity=${q(a)}`, {
      authorization: `Bearer ${ben}`,
      'last-event-id': seen.id!,
    });
    try {
      const two = await resumed.next();
      const three = await resumed.next();
      assert.equal(parse(two).post.body, 'two');
      assert.equal(parse(three).post.body, 'three');
      await s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: 'four' } });
      const four = await resumed.next();
      assert.equal(parse(four).post.body, 'four');
      const all = resumed.events.filter((e) => e.data).map((e) => parse(e).post.body);
      assert.deepEqual(all, ['two', 'three', 'four'], 'nothing repeated, nothing missed');
    } finally {
      resumed.close();
    }
  });

  it("resumes from a page's eventId with what was written after the page was read", async () => {
    const a = activity();
    const list = async () => {
      const r = await s.call('GET', `/api/posts?activity=${q(a)}`, { token: ben });
      assert.equal(r.status, 200, r.text);
      assert.ok(PostPage.safeParse(r.body).success, 'the page matches the contract');
      return r.body as PostPage;
    };
    const empty = await list();
    assert.equal(empty.eventId, '0', 'a thread without events yet');
    const before = await s.call('POST', '/api/posts', {
      token: ana,
      body: { activity: a, body: 'before' },
    });
    const page = await list();
    assert.deepEqual(
      page.items.map((p) => p.body),
      ['before'],
    );
    assert.match(page.eventId!, /^[1-9]\d*$/);
    assert.equal((await list()).eventId, page.eventId, 'read again (from the cache): the same id');
    // Written after the page was read, before the reader's stream opens.
    await s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: 'after' } });
    await s.call('POST', '/api/posts', {
      token: ana,
      body: { activity: a, body: 'a reply after', parentId: before.body.id },
    });
    const later = await list();
    assert.ok(Number(later.eventId) > Number(page.eventId), 'a write moves the id on');
    assert.equal(later.total, 3);

    const bodies = async (from: string, last: string) => {
      const stream = await openStream(`${s.url}/api/posts/stream?activity=${q(a)}`, {
        authorization: `Bearer ${ben}`,
        'last-event-id': from,
      });
      try {
        await stream.next((e) => !!e.data && parse(e).post.body === last);
        // On PostgreSQL a resume also repeats the events of the seconds before (`EventLog.since`).
        return stream.events
          .filter((e) => e.data && Number(e.id) > Number(from))
          .map((e) => parse(e).post.body);
      } finally {
        stream.close();
      }
    };
    assert.deepEqual(await bodies(page.eventId!, 'a reply after'), ['after', 'a reply after']);
    assert.deepEqual(await bodies(empty.eventId!, 'a reply after'), [
      'before',
      'after',
      'a reply after',
    ]);
  });

  it('reaches several readers of one thread at once', async () => {
    const a = activity();
    const readers = await Promise.all(
      [1, 2, 3].map(() => openStream(`${s.url}/api/posts/stream?activity=${q(a)}`)),
    );
    try {
      await Promise.all(readers.map((r) => r.next((e) => e.comment === 'ready')));
      await s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: 'to all' } });
      for (const r of readers) assert.equal(parse(await r.next()).post.body, 'to all');
    } finally {
      for (const r of readers) r.close();
    }
  });

  it('refuses a bad token, a bad activity and a bad Last-Event-ID as problem+json', async () => {
    const bad = await s.call('GET', `/api/posts/stream?activity=${q(activity())}`, {
      token: 'nope',
    });
    assert.equal(bad.status, 401);
    const noActivity = await s.call('GET', '/api/posts/stream');
    assert.equal(noActivity.status, 400);
    const badId = await s.call('GET', `/api/posts/stream?activity=${q(activity())}`, {
      headers: { 'last-event-id': 'abc' },
    });
    assert.equal(badId.status, 400);
  });
});
