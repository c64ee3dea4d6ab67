/** The moderators' queue: open reports of this thread, each with keep, hide and delete. */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatRelativeTime, type PeerError, type ReportItem } from '@peerkit/core';
import { bdi, fill, slot } from '@peerkit/core/bidi';
import { messages } from '../messages.js';
import { more } from '../more-messages.js';
import { domId } from './ids.js';
import { renderBody } from './body.js';

export type Resolution = 'keep' | 'hide' | 'delete';

export interface ReportsProps {
  locale: string;
  status: 'initial' | 'pending' | 'complete' | 'error';
  items: readonly ReportItem[];
  /** Reports whose decision is being sent. */
  resolving: ReadonlySet<string>;
  /** Reports whose post changed since the moderator saw it (they decide again on it as it is now). */
  changed: ReadonlySet<string>;
  /** The notice of a failed load, with its retry. */
  error: (error: PeerError) => TemplateResult;
  loadError: PeerError | null;
}

export interface ReportsHandlers {
  resolve(item: ReportItem, action: Resolution): void;
}

export function renderReports(p: ReportsProps, on: ReportsHandlers): TemplateResult {
  let body: TemplateResult;
  if (p.status === 'pending' || p.status === 'initial') {
    body = html`<p role="status">${more.reportsLoading()}</p>`;
  } else if (p.status === 'error' && p.loadError) {
    body = p.error(p.loadError);
  } else if (p.items.length === 0) {
    body = html`<p class="notice">${more.reportsEmpty()}</p>`;
  } else {
    body = html`<ul class="reports">
      ${repeat(
        p.items,
        (r) => r.id,
        (r) => renderReport(r, p, on),
      )}
    </ul>`;
  }
  return html`<section aria-labelledby="reports-heading">
    <h3 id="reports-heading" tabindex="-1">${more.reportsHeading()}</h3>
    ${body}
  </section>`;
}

/**
 * One open report: who reported what, the post, and the moderator's three decisions (busy
 * with `aria-disabled` while one is saved, focus kept on the pressed one: docs/decisions.md §24).
 */
function renderReport(r: ReportItem, p: ReportsProps, on: ReportsHandlers): TemplateResult {
  const hid = domId('rh', r.id);
  const decision = (action: Resolution, label: string) =>
    html`<button
      type="button"
      class=${action === 'delete' ? 'button danger' : 'button'}
      data-resolve=${action}
      aria-describedby=${hid}
      aria-disabled=${p.resolving.has(r.id) ? 'true' : 'false'}
      @click=${() => on.resolve(r, action)}
    >
      ${label}
    </button>`;
  return html`<li class="report" data-report=${r.id} aria-labelledby=${hid}>
    <p id=${hid}>
      <strong>${more.reason(r.reason)}</strong>
      ${fill(more.reportedBy(slot(0)), [bdi(r.reporter.name)])}
      <time datetime=${r.createdAt}>${formatRelativeTime(r.createdAt, p.locale)}</time>
    </p>
    ${p.changed.has(r.id) ? html`<p class="notice">${more.reportChanged()}</p>` : nothing}
    ${r.note ? html`<p>${fill(more.reportNoteShown(slot(0)), [bdi(r.note)])}</p>` : nothing}
    <p>${fill(more.reportedPost(slot(0)), [bdi(r.post.author?.name ?? '—')])}</p>
    <blockquote dir="auto">
      ${r.post.deleted ? html`<p class="placeholder">${messages.deleted()}</p>` : renderBody(r.post)}
    </blockquote>
    <div class="toolbar">
      ${decision('keep', more.keep())} ${decision('hide', more.hide())}
      ${decision('delete', messages.delete())}
    </div>
  </li>`;
}
