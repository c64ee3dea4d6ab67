/**
 * `ComboboxController`: the state and keyboard of an editable combobox with a listbox popup,
 * as the ARIA Authoring Practices describe it ("Editable Combobox With List Autocomplete",
 * https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): DOM focus stays on the text field, the
 * option the keys move to is named by `aria-activedescendant`; the widget draws it with
 * `renderCombobox()` (`combobox-view.ts`).
 *
 * - Typing asks `suggest(query, { signal })` once the typing pauses for `debounceMs` (default
 *   250 ms): at most one round of requests per pause. A newer round aborts the older one
 *   through its `AbortSignal`, and an answer that is not the latest round's is dropped even
 *   when its promise ignores the signal, so suggestions never arrive out of order.
 * - Nothing here moves DOM focus: suggestions arriving, closing or failing leave focus where
 *   the person put it.
 * - When a round completes, the number of suggestions is announced politely (`countMessage`)
 *   through the controller's own `Announcer` region (`renderCombobox` draws it). When it fails
 *   (an error status, a dropped connection, offline, an answer the contract refuses), `status`
 *   is `error`, "Suggestions could not be loaded." is announced there instead (so "no match"
 *   and "broken" never sound alike), the typed text stays, and `retry()` asks again for it;
 *   the view draws the failure with a "Try again" button (`renderComboboxFailure`).
 * - Keys (on the field): ArrowDown / ArrowUp open the popup and move through the options
 *   (wrapping); Alt+ArrowDown opens it without moving; Home / End go to the first / last
 *   option while one is active (else they move the caret, as in any text field); Enter picks
 *   the active option, or commits the typed text (`onCommit`) when none is; Escape closes the
 *   popup, or clears the field when it is closed; the arrow toward the start of the line
 *   (ArrowLeft in a left-to-right field, ArrowRight in a right-to-left one, read from the
 *   field's computed `direction`) with the caret at the start calls `onExitStart` (a widget
 *   moves focus to the filter chips before the field).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toPeerError } from '../client/errors.js';
import type { PeerError } from '../client/types.js';
import { msg } from '../l10n/localize.js';
import { Announcer } from './announcer.js';

export type ComboboxStatus = 'idle' | 'pending' | 'complete' | 'error';

/** What a failed round says, drawn and announced (the kit's wording, in the core's locales). */
export const suggestionsFailed = () =>
  msg('Suggestions could not be loaded.', { id: 'core.combobox.failed' });

export interface ComboboxOptions<T> {
  /** The suggestions for `query` (already trimmed, never empty); pass `signal` to the request. */
  suggest: (query: string, options: { signal: AbortSignal }) => Promise<readonly T[]>;
  /** A stable key for an option (its DOM id is derived from it). */
  key: (item: T) => string;
  /** The option was chosen (Enter on the active option, or a click). */
  onPick: (item: T) => void;
  /** Enter with no active option: the person commits the text as typed. */
  onCommit?: (query: string) => void;
  /** The start-ward arrow with the caret at the start of the field. */
  onExitStart?: () => void;
  /** The polite announcement of how many suggestions there are (localised by the widget). */
  countMessage: (count: number) => string;
  /** Milliseconds of quiet typing before asking (default 250). */
  debounceMs?: number;
}

export class ComboboxController<T> implements ReactiveController {
  /** The text in the field. */
  query = '';
  /** The latest round's suggestions. */
  items: readonly T[] = [];
  /** Whether the popup is shown. */
  open = false;
  /** The index of the active option in `items`, `-1` when none. */
  active = -1;
  status: ComboboxStatus = 'idle';
  /** The latest round's failure, while `status` is `error`. */
  error?: PeerError;
  /** The live region the count is announced in (drawn by `renderCombobox`). */
  readonly announcer: Announcer;

  readonly #host: ReactiveControllerHost;
  readonly #options: ComboboxOptions<T>;
  #timer?: ReturnType<typeof setTimeout>;
  #abort?: AbortController;
  /** The number of the latest round: an answer from any other is stale. */
  #round = 0;

  constructor(host: ReactiveControllerHost, options: ComboboxOptions<T>) {
    this.#host = host;
    this.#options = options;
    this.announcer = new Announcer(host);
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#cancel();
    this.open = false;
  }

  /** The active option, if any. */
  get activeItem(): T | undefined {
    return this.active >= 0 ? this.items[this.active] : undefined;
  }

  /** The field's `input` event: remember the text and ask after the pause. */
  readonly onInput = (event: Event): void => {
    this.setQuery((event.target as HTMLInputElement).value);
  };

  /** Sets the text (as typed, or preset by the widget) and schedules a round. */
  setQuery(query: string, { suggest = true }: { suggest?: boolean } = {}): void {
    this.query = query;
    this.#cancel();
    this.active = -1;
    const q = query.trim();
    if (!suggest || !q) {
      this.items = [];
      this.open = false;
      this.status = 'idle';
      this.#host.requestUpdate();
      return;
    }
    this.#timer = setTimeout(() => void this.#ask(q), this.#options.debounceMs ?? 250);
    this.#host.requestUpdate();
  }

  /**
   * Asks again, at once, for the text in the field (the failure's "Try again"); a newer answer
   * replaces the failure. The region is cleared first, so a second failure is said again.
   */
  retry(): void {
    const q = this.query.trim();
    if (!q) return;
    this.#cancel();
    this.announcer.announce('');
    void this.#ask(q);
  }

  /** Closes the popup (focus stays in the field). */
  close(): void {
    if (!this.open && this.active === -1) return;
    this.open = false;
    this.active = -1;
    this.#host.requestUpdate();
  }

  /** Picks an option (a click on it, or Enter). The popup closes. */
  pick(item: T): void {
    this.#cancel();
    this.open = false;
    this.active = -1;
    this.#host.requestUpdate();
    this.#options.onPick(item);
  }

  /** The DOM id of an option, under the widget's `idPrefix`. */
  optionId(idPrefix: string, item: T): string {
    return `${idPrefix}-opt-${this.#options.key(item).replace(/[^\w-]/g, '_')}`;
  }

  /** The field's `keydown` handler. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing) return;
    const handled =
      event.key === 'ArrowDown' || event.key === 'ArrowUp'
        ? this.#move(event)
        : event.key === 'Home' || event.key === 'End'
          ? this.#jump(event.key)
          : event.key === 'Enter'
            ? this.#enter()
            : event.key === 'Escape'
              ? this.#escape(event.target as HTMLInputElement)
              : event.key === 'ArrowLeft' || event.key === 'ArrowRight'
                ? this.#sideways(event)
                : false;
    if (!handled) return;
    event.preventDefault();
    this.#host.requestUpdate();
  };

  /** ArrowDown / ArrowUp (Alt: open without moving). */
  #move(event: KeyboardEvent): boolean {
    const n = this.items.length;
    if (!n) return true;
    const down = event.key === 'ArrowDown';
    if (!this.open) {
      this.open = true;
      if (!event.altKey) this.active = down ? 0 : n - 1;
    } else if (!event.altKey) {
      this.active = down ? (this.active + 1) % n : (this.active - 1 + n) % n;
    }
    return true;
  }

  /** Home / End: first / last option while one is active; else the caret moves. */
  #jump(key: 'Home' | 'End'): boolean {
    if (!this.open || this.active < 0) return false;
    this.active = key === 'Home' ? 0 : this.items.length - 1;
    return true;
  }

  #enter(): boolean {
    const item = this.open ? this.activeItem : undefined;
    if (item !== undefined) this.pick(item);
    else {
      this.close();
      this.#cancel();
      this.#options.onCommit?.(this.query.trim());
    }
    return true;
  }

  #escape(field: HTMLInputElement): boolean {
    if (this.open) this.close();
    else if (this.query) {
      field.value = '';
      this.setQuery('');
      this.#options.onCommit?.('');
    } else return false;
    return true;
  }

  /** The start-ward arrow (by the field's direction) with the caret at the start. */
  #sideways(event: KeyboardEvent): boolean {
    const field = event.target as HTMLInputElement;
    const rtl = getComputedStyle(field).direction === 'rtl';
    const towardStart = (event.key === 'ArrowLeft') !== rtl;
    const atStart = field.selectionStart === 0 && field.selectionEnd === 0;
    if (!towardStart || !atStart || !this.#options.onExitStart) return false;
    this.close();
    this.#options.onExitStart();
    return true;
  }

  /** The field lost focus: the popup closes (a click on an option lands first, on pointerdown). */
  readonly onBlur = (): void => this.close();

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#round++;
  }

  async #ask(query: string): Promise<void> {
    const round = ++this.#round;
    const abort = (this.#abort = new AbortController());
    this.status = 'pending';
    this.#host.requestUpdate();
    try {
      const items = await this.#options.suggest(query, { signal: abort.signal });
      if (round !== this.#round) return;
      this.items = items;
      this.status = 'complete';
      this.open = items.length > 0;
      this.active = -1;
      this.announcer.announce(this.#options.countMessage(items.length));
    } catch (error) {
      if (round !== this.#round) return;
      const peerError = toPeerError(error);
      if (peerError.kind === 'aborted') return;
      this.items = [];
      this.open = false;
      this.status = 'error';
      this.error = peerError;
      this.announcer.announce(suggestionsFailed());
    } finally {
      if (round === this.#round) this.#abort = undefined;
    }
    this.#host.requestUpdate();
  }
}
