/**
 * Kudos in the database: counts for many activities (through the read cache), giving,
 * withdrawing and the givers of one activity.
 */
import type { KudosCount } from '@peerkit/core/contract';
import type { ReadCache } from '../cache.js';
import type { Queryable } from '../db.js';

/** The shared part of a kudos count: how many, and how many of each value. */
type Tally = Pick<KudosCount, 'count' | 'values'>;

/** Adds up `activity, value, n` rows (grouped by both) into a tally per activity. */
function tally(
  activities: string[],
  rows: { activity: string; value: string | null; n: number }[],
): Map<string, Tally> {
  const byActivity = new Map<string, Tally>();
  for (const activity of activities) byActivity.set(activity, { count: 0, values: {} });
  for (const row of rows) {
    const t = byActivity.get(row.activity)!;
    t.count += row.n;
    if (row.value !== null) t.values[row.value] = row.n;
  }
  return byActivity;
}

const toCount = (activity: string, t: Tally, mine: Map<string, string | null>): KudosCount => ({
  activity,
  count: t.count,
  mine: mine.has(activity),
  myValue: mine.get(activity) ?? null,
  values: { ...t.values },
});

/** Kudos counts read straight from the database (inside a write, after changing them). */
export async function kudosCounts(
  q: Queryable,
  activities: string[],
  callerId: string | undefined,
): Promise<KudosCount[]> {
  const unique = [...new Set(activities)];
  const rows = await q.query<{
    activity: string;
    value: string | null;
    n: number;
    mine: boolean | null;
  }>(
    `SELECT activity, value, count(*)::int AS n, bool_or(giver_id = $2) AS mine
     FROM kudos WHERE activity = ANY($1::text[]) GROUP BY activity, value`,
    [unique, callerId ?? null],
  );
  const tallies = tally(unique, rows);
  const mine = new Map(rows.filter((r) => r.mine).map((r) => [r.activity, r.value]));
  return unique.map((a) => toCount(a, tallies.get(a)!, mine));
}

/**
 * `kudosCounts` through the read cache: the shared part (count and values) of each
 * activity comes from the cache or one grouped query for the missing ones; the caller's own
 * kudos from one query on the primary key.
 */
export async function cachedKudosCounts(
  db: Queryable,
  cache: ReadCache,
  activities: string[],
  callerId: string | undefined,
): Promise<KudosCount[]> {
  const unique = [...new Set(activities)];
  const tallies = new Map<string, Tally>();
  const missing: string[] = [];
  for (const a of unique) {
    const hit = cache.get<Tally>('kudos', a, 'base');
    if (hit) tallies.set(a, hit);
    else missing.push(a);
  }
  if (missing.length) {
    const stamps = missing.map((a) => cache.stamp('kudos', a));
    const rows = await db.query<{ activity: string; value: string | null; n: number }>(
      `SELECT activity, value, count(*)::int AS n FROM kudos
       WHERE activity = ANY($1::text[]) GROUP BY activity, value`,
      [missing],
    );
    const fresh = tally(missing, rows);
    missing.forEach((a, i) => {
      tallies.set(a, fresh.get(a)!);
      cache.set('kudos', a, 'base', fresh.get(a)!, stamps[i]!);
    });
  }
  const mine = new Map<string, string | null>();
  if (callerId) {
    const rows = await db.query<{ activity: string; value: string | null }>(
      'SELECT activity, value FROM kudos WHERE giver_id = $1 AND activity = ANY($2::text[])',
      [callerId, unique],
    );
    for (const r of rows) mine.set(r.activity, r.value);
  }
  return unique.map((a) => toCount(a, tallies.get(a)!, mine));
}

/** Gives (or changes) the giver's kudos on an activity; answers whether it is new. */
export async function giveKudos(
  q: Queryable,
  kudos: {
    activity: string;
    giverId: string;
    recipientId: string | null;
    postId: string | null;
    value: string | null;
    message: string | null;
  },
): Promise<boolean> {
  const [prior] = await q.query('SELECT 1 FROM kudos WHERE activity = $1 AND giver_id = $2', [
    kudos.activity,
    kudos.giverId,
  ]);
  await q.query(
    `INSERT INTO kudos (activity, giver_id, recipient_id, post_id, value, message)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (activity, giver_id) DO UPDATE SET recipient_id = EXCLUDED.recipient_id,
       post_id = EXCLUDED.post_id, value = EXCLUDED.value, message = EXCLUDED.message`,
    [kudos.activity, kudos.giverId, kudos.recipientId, kudos.postId, kudos.value, kudos.message],
  );
  return !prior;
}

/** Withdraws the giver's kudos; answers whether there was one, and the post it was tied to. */
export async function withdrawKudos(
  q: Queryable,
  activity: string,
  giverId: string,
): Promise<{ removed: boolean; postId: string | null }> {
  const removed = await q.query<{ post_id: string | null }>(
    'DELETE FROM kudos WHERE activity = $1 AND giver_id = $2 RETURNING post_id',
    [activity, giverId],
  );
  return { removed: removed.length > 0, postId: removed[0]?.post_id ?? null };
}

export interface GiverRow {
  seq: number;
  giver_id: string;
  name: string | null;
  title: string | null;
  team: string | null;
  value: string | null;
  message: string | null;
  created_at: Date;
}

/** Who gave kudos to an activity, newest first: up to `limit + 1` rows past `after`, and the total. */
export async function listGivers(
  q: Queryable,
  activity: string,
  limit: number,
  after: number | undefined,
): Promise<{ rows: GiverRow[]; total: number }> {
  const params: unknown[] = [activity, limit + 1];
  if (after !== undefined) params.push(after);
  const [totalRow] = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM kudos WHERE activity = $1',
    [activity],
  );
  const rows = await q.query<GiverRow>(
    `SELECT k.seq, k.giver_id, p.name, p.title, p.team, k.value, k.message, k.created_at
     FROM kudos k LEFT JOIN people p ON p.id = k.giver_id
     WHERE k.activity = $1 ${after !== undefined ? 'AND k.seq < $3' : ''}
     ORDER BY k.seq DESC LIMIT $2`,
    params,
  );
  return { rows, total: totalRow?.n ?? 0 };
}
