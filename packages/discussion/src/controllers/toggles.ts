/**
 * The two flags a person sets on a post with a toggle button (docs/decisions.md §18, §19):
 *
 * - **Accept answer** (Q&A): the question's author or a moderator accepts a direct reply, or
 *   unaccepts it. The server's answer replaces the reply (and its question's `accepted`), is
 *   announced, when accepted told to the host as `peer-answer-accepted`, and recorded both
 *   ways (`accepted`, `withdrew-acceptance`: the answer as object, the question as parent).
 * - **Highlight** (moderators): "recognised by the community team", or the highlight
 *   withdrawn; announced, told to the host as `peer-post-highlighted` (`{ post, highlighted }`)
 *   and recorded (`highlighted`, `withdrew-highlight`). In the Highlights view a tree left with
 *   nothing highlighted leaves the view at once, with focus on the next post.
 *
 * While a post's flag is being saved its toggles are drawn busy (`PostProps.saving`) and
 * further presses on them are ignored (docs/decisions.md §24).
 *
 * Loaded with the first press (the actions chunk, controllers/actions.ts); a failure is
 * announced and dispatched as `peer-error`.
 */
import type { Post } from '@peerkit/core';
import { PeerAnswerAcceptedEvent, PeerPostHighlightedEvent } from '../toggle-events.js';
import { writeErrorText } from '../messages.js';
import { more } from '../more-messages.js';
import { recordPost } from '../xapi.js';
import { canAccept } from './answers.js';
import type { DiscussionContext } from './context.js';
import type { ThreadController } from './thread.js';

export class PostToggles {
  /** Ids of the posts whose flag is being saved (their accept button is disabled). */
  readonly pending = new Set<string>();

  constructor(
    private readonly ctx: DiscussionContext,
    private readonly thread: ThreadController,
  ) {}

  /** Accepts `post` as an answer, or unaccepts it when it is accepted. */
  accept(post: Post): Promise<void> {
    if (!canAccept(this.ctx, this.thread, post)) return Promise.resolve();
    return this.save(post, async (client) => {
      const answer = await client.acceptAnswer(post.id, !post.accepted);
      this.thread.model.acceptance(answer);
      this.ctx.announce(answer.accepted ? more.acceptedSaid() : more.unacceptedSaid());
      if (answer.accepted)
        this.ctx.host.dispatchEvent(new PeerAnswerAcceptedEvent({ post: answer }));
      const verb = answer.accepted ? 'accepted' : 'withdrew-acceptance';
      recordPost(this.ctx.recorder(), this.ctx.thread(), verb, answer);
    });
  }

  /** Highlights `post`, or withdraws its highlight; moderators only. */
  highlight(post: Post): Promise<void> {
    if (!this.ctx.moderator()) return Promise.resolve();
    return this.save(post, async (client) => {
      const saved = await client.highlightPost(post.id, !post.highlighted);
      const highlighted = !!saved.highlighted;
      this.thread.model.update(saved);
      const left = !highlighted && this.leaveHighlights(saved);
      this.ctx.announce(
        highlighted
          ? more.highlightedSaid()
          : left
            ? more.unhighlightedLeft()
            : more.unhighlightedSaid(),
      );
      this.ctx.host.dispatchEvent(new PeerPostHighlightedEvent({ post: saved, highlighted }));
      const verb = highlighted ? 'highlighted' : 'withdrew-highlight';
      recordPost(this.ctx.recorder(), this.ctx.thread(), verb, saved);
    });
  }

  /**
   * In the Highlights view, a post's tree leaves once nothing in it is highlighted (as
   * `GET /posts?filter=highlighted` would no longer list it, docs/decisions.md §18, §19), and
   * focus, on the pressed toggle that went with it, moves to the post drawn after the tree,
   * else before it, else the heading. Returns whether it left.
   */
  private leaveHighlights(post: Post): boolean {
    if (this.thread.query().filter !== 'highlighted') return false;
    const list = this.thread.model.list();
    // The view holds whole trees (roots at depth 0), each a run of the list: find its ends.
    let at = list.findIndex((p) => p.id === post.id);
    if (at < 0) return false;
    while (at > 0 && list[at]!.depth) at--;
    let end = at + 1;
    while (list[end]?.depth) end++;
    if (list.slice(at, end).some((p) => p.highlighted && !p.deleted)) return false;
    const next = list[end] ?? list[at - 1];
    this.thread.model.remove(list[at]!.id);
    if (next) this.thread.reveal(next.id);
    else this.ctx.focus(() => this.ctx.query('#heading'));
    this.thread.changed();
    return true;
  }

  /** Runs one save for `post` at a time, redrawing around it; a failure is announced. */
  private async save(
    post: Post,
    run: (client: NonNullable<ReturnType<DiscussionContext['client']>>) => Promise<void>,
  ): Promise<void> {
    const client = this.ctx.client();
    if (!client || this.pending.has(post.id)) return;
    this.pending.add(post.id);
    this.ctx.host.requestUpdate();
    try {
      await run(client);
    } catch (error) {
      this.ctx.announce(writeErrorText(this.ctx.fail(error), this.ctx.online()));
    } finally {
      this.pending.delete(post.id);
      this.ctx.host.requestUpdate();
    }
  }
}
