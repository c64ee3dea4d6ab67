/**
 * The composer: one state object per open editor (the new-post box, a reply, an edit),
 * drawn inside the discussion's own shadow root so labels, focus and tests see one tree.
 *
 * It owns what the person typed (saved as a draft on every input), the idempotency key of
 * the write in flight or failed (reused by every retry), the preview toggle and the
 * guidelines step before a first post.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatNumber, msg, POST_BODY_MAX, str, type PeerError } from '@peerkit/core';
import { clearDraft, loadDraft, saveDraft } from './drafts.js';
import { renderMarkdown } from './markdown.js';

export type ComposerMode = 'new' | 'reply' | 'edit';

let composerIds = 0;

export class Composer {
  readonly uid = `c${++composerIds}`;
  body = '';
  /** Idempotency key of the write in flight or failed; cleared once saved. */
  key: string | undefined;
  /** The text `key` was made for: a retry of that text reuses it, changed text gets a new one. */
  keyBody: string | undefined;
  preview = false;
  pending = false;
  error: PeerError | null = null;
  /** A validation message (blank, too long), shown until the person types. */
  invalid: string | null = null;
  /** Showing the participation guidelines before the first post. */
  guidelines = false;

  constructor(
    readonly mode: ComposerMode,
    /** The parent post id (reply), the edited post id (edit), or `''` (new). */
    readonly target: string,
    /** Where the draft lives, `null` for no persistence. */
    readonly storeKey: string | null,
    initial = '',
  ) {
    const draft = storeKey ? loadDraft(storeKey) : null;
    this.body = draft?.body ?? initial;
    this.key = draft?.key;
    this.keyBody = draft?.keyBody;
  }

  get length(): number {
    return this.body.length;
  }

  get over(): boolean {
    return this.body.length > POST_BODY_MAX;
  }

  get blank(): boolean {
    return this.body.trim().length === 0;
  }

  input(value: string): void {
    this.body = value;
    this.invalid = null;
    this.persist();
  }

  /**
   * The idempotency key for this attempt. A retry of the same text reuses the key of the
   * failed attempt, so it can never create a second post even if the first one reached the
   * server; text changed since then is a new write (the server would refuse the old key for
   * a different body) and gets a new key.
   */
  attemptKey(): string {
    if (!this.key || this.keyBody !== this.body) {
      this.key = crypto.randomUUID();
      this.keyBody = this.body;
    }
    this.persist();
    return this.key;
  }

  saved(): void {
    this.body = '';
    this.key = undefined;
    this.keyBody = undefined;
    this.error = null;
    this.pending = false;
    this.preview = false;
    this.guidelines = false;
    if (this.storeKey) clearDraft(this.storeKey);
  }

  /** Forget the draft (an edit cancelled, a reply discarded). */
  discard(): void {
    if (this.storeKey) clearDraft(this.storeKey);
  }

  private persist(): void {
    if (this.storeKey)
      saveDraft(this.storeKey, { body: this.body, key: this.key, keyBody: this.keyBody });
  }
}

/** What the composer needs from the element that draws it. */
export interface ComposerHost {
  readonly locale: string;
  composerInput(c: Composer, value: string): void;
  composerSubmit(c: Composer): void;
  composerCancel(c: Composer): void;
  composerTogglePreview(c: Composer): void;
  composerAgree(c: Composer): void;
  composerBackFromGuidelines(c: Composer): void;
  errorMessage(error: PeerError): string;
}

export interface ComposerLabels {
  label: string;
  submit: string;
  /** Shown as the heading of the box (visually), e.g. "Reply to Ana". */
  placeholder?: string;
}

function counterText(c: Composer, locale: string): string {
  const nf = { format: (n: number) => formatNumber(n, locale) };
  if (c.over) {
    return msg(str`${nf.format(c.length - POST_BODY_MAX)} characters too many`, {
      id: 'discussion.counter.over',
    });
  }
  return msg(str`${nf.format(c.length)} of ${nf.format(POST_BODY_MAX)} characters`, {
    id: 'discussion.counter',
  });
}

const isMac = () => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

export function renderComposer(
  host: ComposerHost,
  c: Composer,
  labels: ComposerLabels,
  guidelines: () => TemplateResult,
): TemplateResult {
  const id = c.uid;
  const hintId = `${id}-hint`;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, counterId, c.invalid || c.error ? errorId : '']
    .filter(Boolean)
    .join(' ');
  const shortcut = isMac() ? '⌘ + Enter' : 'Ctrl + Enter';
  const onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      host.composerSubmit(c);
    } else if (e.key === 'Escape' && c.mode !== 'new') {
      e.preventDefault();
      host.composerCancel(c);
    }
  };
  if (c.guidelines) {
    return html`<section
      part="guidelines"
      class="guidelines"
      aria-labelledby="${id}-g-heading"
      data-composer=${c.uid}
    >
      <h3 id="${id}-g-heading" tabindex="-1">
        ${msg('Before you post', { id: 'discussion.guidelines.heading' })}
      </h3>
      ${guidelines()}
      <div class="buttons toolbar">
        <button type="button" class="button primary" @click=${() => host.composerAgree(c)}>
          ${msg('I agree, post it', { id: 'discussion.guidelines.agree' })}
        </button>
        <button type="button" class="button" @click=${() => host.composerBackFromGuidelines(c)}>
          ${msg('Back to editing', { id: 'discussion.guidelines.back' })}
        </button>
      </div>
    </section>`;
  }
  const errorText = c.invalid ?? (c.error ? host.errorMessage(c.error) : null);
  return html`<form
    part="composer"
    data-composer=${c.uid}
    data-mode=${c.mode}
    aria-busy=${c.pending ? 'true' : 'false'}
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      host.composerSubmit(c);
    }}
  >
    <label for="${id}-text">${labels.label}</label>
    ${
      c.preview
        ? html`<div
            class="preview"
            id="${id}-preview"
            role="region"
            aria-label=${msg('Preview', {
              id: 'discussion.preview.region',
            })}
          >
            ${
              c.blank
                ? html`<p class="hint">
                    ${msg('Nothing to preview yet.', { id: 'discussion.preview.empty' })}
                  </p>`
                : renderMarkdown(c.body)
            }
          </div>`
        : nothing
    }
    <textarea
      part="textarea"
      id="${id}-text"
      name="body"
      ?hidden=${c.preview}
      .value=${live(c.body)}
      placeholder=${ifDefined(labels.placeholder)}
      aria-describedby=${describedBy}
      aria-invalid=${errorText && !c.error ? 'true' : 'false'}
      ?readonly=${c.pending}
      @input=${(e: Event) => host.composerInput(c, (e.target as HTMLTextAreaElement).value)}
      @keydown=${onKeydown}
    ></textarea>
    <p class="hint" id=${hintId}>
      ${msg(str`Markdown works: **bold**, _italic_, \`code\`, lists, links. ${shortcut} posts.`, {
        id: 'discussion.composer.hint',
      })}
    </p>
    ${errorText ? html`<p class="error-text" id=${errorId}>${errorText}</p>` : nothing}
    <div class="composer-foot">
      <span part="counter" id=${counterId} class=${c.over ? 'over' : ''}
        >${counterText(c, host.locale)}</span
      >
      <div class="buttons">
        <button
          type="button"
          class="button"
          aria-pressed=${c.preview ? 'true' : 'false'}
          @click=${() => host.composerTogglePreview(c)}
        >
          ${msg('Preview', { id: 'discussion.preview' })}
        </button>
        ${
          c.mode !== 'new'
            ? html`<button type="button" class="button" @click=${() => host.composerCancel(c)}>
                ${msg('Cancel', { id: 'discussion.cancel' })}
              </button>`
            : nothing
        }
        <button
          type="submit"
          part="submit"
          class="button primary"
          aria-disabled=${c.pending ? 'true' : 'false'}
        >
          ${
            c.pending
              ? msg('Posting…', { id: 'discussion.posting' })
              : c.error
                ? msg('Retry', { id: 'discussion.retry.post' })
                : labels.submit
          }
        </button>
      </div>
    </div>
  </form>`;
}
