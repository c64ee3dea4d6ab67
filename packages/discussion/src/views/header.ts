/** The discussion's header: the heading with the count of readable posts, sort, reports. */
import { html, nothing, type TemplateResult } from 'lit';
import type { PostSort } from '@peerkit/core';
import { messages } from '../messages.js';

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
}

export interface HeaderHandlers {
  sortChange(e: Event): void;
  toggleReports(): void;
}

export function renderHeader(p: HeaderProps, on: HeaderHandlers): TemplateResult {
  const option = (value: PostSort, label: string) =>
    html`<option value=${value} ?selected=${p.sort === value}>${label}</option>`;
  return html`<header>
    <h2 id="heading" part="heading" tabindex="-1">
      ${p.heading}
      ${p.total ? html`<span class="count">${messages.count(p.total, p.locale)}</span>` : nothing}
    </h2>
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
      ${
        p.showReports
          ? html`<button
              type="button"
              class="button"
              aria-pressed=${p.reportsOpen ? 'true' : 'false'}
              @click=${on.toggleReports}
            >
              ${messages.reports()}
            </button>`
          : nothing
      }
    </div>
  </header>`;
}
