/**
 * Highlights (docs/decisions.md §19): a moderator highlights a post ("recognised by the
 * community team") or withdraws the highlight with the "Highlight" toggle of its actions.
 * The server answers the post with its `highlighted` state, which replaces it in the thread,
 * is announced, told to the host as `peer-post-highlighted` and recorded (`highlighted`,
 * `withdrew-highlight`). Loaded with the first press (the actions chunk, controllers/actions.ts).
 */
import type { Post } from '@peerkit/core';
import { PeerPostHighlightedEvent } from '../events.js';
import { writeErrorText } from '../messages.js';
import { more } from '../more-messages.js';
import { recordPost } from '../xapi.js';
import type { DiscussionContext } from './context.js';
import type { ThreadController } from './thread.js';

export class HighlightsController {
  /** Ids of the posts whose highlight is being saved (their toggle is disabled). */
  readonly pending = new Set<string>();

  constructor(
    private readonly ctx: DiscussionContext,
    private readonly thread: ThreadController,
  ) {}

  /** Highlights `post`, or withdraws its highlight; moderators only. */
  async toggle(post: Post): Promise<void> {
    const client = this.ctx.client();
    if (!client || !this.ctx.moderator() || this.pending.has(post.id)) return;
    this.pending.add(post.id);
    this.ctx.host.requestUpdate();
    try {
      const saved = await client.highlightPost(post.id, !post.highlighted);
      const highlighted = !!saved.highlighted;
      this.thread.model.update(saved);
      this.ctx.announce(highlighted ? more.highlightedSaid() : more.unhighlightedSaid());
      this.ctx.host.dispatchEvent(new PeerPostHighlightedEvent({ post: saved, highlighted }));
      const verb = highlighted ? 'highlighted' : 'withdrew-highlight';
      recordPost(this.ctx.recorder(), this.ctx.thread(), verb, saved);
    } catch (error) {
      this.ctx.announce(writeErrorText(this.ctx.fail(error), this.ctx.online()));
    } finally {
      this.pending.delete(post.id);
      this.ctx.host.requestUpdate();
    }
  }
}
