/** The two confirm dialogs: report a post (reason and note), and delete a post. */
import { html, nothing, type TemplateResult } from 'lit';
import { type Post, type ReportReason } from '@peerkit/core';
import { bdi, fill, slot } from '@peerkit/core/bidi';
import { messages } from '../messages.js';
import { more } from '../more-messages.js';

const REASONS: readonly ReportReason[] = ['spam', 'harassment', 'off-topic', 'other'];

/** What every modal dialog does with Escape (`cancel`) and a close the browser makes. */
export interface DialogHandlers {
  cancel(e: Event): void;
  closed(e: Event): void;
  dismiss(): void;
}

export interface ReportDialogProps {
  target: Post;
  reason: ReportReason | null;
  note: string;
  pending: boolean;
  error: string | null;
}

export interface ReportDialogHandlers extends DialogHandlers {
  reason(reason: ReportReason): void;
  note(value: string): void;
  send(e: Event): void;
}

export function renderReportDialog(p: ReportDialogProps, on: ReportDialogHandlers): TemplateResult {
  const other = p.reason === 'other';
  return html`<dialog
    id="report"
    aria-labelledby="report-heading"
    @cancel=${on.cancel}
    @close=${on.closed}
  >
    <form @submit=${on.send} novalidate>
      <h3 id="report-heading">
        ${fill(more.reportHeading(slot(0)), [bdi(p.target.author?.name ?? '')])}
      </h3>
      <fieldset>
        <legend>${more.reportLegend()}</legend>
        ${REASONS.map(
          (r) =>
            html`<label>
              <input
                type="radio"
                name="reason"
                value=${r}
                .checked=${p.reason === r}
                @change=${() => on.reason(r)}
              />
              ${more.reason(r)}
            </label>`,
        )}
      </fieldset>
      <label for="report-note"> ${other ? more.reportNoteRequired() : more.reportNote()} </label>
      <textarea
        id="report-note"
        dir="auto"
        .value=${p.note}
        ?required=${other}
        @input=${(e: Event) => on.note((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${p.error ? html`<p class="error-text" role="alert">${p.error}</p>` : nothing}
      <div class="toolbar">
        <button type="submit" class="button primary" aria-disabled=${p.pending ? 'true' : 'false'}>
          ${p.pending ? more.reportSending() : more.reportSend()}
        </button>
        <button type="button" class="button" @click=${on.dismiss}>${messages.cancel()}</button>
      </div>
    </form>
  </dialog>`;
}

export interface DeleteDialogProps {
  target: Post;
  pending: boolean;
  error: string | null;
}

export interface DeleteDialogHandlers extends DialogHandlers {
  confirm(): void;
}

export function renderDeleteDialog(p: DeleteDialogProps, on: DeleteDialogHandlers): TemplateResult {
  return html`<dialog
    id="delete"
    aria-labelledby="delete-heading"
    aria-describedby="delete-text"
    @cancel=${on.cancel}
    @close=${on.closed}
  >
    <h3 id="delete-heading">${more.deleteHeading()}</h3>
    <p id="delete-text">
      ${p.target.replyCount > 0 ? more.deleteWithReplies() : more.deleteFinal()}
    </p>
    ${p.error ? html`<p class="error-text" role="alert">${p.error}</p>` : nothing}
    <div class="toolbar">
      <button
        type="button"
        class="button danger"
        aria-disabled=${p.pending ? 'true' : 'false'}
        @click=${on.confirm}
      >
        ${messages.delete()}
      </button>
      <button type="button" class="button" data-cancel @click=${on.dismiss}>
        ${messages.cancel()}
      </button>
    </div>
  </dialog>`;
}
