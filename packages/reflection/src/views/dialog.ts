/**
 * The confirm dialog for deleting one of my reflections, in the lazy part below the form. Its
 * rules (the only ones no other part uses) come with it in a `<style>` of the template, not in
 * the card's first-paint `reflectionStyles`.
 */
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
  return html`<style>
      dialog {
        max-inline-size: min(32rem, calc(100vw - 2rem));
        padding: 1rem 1.25rem;
        border: 1px solid var(--_r-border);
        border-radius: var(--_r-radius);
        background: var(--_r-bg);
        color: var(--_r-fg);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      dialog h3 {
        margin-block-end: 0.75rem;
      }
      .button.danger {
        border-color: var(--_r-danger);
        color: var(--_r-danger);
      }
    </style>
    <dialog
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
