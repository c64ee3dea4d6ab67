/**
 * The discussion's header: the heading with the count of readable posts, sort, the Q&A view,
 * the highlights toggle, reports.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PostSort } from '@peerkit/core';
import { messages } from '../messages.js';
import type { QaView } from '../model/config.js';

export interface HeaderProps {
  heading: string;
  /** Readable posts (the server's `total`), or `null` while there is no count to show. */
  total: number | null;
  locale: string;
  sort: PostSort;
  /** The sort control is drawn (the thread is on screen, not the reports). */
  showSort: boolean;
  /** The "Reports" toggle is drawn (a moderator, not readonly), and whether it is pressed. */
  showReports: boolean;
  reportsOpen: boolean;
  /** Q&A mode: the thread's open questions (`null`: not counted) and the view shown. */
  qa: { open: number | null; view: QaView } | null;
  /** The "Highlights" view is on (its toggle is pressed; the Q&A "Show" menu steps aside). */
  highlights: boolean;
}

export interface HeaderHandlers {
  sortChange(e: Event): void;
  toggleReports(): void;
  viewChange(e: Event): void;
  toggleHighlights(): void;
}

export function renderHeader(p: HeaderProps, on: HeaderHandlers): TemplateResult {
  const option = (value: PostSort, label: string) =>
    html`<option value=${value} ?selected=${p.sort === value}>${label}</option>`;
  return html`<header>
    <h2 id="heading" part="heading" tabindex="-1">
      ${p.heading}
      ${p.total ? html`<span class="count">${messages.count(p.total, p.locale)}</span>` : nothing}
    </h2>
    ${
      p.qa?.open != null && p.showSort
        ? html`<p class="open-count">${messages.openCount(p.qa.open, p.locale)}</p>`
        : nothing
    }
    <div class="toolbar">
      ${
        p.showSort
          ? html`<label for="sort">${messages.sortLabel()}</label>
              <select id="sort" .value=${p.sort} @change=${on.sortChange}>
                ${option('oldest', messages.sortOldest())}
                ${option('newest', messages.sortNewest())} ${option('top', messages.sortTop())}
              </select>`
          : nothing
      }
      ${p.qa && p.showSort && !p.highlights ? renderView(p.qa.view, on) : nothing}
      ${
        p.showSort
          ? toggle('highlights', messages.highlights(), p.highlights, on.toggleHighlights)
          : nothing
      }
      ${
        p.showReports
          ? toggle('reports', messages.reports(), p.reportsOpen, on.toggleReports)
          : nothing
      }
    </div>
  </header>`;
}

/** A toggle button of the toolbar (`aria-pressed`). */
function toggle(action: string, label: string, pressed: boolean, run: () => void): TemplateResult {
  return html`<button
    type="button"
    class="button"
    data-view=${action}
    aria-pressed=${pressed ? 'true' : 'false'}
    @click=${run}
  >
    ${label}
  </button>`;
}

/** Q&A mode: every question, or only the open ones. */
function renderView(view: QaView, on: HeaderHandlers): TemplateResult {
  return html`<label for="view">${messages.viewLabel()}</label>
    <select id="view" .value=${view} @change=${on.viewChange}>
      <option value="all" ?selected=${view === 'all'}>${messages.viewAll()}</option>
      <option value="unanswered" ?selected=${view === 'unanswered'}>
        ${messages.viewUnanswered()}
      </option>
    </select>`;
}
