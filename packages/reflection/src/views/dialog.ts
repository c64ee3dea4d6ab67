/** The confirm dialog for deleting one of my reflections (loaded with the first "Delete"). */
import { html, nothing, type TemplateResult } from 'lit';
import { moreMessages as more } from '../more-messages.js';

export interface DeleteProps {
  pending: boolean;
  error: string | null;
}

export interface DeleteHandlers {
  confirm(): void;
  dismiss(): void;
}

export function renderDeleteDialog(p: DeleteProps, on: DeleteHandlers): TemplateResult {
  return html`<dialog
    id="delete"
    aria-labelledby="delete-heading"
    aria-describedby="delete-text"
    @cancel=${(e: Event) => {
      e.preventDefault();
      on.dismiss();
    }}
  >
    <h3 id="delete-heading">${more.deleteHeading()}</h3>
    <p id="delete-text">${more.deleteText()}</p>
    ${p.error ? html`<p class="error-text" role="alert">${p.error}</p>` : nothing}
    <div class="toolbar">
      <button
        type="button"
        class="button danger"
        aria-disabled=${p.pending ? 'true' : 'false'}
        @click=${on.confirm}
      >
        ${more.delete()}
      </button>
      <button type="button" class="button" data-cancel @click=${on.dismiss}>
        ${more.cancel()}
      </button>
    </div>
  </dialog>`;
}
