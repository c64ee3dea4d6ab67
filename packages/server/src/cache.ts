/**
 * A read cache for the hottest reads (a thread's pages, kudos counts, people searches), kept
 * correct across instances: every write that changes a thread or a kudos count sends a
 * NOTIFY (posts already do, for SSE), each instance LISTENs and drops what it cached for
 * that activity, and the writing instance drops it itself right after its commit, so a
 * person always reads their own write.
 *
 * A read that raced with a write never stores a stale answer: it notes the activity's
 * generation before querying and stores only if no invalidation came in meanwhile. A short
 * time-to-live bounds staleness should a notification ever be lost (a dropped LISTEN
 * connection) and covers what is not notified (a person's display name changing).
 *
 * This is a cache, not state: the database stays the only source of truth.
 */
import type { Db, Queryable } from './db.js';
import { POSTS_CHANNEL } from './events.js';

export const KUDOS_CHANNEL = 'peerkit_kudos';
/**
 * Sent by the database itself (triggers of migration 14) on every change to people, their
 * skills, endorsements (through the counters), kudos received and post tags: the people
 * answers of every instance are dropped (`people` has one key space, `*`, as a ranking may
 * depend on anything).
 */
export const PEOPLE_CHANNEL = 'peerkit_people';

type Space = 'posts' | 'kudos' | 'people';

interface Entry<T> {
  value: T;
  expires: number;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly keysByActivity = new Map<string, Set<string>>();
  private readonly generations = new Map<string, number>();
  private epoch = 0;
  private unlisten: (() => Promise<void>)[] = [];

  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 20_000,
    /** Off: every read goes to the database (diagnosis, benchmarks of the bare queries). */
    private readonly enabled = true,
  ) {}

  async start(db: Db) {
    this.unlisten.push(
      await db.listen(POSTS_CHANNEL, (payload) => {
        try {
          const { a } = JSON.parse(payload) as { a: string | null };
          if (a === null) this.clear();
          else this.invalidate('posts', a);
          // A post's readers, replies and tags move rankings.
          this.invalidate('people', '*');
        } catch {
          this.clear();
        }
      }),
      await db.listen(KUDOS_CHANNEL, (payload) => {
        if (payload === '*') this.clear();
        else this.invalidate('kudos', payload);
        this.invalidate('people', '*');
      }),
      await db.listen(PEOPLE_CHANNEL, () => this.invalidate('people', '*')),
    );
  }

  async stop() {
    for (const u of this.unlisten) await u();
    this.unlisten = [];
    this.clear();
  }

  /** The activity's generation now, to pass to `set` after querying. */
  stamp(space: Space, activity: string): number {
    return (this.generations.get(`${space}|${activity}`) ?? 0) + this.epoch * 1e9;
  }

  get<T>(space: Space, activity: string, key: string): T | undefined {
    const full = `${space}|${activity}|${key}`;
    const entry = this.entries.get(full);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.entries.delete(full);
      return undefined;
    }
    return entry.value as T;
  }

  set<T>(space: Space, activity: string, key: string, value: T, stamp: number) {
    this.store(space, [activity], [stamp], `${space}|${activity}|${key}`, value);
  }

  /** A value that depends on several activities (dropped when any of them changes). */
  getShared<T>(space: Space, key: string): T | undefined {
    return this.get<T>(space, '*', key);
  }

  setShared<T>(space: Space, activities: string[], key: string, value: T, stamps: number[]) {
    this.store(space, activities, stamps, `${space}|*|${key}`, value);
  }

  /** Stores `value` under `full` unless one of `activities` changed since its stamp. */
  private store(
    space: Space,
    activities: string[],
    stamps: number[],
    full: string,
    value: unknown,
  ) {
    if (!this.enabled || activities.some((a, i) => this.stamp(space, a) !== stamps[i])) return;
    if (this.entries.size >= this.maxEntries) this.evict();
    this.entries.set(full, { value, expires: Date.now() + this.ttlMs });
    for (const activity of activities) {
      const id = `${space}|${activity}`;
      let keys = this.keysByActivity.get(id);
      if (!keys) this.keysByActivity.set(id, (keys = new Set()));
      keys.add(full);
    }
  }

  invalidate(space: Space, activity: string) {
    const id = `${space}|${activity}`;
    this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
    for (const key of this.keysByActivity.get(id) ?? []) this.entries.delete(key);
    this.keysByActivity.delete(id);
  }

  clear() {
    this.epoch++;
    this.entries.clear();
    this.keysByActivity.clear();
  }

  private evict() {
    // Drop the oldest tenth (a Map iterates in insertion order).
    let n = Math.ceil(this.maxEntries / 10);
    for (const key of this.entries.keys()) {
      this.entries.delete(key);
      if (--n <= 0) break;
    }
  }
}

/** A transaction handle that remembers which activities it changed. */
export interface WriteTx extends Queryable {
  touched: { space: Space; activity: string }[];
}

/** Runs a write transaction, then drops the cached reads of what it changed. */
export function writer(db: Db, cache: ReadCache) {
  return async <T>(fn: (q: WriteTx) => Promise<T>): Promise<T> => {
    const touched: WriteTx['touched'] = [];
    const result = await db.tx((q) =>
      fn({ query: <R>(sql: string, params?: unknown[]) => q.query<R>(sql, params), touched }),
    );
    for (const t of touched) cache.invalidate(t.space, t.activity);
    // Any write may move a ranking (a post, kudos, an endorsement, a profile): this
    // instance drops its people answers at once; the others on the database's notification.
    cache.invalidate('people', '*');
    return result;
  };
}

/** Marks an activity's kudos as changed: every instance drops its cached count. */
export async function notifyKudos(q: Queryable, activity: string) {
  (q as Partial<WriteTx>).touched?.push({ space: 'kudos', activity });
  await q.query('SELECT pg_notify($1, $2)', [
    KUDOS_CHANNEL,
    activity.length <= 7000 ? activity : '*',
  ]);
}
