/**
 * Q&A mode (docs/decisions.md §18): accepting and unaccepting answers. The question's author
 * or a moderator presses "Accept answer" (a toggle button) under a direct reply; the server
 * answers the reply with its `accepted` state, which replaces it in the thread, is announced,
 * and, when accepted, is told to the host as `peer-answer-accepted`; both ways are recorded
 * (`accepted`, `withdrew-acceptance`: the answer as object, the question as parent).
 */
import type { Post } from '@peerkit/core';
import { PeerAnswerAcceptedEvent } from '../events.js';
import { messages, writeErrorText } from '../messages.js';
import type { DiscussionContext } from './context.js';
import type { ThreadController } from './thread.js';
import { recordPost } from '../xapi.js';

export class AnswersController {
  /** Ids of the answers whose acceptance is being saved (their button is disabled). */
  readonly pending = new Set<string>();

  constructor(
    private readonly ctx: DiscussionContext,
    private readonly thread: ThreadController,
  ) {}

  /** Whether the signed-in person may accept `post`: a direct reply to their own question. */
  canAccept(post: Post): boolean {
    if (!this.ctx.canWrite() || post.depth !== 1 || !post.parentId || post.deleted) return false;
    if (this.ctx.moderator()) return true;
    const question = this.thread.model.posts.get(post.parentId);
    const me = this.ctx.me();
    return !!me && question?.author?.id === me.id;
  }

  /** Accepts `post`, or unaccepts it when it is accepted. */
  async toggle(post: Post): Promise<void> {
    const client = this.ctx.client();
    if (!client || this.pending.has(post.id) || !this.canAccept(post)) return;
    this.pending.add(post.id);
    this.ctx.host.requestUpdate();
    try {
      const answer = await client.acceptAnswer(post.id, !post.accepted);
      this.thread.model.acceptance(answer);
      this.ctx.announce(answer.accepted ? messages.acceptedSaid() : messages.unacceptedSaid());
      if (answer.accepted)
        this.ctx.host.dispatchEvent(new PeerAnswerAcceptedEvent({ post: answer }));
      const verb = answer.accepted ? 'accepted' : 'withdrew-acceptance';
      recordPost(this.ctx.recorder(), this.ctx.thread(), verb, answer);
    } catch (error) {
      this.ctx.announce(writeErrorText(this.ctx.fail(error), this.ctx.online()));
    } finally {
      this.pending.delete(post.id);
      this.ctx.host.requestUpdate();
    }
  }
}
