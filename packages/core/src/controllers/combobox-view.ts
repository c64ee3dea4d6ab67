/**
 * The view of a `ComboboxController`: a labelled text field with `role="combobox"` and its
 * listbox popup (APG "Editable Combobox With List Autocomplete"), a plain function of props.
 *
 * Markup (parts in brackets): `<div class="combobox" [combobox]>` holding the `<label>`, an
 * optional `before` template (filter chips), `<input role="combobox" [combobox-input]>` with
 * `aria-expanded`, `aria-controls`, `aria-autocomplete="list"` and `aria-activedescendant`,
 * then `<div role="listbox" [listbox]>` whose options are `<div role="option" [option]>`
 * (`aria-selected` on the active one), in `role="group"` blocks when `group` is given, then,
 * while the latest round has failed, the failure (`renderComboboxFailure`, outside the listbox),
 * and the controller's polite count region (unless `quiet`). A pointer press on an option does
 * not take focus from the field (`pointerdown` is prevented), so a click picks without focus
 * jumping.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { renderNotice } from '../notice.js';
import { suggestionsFailed, type ComboboxController } from './combobox.js';

export interface ComboboxViewProps<T> {
  controller: ComboboxController<T>;
  /** Prefix for the ids inside the shadow root (unique per element). */
  id: string;
  /** The field's visible label. */
  label: string;
  placeholder?: string;
  /** What an option shows. */
  option: (item: T) => unknown;
  /** The group an option belongs to (a visible group label); options are drawn in that order. */
  group?: (item: T) => string;
  /** Drawn between the label and the field (filter chips). */
  before?: unknown;
  /** `aria-describedby` of the field. */
  describedBy?: string;
  /**
   * Leave out the controller's live region: the widget says the count through its own one
   * region (read `controller.announcer.text`), e.g. where several comboboxes share a page part.
   */
  quiet?: boolean;
}

export function renderCombobox<T>(p: ComboboxViewProps<T>): TemplateResult {
  const c = p.controller;
  const listId = `${p.id}-listbox`;
  const active = c.activeItem;
  const expanded = c.open && c.items.length > 0;
  return html`<div class="combobox" part="combobox">
    <label id="${p.id}-label" for="${p.id}-input" part="combobox-label">${p.label}</label>
    <div class="combobox-field">
      ${p.before ?? nothing}
      <input
        id="${p.id}-input"
        part="combobox-input"
        type="search"
        role="combobox"
        aria-labelledby="${p.id}-label"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${listId}
        aria-activedescendant=${active !== undefined && expanded ? c.optionId(p.id, active) : nothing}
        aria-describedby=${p.describedBy ?? nothing}
        placeholder=${p.placeholder ?? nothing}
        .value=${c.query}
        @input=${c.onInput}
        @keydown=${c.onKeyDown}
        @blur=${c.onBlur}
      />
    </div>
    <div id=${listId} role="listbox" part="listbox" aria-label=${p.label} ?hidden=${!expanded}>
      ${expanded ? renderOptions(p) : nothing}
    </div>
    ${renderComboboxFailure(c, listId)} ${p.quiet ? nothing : c.announcer.render()}
  </div>`;
}

/**
 * The failure of `c`'s latest round, or nothing: the core's error notice (`part="combobox-status"`)
 * saying "Suggestions could not be loaded." with a "Try again" button (`part="retry"`) that asks
 * again for the same text (`c.retry()`). It stays outside the listbox (a listbox holds options
 * only, APG combobox pattern) and is no live region of its own: the controller says the words
 * through its announcer. Focus first goes back to the field, the element whose `aria-controls`
 * is `listId` (the input, or a textarea with suggestions), since the button goes with the
 * failure: never to the page's body.
 */
export function renderComboboxFailure<T>(
  c: ComboboxController<T>,
  listId: string,
): TemplateResult | typeof nothing {
  if (c.status !== 'error') return nothing;
  return renderNotice({
    kind: 'error',
    message: suggestionsFailed(),
    part: 'combobox-status',
    live: false,
    retry: (e) => {
      const root = (e.target as Element).getRootNode() as ParentNode;
      root.querySelector<HTMLElement>(`[aria-controls="${listId}"]`)?.focus();
      c.retry();
    },
  });
}

function renderOptions<T>(p: ComboboxViewProps<T>): unknown {
  const c = p.controller;
  const option = (item: T) => {
    const selected = item === c.activeItem;
    // The keyboard picks through the field (aria-activedescendant), never the option itself.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div
      id=${c.optionId(p.id, item)}
      role="option"
      part="option${selected ? ' option-active' : ''}"
      class="option"
      aria-selected=${selected ? 'true' : 'false'}
      @pointerdown=${(e: Event) => e.preventDefault()}
      @click=${() => c.pick(item)}
    >
      ${p.option(item)}
    </div>`;
  };
  if (!p.group) return c.items.map(option);
  const groups = new Map<string, T[]>();
  for (const item of c.items) {
    const g = p.group(item);
    groups.set(g, [...(groups.get(g) ?? []), item]);
  }
  return [...groups].map(([label, items], i) => {
    const labelId = `${p.id}-group-${i}`;
    return html`<div role="group" aria-labelledby=${labelId}>
      <div id=${labelId} class="group-label" role="presentation">${label}</div>
      ${items.map(option)}
    </div>`;
  });
}

/** Styles for `renderCombobox`; the popup is placed under the field, at its start edge. */
export const comboboxStyles = css`
  .combobox {
    position: relative;
  }
  .combobox label {
    display: block;
    font-weight: 600;
    margin-block-end: calc(var(--_peer-space) * 0.5);
  }
  .combobox-field {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_peer-space) * 0.5);
    padding: calc(var(--_peer-space) * 0.5);
    border: 1px solid var(--_peer-border);
    border-radius: var(--_peer-radius);
    background: var(--_peer-surface);
  }
  .combobox-field:focus-within {
    outline: 2px solid var(--_peer-focus);
    outline-offset: 1px;
  }
  .combobox input {
    flex: 1 1 12ch;
    min-inline-size: 8ch;
    border: 0;
    padding: calc(var(--_peer-space) * 0.5);
    background: transparent;
  }
  .combobox input:focus-visible {
    outline: none;
  }
  [role='listbox'] {
    position: absolute;
    z-index: var(--peer-z-popover, 10);
    inset-inline: 0;
    margin-block-start: 2px;
    max-block-size: 18rem;
    overflow-y: auto;
    border: 1px solid var(--_peer-border);
    border-radius: var(--_peer-radius);
    background: var(--_peer-surface);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  .group-label {
    padding: calc(var(--_peer-space) * 0.5) var(--_peer-space);
    color: var(--_peer-muted);
    font-size: 0.875em;
    font-weight: 600;
  }
  .option {
    padding: calc(var(--_peer-space) * 0.75) var(--_peer-space);
    cursor: pointer;
  }
  .combobox .notice {
    margin-block-start: calc(var(--_peer-space) * 0.5);
  }
  .option[aria-selected='true'] {
    background: var(--_peer-accent);
    color: var(--_peer-on-accent);
  }
`;
