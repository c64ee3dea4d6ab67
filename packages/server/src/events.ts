/**
 * Live events. A write stores its event in an event table (`post_events` for threads,
 * `reflection_events` for team reflections; its `seq` is the SSE `id:`) and sends `NOTIFY` on
 * the log's channel in the same transaction; every instance LISTENs and hands the event to
 * its own subscribers of that stream (a thread's activity; a team on an activity). So an
 * event written through one instance reaches readers connected to another, and a reader that
 * reconnects with `Last-Event-ID` gets what it missed from the table.
 */
import type { Post, PostEvent, ReflectionEvent } from '@peerkit/core/contract';
import type { Db, Queryable } from './db.js';

export const POSTS_CHANNEL = 'peerkit_posts';
export const REFLECTIONS_CHANNEL = 'peerkit_reflections';

/**
 * How long before a reader's last event a write may have started and still be committing:
 * far longer than a write takes (the server answers a write in milliseconds; a write still
 * open after this long has failed).
 */
const REPLAY_WINDOW = '10 seconds';

export interface StoredEvent<E = unknown> {
  id: number;
  event: E;
}

type Subscriber<E> = (event: StoredEvent<E>) => void;

/** Where a log keeps its events: the table, the column naming the stream, the channel. */
interface LogPlace {
  table: 'post_events' | 'reflection_events';
  key: 'activity' | 'stream';
  channel: string;
}

/** One kind of live event, stored and notified; read by `routes/stream.ts`. */
export class EventLog<E> {
  private readonly subscribers = new Map<string, Set<Subscriber<E>>>();
  private unlisten?: () => Promise<void>;

  constructor(
    protected readonly db: Db,
    private readonly place: LogPlace,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(this.place.channel, (payload) => {
      void this.deliver(payload);
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.subscribers.clear();
  }

  /** Stores an event of `stream` in the caller's transaction and notifies every instance on commit. */
  protected async append(q: Queryable, stream: string, type: string, event: E): Promise<void> {
    const { table, key, channel } = this.place;
    const [row] = await q.query<{ seq: number }>(
      `INSERT INTO ${table} (${key}, type, payload) VALUES ($1, $2, $3) RETURNING seq`,
      [stream, type, JSON.stringify(event)],
    );
    await q.query('SELECT pg_notify($1, $2)', [
      channel,
      JSON.stringify({ s: row!.seq, a: stream.length <= 4000 ? stream : null }),
    ]);
  }

  subscribe(stream: string, fn: Subscriber<E>): () => void {
    let set = this.subscribers.get(stream);
    if (!set) this.subscribers.set(stream, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (!set.size) this.subscribers.delete(stream);
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
   * a reconnection (the widgets apply events idempotently, by id); within one connection the
   * route drops repeats. PGlite runs one transaction at a time and needs no window.
   */
  async since(
    stream: string,
    afterId: number,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<StoredEvent<E>[]> {
    const { table, key } = this.place;
    const limit = options.limit ?? 500;
    const window = this.db.kind === 'postgres' ? REPLAY_WINDOW : '0 seconds';
    const rows = await this.db.query<{ seq: number; payload: E }>(
      `SELECT seq, payload FROM ${table}
       WHERE ${key} = $1 AND seq > $4 AND seq <> $2 AND (
         seq > $2 OR created_at >= (
           SELECT created_at - $5::interval FROM ${table} WHERE seq = $2 AND ${key} = $1
         )
       )
       ORDER BY seq LIMIT $3`,
      [stream, afterId, limit, options.afterSeq ?? 0, window],
    );
    return rows.map((r) => ({ id: r.seq, event: parseJson(r.payload) }));
  }

  /** The id of the newest event of a stream (0 when none). */
  async latestId(stream: string): Promise<number> {
    const { table, key } = this.place;
    const [row] = await this.db.query<{ seq: number | null }>(
      `SELECT max(seq) AS seq FROM ${table} WHERE ${key} = $1`,
      [stream],
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
    const { table, key } = this.place;
    try {
      const [row] = await this.db.query<{ seq: number; stream: string; payload: E }>(
        `SELECT seq, ${key} AS stream, payload FROM ${table} WHERE seq = $1`,
        [note.s],
      );
      if (!row) return;
      const stored = { id: row.seq, event: parseJson(row.payload) };
      for (const fn of this.subscribers.get(row.stream) ?? []) fn(stored);
    } catch {
      // The database is closing; nothing to deliver.
    }
  }

  /** Drops events older than a day (a reader away that long reloads the page). */
  async prune(): Promise<void> {
    await this.db.query(
      `DELETE FROM ${this.place.table} WHERE created_at < now() - interval '1 day'`,
    );
  }
}

/** A thread's events, by activity. */
export class PostEvents extends EventLog<PostEvent> {
  constructor(db: Db) {
    super(db, { table: 'post_events', key: 'activity', channel: POSTS_CHANNEL });
  }

  /** Stores a post's event in the caller's transaction (and drops the activity's cached reads). */
  async publish(q: Queryable, type: PostEvent['type'], post: Post): Promise<void> {
    (q as { touched?: { space: 'posts'; activity: string }[] }).touched?.push({
      space: 'posts',
      activity: post.activity,
    });
    await this.append(q, post.activity, type, { type, post });
  }
}

/** The stream key of a team's team reflections on an activity. */
export const teamStream = (team: string, activity: string): string =>
  JSON.stringify([team, activity]);

/** A team's team reflections' events, by team and activity (`teamStream`). */
export class ReflectionEvents extends EventLog<ReflectionEvent> {
  constructor(db: Db) {
    super(db, { table: 'reflection_events', key: 'stream', channel: REFLECTIONS_CHANNEL });
  }

  async publish(
    q: Queryable,
    where: { team: string; activity: string },
    event: ReflectionEvent,
  ): Promise<void> {
    await this.append(q, teamStream(where.team, where.activity), event.type, event);
  }
}

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
