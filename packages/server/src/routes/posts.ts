/**
 * Threads: `GET /posts` (a page of root posts, each followed by its descendants),
 * `POST /posts`, `PATCH /posts/{id}`, `DELETE /posts/{id}` and `POST /posts/{id}/reports`.
 * Handlers check the request, call `data/posts.ts` and shape the answer.
 *
 * A post carries `version`; answers with one post say `ETag: "<version>"`, and `PATCH`
 * honours `If-Match` (412 with the `current` post; `preconditions.ts`).
 *
 * Paging is by keyset on the roots (`seq`, plus `kudos` for sort `top`), so a cursor stays
 * correct while posts are added: a new root lands after the last page (oldest) or before
 * the first (newest) and never shifts the pages in between.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import {
  CreatePost,
  CreateReport,
  LIMIT_DEFAULT,
  PostsQuery,
  UpdatePost,
  type PostPage,
} from '@peerkit/core/contract';
import { isModerator, unauthorized } from '../auth.js';
import { ensurePerson } from '../data/people.js';
import { deletePost, insertPost, postForWrite, toPost, updatePost } from '../data/posts.js';
import { noteReply } from '../data/qa.js';
import { skillKey } from '@peerkit/core/contract';
import { SORTS, threadPage } from '../data/thread.js';
import { saveReport } from '../data/reports.js';
import {
  allowRead,
  check,
  cursorInt,
  decodeCursor,
  encodeCursor,
  IdParam,
  parseBody,
  parseQuery,
  personSummary,
  requirePerson,
  type AppEnv,
  type Ctx,
  type Deps,
} from '../http.js';
import { checkIfMatch, etag } from '../preconditions.js';
import { HttpError } from '../problem.js';
import { treeOrder } from '../thread-order.js';
import { qaRoutes } from './qa.js';

export function postRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/', listPosts(deps));
  app.post('/', createPost(deps));
  app.patch('/:id', editPost(deps));
  app.delete('/:id', removePost(deps));
  app.post('/:id/reports', reportPost(deps));
  qaRoutes(app, deps);

  return app;
}

function listPosts(deps: Deps) {
  const { db, config, cache } = deps;
  return async (c: Ctx) => {
    const caller = allowRead(c, config);
    const query = parseQuery(c, PostsQuery);
    const sort = query.sort ?? 'oldest';
    const limit = query.limit ?? LIMIT_DEFAULT;
    const moderator = isModerator(caller);
    const tag = query.tag?.trim() ? query.tag : undefined;
    const view = query.filter;
    if (view === 'mine' && !caller) throw unauthorized('sign in to see your own questions');
    const mine = view === 'mine' ? caller!.id : undefined;
    const key = JSON.stringify([
      sort,
      limit,
      moderator,
      query.cursor,
      tag && skillKey(tag),
      view,
      mine,
    ]);
    const hit = cache.get<string>('posts', query.activity, key);
    if (hit) return c.body(hit, 200, { 'content-type': 'application/json' });
    const stamp = cache.stamp('posts', query.activity);
    const cursor = decodeCursor(query.cursor);
    if (cursor && cursor['o'] !== sort) {
      throw new HttpError(400, 'the cursor belongs to another sort order', {
        errors: [{ path: 'cursor', message: 'made for another sort order' }],
      });
    }
    const after = cursor ? SORTS[sort].keys.map((k) => cursorInt(cursor[k])) : undefined;
    const { rows, total, open, eventId } = await threadPage(db, {
      activity: query.activity,
      sort,
      limit,
      after,
      moderator,
      filter: { tag, filter: view, callerId: mine },
    });
    const maxRank = rows.reduce((m, r) => Math.max(m, Number(r.root_rank)), 0);
    const hasMore = maxRank > limit;
    const kept = hasMore ? rows.filter((r) => Number(r.root_rank) <= limit) : rows;
    const page: PostPage = {
      items: treeOrder(kept).map(({ row, replies }) => toPost(row, replies, moderator)),
      nextCursor: null,
      total,
      open,
      eventId: String(eventId),
    };
    if (hasMore) {
      const last = kept.filter((r) => r.parent_id === null).at(-1)!;
      page.nextCursor = encodeCursor({
        o: sort,
        s: last.root_seq,
        k: last.root_kudos,
        a: Number(last.root_answered),
      });
    }
    // The page is cached with the event id it was read at: served later, the id is older than
    // the newest event, never newer than the rows, so a reader resuming from it only gets
    // events again (docs/decisions.md §22).
    const body = JSON.stringify(page);
    cache.set('posts', query.activity, key, body, stamp);
    return c.body(body, 200, { 'content-type': 'application/json' });
  };
}

function createPost(deps: Deps) {
  const { events } = deps;
  return async (c: Ctx) => {
    const caller = requirePerson(c);
    const input = parseBody(c, CreatePost);
    const post = await deps.tx(async (q) => {
      await ensurePerson(q, caller);
      const parent =
        input.parentId === undefined ? undefined : await postForWrite(q, input.parentId, 'reply');
      if (parent && parent.activity !== input.activity) {
        throw new HttpError(400, 'a reply must be about the same activity as its parent', {
          errors: [{ path: 'parentId', message: 'belongs to another activity' }],
        });
      }
      if (parent) await noteReply(q, parent, caller.id);
      const { row, mentioned } = await insertPost(q, {
        id: randomUUID(),
        activity: input.activity,
        authorId: caller.id,
        body: input.body,
        tags: input.tags,
        ...(parent ? { parent } : {}),
      });
      const post = toPost(row, 0, false);
      await events.publish(q, 'post.created', post);
      const parentPost = parent && toPost(parent, parent.reply_count ?? 0, false);
      await deps.webhooks.postCreated(q, post, mentioned, parentPost);
      return post;
    });
    return c.json(post, 201, { etag: etag(post.version) });
  };
}

function editPost(deps: Deps) {
  const { events } = deps;
  return async (c: Ctx) => {
    const caller = requirePerson(c);
    const id = check(IdParam, c.req.param('id'));
    const input = parseBody(c, UpdatePost);
    const post = await deps.tx(async (q) => {
      const row = await postForWrite(q, id, 'edit');
      if (row.author_id !== caller.id && !isModerator(caller)) {
        throw new HttpError(403, 'only the author or a moderator may edit this post');
      }
      checkIfMatch(c, row.version, toPost(row, row.reply_count ?? 0, isModerator(caller)));
      await ensurePerson(q, caller);
      const { row: updated, mentioned } = await updatePost(q, id, input);
      const replies = updated.reply_count ?? 0;
      const shown = toPost(updated, replies, false);
      await events.publish(q, 'post.updated', shown);
      const actor = personSummary(caller.id, caller.name, null, null);
      await deps.webhooks.mentioned(q, shown, mentioned, actor);
      return toPost(updated, replies, isModerator(caller));
    });
    return c.json(post, 200, { etag: etag(post.version) });
  };
}

function removePost(deps: Deps) {
  const { events } = deps;
  return async (c: Ctx) => {
    const caller = requirePerson(c);
    const id = check(IdParam, c.req.param('id'));
    const placeholder = await deps.tx(async (q) => {
      const row = await postForWrite(q, id, 'delete');
      if (row.author_id !== caller.id && !isModerator(caller)) {
        throw new HttpError(403, 'only the author or a moderator may delete this post');
      }
      return deletePost(q, events, row, caller.id);
    });
    if (placeholder) return c.json(placeholder, 200, { etag: etag(placeholder.version) });
    return c.body(null, 204);
  };
}

function reportPost(deps: Deps) {
  return async (c: Ctx) => {
    const caller = requirePerson(c);
    const id = check(IdParam, c.req.param('id'));
    const input = parseBody(c, CreateReport);
    const { report, created } = await deps.tx(async (q) => {
      const row = await postForWrite(q, id, 'report');
      await ensurePerson(q, caller);
      const saved = await saveReport(q, { postId: id, reporterId: caller.id, ...input });
      if (saved.created) {
        const { id: reportId, reason, note } = saved.report;
        await deps.webhooks.emit(q, 'report.created', {
          activity: row.activity,
          post: toPost(row, row.reply_count ?? 0, true),
          actor: personSummary(caller.id, caller.name, null, null),
          recipient: null,
          report: { id: reportId, reason, note },
        });
      }
      return saved;
    });
    return c.json(report, created ? 201 : 200);
  };
}
