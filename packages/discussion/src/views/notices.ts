/** The discussion's notices: load errors with a retry, attribute notices, offline, skeleton. */
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, retryLabel, type PeerError } from '@peerkit/core';
import { messages } from '../messages.js';

/** A failed load (or the provider's configuration error), with a retry when there is one. */
export function renderLoadError(
  error: PeerError,
  online: boolean,
  retry: (() => void) | null,
): TemplateResult {
  const text =
    error.kind === 'network' && !online
      ? messages.loadOffline()
      : error.kind === 'config'
        ? errorMessage(error)
        : messages.loadError();
  return html`<div class="notice error" role="alert">
    <p>${text}</p>
    ${
      retry
        ? html`<button type="button" class="button" @click=${retry}>${retryLabel()}</button>`
        : nothing
    }
  </div>`;
}

/** Attributes that held a value the element could not use, and what it uses instead. */
export function renderConfigNotice(lines: readonly string[]): TemplateResult | typeof nothing {
  if (!lines.length) return nothing;
  return html`<div class="notice config" role="status">
    ${lines.map((line) => html`<p>${line}</p>`)}
  </div>`;
}

export function renderOffline(): TemplateResult {
  return html`<p class="notice" role="status">${messages.offline()}</p>`;
}

export function renderSkeleton(): TemplateResult {
  return html`<div class="loading" aria-busy="true">
    <p class="visually-hidden" role="status">${messages.loading()}</p>
    ${[0, 1, 2].map(
      () =>
        html`<div class="skeleton" aria-hidden="true">
          <span class="circle"></span><span class="short"></span><span></span
          ><span class="medium"></span>
        </div>`,
    )}
  </div>`;
}

/** The polite live region; the announcer changes its text to have it read. */
export function renderLiveRegion(text: string): TemplateResult {
  return html`<div class="visually-hidden" role="status" aria-live="polite">${text}</div>`;
}
