/**
 * Kudos: `GET /kudos?activity=…&activity=…` (counts for many activities in one query),
 * `POST /kudos` (give, or change one's value: one kudos per person and activity),
 * `DELETE /kudos?activity=` (withdraw) and `GET /kudos/givers?activity=`.
 *
 * Kudos on a post: an activity IRI that names a post (`urn:peerkit:post:{id}`, or one
 * ending in `#post-{id}` or `/posts/{id}`) is tied to that post; its count shows in the
 * post's `kudos`, the recipient defaults to the post's author, and readers of the thread
 * get a `post.updated` event.
 */
import { Hono } from 'hono';
import {
  GiveKudos,
  KudosGiversQuery,
  KudosQuery,
  type KudosCount,
  type KudosGiver,
} from '@peerkit/core/contract';
import { notifyKudos, type ReadCache } from '../cache.js';
import type { Queryable } from '../db.js';
import {
  ActivityQuery,
  allowRead,
  keysetArgs,
  keysetPage,
  iso,
  parseBody,
  parseQuery,
  personSummary,
  requirePerson,
  type AppEnv,
  type Deps,
} from '../http.js';
import { HttpError } from '../problem.js';
import { ensurePerson, loadPost, toPost } from './posts.js';

const POST_IRI =
  /(?:^urn:peerkit:post:|#post-|\/posts\/)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

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
async function kudosCounts(
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
async function cachedKudosCounts(
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

export function kudosRoutes(deps: Deps) {
  const { db, config, events, cache } = deps;
  const app = new Hono<AppEnv>();

  /** Recounts a post's kudos and tells readers of its thread. */
  const touchPost = async (q: Queryable, postId: string | null) => {
    if (!postId) return;
    await q.query(
      'UPDATE posts SET kudos = (SELECT count(*)::int FROM kudos WHERE post_id = $1) WHERE id = $1',
      [postId],
    );
    const row = await loadPost(q, postId);
    if (row) await events.publish(q, 'post.updated', toPost(row, row.reply_count ?? 0, false));
  };

  app.get('/', async (c) => {
    const caller = allowRead(c, config);
    // Anonymous readers (most page views) share whole answers: the query string is the
    // key, valid because it was checked when the entry was made.
    const search = c.req.url.slice(c.req.url.indexOf('?') + 1);
    const shareable = !caller && c.req.url.includes('?');
    if (shareable) {
      const hit = cache.getShared<string>('kudos', search);
      if (hit) return c.body(hit, 200, { 'content-type': 'application/json' });
    }
    const { activity } = parseQuery(c, KudosQuery, ['activity']);
    const stamps = shareable ? activity.map((a) => cache.stamp('kudos', a)) : [];
    const body = JSON.stringify({
      items: await cachedKudosCounts(db, cache, activity, caller?.id),
    });
    if (shareable) cache.setShared('kudos', activity, search, body, stamps);
    return c.body(body, 200, { 'content-type': 'application/json' });
  });

  app.post('/', async (c) => {
    const caller = requirePerson(c);
    const input = parseBody(c, GiveKudos);
    const { count, created } = await deps.tx(async (q) => {
      await ensurePerson(q, caller);
      let recipient = input.recipient ?? null;
      let postId: string | null = null;
      const match = POST_IRI.exec(input.activity);
      if (match) {
        const post = await loadPost(q, match[1]!.toLowerCase());
        if (post && !post.deleted) {
          postId = post.id;
          recipient ??= post.author_id;
        }
      }
      if (recipient === caller.id) throw new HttpError(403, 'you cannot give kudos to yourself');
      const [prior] = await q.query('SELECT 1 FROM kudos WHERE activity = $1 AND giver_id = $2', [
        input.activity,
        caller.id,
      ]);
      await q.query(
        `INSERT INTO kudos (activity, giver_id, recipient_id, post_id, value, message)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (activity, giver_id) DO UPDATE SET recipient_id = EXCLUDED.recipient_id,
           post_id = EXCLUDED.post_id, value = EXCLUDED.value, message = EXCLUDED.message`,
        [input.activity, caller.id, recipient, postId, input.value ?? null, input.message ?? null],
      );
      await touchPost(q, postId);
      await notifyKudos(q, input.activity);
      const [count] = await kudosCounts(q, [input.activity], caller.id);
      return { count: count!, created: !prior };
    });
    return c.json(count, created ? 201 : 200);
  });

  app.delete('/', async (c) => {
    const caller = requirePerson(c);
    const { activity } = parseQuery(c, ActivityQuery);
    const count = await deps.tx(async (q) => {
      const removed = await q.query<{ post_id: string | null }>(
        'DELETE FROM kudos WHERE activity = $1 AND giver_id = $2 RETURNING post_id',
        [activity, caller.id],
      );
      await touchPost(q, removed[0]?.post_id ?? null);
      if (removed.length) await notifyKudos(q, activity);
      const [count] = await kudosCounts(q, [activity], caller.id);
      return count!;
    });
    return c.json(count);
  });

  app.get('/givers', async (c) => {
    allowRead(c, config);
    const query = parseQuery(c, KudosGiversQuery);
    const { limit, after } = keysetArgs(query);
    const params: unknown[] = [query.activity, limit + 1];
    if (after !== undefined) params.push(after);
    const [totalRow] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM kudos WHERE activity = $1',
      [query.activity],
    );
    const rows = await db.query<{
      seq: number;
      giver_id: string;
      name: string | null;
      title: string | null;
      team: string | null;
      value: string | null;
      message: string | null;
      created_at: Date;
    }>(
      `SELECT k.seq, k.giver_id, p.name, p.title, p.team, k.value, k.message, k.created_at
       FROM kudos k LEFT JOIN people p ON p.id = k.giver_id
       WHERE k.activity = $1 ${after !== undefined ? 'AND k.seq < $3' : ''}
       ORDER BY k.seq DESC LIMIT $2`,
      params,
    );
    const toGiver = (r: (typeof rows)[number]): KudosGiver => ({
      person: personSummary(r.giver_id, r.name, r.title, r.team),
      value: r.value,
      message: r.message,
      createdAt: iso(r.created_at),
    });
    return c.json(keysetPage(rows, limit, totalRow?.n ?? 0, toGiver, (r) => r.seq));
  });

  return app;
}
