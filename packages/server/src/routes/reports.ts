/**
 * The moderators' queue (role `moderator`): `GET /reports` and
 * `POST /reports/{id}/resolve` with `keep`, `hide` or `delete`. Resolving one report
 * resolves every open report of the same post the same way. `If-Match` on a resolution
 * carries the version of the post as the moderator saw it (412 with the `current` queue
 * entry when the post changed since); the answer's `ETag` is the post's new version.
 */
import { Hono } from 'hono';
import { ReportsQuery, ResolveReport } from '@peerkit/core/contract';
import { isModerator } from '../auth.js';
import { deletePost, postForWrite, setHidden, toPost } from '../data/posts.js';
import { listReports, loadReport, markResolved, toReportItem } from '../data/reports.js';
import {
  check,
  IdParam,
  keysetArgs,
  keysetPage,
  parseBody,
  parseQuery,
  requirePerson,
  type AppEnv,
  type Ctx,
  type Deps,
} from '../http.js';
import { checkIfMatch, etag } from '../preconditions.js';
import { HttpError } from '../problem.js';

function requireModerator(c: Ctx) {
  const caller = requirePerson(c);
  if (!isModerator(caller)) throw new HttpError(403, 'only moderators may do this');
  return caller;
}

const STATUS = { keep: 'kept', hide: 'hidden', delete: 'deleted' } as const;

export function reportRoutes(deps: Deps) {
  const { db, events, tx } = deps;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    requireModerator(c);
    const query = parseQuery(c, ReportsQuery);
    const { limit, after } = keysetArgs(query);
    const { rows, total } = await listReports(db, query, limit, after);
    return c.json(keysetPage(rows, limit, total, toReportItem, (r) => r.report_seq));
  });

  app.post('/:id/resolve', async (c) => {
    const caller = requireModerator(c);
    const id = check(IdParam, c.req.param('id'));
    const { action } = parseBody(c, ResolveReport);
    const item = await tx(async (q) => {
      const report = await loadReport(q, id);
      if (!report) throw new HttpError(404, 'no such report');
      // A queue row carries the post's columns: `id` is the post's id.
      const post = await postForWrite(q, report.id, 'resolve');
      // The moderator decides on the post as they saw it: If-Match carries its version.
      checkIfMatch(c, post.version, toReportItem(report));
      if (action === 'delete') await deletePost(q, events, post, caller.id);
      else if (post.hidden !== (action === 'hide')) {
        const updated = await setHidden(q, post, action === 'hide');
        await events.publish(q, 'post.updated', toPost(updated, updated.reply_count ?? 0, false));
      }
      await markResolved(q, { id, postId: post.id }, STATUS[action], caller.id);
      return toReportItem((await loadReport(q, id))!);
    });
    return c.json(item, 200, { etag: etag(item.post.version) });
  });

  return app;
}
