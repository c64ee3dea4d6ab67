/**
 * An editor (the new-post box, a reply, an edit), drawn inside the
 * discussion's own shadow root so labels, focus and tests see one tree. A function of the
 * composer's state, its labels and its handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { messages } from '../messages.js';
import type { Composer } from '../model/composer.js';
import { renderSource } from '../markdown/parse.js';

export interface ComposerLabels {
  /** The field's label; a name in it is isolated (`fill(…, [bdi(name)])`). */
  label: string | readonly unknown[];
  submit: string;
}

export interface ComposerProps {
  locale: string;
  labels: ComposerLabels;
  /** The wording of the composer's failed write, when it failed. */
  errorText: string | null;
  /** The composer tools' part (`@` suggestions, the "Skills" field), once they have loaded. */
  tools?: unknown;
}

export interface ComposerHandlers {
  input(c: Composer, value: string): void;
  submit(c: Composer): void;
  cancel(c: Composer): void;
  togglePreview(c: Composer): void;
  agree(c: Composer): void;
  back(c: Composer): void;
  loadNewer(c: Composer): void;
  keepMine(c: Composer): void;
}

/** An editor whose post changed elsewhere: which text to keep (the person's stays meanwhile). */
function renderConflict(c: Composer, on: ComposerHandlers): TemplateResult | typeof nothing {
  if (!c.conflict) return nothing;
  return html`<div class="notice conflict" role="alert">
    <p>${messages.conflict()}</p>
    <button type="button" class="button" @click=${() => on.loadNewer(c)}>
      ${messages.conflictLoad()}
    </button>
    <button type="button" class="button" @click=${() => on.keepMine(c)}>
      ${messages.conflictKeep()}
    </button>
  </div>`;
}

const isMac = () => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

function counterText(c: Composer, locale: string): string {
  return c.over ? messages.counterOver(c.overBy, locale) : messages.counter(c.length, locale);
}

function renderPreview(c: Composer): TemplateResult {
  return html`<div
    class="preview"
    dir="auto"
    id="${c.uid}-preview"
    role="region"
    aria-label=${messages.previewRegion()}
  >
    ${c.blank ? html`<p class="hint">${messages.previewEmpty()}</p>` : renderSource(c.body)}
  </div>`;
}

export function renderComposer(
  c: Composer,
  p: ComposerProps,
  on: ComposerHandlers,
): TemplateResult {
  const id = c.uid;
  const errorText = c.invalid ?? p.errorText;
  const describedBy = [`${id}-hint`, `${id}-counter`, errorText ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const onKeydown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      on.submit(c);
    } else if (e.key === 'Escape' && c.mode !== 'new') {
      e.preventDefault();
      on.cancel(c);
    }
  };
  return html`<form
    part="composer"
    data-composer=${c.uid}
    data-mode=${c.mode}
    aria-busy=${c.pending ? 'true' : 'false'}
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      on.submit(c);
    }}
  >
    <label for="${id}-text">${p.labels.label}</label>
    ${c.preview ? renderPreview(c) : nothing}
    <textarea
      part="textarea"
      id="${id}-text"
      name="body"
      dir="auto"
      ?hidden=${c.preview}
      .value=${live(c.body)}
      aria-describedby=${describedBy}
      aria-invalid=${errorText && !c.error ? 'true' : 'false'}
      ?readonly=${c.pending}
      @input=${(e: Event) => on.input(c, (e.target as HTMLTextAreaElement).value)}
      @keydown=${onKeydown}
    ></textarea>
    ${p.tools}
    <p class="hint" id="${id}-hint">${messages.hint(isMac() ? '⌘ + Enter' : 'Ctrl + Enter')}</p>
    ${errorText ? html`<p class="error-text" id="${id}-error">${errorText}</p>` : nothing}
    ${renderConflict(c, on)} ${renderFoot(c, p, on)}
  </form>`;
}

function renderFoot(c: Composer, p: ComposerProps, on: ComposerHandlers): TemplateResult {
  return html`<div class="composer-foot">
    <span part="counter" id="${c.uid}-counter" class=${c.over ? 'over' : ''}
      >${counterText(c, p.locale)}</span
    >
    <div class="buttons">
      <button
        type="button"
        class="button"
        aria-pressed=${c.preview ? 'true' : 'false'}
        @click=${() => on.togglePreview(c)}
      >
        ${messages.preview()}
      </button>
      ${
        c.mode !== 'new'
          ? html`<button type="button" class="button" @click=${() => on.cancel(c)}>
              ${messages.cancel()}
            </button>`
          : nothing
      }
      <button
        type="submit"
        part="submit"
        class="button primary"
        aria-disabled=${c.pending ? 'true' : 'false'}
      >
        ${c.pending ? messages.posting() : c.error ? messages.retryPost() : p.labels.submit}
      </button>
    </div>
  </div>`;
}
