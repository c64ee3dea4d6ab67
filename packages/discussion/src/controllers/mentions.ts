/**
 * `@` mentions in the composers' text (docs/decisions.md §10), part of the composer tools:
 * typing `@` and at least one character (no space) before the caret asks `GET /people?q=`
 * through the core's `ComboboxController` (its debounce, aborts and stale-answer guard), and
 * the textarea gets the ARIA a textbox with a suggestions popup may carry
 * (`aria-autocomplete="list"`, `aria-haspopup="listbox"`, `aria-controls`,
 * `aria-activedescendant`) while DOM focus stays in it.
 *
 * Keys, while suggestions are shown: ArrowDown / ArrowUp move (wrapping); Enter or Tab picks
 * the active person; Escape closes them and keeps the text (and does not cancel a reply or an
 * edit). Picking replaces `@ana` with `[@Ana Ruiz](mention:ana.ruiz)` (`mentionMarkdown`) and a
 * space, with the caret after them. Without suggestions every key does what it always does.
 * One search at a time: the composer whose text holds the `@` being typed.
 */
import type { ReactiveController } from 'lit';
import { mentionMarkdown, type PersonSummary } from '@peerkit/core';
import { ComboboxController } from '@peerkit/core/controllers';
import { compose as t } from '../compose-messages.js';
import type { Composer } from '../model/composer.js';
import { renderMentions } from '../views/mentions.js';
import type { ComposersController } from './composers.js';
import type { DiscussionContext } from './context.js';

/** `@` then 1–50 characters that are not spaces, `@` or brackets, ending at the caret. */
const TYPING = /(?:^|[\s(])@([^\s@()[\]]{1,50})$/u;

export class Mentions implements ReactiveController {
  readonly combobox: ComboboxController<PersonSummary>;
  /** The composer whose text holds the `@` being typed, and where: `[at, end)`. */
  #c: Composer | null = null;
  #at = 0;
  #end = 0;
  /** Escape closed the suggestions; typing on opens them again. */
  #dismissed = false;
  /** The answer the first option was made active for. */
  #seen: readonly PersonSummary[] = [];

  constructor(
    private readonly ctx: DiscussionContext,
    private readonly composers: ComposersController,
  ) {
    ctx.host.addController(this);
    this.combobox = new ComboboxController<PersonSummary>(ctx.host, {
      suggest: async (q, { signal }) =>
        (await this.ctx.client()?.listPeople({ q, limit: 6 }, { signal }))?.items ?? [],
      key: (p) => p.id,
      onPick: (p) => this.#pick(p),
      countMessage: (n) => t.peopleCount(n, ctx.locale()),
    });
  }

  hostConnected(): void {
    const root = this.ctx.host.renderRoot;
    root.addEventListener('input', this.#onInput);
    root.addEventListener('keydown', this.#onKeyDown as EventListener, true);
    root.addEventListener('focusout', this.#onFocusOut);
  }

  hostDisconnected(): void {
    const root = this.ctx.host.renderRoot;
    root.removeEventListener('input', this.#onInput);
    root.removeEventListener('keydown', this.#onKeyDown as EventListener, true);
    root.removeEventListener('focusout', this.#onFocusOut);
  }

  /**
   * A new answer: its first person is active, so Enter picks what the list shows first. (The
   * count, or that the search failed, is said by the combobox, through the composer tools.)
   */
  hostUpdate(): void {
    const c = this.combobox;
    if (c.items !== this.#seen) {
      this.#seen = c.items;
      if (c.open && c.active < 0) c.active = 0;
    }
  }

  /** The textareas get the combobox's ARIA (their template belongs to the first paint). */
  hostUpdated(): void {
    for (const c of [this.composers.root, this.composers.reply, this.composers.editor]) {
      const area = c && this.ctx.query<HTMLTextAreaElement>(`[data-composer="${c.uid}"] textarea`);
      if (!area) continue;
      const listed = this.#shown(c) && this.combobox.items.length > 0;
      const active = listed ? this.combobox.activeItem : undefined;
      // The field stays a textbox (multi-line editing matters more than the popup):
      // `role="combobox"` is not allowed on a <textarea> (ARIA in HTML) and `aria-expanded`
      // not on a textbox (ARIA 1.2), so the popup is announced by `aria-haspopup`, the
      // listbox it controls and the polite count.
      area.setAttribute('aria-autocomplete', 'list');
      area.setAttribute('aria-haspopup', 'listbox');
      area.setAttribute('aria-controls', `${c.uid}-mentions`);
      if (active) area.setAttribute('aria-activedescendant', this.#optionId(c, active));
      else area.removeAttribute('aria-activedescendant');
    }
  }

  /** The suggestions of `c` (their count is said by the composer tools). */
  render(c: Composer) {
    return renderMentions({
      combobox: this.combobox,
      id: `${c.uid}-mentions`,
      shown: this.#shown(c),
    });
  }

  #shown(c: Composer): boolean {
    return this.#c === c && !this.#dismissed && this.combobox.status !== 'idle';
  }

  #optionId(c: Composer, person: PersonSummary): string {
    return this.combobox.optionId(`${c.uid}-mentions`, person);
  }

  #composerOf(target: EventTarget | null): Composer | null {
    if (!(target instanceof HTMLTextAreaElement)) return null;
    const uid = target.closest<HTMLElement>('[data-composer]')?.dataset.composer;
    const { root, reply, editor } = this.composers;
    return [root, reply, editor].find((c) => c?.uid === uid) ?? null;
  }

  readonly #onInput = (e: Event): void => {
    const c = this.#composerOf(e.target);
    if (!c) return;
    const area = e.target as HTMLTextAreaElement;
    const end = area.selectionStart;
    const typing = TYPING.exec(area.value.slice(0, end));
    if (!typing) return this.#stop();
    this.#c = c;
    this.#end = end;
    this.#at = end - typing[1]!.length - 1;
    this.#dismissed = false;
    this.combobox.setQuery(typing[1]!);
  };

  /** Before the textarea's own keys (Ctrl+Enter posts, Escape cancels), while suggestions show. */
  readonly #onKeyDown = (e: KeyboardEvent): void => {
    const c = this.#composerOf(e.target);
    if (!c || !this.#shown(c) || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
    const box = this.combobox;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && box.items.length) box.onKeyDown(e);
    else if ((e.key === 'Enter' || e.key === 'Tab') && box.open && box.activeItem)
      box.pick(box.activeItem);
    else if (e.key === 'Escape') {
      this.#dismissed = true;
      box.close();
    } else return;
    e.preventDefault();
    e.stopPropagation();
    this.ctx.host.requestUpdate();
  };

  /**
   * Focus leaving the text (or the suggestions' "Try again") for anywhere but the other of the
   * two ends the search; moving between them keeps it, so the button can be reached by Tab.
   */
  readonly #onFocusOut = (e: Event): void => {
    const c = this.#c;
    const part = c && this.ctx.query(`[data-composer="${c.uid}"] [part~="mentions"]`);
    const ours = (n: EventTarget | null) =>
      !!c && (this.#composerOf(n) === c || (n instanceof Node && !!part?.contains(n)));
    if (ours(e.target) && !ours((e as FocusEvent).relatedTarget)) this.#stop();
  };

  #stop(): void {
    if (!this.#c) return;
    this.#c = null;
    this.combobox.setQuery('', { suggest: false });
  }

  /** Writes the mention in place of `@…` and puts the caret after it. */
  #pick(person: PersonSummary): void {
    const c = this.#c;
    if (!c) return;
    const mention = `${mentionMarkdown(person)} `;
    const rest = c.body.slice(this.#end).replace(/^ /, '');
    const caret = this.#at + mention.length;
    this.#stop();
    this.composers.input(c, c.body.slice(0, this.#at) + mention + rest);
    void this.ctx.host.updateComplete.then(() => {
      const area = this.ctx.query<HTMLTextAreaElement>(`[data-composer="${c.uid}"] textarea`);
      area?.setSelectionRange(caret, caret);
    });
  }
}
