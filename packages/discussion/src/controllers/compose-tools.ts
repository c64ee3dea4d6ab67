/**
 * The composer's tools, a lazy part of `<peer-discussion>` (loaded when a composer is
 * focused or has tags, by `ask()` with a skill, or before the guidelines step; its own
 * chunk, docs/decisions.md §15):
 *
 * - the participation guidelines step before a person's first post (`views/guidelines.ts`);
 * - the "Skills" picker of each open composer (docs/decisions.md §11): one core
 *   `ComboboxController` per composer, suggesting from `GET /skills` the skills not chosen
 *   yet; a pick or Enter adds a tag (a new name as typed: the server keeps names it does not
 *   know), at most `POST_TAGS_MAX`, duplicates (any case) once; Backspace in the empty field
 *   removes the last tag; a removed chip hands focus to the chip that took its place, else
 *   the field;
 * - `@` mentions in the composer's text (`mentions.ts`).
 *
 * Its strings are `compose-messages.ts`, its styles `views/tools.styles.ts` (adopted by the
 * shadow root when it loads).
 */
import { html, type ReactiveController } from 'lit';
import { POST_TAGS_MAX, skillKey, type PeerError, type SkillSuggestion } from '@peerkit/core';
import { ComboboxController, comboboxStyles } from '@peerkit/core/controllers';
import { compose as t } from '../compose-messages.js';
import { writeErrorText } from '../messages.js';
import type { Composer } from '../model/composer.js';
import { toolStyles } from '../views/tools.styles.js';
import { renderGuidelinesStep } from '../views/guidelines.js';
import { renderTags, type TagsHandlers } from '../views/tags.js';
import type { ComposersController } from './composers.js';
import type { DiscussionContext } from './context.js';
import { Mentions } from './mentions.js';

/** Whether a failed write's error is about its tags (a field error under `tags`). */
export function refusesTags(error: PeerError | null): boolean {
  const fields = error?.details.issues ?? error?.details.problem?.errors ?? [];
  return fields.some((f) => /^tags\b/.test(f.path));
}

/**
 * `tags` with `name` added (trimmed), unless blank, full or already there by `skillKey` (any
 * case, any spaces around: the server would keep it once, docs/decisions.md §11).
 */
export function withTag(tags: readonly string[], name: string): string[] {
  const tag = name.trim();
  const key = skillKey(tag);
  if (!tag || tags.length >= POST_TAGS_MAX || tags.some((x) => skillKey(x) === key))
    return [...tags];
  return [...tags, tag];
}

/**
 * Replaces `c`'s tags and saves the draft. A failed write's error goes, and so does its
 * idempotency key: changed tags are a new write, as changed text is (`Composer.attemptKey`).
 */
export function setTags(c: Composer, tags: string[]): void {
  c.tags = tags;
  c.error = null;
  c.key = undefined;
  c.persist();
}

export class ComposeTools implements ReactiveController, TagsHandlers {
  readonly #pickers = new Map<Composer, ComboboxController<SkillSuggestion>>();
  readonly mentions: Mentions;

  constructor(
    private readonly ctx: DiscussionContext,
    private readonly composers: ComposersController,
  ) {
    ctx.host.addController(this);
    this.mentions = new Mentions(ctx, composers);
    const root = ctx.host.renderRoot as ShadowRoot;
    const sheets = [comboboxStyles, toolStyles].flatMap((s) => s.styleSheet ?? []);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  }

  /** What each combobox last announced, said again in the discussion's one live region. */
  readonly #said = new WeakMap<object, string>();

  /**
   * The pickers of composers that closed go, with their controllers. The comboboxes' counts
   * are said through the discussion's live region (one polite region per element), not
   * regions of their own.
   */
  hostUpdate(): void {
    for (const box of [this.mentions.combobox, ...this.#pickers.values()]) {
      const text = box.announcer.text;
      if (text && this.#said.get(box) !== text) this.ctx.announce(text);
      this.#said.set(box, text);
    }
    const open = new Set([this.composers.root, this.composers.reply, this.composers.editor]);
    for (const [c, picker] of this.#pickers) {
      if (open.has(c)) continue;
      picker.hostDisconnected();
      this.ctx.host.removeController(picker);
      this.#pickers.delete(c);
    }
  }

  /** Adds `name` to `c`'s tags (a pick, Enter, or `ask()`'s skill); says so, or that it is full. */
  add(c: Composer, name: string): void {
    const tags = withTag(c.tags, name);
    if (c.tags.length >= POST_TAGS_MAX) this.ctx.announce(t.tagsFull(this.ctx.locale()));
    else if (tags.length > c.tags.length) {
      setTags(c, tags);
      this.ctx.announce(t.tagAdded(tags.at(-1)!));
    }
    this.#picker(c).setQuery('', { suggest: false });
    this.ctx.host.requestUpdate();
  }

  remove(c: Composer, index: number): void {
    const tag = c.tags[index];
    if (tag === undefined) return;
    setTags(
      c,
      c.tags.filter((_, i) => i !== index),
    );
    this.ctx.announce(t.tagRemoved(tag));
    // Focus goes to the chip that took its place, else the field: never to the page's body.
    const at = Math.min(index, c.tags.length - 1);
    const scope = `[data-composer="${c.uid}"] [part~="skills"]`;
    this.ctx.focus(() =>
      at >= 0
        ? this.ctx.query(`${scope} li:nth-child(${at + 1}) button`)
        : this.ctx.query(`${scope} input`),
    );
    this.ctx.host.requestUpdate();
  }

  keydown(c: Composer, e: KeyboardEvent): void {
    const field = e.target as HTMLInputElement;
    if (e.key !== 'Backspace' || field.localName !== 'input' || field.value || !c.tags.length)
      return;
    e.preventDefault();
    this.remove(c, c.tags.length - 1);
  }

  /** The guidelines step of `c` (before the person's first post in the thread). */
  guidelines(c: Composer) {
    return renderGuidelinesStep(c, this.composers);
  }

  /** Whether `c`'s failed write is about its tags (then said at the "Skills" field only). */
  claims(c: Composer): boolean {
    return refusesTags(c.error);
  }

  /** What the composer draws with its tools, under its text: `@` suggestions, "Skills". */
  render(c: Composer) {
    const refused = refusesTags(c.error)
      ? t.tagsRefused(writeErrorText(c.error!, this.ctx.online()))
      : null;
    const props = { combobox: this.#picker(c), locale: this.ctx.locale(), refused };
    return html`${this.mentions.render(c)}${renderTags(c, props, this)}`;
  }

  #picker(c: Composer): ComboboxController<SkillSuggestion> {
    let picker = this.#pickers.get(c);
    if (!picker) {
      picker = new ComboboxController<SkillSuggestion>(this.ctx.host, {
        suggest: async (q, { signal }) => {
          const taken = new Set(c.tags.map(skillKey));
          const list = (await this.ctx.client()?.listSkills(q, { signal })) ?? [];
          return list.filter((s) => !taken.has(skillKey(s.name))).slice(0, 8);
        },
        key: (s) => s.name,
        onPick: (s) => this.add(c, s.name),
        // Typed as a suggestion spells it (any case): the vocabulary's spelling.
        onCommit: (q) =>
          q && this.add(c, picker!.items.find((s) => skillKey(s.name) === skillKey(q))?.name ?? q),
        countMessage: (count) => t.skillCount(count, this.ctx.locale()),
      });
      this.#pickers.set(c, picker);
    }
    return picker;
  }
}
