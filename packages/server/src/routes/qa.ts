/**
 * Questions and answers (docs/decisions.md §18), beside the other post routes:
 *
 * - `PUT /posts/{id}/acceptance` accepts the direct reply `{id}` as an answer to its question;
 *   `DELETE` unaccepts it. The question's author or a moderator only (403); several answers
 *   may be accepted; a reply deeper than an answer, or a hidden one, cannot be (409). Both
 *   answer 200 with the reply (`accepted` says the state) and are idempotent.
 * - `PUT /posts/{id}/highlight` highlights a post ("recognised by the community team");
 *   `DELETE` removes the highlight. Moderators only (403); a hidden post cannot be (409).
 *
 * Neither changes a post's `version` (what it says and whether it shows stay the same, as with
 * kudos); thread readers get `post.updated` for the reply and, on acceptance, its question.
 */
import type { Hono } from 'hono';
import type { Post } from '@peerkit/core/contract';
import { isModerator, type Caller } from '../auth.js';
import type { WriteTx } from '../cache.js';
import { ensurePerson } from '../data/people.js';
import { loadPost, postForWrite, toPost, type PostRow } from '../data/posts.js';
import { setAccepted, setHighlighted } from '../data/qa.js';
import { check, IdParam, requirePerson, type AppEnv, type Ctx, type Deps } from '../http.js';
import { etag } from '../preconditions.js';
import { HttpError } from '../problem.js';

export function qaRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.put('/:id/acceptance', acceptance(deps, true));
  app.delete('/:id/acceptance', acceptance(deps, false));
  app.put('/:id/highlight', highlight(deps, true));
  app.delete('/:id/highlight', highlight(deps, false));
}

/** Publishes `post.updated` for these rows (as any reader sees them) once they changed. */
async function publishUpdated(deps: Deps, q: WriteTx, ids: string[]): Promise<void> {
  for (const id of ids) {
    const row = await loadPost(q, id);
    if (row) await deps.events.publish(q, 'post.updated', toPost(row, row.reply_count ?? 0, false));
  }
}

/** The post after a Q&A write, as the caller sees it, with its `ETag`. */
function answer(c: Ctx, row: PostRow, caller: Caller) {
  const post: Post = toPost(row, row.reply_count ?? 0, isModerator(caller));
  return c.json(post, 200, { etag: etag(post.version) });
}

function acceptance(deps: Deps, accept: boolean) {
  return async (c: Ctx) => {
    const caller = requirePerson(c);
    const id = check(IdParam, c.req.param('id'));
    const row = await deps.tx(async (q) => {
      const reply = await postForWrite(q, id, 'accept');
      if (reply.depth !== 1 || reply.parent_id === null) {
        throw new HttpError(409, 'only a direct reply to a question can be accepted as an answer');
      }
      // Locked after the reply, as deleting a reply does: no two writes wait on each other.
      const question = await postForWrite(q, reply.parent_id, 'accept');
      if (question.author_id !== caller.id && !isModerator(caller)) {
        throw new HttpError(403, "only the question's author or a moderator may accept answers");
      }
      if (accept && reply.hidden) throw new HttpError(409, 'a hidden post cannot be accepted');
      await ensurePerson(q, caller);
      if (await setAccepted(q, reply, accept, caller.id)) {
        await publishUpdated(deps, q, [reply.id, question.id]);
      }
      return (await loadPost(q, id))!;
    });
    return answer(c, row, caller);
  };
}

function highlight(deps: Deps, on: boolean) {
  return async (c: Ctx) => {
    const caller = requirePerson(c);
    const id = check(IdParam, c.req.param('id'));
    if (!isModerator(caller)) throw new HttpError(403, 'only a moderator may highlight posts');
    const row = await deps.tx(async (q) => {
      const post = await postForWrite(q, id, 'highlight');
      if (on && post.hidden) throw new HttpError(409, 'a hidden post cannot be highlighted');
      await ensurePerson(q, caller);
      if (await setHighlighted(q, post, on, caller.id)) await publishUpdated(deps, q, [post.id]);
      return (await loadPost(q, id))!;
    });
    return answer(c, row, caller);
  };
}
