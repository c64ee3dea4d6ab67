/**
 * Live threads on PostgreSQL, where writes commit concurrently: a write that commits after a
 * later one still reaches a reader, on resume and live. PostgreSQL only:
 * `scripts/test-server.mjs` runs `*.pg.test.ts` files in its PostgreSQL half alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { activity, openStream, startSignedIn, type TestServer } from './helpers.js';

const q = encodeURIComponent;

describe('SSE /api/posts/stream on PostgreSQL', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  before(async () => {
    ({ s, ana, ben } = await startSignedIn({ heartbeatMs: 300 }));
  });
  after(() => s.close());

  /**
   * A slow write, as the server makes it (its event row, then NOTIFY on commit), held open
   * on a connection of its own so that a later write commits first.
   */
  async function slowWrite(a: string, post: object) {
    const client = new pg.Client({ connectionString: s.databaseUrl });
    await client.connect();
    await client.query('BEGIN');
    const event = { type: 'post.updated', post };
    const { rows } = await client.query<{ seq: string }>(
      'INSERT INTO post_events (activity, type, payload) VALUES ($1, $2, $3) RETURNING seq',
      [a, event.type, JSON.stringify(event)],
    );
    const seq = Number(rows[0]!.seq);
    return {
      seq,
      async commit() {
        await client.query('SELECT pg_notify($1, $2)', [
          'peerkit_posts',
          JSON.stringify({ s: seq, a }),
        ]);
        await client.query('COMMIT');
        await client.end();
      },
    };
  }

  it("on PostgreSQL, resuming from a page's eventId sends a write that was committing while the page was read", async () => {
    const a = activity();
    const post = (
      await s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: 'first' } })
    ).body;
    // A write open while the page is read, with a lower id than a write that commits first.
    const slow = await slowWrite(a, { ...post, body: 'committed after the page was read' });
    await s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: 'second' } });
    const page = await s.call('GET', `/api/posts?activity=${q(a)}`, { token: ben });
    assert.equal(page.status, 200);
    assert.ok(Number(page.body.eventId) > slow.seq, 'the page was read past the open write');
    await slow.commit();
    const reader = await openStream(`${s.url}/api/posts/stream?activity=${q(a)}`, {
      authorization: `Bearer ${ben}`,
      'last-event-id': page.body.eventId,
    });
    try {
      const body = (e: { data?: string }) => (e.data ? JSON.parse(e.data).post.body : null);
      const late = await reader.next((e) => body(e) === 'committed after the page was read', 5_000);
      assert.equal(late.id, String(slow.seq));
    } finally {
      reader.close();
    }
  });

  it('on PostgreSQL, sends a write that commits after a later one: on resume, and live', async () => {
    const a = activity();
    const url = `${s.url}/api/posts/stream?activity=${q(a)}`;
    const auth = { authorization: `Bearer ${ben}` };
    const post = (
      await s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: 'first' } })
    ).body;
    const away = await slowWrite(a, { ...post, body: 'committed while the reader was away' });
    const reader = await openStream(url, auth);
    await reader.next((e) => e.comment === 'ready');
    await s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: 'second' } });
    const second = await reader.next((e) => !!e.data);
    assert.ok(Number(second.id) > away.seq, 'the later write has the higher id');
    reader.close();

    // The slow write commits while the reader is disconnected.
    await away.commit();
    const live = await slowWrite(a, { ...post, body: 'committed while the reader was back' });
    const resumed = await openStream(url, { ...auth, 'last-event-id': second.id! });
    try {
      const body = (e: { data?: string }) => (e.data ? JSON.parse(e.data).post.body : null);
      const missed = await resumed.next(
        (e) => body(e) === 'committed while the reader was away',
        5_000,
      );
      assert.equal(missed.id, String(away.seq));
      // Another slow write, lower id than the reader's Last-Event-ID, commits now.
      await live.commit();
      await resumed.next((e) => body(e) === 'committed while the reader was back', 5_000);
      const ids = resumed.events.filter((e) => e.data).map((e) => e.id);
      assert.equal(new Set(ids).size, ids.length, 'no event twice on one connection');
      assert.ok(!ids.includes(second.id), 'the Last-Event-ID itself is not sent again');
    } finally {
      resumed.close();
    }
  });
});
