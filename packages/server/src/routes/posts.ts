/**
 * Threads: `GET /posts` (a page of root posts, each followed by its descendants),
 * `POST /posts`, `PATCH /posts/{id}`, `DELETE /posts/{id}`, `POST /posts/{id}/reports` and
 * the live stream `GET /posts/stream`.
 *
 * Paging is by keyset on the roots (`seq`, plus `kudos` for sort `top`), so a cursor stays
 * correct while posts are added: a new root lands after the last page (oldest) or before
 * the first (newest) and never shifts the pages in between.
 *
 * Deleting a post with replies leaves a placeholder (`deleted`, no author, empty body);
 * a deleted post without visible replies is removed from every answer, and so is a deleted
 * ancestor that loses its last reply that way.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import {
  CreatePost,
  CreateReport,
  LIMIT_DEFAULT,
  PostsQuery,
  UpdatePost,
  type Post,
  type PostPage,
  type Report,
} from '@peerkit/core/contract';
import { isModerator, type Caller } from '../auth.js';
import type { Queryable } from '../db.js';
import {
  ActivityQuery,
  allowRead,
  check,
  cursorInt,
  decodeCursor,
  encodeCursor,
  IdParam,
  iso,
  parseBody,
  parseQuery,
  personSummary,
  requirePerson,
  type AppEnv,
  type Deps,
} from '../http.js';
import { HttpError } from '../problem.js';
import type { StoredEvent } from '../events.js';

export interface PostRow {
  id: string;
  activity: string;
  parent_id: string | null;
  root_id: string;
  depth: number;
  author_id: string;
  author_name: string | null;
  author_title: string | null;
  author_team: string | null;
  body: string;
  created_at: Date | string;
  edited_at: Date | string | null;
  deleted: boolean;
  hidden: boolean;
  kudos: number;
  version: number;
  reply_count?: number;
}

export const POST_COLUMNS = `p.id, p.activity, p.parent_id, p.root_id, p.depth, p.author_id,
  a.name AS author_name, a.title AS author_title, a.team AS author_team, p.body, p.created_at,
  p.edited_at, p.deleted, p.hidden, p.kudos, p.version`;

/** A stored post as the contract shows it to `viewer`. */
export function toPost(row: PostRow, replyCount: number, moderator: boolean): Post {
  const concealed = row.deleted || (row.hidden && !moderator);
  return {
    id: row.id,
    activity: row.activity,
    parentId: row.parent_id,
    depth: row.depth,
    author: row.deleted
      ? null
      : personSummary(row.author_id, row.author_name, row.author_title, row.author_team),
    body: concealed ? '' : row.body,
    version: row.version,
    createdAt: iso(row.created_at),
    editedAt: row.edited_at ? iso(row.edited_at) : null,
    deleted: row.deleted,
    hidden: row.hidden,
    replyCount,
    kudos: row.kudos,
  };
}

/** One post with its reply count, or undefined. */
export async function loadPost(q: Queryable, id: string): Promise<PostRow | undefined> {
  const [row] = await q.query<PostRow>(
    `SELECT ${POST_COLUMNS},
       (SELECT count(*)::int FROM posts c WHERE c.parent_id = p.id AND NOT c.removed) AS reply_count
     FROM posts p LEFT JOIN people a ON a.id = p.author_id
     WHERE p.id = $1 AND NOT p.removed`,
    [id],
  );
  return row;
}

/** Ensures the caller has a row in `people` (for author names). */
export async function ensurePerson(q: Queryable, caller: Caller): Promise<void> {
  await q.query(
    `INSERT INTO people (id, name, email) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = COALESCE(EXCLUDED.email, people.email)
     WHERE people.name IS DISTINCT FROM EXCLUDED.name
        OR (EXCLUDED.email IS NOT NULL AND people.email IS DISTINCT FROM EXCLUDED.email)`,
    [caller.id, caller.name, caller.email ?? null],
  );
}

/**
 * Marks a deleted post removed when no visible reply is left under it, then its deleted
 * ancestors in turn. Answers the ids removed.
 */
export async function prune(q: Queryable, id: string): Promise<string[]> {
  const removed: string[] = [];
  let current: string | null = id;
  while (current) {
    const [row]: { parent_id: string | null; deleted: boolean; live: number }[] = await q.query(
      `SELECT p.parent_id, p.deleted,
         (SELECT count(*)::int FROM posts c WHERE c.parent_id = p.id AND NOT c.removed) AS live
       FROM posts p WHERE p.id = $1 AND NOT p.removed`,
      [current],
    );
    if (!row || !row.deleted || row.live > 0) break;
    await q.query('UPDATE posts SET removed = TRUE WHERE id = $1', [current]);
    removed.push(current);
    current = row.parent_id;
  }
  return removed;
}

/**
 * How each sort pages its roots: the order, the condition past a cursor (parameters from
 * `$3`) and the cursor fields that fill it.
 */
const SORTS = {
  oldest: { order: 'seq ASC', after: 'seq > $3', keys: ['s'] },
  newest: { order: 'seq DESC', after: 'seq < $3', keys: ['s'] },
  top: { order: 'kudos DESC, seq DESC', after: '(kudos, seq) < ($3, $4)', keys: ['k', 's'] },
} as const;

export function postRoutes(deps: Deps) {
  const { db, config, events, cache } = deps;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const caller = allowRead(c, config);
    const query = parseQuery(c, PostsQuery);
    const sort = query.sort ?? 'oldest';
    const limit = query.limit ?? LIMIT_DEFAULT;
    const moderator = isModerator(caller);
    const key = `${sort}|${limit}|${moderator ? 'm' : ''}|${query.cursor ?? ''}`;
    const hit = cache.get<string>('posts', query.activity, key);
    if (hit) return c.body(hit, 200, { 'content-type': 'application/json' });
    const stamp = cache.stamp('posts', query.activity);
    const cursor = decodeCursor(query.cursor);
    if (cursor && cursor['o'] !== sort) {
      throw new HttpError(400, 'the cursor belongs to another sort order', {
        errors: [{ path: 'cursor', message: 'made for another sort order' }],
      });
    }
    const { order, after, keys } = SORTS[sort];
    const params: unknown[] = [query.activity, limit + 1];
    if (cursor) params.push(...keys.map((k) => cursorInt(cursor[k])));
    const where = cursor ? `AND ${after}` : '';
    // One round trip: the page of roots, all their descendants, and the thread total.
    const rows = await db.query<
      PostRow & { root_seq: number; root_kudos: number; root_rank: number; total: number }
    >(
      `WITH roots AS (
         SELECT id, seq, kudos, row_number() OVER (ORDER BY ${order}) AS rank
         FROM posts
         WHERE activity = $1 AND parent_id IS NULL AND NOT removed ${where}
         ORDER BY ${order}
         LIMIT $2
       )
       SELECT ${POST_COLUMNS}, r.seq AS root_seq, r.kudos AS root_kudos, r.rank AS root_rank,
         (SELECT count(*)::int FROM posts t WHERE t.activity = $1 AND NOT t.removed) AS total
       FROM roots r
       JOIN posts p ON p.root_id = r.id AND NOT p.removed
       LEFT JOIN people a ON a.id = p.author_id
       ORDER BY r.rank, p.seq`,
      params,
    );
    let total: number;
    if (rows.length) total = rows[0]!.total;
    else {
      const [row] = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM posts WHERE activity = $1 AND NOT removed',
        [query.activity],
      );
      total = row?.n ?? 0;
    }
    const maxRank = rows.reduce((m, r) => Math.max(m, Number(r.root_rank)), 0);
    const hasMore = maxRank > limit;
    const kept = hasMore ? rows.filter((r) => Number(r.root_rank) <= limit) : rows;
    const page: PostPage = {
      items: treeOrder(kept, moderator),
      nextCursor: null,
      total,
    };
    if (hasMore) {
      const last = kept.filter((r) => r.parent_id === null).at(-1)!;
      page.nextCursor = encodeCursor({ o: sort, s: last.root_seq, k: last.root_kudos });
    }
    const body = JSON.stringify(page);
    cache.set('posts', query.activity, key, body, stamp);
    return c.body(body, 200, { 'content-type': 'application/json' });
  });

  app.post('/', async (c) => {
    const caller = requirePerson(c);
    const input = parseBody(c, CreatePost);
    const post = await deps.tx(async (q) => {
      await ensurePerson(q, caller);
      let parent: PostRow | undefined;
      if (input.parentId !== undefined) {
        parent = await loadPost(q, input.parentId);
        if (!parent) throw new HttpError(404, 'the post replied to does not exist');
        if (parent.activity !== input.activity) {
          throw new HttpError(400, 'a reply must be about the same activity as its parent', {
            errors: [{ path: 'parentId', message: 'belongs to another activity' }],
          });
        }
        if (parent.deleted) throw new HttpError(409, 'the post replied to was deleted');
      }
      const id = randomUUID();
      await q.query(
        `INSERT INTO posts (id, activity, parent_id, root_id, depth, author_id, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          input.activity,
          parent?.id ?? null,
          parent ? parent.root_id : id,
          parent ? parent.depth + 1 : 0,
          caller.id,
          input.body,
        ],
      );
      const row = (await loadPost(q, id))!;
      const post = toPost(row, 0, false);
      await events.publish(q, 'post.created', post);
      return post;
    });
    return c.json(post, 201);
  });

  app.patch('/:id', async (c) => {
    const caller = requirePerson(c);
    const id = check(IdParam, c.req.param('id'));
    const input = parseBody(c, UpdatePost);
    const post = await deps.tx(async (q) => {
      const row = await loadPost(q, id);
      if (!row) throw new HttpError(404, 'no such post');
      if (row.author_id !== caller.id && !isModerator(caller)) {
        throw new HttpError(403, 'only the author or a moderator may edit this post');
      }
      if (row.deleted) throw new HttpError(409, 'the post was deleted');
      await ensurePerson(q, caller);
      await q.query('UPDATE posts SET body = $2, edited_at = now() WHERE id = $1', [
        id,
        input.body,
      ]);
      const updated = (await loadPost(q, id))!;
      await events.publish(q, 'post.updated', toPost(updated, updated.reply_count ?? 0, false));
      return toPost(updated, updated.reply_count ?? 0, isModerator(caller));
    });
    return c.json(post);
  });

  app.delete('/:id', async (c) => {
    const caller = requirePerson(c);
    const id = check(IdParam, c.req.param('id'));
    const placeholder = await deps.tx(async (q) => {
      const row = await loadPost(q, id);
      if (!row) throw new HttpError(404, 'no such post');
      if (row.author_id !== caller.id && !isModerator(caller)) {
        throw new HttpError(403, 'only the author or a moderator may delete this post');
      }
      return deletePost(q, events, row);
    });
    if (placeholder) return c.json(placeholder);
    return c.body(null, 204);
  });

  app.post('/:id/reports', async (c) => {
    const caller = requirePerson(c);
    const id = check(IdParam, c.req.param('id'));
    const input = parseBody(c, CreateReport);
    const { report, created } = await deps.tx(async (q) => {
      const row = await loadPost(q, id);
      if (!row || row.deleted) throw new HttpError(404, 'no such post');
      await ensurePerson(q, caller);
      const [existing] = await q.query<{ id: string }>(
        'SELECT id FROM reports WHERE post_id = $1 AND reporter_id = $2',
        [id, caller.id],
      );
      const reportId = existing?.id ?? randomUUID();
      await q.query(
        `INSERT INTO reports (id, post_id, reporter_id, reason, note) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (post_id, reporter_id)
         DO UPDATE SET reason = EXCLUDED.reason, note = EXCLUDED.note, status = 'open',
           resolved_by = NULL, resolved_at = NULL`,
        [reportId, id, caller.id, input.reason, input.note ?? null],
      );
      const [r] = await q.query<{
        id: string;
        post_id: string;
        reason: Report['reason'];
        note: string | null;
        created_at: Date;
        status: Report['status'];
      }>('SELECT id, post_id, reason, note, created_at, status FROM reports WHERE id = $1', [
        reportId,
      ]);
      const report: Report = {
        id: r!.id,
        postId: r!.post_id,
        reason: r!.reason,
        note: r!.note,
        createdAt: iso(r!.created_at),
        status: r!.status,
      };
      return { report, created: !existing };
    });
    return c.json(report, created ? 201 : 200);
  });

  return app;
}

/** Deletes a post (the caller checked the right to); answers the placeholder if one stays. */
export async function deletePost(
  q: Queryable,
  events: Deps['events'],
  row: PostRow,
): Promise<Post | null> {
  await q.query(`UPDATE posts SET deleted = TRUE, body = '' WHERE id = $1`, [row.id]);
  const removed = await prune(q, row.id);
  const gone = removed.includes(row.id);
  const deleted = toPost(
    { ...row, deleted: true, body: '' },
    gone ? 0 : (row.reply_count ?? 0),
    false,
  );
  await events.publish(q, 'post.deleted', deleted);
  for (const ancestorId of removed.slice(1)) {
    const [a] = await q.query<PostRow>(
      `SELECT ${POST_COLUMNS} FROM posts p LEFT JOIN people a ON a.id = p.author_id WHERE p.id = $1`,
      [ancestorId],
    );
    if (a) await events.publish(q, 'post.deleted', toPost(a, 0, false));
  }
  return gone ? null : deleted;
}

/** Roots in page order, each followed by its descendants depth first, siblings oldest first. */
function treeOrder(rows: PostRow[], moderator: boolean): Post[] {
  const children = new Map<string, PostRow[]>();
  const roots: PostRow[] = [];
  for (const row of rows) {
    if (row.parent_id === null) roots.push(row);
    else {
      const list = children.get(row.parent_id);
      if (list) list.push(row);
      else children.set(row.parent_id, [row]);
    }
  }
  const out: Post[] = [];
  const visit = (row: PostRow) => {
    const kids = children.get(row.id) ?? [];
    out.push(toPost(row, kids.length, moderator));
    for (const kid of kids) visit(kid);
  };
  for (const root of roots) visit(root);
  return out;
}

/** `GET /posts/stream?activity=`: server-sent events, resumable with `Last-Event-ID`. */
export function streamRoute(deps: Deps) {
  const { config, events } = deps;
  const app = new Hono<AppEnv>();
  const open = new Set<{ abort(): void }>();

  app.get('/', async (c) => {
    allowRead(c, config);
    const { activity } = parseQuery(c, ActivityQuery);
    const header = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    let lastId: number | undefined;
    if (header !== undefined && header !== '') {
      if (!/^\d{1,15}$/.test(header)) throw new HttpError(400, 'Last-Event-ID is not an event id');
      lastId = Number(header);
    }
    c.header('cache-control', 'no-cache, no-transform');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      const buffered: StoredEvent[] = [];
      let live = false;
      // Ids already sent on this connection. On PostgreSQL two transactions may commit
      // their events out of id order, so a lower id arriving later (even lower than the
      // reader's Last-Event-ID) is still sent; the resume replays a short window for the
      // same reason (`PostEvents.since`).
      const sentIds = new Set<number>();
      if (lastId !== undefined) sentIds.add(lastId);
      let chain = Promise.resolve();
      const send = (e: StoredEvent) => {
        if (sentIds.has(e.id)) return;
        sentIds.add(e.id);
        if (sentIds.size > 10_000) sentIds.delete(sentIds.values().next().value!);
        chain = chain
          .then(() => stream.writeSSE({ id: String(e.id), data: JSON.stringify(e.event) }))
          .catch(() => {});
      };
      const unsubscribe = events.subscribe(activity, (e) => (live ? send(e) : buffered.push(e)));
      let wake: () => void = () => {};
      const handle = {
        abort() {
          stream.abort();
          wake();
        },
      };
      open.add(handle);
      stream.onAbort(() => {
        unsubscribe();
        open.delete(handle);
        wake();
        // The reader went away mid-stream: the chunked answer can never be completed, so
        // the socket is of no further use (and would otherwise hold a graceful close).
        const socket = (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)
          ?.incoming?.socket;
        setTimeout(() => socket?.destroy(), 0);
      });
      try {
        await stream.write(`retry: 3000\n: connected\n\n`);
        if (lastId !== undefined) {
          for (let afterSeq = 0; ;) {
            const page = await events.since(activity, lastId, { afterSeq });
            for (const e of page) send(e);
            if (page.length < 500 || stream.aborted) break;
            afterSeq = page.at(-1)!.id;
          }
        } else {
          // Start from now, but give the client an id to resume from.
          const latest = await events.latestId(activity);
          await stream.write(`id: ${latest}\n: ready\n\n`);
        }
        for (const e of buffered.splice(0)) send(e);
        live = true;
        while (!stream.aborted) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, config.heartbeatMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          if (stream.aborted) break;
          await chain;
          await stream.write(': ping\n\n');
        }
      } finally {
        unsubscribe();
        open.delete(handle);
      }
    });
  });

  return {
    app,
    /** Ends every open stream (graceful shutdown). */
    closeAll() {
      for (const h of [...open]) h.abort();
    },
  };
}
