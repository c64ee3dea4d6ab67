/**
 * Kudos: `GET /kudos?activity=…&activity=…` (counts for many activities in one query),
 * `POST /kudos/query` (the same answer for a batch too long for a URL), `POST /kudos` (give,
 * or change one's value: one kudos per person and activity), `DELETE /kudos?activity=`
 * (withdraw) and `GET /kudos/givers?activity=`.
 *
 * Kudos on a post: an activity IRI that names a post (`urn:peerkit:post:{id}`, or one
 * ending in `#post-{id}` or `/posts/{id}`) is tied to that post; its count shows in the
 * post's `kudos`, the recipient defaults to the post's author, and readers of the thread
 * get a `post.updated` event. A deleted post takes no kudos (404/409, `postForWrite`).
 */
import { Hono } from 'hono';
import {
  GiveKudos,
  KudosGiversQuery,
  KudosQuery,
  KudosQueryBody,
  type KudosGiver,
} from '@peerkit/core/contract';
import { notifyKudos } from '../cache.js';
import type { Queryable } from '../db.js';
import {
  cachedKudosCounts,
  giveKudos,
  kudosCounts,
  listGivers,
  withdrawKudos,
  type GiverRow,
} from '../data/kudos.js';
import { ensurePerson } from '../data/people.js';
import { postExists, postForWrite, recountKudos, toPost } from '../data/posts.js';
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
  type Ctx,
  type Deps,
} from '../http.js';
import { HttpError } from '../problem.js';

const POST_IRI =
  /(?:^urn:peerkit:post:|#post-|\/posts\/)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const toGiver = (r: GiverRow): KudosGiver => ({
  person: personSummary(r.giver_id, r.name, r.title, r.team),
  value: r.value,
  message: r.message,
  createdAt: iso(r.created_at),
});

/** Recounts a post's kudos and tells readers of its thread. */
async function touchPost(q: Queryable, events: Deps['events'], postId: string | null) {
  if (!postId) return;
  const row = await recountKudos(q, postId);
  if (row) await events.publish(q, 'post.updated', toPost(row, row.reply_count ?? 0, false));
}

export function kudosRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/', countKudos(deps));

  // The same answer as `GET /` for a batch too long for a URL (docs/decisions.md §4): a safe
  // query, so the app neither rate-limits it nor keeps its Idempotency-Key.
  app.post('/query', queryKudos(deps));
  app.post('/', give(deps));
  app.delete('/', withdraw(deps));
  app.get('/givers', givers(deps));

  return app;
}

function countKudos(deps: Deps) {
  const { db, config, cache } = deps;
  return async (c: Ctx) => {
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
  };
}

function queryKudos(deps: Deps) {
  const { db, config, cache } = deps;
  return async (c: Ctx) => {
    const caller = allowRead(c, config);
    const { activity } = parseBody(c, KudosQueryBody);
    return c.json({ items: await cachedKudosCounts(db, cache, activity, caller?.id) });
  };
}

function give(deps: Deps) {
  const { events } = deps;
  return async (c: Ctx) => {
    const caller = requirePerson(c);
    const input = parseBody(c, GiveKudos);
    const { count, created } = await deps.tx(async (q) => {
      await ensurePerson(q, caller);
      let recipient = input.recipient ?? null;
      let postId: string | null = null;
      const match = POST_IRI.exec(input.activity);
      const named = match ? match[1]!.toLowerCase() : null;
      if (named && (await postExists(q, named))) {
        const post = await postForWrite(q, named, 'kudos');
        postId = post.id;
        recipient ??= post.author_id;
      }
      if (recipient === caller.id) throw new HttpError(403, 'you cannot give kudos to yourself');
      const created = await giveKudos(q, {
        activity: input.activity,
        giverId: caller.id,
        recipientId: recipient,
        postId,
        value: input.value ?? null,
        message: input.message ?? null,
      });
      await touchPost(q, events, postId);
      await notifyKudos(q, input.activity);
      const [count] = await kudosCounts(q, [input.activity], caller.id);
      return { count: count!, created };
    });
    return c.json(count, created ? 201 : 200);
  };
}

function withdraw(deps: Deps) {
  const { events } = deps;
  return async (c: Ctx) => {
    const caller = requirePerson(c);
    const { activity } = parseQuery(c, ActivityQuery);
    const count = await deps.tx(async (q) => {
      const { removed, postId } = await withdrawKudos(q, activity, caller.id);
      await touchPost(q, events, postId);
      if (removed) await notifyKudos(q, activity);
      const [count] = await kudosCounts(q, [activity], caller.id);
      return count!;
    });
    return c.json(count);
  };
}

function givers(deps: Deps) {
  const { db, config } = deps;
  return async (c: Ctx) => {
    allowRead(c, config);
    const query = parseQuery(c, KudosGiversQuery);
    const { limit, after } = keysetArgs(query);
    const { rows, total } = await listGivers(db, query.activity, limit, after);
    return c.json(keysetPage(rows, limit, total, toGiver, (r) => r.seq));
  };
}
