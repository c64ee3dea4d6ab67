/**
 * The small inline form that posts a question to the activity's thread, addressed to the
 * expert (the default "Ask" when no `<peer-discussion>` for the activity is on the page).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { fill, slot, bdi } from '@peerkit/core/bidi';
import { messages } from '../messages.js';
import { more } from '../more-messages.js';

const t = { ...messages, ...more };

export interface AskForm {
  personId: string;
  name: string;
  skill: string | null;
  text: string;
  sending: boolean;
  /** What went wrong with the last attempt (localised). */
  error?: string;
  /** The idempotency key of the first attempt, reused by a retry. */
  key: string;
}

export function renderAskForm(
  f: AskForm,
  id: string,
  on: { input: (text: string) => void; send: () => void; cancel: () => void },
): TemplateResult {
  return html`<form
    class="ask-form"
    part="ask-form"
    @submit=${(e: Event) => {
      e.preventDefault();
      on.send();
    }}
  >
    <label for="${id}-q">${fill(t.askLabel(slot(0)), [bdi(f.name)])}</label>
    <textarea
      id="${id}-q"
      rows="3"
      .value=${f.text}
      aria-invalid=${f.error ? 'true' : 'false'}
      aria-describedby=${f.error ? `${id}-err` : nothing}
      @input=${(e: Event) => on.input((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${f.error ? html`<p class="form-error" id="${id}-err" role="alert">${f.error}</p>` : nothing}
    <div class="actions">
      <button type="submit" part="ask-send" ?disabled=${f.sending}>${t.askSend()}</button>
      <button type="button" @click=${on.cancel}>${t.askCancel()}</button>
    </div>
  </form>`;
}
