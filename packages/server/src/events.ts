/**
 * Live thread events. A write stores its event in `post_events` (whose `seq` is the SSE
 * `id:`) and sends `NOTIFY peerkit_posts` in the same transaction; every instance LISTENs
 * and hands the event to its own subscribers of that activity. So a post written through
 * one instance reaches readers connected to another, and a reader that reconnects with
 * `Last-Event-ID` gets what it missed from the table.
 */
import type { Post, PostEvent } from '@peerkit/core/contract';
import type { Db, Queryable } from './db.js';

export const POSTS_CHANNEL = 'peerkit_posts';

/**
 * How long before a reader's last event a write may have started and still be committing:
 * far longer than a write takes (the server answers a write in milliseconds; a write still
 * open after this long has failed).
 */
const REPLAY_WINDOW = '10 seconds';

export interface StoredEvent {
  id: number;
  event: PostEvent;
}

type Subscriber = (event: StoredEvent) => void;

export class PostEvents {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private unlisten?: () => Promise<void>;

  constructor(private readonly db: Db) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(POSTS_CHANNEL, (payload) => {
      void this.deliver(payload);
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.subscribers.clear();
  }

  /** Stores an event in the caller's transaction and notifies every instance on commit. */
  async publish(q: Queryable, type: PostEvent['type'], post: Post): Promise<void> {
    (q as { touched?: { space: 'posts'; activity: string }[] }).touched?.push({
      space: 'posts',
      activity: post.activity,
    });
    const [row] = await q.query<{ seq: number }>(
      'INSERT INTO post_events (activity, type, payload) VALUES ($1, $2, $3) RETURNING seq',
      [post.activity, type, JSON.stringify({ type, post })],
    );
    await q.query('SELECT pg_notify($1, $2)', [
      POSTS_CHANNEL,
      JSON.stringify({ s: row!.seq, a: post.activity.length <= 4000 ? post.activity : null }),
    ]);
  }

  subscribe(activity: string, fn: Subscriber): () => void {
    let set = this.subscribers.get(activity);
    if (!set) this.subscribers.set(activity, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (!set.size) this.subscribers.delete(activity);
    };
  }

  /**
   * What a reader whose last event was `afterId` may have missed, oldest first (the SSE
   * resume), a page of `limit` at a time (`afterSeq` pages on).
   *
   * On PostgreSQL two writes can commit out of id order: an event may commit after one with
   * a higher id that the reader already has, and a plain `seq > afterId` would never send
   * it. Such a late event's transaction was open when the reader's last event was written,
   * so it started before that one (`created_at` is the transaction's start): the events of
   * the `REPLAY_WINDOW` before it are sent again. A reader may so get an event twice across
   * a reconnection (the widgets apply events idempotently, by post id); within one
   * connection the route drops repeats. PGlite runs one transaction at a time and needs no
   * window.
   */
  async since(
    activity: string,
    afterId: number,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<StoredEvent[]> {
    const limit = options.limit ?? 500;
    const window = this.db.kind === 'postgres' ? REPLAY_WINDOW : '0 seconds';
    const rows = await this.db.query<{ seq: number; payload: PostEvent }>(
      `SELECT seq, payload FROM post_events
       WHERE activity = $1 AND seq > $4 AND seq <> $2 AND (
         seq > $2 OR created_at >= (
           SELECT created_at - $5::interval FROM post_events WHERE seq = $2 AND activity = $1
         )
       )
       ORDER BY seq LIMIT $3`,
      [activity, afterId, limit, options.afterSeq ?? 0, window],
    );
    return rows.map((r) => ({ id: r.seq, event: parseJson(r.payload) }));
  }

  /** The id of the newest event of an activity (0 when none). */
  async latestId(activity: string): Promise<number> {
    const [row] = await this.db.query<{ seq: number | null }>(
      'SELECT max(seq) AS seq FROM post_events WHERE activity = $1',
      [activity],
    );
    return row?.seq ?? 0;
  }

  private async deliver(payload: string) {
    let note: { s: number; a: string | null };
    try {
      note = JSON.parse(payload);
    } catch {
      return;
    }
    if (note.a !== null && !this.subscribers.has(note.a)) return;
    if (!this.subscribers.size) return;
    try {
      const [row] = await this.db.query<{ seq: number; activity: string; payload: PostEvent }>(
        'SELECT seq, activity, payload FROM post_events WHERE seq = $1',
        [note.s],
      );
      if (!row) return;
      const stored = { id: row.seq, event: parseJson(row.payload) };
      for (const fn of this.subscribers.get(row.activity) ?? []) fn(stored);
    } catch {
      // The database is closing; nothing to deliver.
    }
  }

  /** Drops events older than a day (a reader away that long reloads the page). */
  async prune(): Promise<void> {
    await this.db.query(`DELETE FROM post_events WHERE created_at < now() - interval '1 day'`);
  }
}

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
