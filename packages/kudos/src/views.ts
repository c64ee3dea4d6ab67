/**
 * `<peer-kudos>`'s pieces as plain functions of typed props (no `this`): the icon, the count
 * (a button revealing who gave, or plain text) and the values given so far.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatCompact, type KudosCount } from '@peerkit/core';
import { messages as t } from './messages.js';

export function renderIcon(): TemplateResult {
  return html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path
      d="M12 21s-7.5-4.6-9.6-9.2C.9 8.4 3 4.5 6.6 4.5c2.1 0 3.6 1.2 4.4 2.6.8-1.4 2.3-2.6 4.4-2.6 3.6 0 5.7 3.9 4.2 7.3C19.5 16.4 12 21 12 21z"
    />
  </svg>`;
}

export interface CountProps {
  /** What is shown (the optimistic view); `undefined` before the counts load. */
  view: KudosCount | undefined;
  loading: boolean;
  locale: string;
  /** The count reveals who gave (signed in). */
  expandable: boolean;
  expanded: boolean;
  /** The id of the givers line it reveals. */
  controls: string;
  toggle: () => void;
}

export function renderCount(p: CountProps): TemplateResult | typeof nothing {
  if (p.loading) {
    return html`<span part="count"
      ><span class="skeleton"></span><span class="visually-hidden">${t.loading()}</span></span
    >`;
  }
  if (!p.view) return nothing;
  const n = p.view.count;
  const text = html`<span aria-hidden="true">${formatCompact(n, p.locale)}</span
    ><span class="visually-hidden">${t.count(n, p.locale)}</span>`;
  if (n === 0 || !p.expandable) return html`<span part="count">${text}</span>`;
  return html`<button
    type="button"
    part="count"
    aria-expanded=${p.expanded ? 'true' : 'false'}
    aria-controls=${p.controls}
    @click=${p.toggle}
  >
    ${text}
  </button>`;
}

/** "Helpful ×4, Clear ×1", in the order of the `values` attribute, the person's own marked. */
export function renderValues(
  view: KudosCount | undefined,
  order: readonly string[],
  locale: string,
): TemplateResult | typeof nothing {
  if (!view) return nothing;
  const entries = Object.entries(view.values)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => rank(order, a) - rank(order, b));
  if (entries.length === 0) return nothing;
  return html`<ul part="values" aria-label=${t.valuesGiven()}>
    ${entries.map(
      ([value, n]) =>
        html`<li part="value-chip" class=${view.myValue === value ? 'mine' : ''}>
          ${t.valueCount(valueLabel(value, locale), n, locale)}
        </li>`,
    )}
  </ul>`;
}

/** A value's display label: "clear-writing" → "Clear writing". */
export function valueLabel(value: string, locale: string): string {
  const words = value.replace(/-/g, ' ');
  return words.charAt(0).toLocaleUpperCase(locale) + words.slice(1);
}

function rank(order: readonly string[], value: string): number {
  const i = order.indexOf(value);
  return i === -1 ? order.length : i;
}
