/**
 * One post as an `<article>` of the feed: initials avatar, author name and title, a
 * relative `<time>` with the absolute time on hover, the Markdown body, the "edited"
 * marker, its own `<peer-kudos>`, and the actions the person may take on it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, formatRelativeTime, msg, str, type Post } from '@peerkit/core';
import { renderMarkdown } from './markdown.js';

/** The IRI a post is known by (kudos, xAPI); the reference server uses the same scheme. */
export const postIri = (id: string): string => `urn:peerkit:post:${id}`;

/** Deepest indentation drawn, whatever `max-depth` says. */
export const MAX_INDENT = 8;

/** An id usable inside an IDREF list (no white space). */
export const domId = (prefix: string, id: string): string =>
  `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const last = words.length > 1 ? words[words.length - 1]! : '';
  const pick = (w: string) => (w ? (Array.from(w)[0] ?? '') : '');
  return (pick(first) + pick(last)).toLocaleUpperCase() || '?';
}

function hue(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  // Twelve hues, each with its own CSS rule: no inline styles (a strict CSP forbids them).
  return h % 12;
}

/** What a post needs from the element drawing it. */
export interface PostHost {
  readonly locale: string;
  readonly meId: string | null;
  readonly moderator: boolean;
  /** Whether writing is possible at all (signed in, not readonly). */
  readonly canWrite: boolean;
  readonly readonly: boolean;
  /** The depth at which deeper replies attach. */
  readonly maxDepth: number;
  authorOf(id: string | null): string | null;
  /** Whether the post came near the viewport, so its kudos are drawn. */
  kudosShown(id: string): boolean;
  reply(post: Post): void;
  edit(post: Post): void;
  askDelete(post: Post): void;
  askReport(post: Post): void;
}

export interface PostRenderOptions {
  posinset: number;
  setsize: number;
  fresh: boolean;
  /** The editor drawn in place of the body, when editing. */
  editor: TemplateResult | null;
  /** The reply composer drawn under the post. */
  replyBox: TemplateResult | null;
}

export function renderPost(host: PostHost, post: Post, o: PostRenderOptions): TemplateResult {
  const authorId = domId('a', post.id);
  /** One of the post's actions, described by its author's name for screen readers. */
  const action = (name: string, label: string, run: () => void) =>
    html`<button
      type="button"
      class="button link"
      data-action=${name}
      aria-describedby=${authorId}
      @click=${run}
    >
      ${label}
    </button>`;
  const timeId = domId('t', post.id);
  // Indented by CSS rules per level (no inline styles under a strict CSP), up to MAX_INDENT.
  const depth = Math.min(post.depth, host.maxDepth, MAX_INDENT);
  const beyond = post.depth > Math.min(host.maxDepth, MAX_INDENT);
  const hiddenForMe = post.hidden && !host.moderator;
  const gone = post.deleted || hiddenForMe;
  const mine = !!post.author && post.author.id === host.meId;
  const name = post.author?.name ?? msg('Deleted post', { id: 'discussion.deleted.author' });
  const answering = beyond ? host.authorOf(post.parentId) : null;
  const replyToId = domId('r', post.id);
  const canAct = host.canWrite && !gone;

  const body = gone
    ? html`<p class="placeholder">
        ${
          post.deleted
            ? msg('This post was deleted.', { id: 'discussion.deleted' })
            : msg('This post was hidden by a moderator.', { id: 'discussion.hidden' })
        }
      </p>`
    : (o.editor ?? renderMarkdown(post.body));

  return html`<article
    part="post"
    id=${domId('p', post.id)}
    class=${o.fresh ? 'fresh' : ''}
    data-id=${post.id}
    data-depth=${depth}
    tabindex="0"
    aria-posinset=${o.posinset}
    aria-setsize=${o.setsize}
    aria-labelledby="${authorId} ${timeId}"
    aria-describedby=${answering ? replyToId : nothing}
  >
    <span part="avatar" aria-hidden="true" data-hue=${post.author ? hue(post.author.id) : nothing}
      >${post.author ? initials(post.author.name) : '–'}</span
    >
    <div class="meta">
      <span class="author" id=${authorId}>${name}</span>
      ${post.author?.title ? html`<span class="title">${post.author.title}</span>` : nothing}
      <time
        id=${timeId}
        datetime=${post.createdAt}
        title=${formatDateTime(post.createdAt, host.locale)}
        >${formatRelativeTime(post.createdAt, host.locale)}</time
      >
      ${
        post.editedAt && !post.deleted
          ? html`<span class="edited" title=${formatDateTime(post.editedAt, host.locale)}
              >${msg('edited', { id: 'discussion.edited' })}</span
            >`
          : nothing
      }
      ${
        post.hidden && host.moderator
          ? html`<span class="hidden-mark"
              >${msg('hidden from others', { id: 'discussion.hidden.mark' })}</span
            >`
          : nothing
      }
    </div>
    ${
      answering
        ? html`<p class="in-reply" id=${replyToId}>
            ${msg(str`In reply to ${answering}`, { id: 'discussion.in-reply' })}
          </p>`
        : nothing
    }
    <div part="body">${body}</div>
    ${
      o.editor && !gone
        ? nothing
        : html`<div part="actions">
            ${
              !gone && post.author && !host.kudosShown(post.id)
                ? html`<span class="kudos-slot" aria-hidden="true"></span>`
                : nothing
            }
            ${
              !gone && post.author && host.kudosShown(post.id)
                ? html`<peer-kudos
                    activity=${postIri(post.id)}
                    recipient=${post.author.id}
                    recipient-name=${post.author.name}
                    ?readonly=${host.readonly}
                  ></peer-kudos>`
                : nothing
            }
            ${
              canAct
                ? action('reply', msg('Reply', { id: 'discussion.reply' }), () => host.reply(post))
                : nothing
            }
            ${
              canAct && mine
                ? action('edit', msg('Edit', { id: 'discussion.edit' }), () => host.edit(post))
                : nothing
            }
            ${
              canAct && (mine || host.moderator)
                ? action('delete', msg('Delete', { id: 'discussion.delete' }), () =>
                    host.askDelete(post),
                  )
                : nothing
            }
            ${
              canAct && !mine && post.author
                ? action('report', msg('Report', { id: 'discussion.report' }), () =>
                    host.askReport(post),
                  )
                : nothing
            }
          </div>`
    }
    ${o.replyBox ? html`<div class="reply-slot">${o.replyBox}</div>` : nothing}
  </article>`;
}
