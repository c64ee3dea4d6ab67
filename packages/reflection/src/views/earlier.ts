/**
 * My earlier reflections (newest first, each expandable, editable and deletable) and the
 * delete confirm dialog, as plain functions of typed props. A reflection's answers are text
 * in text nodes, never HTML.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, type Reflection } from '@peerkit/core';
import { messages as t } from '../messages.js';
import { moreMessages as more } from '../more-messages.js';

export interface EarlierProps {
  uid: string;
  items: readonly Reflection[];
  locale: string;
  open: ReadonlySet<string>;
  hasMore: boolean;
  moreLoading: boolean;
  /** The last "Show more" failed: said above the button, which tries again. */
  moreFailed: boolean;
  /** Editing another is refused while the open one is not saved. */
  busy: boolean;
}

export interface EarlierHandlers {
  toggle(id: string): void;
  edit(r: Reflection): void;
  askDelete(r: Reflection): void;
  more(): void;
}

export function renderEarlier(p: EarlierProps, on: EarlierHandlers): TemplateResult {
  return html`<section part="earlier" aria-labelledby="${p.uid}-earlier">
    <h3 id="${p.uid}-earlier" tabindex="-1">${more.earlier()}</h3>
    ${
      p.items.length === 0
        ? html`<p class="hint">${more.earlierNone()}</p>`
        : html`<ul class="list">
            ${p.items.map((r) => renderItem(r, p, on))}
          </ul>`
    }
    ${p.moreFailed ? html`<p class="notice error" role="alert">${more.loadFailed()}</p>` : nothing}
    ${
      p.hasMore
        ? html`<button
            type="button"
            class="button"
            part="more"
            aria-disabled=${p.moreLoading ? 'true' : 'false'}
            @click=${on.more}
          >
            ${more.more()}
          </button>`
        : nothing
    }
  </section>`;
}

function renderItem(r: Reflection, p: EarlierProps, on: EarlierHandlers): TemplateResult {
  const open = p.open.has(r.id);
  const id = `${p.uid}-r-${r.id}`;
  return html`<li part="reflection" data-id=${r.id}>
    <button
      type="button"
      class="link"
      id="${id}-when"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${id}
      @click=${() => on.toggle(r.id)}
    >
      ${formatDateTime(r.updatedAt, p.locale)}
    </button>
    ${open ? renderAnswers(r, id) : nothing}
    <span class="actions">
      <button
        type="button"
        class="link"
        part="edit"
        aria-describedby="${id}-when"
        aria-disabled=${p.busy ? 'true' : 'false'}
        title=${p.busy ? t.busy() : nothing}
        @click=${() => on.edit(r)}
      >
        ${more.edit()}
      </button>
      <button
        type="button"
        class="link"
        part="delete"
        aria-describedby="${id}-when"
        data-delete=${r.id}
        @click=${() => on.askDelete(r)}
      >
        ${more.delete()}
      </button>
    </span>
  </li>`;
}

/** A reflection's answers under the questions they were written for (empty ones left out). */
export function renderAnswers(r: Reflection, id?: string): TemplateResult {
  return html`<dl id=${id ?? nothing} part="answers">
    ${r.answers
      .filter((a) => a.answer.trim())
      .map(
        (a) =>
          html`<dt>${a.prompt}</dt>
            <dd dir="auto">${a.answer}</dd>`,
      )}
  </dl>`;
}

export interface ExportProps {
  uid: string;
  /** Export all my reflections (`true`) or this activity's. */
  all: boolean;
  pending: boolean;
}

export interface ExportHandlers {
  all(all: boolean): void;
  download(format: 'markdown' | 'json'): void;
}

/** Export my reflections: which ones, and a download button per format. */
export function renderExport(p: ExportProps, on: ExportHandlers): TemplateResult {
  const id = `${p.uid}-export`;
  return html`<fieldset part="export">
    <legend>${more.export()}</legend>
    <label for=${id}>${more.exportWhich()}</label>
    <select
      id=${id}
      @change=${(e: Event) => on.all((e.target as HTMLSelectElement).value === 'all')}
    >
      <option value="here" ?selected=${!p.all}>${more.exportHere()}</option>
      <option value="all" ?selected=${p.all}>${more.exportAll()}</option>
    </select>
    ${(['markdown', 'json'] as const).map(
      (f) =>
        html`<button
          type="button"
          class="button"
          data-format=${f}
          aria-disabled=${p.pending ? 'true' : 'false'}
          @click=${() => on.download(f)}
        >
          ${f === 'json' ? more.exportJson() : more.exportMarkdown()}
        </button>`,
    )}
  </fieldset>`;
}
