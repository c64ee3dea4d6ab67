/**
 * The moderators' queue (role `moderator`): `GET /reports` and
 * `POST /reports/{id}/resolve` with `keep`, `hide` or `delete`. Resolving one report
 * resolves every open report of the same post the same way.
 */
import { Hono } from 'hono';
import { ReportsQuery, ResolveReport, type ReportItem } from '@peerkit/core/contract';
import { isModerator } from '../auth.js';
import type { Queryable } from '../db.js';
import {
  check,
  IdParam,
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
import { deletePost, loadPost, POST_COLUMNS, toPost, type PostRow } from './posts.js';

type Row = PostRow & {
  report_seq: number;
  report_id: string;
  reason: ReportItem['reason'];
  note: string | null;
  report_created_at: Date;
  status: ReportItem['status'];
  reporter_id: string;
  reporter_name: string | null;
  reporter_title: string | null;
  reporter_team: string | null;
};

const SELECT = `SELECT r.seq AS report_seq, r.id AS report_id, r.reason, r.note,
    r.created_at AS report_created_at, r.status, r.reporter_id,
    rp.name AS reporter_name, rp.title AS reporter_title, rp.team AS reporter_team,
    ${POST_COLUMNS},
    (SELECT count(*)::int FROM posts c WHERE c.parent_id = p.id AND NOT c.removed) AS reply_count
  FROM reports r
  JOIN posts p ON p.id = r.post_id
  LEFT JOIN people a ON a.id = p.author_id
  LEFT JOIN people rp ON rp.id = r.reporter_id`;

const toItem = (r: Row): ReportItem => ({
  id: r.report_id,
  reason: r.reason,
  note: r.note,
  createdAt: iso(r.report_created_at),
  status: r.status,
  reporter: personSummary(r.reporter_id, r.reporter_name, r.reporter_title, r.reporter_team),
  post: toPost(r, r.reply_count ?? 0, true),
});

const loadItem = async (q: Queryable, id: string) =>
  (await q.query<Row>(`${SELECT} WHERE r.id = $1`, [id]))[0];

function requireModerator(c: Ctx) {
  const caller = requirePerson(c);
  if (!isModerator(caller)) throw new HttpError(403, 'only moderators may do this');
  return caller;
}

export function reportRoutes(deps: Deps) {
  const { db, events, tx } = deps;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    requireModerator(c);
    const query = parseQuery(c, ReportsQuery);
    const { limit, after } = keysetArgs(query);
    const params: unknown[] = [query.status ?? null, query.activity ?? null];
    const where = `($1::text IS NULL OR r.status = $1) AND ($2::text IS NULL OR p.activity = $2)`;
    const [count] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reports r JOIN posts p ON p.id = r.post_id WHERE ${where}`,
      params,
    );
    const pageParams = [...params, limit + 1];
    if (after !== undefined) pageParams.push(after);
    const rows = await db.query<Row>(
      `${SELECT} WHERE ${where} ${after !== undefined ? 'AND r.seq > $4' : ''} ORDER BY r.seq ASC LIMIT $3`,
      pageParams,
    );
    return c.json(keysetPage(rows, limit, count?.n ?? 0, toItem, (r) => r.report_seq));
  });

  app.post('/:id/resolve', async (c) => {
    const caller = requireModerator(c);
    const id = check(IdParam, c.req.param('id'));
    const { action } = parseBody(c, ResolveReport);
    const item = await tx(async (q) => {
      const report = await loadItem(q, id);
      if (!report) throw new HttpError(404, 'no such report');
      const status = action === 'keep' ? 'kept' : action === 'hide' ? 'hidden' : 'deleted';
      // A queue row carries the post's columns (`id` is the post's id; the report's own id
      // is `report_id`).
      const postId = report.id;
      const post = await loadPost(q, postId);
      const setHidden = async (p: PostRow, hidden: boolean) => {
        await q.query('UPDATE posts SET hidden = $2 WHERE id = $1', [p.id, hidden]);
        await events.publish(
          q,
          'post.updated',
          toPost({ ...p, hidden }, p.reply_count ?? 0, false),
        );
      };
      if (action === 'hide' && post) await setHidden(post, true);
      else if (action === 'delete' && post && !post.deleted) await deletePost(q, events, post);
      else if (action === 'keep' && post?.hidden) await setHidden(post, false);
      await q.query(
        `UPDATE reports SET status = $2, resolved_by = $3, resolved_at = now()
         WHERE id = $1 OR (post_id = $4 AND status = 'open')`,
        [id, status, caller.id, postId],
      );
      return toItem((await loadItem(q, id))!);
    });
    return c.json(item);
  });

  return app;
}
