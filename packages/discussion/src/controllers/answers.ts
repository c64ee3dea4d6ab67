/**
 * Q&A mode (docs/decisions.md §18): who may accept an answer. The question's author or a
 * moderator presses "Accept answer" (a toggle button) under a direct reply; saving it is
 * `PostToggles.accept` (controllers/toggles.ts, loaded with the first press).
 */
import type { Post } from '@peerkit/core';
import type { DiscussionContext } from './context.js';
import type { ThreadController } from './thread.js';

/** Whether the signed-in person may accept `post`: a direct reply to their own question. */
export function canAccept(ctx: DiscussionContext, thread: ThreadController, post: Post): boolean {
  if (!ctx.canWrite() || post.depth !== 1 || !post.parentId || post.deleted) return false;
  if (ctx.moderator()) return true;
  const question = thread.model.posts.get(post.parentId);
  const me = ctx.me();
  return !!me && question?.author?.id === me.id;
}
