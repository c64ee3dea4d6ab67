/**
 * What narrows the thread besides the Q&A "Show" menu (docs/decisions.md §19): the
 * "Highlights" view (`filter=highlighted`) and a skill tag (`tag=`, a click on a post's tag).
 * A tag combines with the view shown (all, unanswered, highlights): the server takes both.
 * The highlights view takes the place of the Q&A "Show" choice while it is on (the server
 * takes one `filter`). Choosing a tag says "Showing posts tagged …" in the live region and
 * moves focus to the bar's **Clear**; clearing it moves focus back to the tag that was
 * clicked once the full thread is drawn (the heading when that post is not in it).
 * Loaded with the first tag or "Highlights" pressed (the actions chunk, controllers/actions.ts),
 * so a reader's first paint does not carry it.
 */
import { html, type TemplateResult } from 'lit';
import type { Post } from '@peerkit/core';
import { bdi, fill, slot } from '@peerkit/core/bidi';
import { more } from '../more-messages.js';
import type { DiscussionContext } from './context.js';
import type { ThreadController } from './thread.js';

export class FiltersController {
  /** The "Highlights" view is on. */
  highlights = false;
  /** The skill tag the thread is narrowed to, else `null`. */
  tag: string | null = null;
  /** The post whose tag was clicked (focus goes back to it). */
  private from: string | null = null;

  constructor(
    private readonly ctx: DiscussionContext,
    private readonly thread: ThreadController,
  ) {}

  /** Turns the highlights view on or off. */
  toggleHighlights(): void {
    this.highlights = !this.highlights;
    this.ctx.host.requestUpdate();
  }

  /** Narrows the thread to `tag` (a click on it under `post`). */
  showTag(tag: string, post: Post): void {
    this.tag = tag;
    this.from = post.id;
    this.ctx.announce(more.tagShowing(tag));
    this.ctx.focus(() => this.ctx.query('[data-action="clear-tag"]'));
  }

  /** Shows the thread without the tag, then focuses the tag that was clicked. */
  async clearTag(): Promise<void> {
    const { tag, from } = this;
    this.tag = this.from = null;
    this.ctx.host.requestUpdate();
    await this.ctx.host.updateComplete;
    await this.thread.first.taskComplete;
    if (from && this.thread.model.posts.has(from)) this.thread.reveal(from, false);
    const button = () =>
      from ? this.thread.postElement(from)?.querySelector<HTMLElement>(tagSelector(tag!)) : null;
    this.ctx.focus(() => button() ?? this.ctx.query('#heading'));
  }

  /** What an empty narrowed thread says, else `null` (the element's `empty` slot). */
  emptyText(): string | null {
    if (this.highlights) return more.highlightsEmpty();
    return this.tag ? more.tagEmpty(this.tag) : null;
  }

  /** "Showing posts tagged SQL" with its **Clear** (drawn while the thread loads or fails too). */
  renderBar(): TemplateResult | null {
    if (!this.tag) return null;
    return html`<div class="notice toolbar">
      <p>${fill(more.tagShowing(slot(0)), [bdi(this.tag)])}</p>
      <button
        type="button"
        class="button"
        data-action="clear-tag"
        @click=${() => void this.clearTag()}
      >
        ${more.tagClear()}
      </button>
    </div>`;
  }
}

/** The button of `tag` in a post. */
const tagSelector = (tag: string) => `[data-tag="${CSS.escape(tag)}"]`;
