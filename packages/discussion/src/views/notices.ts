/** The discussion's notices (the core's `renderNotice`): load errors with a retry, offline, skeleton. */
import { html, type TemplateResult } from 'lit';
import { renderNotice, type PeerError } from '@peerkit/core';
import { errorMessage } from '@peerkit/core/wording';
import { messages } from '../messages.js';

/** A failed load (or the provider's configuration error), with a retry when there is one. */
export function renderLoadError(
  error: PeerError,
  online: boolean,
  retry: (() => void) | null,
): TemplateResult {
  const message =
    error.kind === 'network' && !online
      ? messages.loadOffline()
      : error.kind === 'config'
        ? errorMessage(error)
        : messages.loadError();
  return renderNotice({ kind: 'error', message, ...(retry ? { retry } : {}) });
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
