/**
 * The participation guidelines step before a person's first post in a thread: the host's
 * `guidelines` slot (else ours), then "I agree, post it" or "Back to editing". Part of the
 * composer tools' chunk: the composers wait for it before showing the step.
 */
import { html, type TemplateResult } from 'lit';
import { compose as t } from '../compose-messages.js';
import type { Composer } from '../model/composer.js';
import type { ComposerHandlers } from './composer.js';

/** The participation guidelines (the host's `guidelines` slot, else ours). */
function renderGuidelines(): TemplateResult {
  return html`<slot name="guidelines">
    <ul>
      ${t.guidelines().map((line) => html`<li>${line}</li>`)}
    </ul>
  </slot>`;
}

export function renderGuidelinesStep(c: Composer, on: ComposerHandlers): TemplateResult {
  const id = c.uid;
  return html`<section
    part="guidelines"
    class="guidelines"
    aria-labelledby="${id}-g-heading"
    data-composer=${c.uid}
  >
    <h3 id="${id}-g-heading" tabindex="-1">${t.guidelinesHeading()}</h3>
    ${renderGuidelines()}
    <div class="buttons toolbar">
      <button type="button" class="button primary" @click=${() => on.agree(c)}>
        ${t.guidelinesAgree()}
      </button>
      <button type="button" class="button" @click=${() => on.back(c)}>${t.guidelinesBack()}</button>
    </div>
  </section>`;
}
