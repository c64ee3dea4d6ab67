/**
 * The values popover of `<peer-kudos>`: choose a recognition value and add a short message.
 * Only a click can open it, so it is not in the element's first paint: the element imports
 * this module when the pointer or the focus reaches its button, and adopts its styles then.
 */
import { adoptStyles, css, html, nothing, type LitElement, type TemplateResult } from 'lit';
import { formatNumber, KUDOS_MESSAGE_MAX, msg, plural, str, textLength } from '@peerkit/core';

/** What the popover needs from its element. */
export interface PickerContext {
  /** The element's unique id prefix, for `id`/`aria-*` references. */
  uid: string;
  locale: () => string;
  /** A value's display label ("clear-writing" → "Clear writing"). */
  label: (value: string) => string;
  close: (returnFocus?: boolean) => void;
  give: (value: string | undefined, message: string | undefined) => void;
}

const t = {
  legend: () => msg('What are you thanking them for?', { id: 'kudos.pick-legend' }),
  message: () => msg('Add a message (optional)', { id: 'kudos.pick-message' }),
  charactersLeft: (n: number, locale: string) => {
    const f = formatNumber(n, locale);
    return plural(n, locale, {
      one: () => msg(str`${f} character left`, { id: 'kudos.chars-left.one' }),
      other: () => msg(str`${f} characters left`, { id: 'kudos.chars-left.other' }),
    });
  },
  charactersOver: (n: number, locale: string) => {
    const f = formatNumber(n, locale);
    return plural(n, locale, {
      one: () => msg(str`${f} character too many`, { id: 'kudos.chars-over.one' }),
      other: () => msg(str`${f} characters too many`, { id: 'kudos.chars-over.other' }),
    });
  },
  cancel: () => msg('Cancel', { id: 'kudos.cancel' }),
  give: () => msg('Give kudos', { id: 'kudos.give' }),
};

/** The popover's open state: the chosen value, the message typed, and which way it opens. */
export class Picker {
  value?: string;
  message = '';
  /** Opens towards the inline start when it would leave the viewport. */
  flipped = false;

  constructor(
    private readonly host: LitElement,
    private readonly values: string[],
    private readonly ctx: PickerContext,
  ) {
    this.value = values[0];
    adopt(host.renderRoot as ShadowRoot);
  }

  /** Once drawn (from the element's `updated`): focus the value, then keep it in the viewport. */
  opened(): void {
    this.radio()?.focus();
    void this.host.updateComplete.then(() => this.place());
  }

  /** Opens towards the inline start when it would leave the viewport; before the browser paints. */
  private place(): void {
    const popover = this.host.renderRoot.querySelector('[part~="popover"]');
    if (!popover) return;
    const box = popover.getBoundingClientRect();
    this.flipped = this.rtl ? box.left < 0 : box.right > document.documentElement.clientWidth;
    if (this.flipped) this.host.requestUpdate();
  }

  private get rtl(): boolean {
    return getComputedStyle(this.host).direction === 'rtl';
  }

  private radio(): HTMLInputElement | null {
    if (!this.value) return null;
    return this.host.renderRoot.querySelector(
      `input[type="radio"][value="${CSS.escape(this.value)}"]`,
    );
  }

  private choose(value: string | undefined): void {
    this.value = value;
    this.host.requestUpdate();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.ctx.close();
      return;
    }
    const list = this.values;
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'radio') return;
    const rtl = this.rtl;
    const forward = ['ArrowDown', rtl ? 'ArrowLeft' : 'ArrowRight'];
    const backward = ['ArrowUp', rtl ? 'ArrowRight' : 'ArrowLeft'];
    let index = list.indexOf(this.value ?? '');
    if (forward.includes(event.key)) index = (index + 1) % list.length;
    else if (backward.includes(event.key)) index = (index - 1 + list.length) % list.length;
    else if (event.key === 'Home') index = 0;
    else if (event.key === 'End') index = list.length - 1;
    else return;
    event.preventDefault();
    this.choose(list[index]);
    void this.host.updateComplete.then(() => this.radio()?.focus());
  }

  /** Tabbing out of the popover closes it (a non-modal popover does not trap focus). */
  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && !this.host.renderRoot.contains(next) && !this.host.contains(next)) {
      this.ctx.close(false);
    }
  }

  /**
   * Characters the message may still take: `KUDOS_MESSAGE_MAX` minus the trimmed message's
   * length in code points (`textLength`), the unit and the text the server checks; negative
   * when over. The limit is not a `maxlength`, which the browser counts in UTF-16 units.
   */
  private left(): number {
    return KUDOS_MESSAGE_MAX - textLength(this.message.trim());
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.left() < 0) {
      // Nothing is sent: the counter, which describes the field, says by how much.
      this.host.renderRoot.querySelector('textarea')?.focus();
      return;
    }
    this.ctx.close();
    this.ctx.give(this.value, this.message.trim() || undefined);
  }

  render(): TemplateResult {
    const { uid, locale } = this.ctx;
    const left = this.left();
    return html`<div
      part="popover"
      class=${this.flipped ? 'flipped' : ''}
      role="dialog"
      aria-labelledby="${uid}-legend"
      @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}
      @focusout=${(e: FocusEvent) => this.onFocusOut(e)}
    >
      <form @submit=${(e: SubmitEvent) => this.onSubmit(e)}>
        <fieldset>
          <legend id="${uid}-legend">${t.legend()}</legend>
          ${this.values.map(
            (value) =>
              html`<label class="choice"
                ><input
                  type="radio"
                  name="value"
                  .value=${value}
                  .checked=${this.value === value}
                  tabindex=${this.value === value ? '0' : '-1'}
                  @change=${() => this.choose(value)}
                />${this.ctx.label(value)}</label
              >`,
          )}
        </fieldset>
        <label class="message" for="${uid}-message">${t.message()}</label>
        <textarea
          id="${uid}-message"
          dir="auto"
          rows="2"
          aria-invalid=${left < 0 ? 'true' : nothing}
          aria-describedby="${uid}-counter"
          .value=${this.message}
          @input=${(e: Event) => {
            this.message = (e.target as HTMLTextAreaElement).value;
            this.host.requestUpdate();
          }}
        ></textarea>
        <p class=${left < 0 ? 'counter over' : 'counter'} id="${uid}-counter">
          ${left < 0 ? t.charactersOver(-left, locale()) : t.charactersLeft(left, locale())}
        </p>
        <div class="actions">
          <button type="button" @click=${() => this.ctx.close()}>${t.cancel()}</button>
          <button type="submit" class="primary">${t.give()}</button>
        </div>
      </form>
    </div>`;
  }
}

const adopted = new WeakSet<ShadowRoot>();

/**
 * Adds the popover's styles to the element's shadow root, once: a constructed stylesheet
 * (nothing for a `style-src` policy to refuse), else a `<style>` the way Lit adds its own.
 */
function adopt(root: ShadowRoot): void {
  if (adopted.has(root)) return;
  adopted.add(root);
  const sheet = pickerStyles.styleSheet;
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else adoptStyles(root, [pickerStyles]);
}

/** The popover's styles, on top of `kudosStyles` (whose `--_k-*` variables they read). */
export const pickerStyles = css`
  [part~='popover'] {
    position: absolute;
    inset-block-start: calc(100% + 0.375rem);
    inset-inline-start: 0;
    z-index: var(--peer-z-popover, 10);
    inline-size: max-content;
    max-inline-size: min(22rem, calc(100vw - 2rem));
    padding: 0.75rem;
    border: 1px solid var(--_k-border);
    border-radius: var(--_k-panel-radius);
    background: var(--_k-bg);
    color: var(--_k-fg);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  }

  [part~='popover'].flipped {
    inset-inline-start: auto;
    inset-inline-end: 0;
  }

  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0 0 0.5rem;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
    margin-block-end: 0.375rem;
    font-weight: 600;
  }

  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--_k-border);
    border-radius: var(--_k-radius);
    cursor: pointer;
  }

  .choice:has(input:checked) {
    border-color: var(--_k-accent);
    font-weight: 600;
  }

  label.message {
    display: block;
    margin-block-end: 0.25rem;
  }

  textarea {
    display: block;
    inline-size: 100%;
    min-inline-size: min(16rem, calc(100vw - 4rem));
    min-block-size: 3.5rem;
    padding: 0.375rem;
    border: 1px solid var(--_k-border);
    border-radius: 0.25rem;
    background: var(--_k-bg);
    color: var(--_k-fg);
    font: inherit;
    resize: vertical;
  }

  .counter {
    margin: 0.25rem 0 0.5rem;
    font-size: 0.8125em;
    color: var(--_k-muted);
    text-align: end;
  }

  .counter.over {
    color: var(--_k-danger);
    font-weight: 600;
  }

  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }

  .actions button {
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_k-border);
    border-radius: 0.25rem;
    background: var(--_k-bg);
  }

  .actions button.primary {
    background: var(--_k-accent);
    border-color: var(--_k-accent);
    color: var(--_k-on-accent);
  }
`;
