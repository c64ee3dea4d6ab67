/**
 * The thread: the root composer, the "new posts" button of the live stream, the empty
 * state, and the ARIA feed of the drawn window with "Show earlier" and "Load more".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { loadingLabel, retryLabel, type Post } from '@peerkit/core';
import { messages } from '../messages.js';

export interface FeedProps {
  locale: string;
  /** The drawn posts, and the index of the first one in the whole loaded thread. */
  shown: readonly Post[];
  start: number;
  /** `aria-setsize`: the number of loaded posts, `-1` while more pages exist. */
  setsize: number;
  empty: boolean;
  /** What an empty filtered thread says (a tag, the highlights), else `null`: the `empty` slot. */
  emptyText: string | null;
  hasMore: boolean;
  moreLoading: boolean;
  moreFailed: boolean;
  /** Posts by others waiting behind the "new posts" button. */
  incoming: number;
  canWrite: boolean;
  composer: TemplateResult | typeof nothing;
  /** Draws one post at its 1-based position in the thread. */
  post: (post: Post, posinset: number) => TemplateResult;
}

export interface FeedHandlers {
  showIncoming(): void;
  showEarlier(): void;
  loadMore(): void;
}

export function renderFeed(p: FeedProps, on: FeedHandlers): TemplateResult {
  return html`${p.composer}
  ${
    p.incoming
      ? html`<button type="button" class="button primary new-posts" @click=${on.showIncoming}>
          ${messages.showNew(p.incoming, p.locale)}
        </button>`
      : nothing
  }
  ${p.empty ? renderEmpty(p.canWrite, p.emptyText) : renderPosts(p, on)}`;
}

function renderEmpty(canWrite: boolean, text: string | null): TemplateResult {
  if (text) return html`<div class="notice empty"><p>${text}</p></div>`;
  return html`<div class="notice empty">
    <slot name="empty">
      <p><strong>${messages.empty()}</strong> ${canWrite ? messages.emptyHint() : nothing}</p>
    </slot>
  </div>`;
}

function renderPosts(p: FeedProps, on: FeedHandlers): TemplateResult {
  return html`${
      p.start > 0
        ? html`<div class="more">
            <button type="button" class="button" data-action="earlier" @click=${on.showEarlier}>
              ${messages.earlier(p.start, p.locale)}
            </button>
          </div>`
        : nothing
    }
    <div
      role="feed"
      part="feed"
      aria-labelledby="heading"
      aria-busy=${p.moreLoading ? 'true' : 'false'}
    >
      ${repeat(
        p.shown,
        (post) => post.id,
        (post, i) => p.post(post, p.start + i + 1),
      )}
    </div>
    ${
      p.moreFailed
        ? html`<div class="notice error" role="alert"><p>${messages.moreError()}</p></div>`
        : nothing
    }
    ${p.hasMore ? renderMore(p, on) : nothing}`;
}

function renderMore(p: FeedProps, on: FeedHandlers): TemplateResult {
  return html`<div class="more">
    <button
      type="button"
      class="button"
      data-action="more"
      aria-disabled=${p.moreLoading ? 'true' : 'false'}
      @click=${on.loadMore}
    >
      ${p.moreLoading ? loadingLabel() : p.moreFailed ? retryLabel() : messages.more()}
    </button>
  </div>`;
}
