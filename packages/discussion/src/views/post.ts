/**
 * One post as an `<article>` of the feed: initials avatar, author name and title, a
 * relative `<time>` with the absolute time on hover, the Markdown body, the "edited"
 * marker, its own `<peer-kudos>`, and the actions the person may take on it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, formatRelativeTime, skillKey, type Post } from '@peerkit/core';
import { bdi, fill, slot } from '@peerkit/core/bidi';
import {
  avatarHue,
  avatarInitials,
  openPersonCard,
  personCardAvailable,
} from '@peerkit/core/person-card';
import { messages } from '../messages.js';
import { MAX_INDENT } from '../model/config.js';
import { postIri } from '../xapi.js';
import { domId } from './ids.js';
import { renderBody } from './body.js';

/** What one post is drawn from, besides the post itself. */
export interface PostProps {
  locale: string;
  meId: string | null;
  moderator: boolean;
  /** Whether writing is possible at all (signed in, not readonly). */
  canWrite: boolean;
  readonly: boolean;
  /** The depth at which deeper replies attach. */
  maxDepth: number;
  /** The name of the post this one answers, when it is drawn flattened (beyond `maxDepth`). */
  answering: string | null;
  /** Whether the post came near the viewport, so its kudos are drawn. */
  kudosShown: boolean;
  posinset: number;
  setsize: number;
  fresh: boolean;
  /** The editor drawn in place of the body, when editing. */
  editor: TemplateResult | null;
  /** The reply composer drawn under the post. */
  replyBox: TemplateResult | null;
  /** Q&A mode: whether the accepted mark is drawn. */
  qa: boolean;
  /** Whether the accept toggle is drawn (the asker or a moderator, Q&A mode). */
  accept: boolean;
  /**
   * A flag of this post (accepted, highlighted) is being saved: its toggles are drawn busy
   * (`aria-disabled`; presses are ignored meanwhile, docs/decisions.md §24).
   */
  saving: boolean;
  /**
   * The skill tag the thread is narrowed to, else `null`: a post's tag with the same
   * `skillKey` (any case or spelling of it) is drawn pressed.
   */
  tag: string | null;
}

export interface PostHandlers {
  reply(post: Post): void;
  edit(post: Post): void;
  askDelete(post: Post): void;
  askReport(post: Post): void;
  accept(post: Post): void;
  /** A click on one of the post's skill tags. */
  tag(post: Post, tag: string): void;
  /** A moderator's "Highlight" toggle. */
  highlight(post: Post): void;
}

export function renderPost(post: Post, p: PostProps, on: PostHandlers): TemplateResult {
  const authorId = domId('a', post.id);
  const timeId = domId('t', post.id);
  const replyToId = domId('r', post.id);
  // Indented by CSS rules per level (no inline styles under a strict CSP), up to MAX_INDENT.
  const depth = Math.min(post.depth, p.maxDepth, MAX_INDENT);
  const gone = post.deleted || (post.hidden && !p.moderator);
  return html`<article
    part="post"
    id=${domId('p', post.id)}
    class=${p.fresh ? 'fresh' : ''}
    data-id=${post.id}
    data-depth=${depth}
    tabindex="0"
    aria-posinset=${p.posinset}
    aria-setsize=${p.setsize}
    aria-labelledby="${authorId} ${timeId}"
    aria-describedby=${p.answering ? replyToId : nothing}
  >
    <span
      part="avatar"
      aria-hidden="true"
      data-hue=${post.author ? avatarHue(post.author.id) : nothing}
      >${post.author ? avatarInitials(post.author.name) : '–'}</span
    >
    ${renderMeta(post, p, authorId, timeId)}
    ${
      p.answering
        ? html`<p class="in-reply" id=${replyToId}>
            ${fill(messages.inReply(slot(0)), [bdi(p.answering)])}
          </p>`
        : nothing
    }
    <div part="body" dir=${gone || p.editor ? nothing : 'auto'}>
      ${gone ? renderGone(post) : (p.editor ?? renderBody(post))}
    </div>
    ${renderTags(post, p, on, gone)}
    ${p.editor && !gone ? nothing : renderActions(post, p, on, authorId, gone)}
    ${p.replyBox ? html`<div class="reply-slot">${p.replyBox}</div>` : nothing}
  </article>`;
}

/** The post's skill tags, each a button that narrows the thread to it (none while editing). */
function renderTags(
  post: Post,
  p: PostProps,
  on: PostHandlers,
  gone: boolean,
): TemplateResult | typeof nothing {
  if (gone || p.editor || !post.tags?.length) return nothing;
  return html`<ul class="tags" part="tags" aria-label=${messages.tags()}>
    ${post.tags.map(
      (tag) =>
        html`<li>
          <button
            type="button"
            class="button"
            data-tag=${tag}
            aria-pressed=${p.tag !== null && skillKey(p.tag) === skillKey(tag) ? 'true' : 'false'}
            @click=${() => on.tag(post, tag)}
          >
            <bdi>${tag}</bdi>
          </button>
        </li>`,
    )}
  </ul>`;
}

function renderGone(post: Post): TemplateResult {
  return html`<p class="placeholder">${post.deleted ? messages.deleted() : messages.hidden()}</p>`;
}

function renderMeta(post: Post, p: PostProps, authorId: string, timeId: string): TemplateResult {
  const name = post.author?.name ?? messages.deletedAuthor();
  const author = post.author;
  return html`<div class="meta">
    ${
      // The author's name opens the kit's person card when one is registered (decisions §9).
      author && personCardAvailable()
        ? html`<button
            type="button"
            class="author person"
            part="author"
            id=${authorId}
            @click=${(e: Event) => openPersonCard(e.currentTarget as HTMLElement, author)}
          >
            <bdi>${name}</bdi>
          </button>`
        : html`<bdi class="author" id=${authorId}>${name}</bdi>`
    }
    ${post.author?.title ? html`<bdi class="title">${post.author.title}</bdi>` : nothing}
    <time id=${timeId} datetime=${post.createdAt} title=${formatDateTime(post.createdAt, p.locale)}
      >${formatRelativeTime(post.createdAt, p.locale)}</time
    >
    ${
      post.editedAt && !post.deleted
        ? html`<span class="edited" title=${formatDateTime(post.editedAt, p.locale)}
            >${messages.edited()}</span
          >`
        : nothing
    }
    ${
      post.hidden && p.moderator
        ? html`<span class="hidden-mark">${messages.hiddenMark()}</span>`
        : nothing
    }
    ${p.qa ? renderQaMark(post) : nothing}
    ${
      // A star drawn by CSS before the words, as the accepted mark's tick.
      post.highlighted && !post.deleted
        ? html`<span class="highlight-mark">${messages.highlightedMark()}</span>`
        : nothing
    }
  </div>`;
}

/** Q&A mode: "Accepted answer" on an accepted reply, "Answered" on a question that has one. */
function renderQaMark(post: Post): TemplateResult | typeof nothing {
  if (post.accepted) return html`<span class="accepted-mark">${messages.acceptedMark()}</span>`;
  return post.question?.accepted && !post.deleted
    ? html`<span class="accepted-mark answered-mark">${messages.answeredMark()}</span>`
    : nothing;
}

/** The actions the person may take on a post, in the order they are drawn. */
function actionsFor(post: Post, p: PostProps, on: PostHandlers, gone: boolean) {
  if (!p.canWrite || gone) return [];
  const mine = !!post.author && post.author.id === p.meId;
  // A fourth element makes a toggle button (whether it is pressed), whose save may be under way.
  type Action = [name: string, label: string, run: () => void, pressed?: boolean];
  const actions: Action[] = [];
  if (p.accept) actions.push(['accept', messages.accept(), () => on.accept(post), !!post.accepted]);
  actions.push(['reply', messages.reply(), () => on.reply(post)]);
  if (mine) actions.push(['edit', messages.edit(), () => on.edit(post)]);
  if (mine || p.moderator) actions.push(['delete', messages.delete(), () => on.askDelete(post)]);
  if (!mine && post.author) actions.push(['report', messages.report(), () => on.askReport(post)]);
  if (p.moderator)
    actions.push(['highlight', messages.highlight(), () => on.highlight(post), !!post.highlighted]);
  return actions;
}

function renderActions(
  post: Post,
  p: PostProps,
  on: PostHandlers,
  authorId: string,
  gone: boolean,
): TemplateResult {
  const author = !gone ? post.author : null;
  return html`<div part="actions">
    ${author && !p.kudosShown ? html`<span class="kudos-slot" aria-hidden="true"></span>` : nothing}
    ${
      author && p.kudosShown
        ? html`<peer-kudos
            activity=${postIri(post.id)}
            recipient=${author.id}
            recipient-name=${author.name}
            ?readonly=${p.readonly}
          ></peer-kudos>`
        : nothing
    }
    ${actionsFor(post, p, on, gone).map(
      // Each action is described by its author's name for screen readers. A toggle whose save
      // is under way is busy as every such button of the kit (docs/decisions.md §24):
      // aria-disabled, not disabled, so focus stays on the button that was pressed.
      ([name, label, run, pressed]) =>
        html`<button
          type="button"
          class="button link"
          data-action=${name}
          aria-pressed=${pressed ?? nothing}
          aria-disabled=${pressed !== undefined && p.saving ? 'true' : nothing}
          aria-describedby=${authorId}
          @click=${run}
        >
          ${label}
        </button>`,
    )}
  </div>`;
}
