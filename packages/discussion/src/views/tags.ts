/**
 * The "Skills" field of a composer (docs/decisions.md §11): the core's editable combobox
 * (`renderCombobox`, ARIA 1.2 "Editable Combobox With List Autocomplete") with the chosen
 * skills as chips before the field, each a button that removes it ("Remove tag SQL"), the
 * hint (or that the post is full), and a write's refusal of its tags, said at the field.
 * A function of the composer, its combobox and the handlers; loaded with the composer tools.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { POST_TAGS_MAX, type SkillSuggestion } from '@peerkit/core';
import { renderCombobox, type ComboboxController } from '@peerkit/core/controllers';
import { compose as t } from '../compose-messages.js';
import type { Composer } from '../model/composer.js';

export interface TagsHandlers {
  remove(c: Composer, index: number): void;
  /** Keys on the field before the combobox's own (Backspace on an empty field). */
  keydown(c: Composer, e: KeyboardEvent): void;
}

export interface TagsProps {
  combobox: ComboboxController<SkillSuggestion>;
  locale: string;
  /** What the server (or the contract check) said about the tags of a failed write. */
  refused: string | null;
}

function renderChips(c: Composer, on: TagsHandlers): TemplateResult | typeof nothing {
  if (!c.tags.length) return nothing;
  return html`<ul class="chips" aria-label=${t.tagsList()}>
    ${c.tags.map(
      (tag, i) =>
        html`<li>
          <button
            type="button"
            part="tag-chip"
            aria-label=${t.removeTag(tag)}
            @click=${() => on.remove(c, i)}
          >
            <bdi>${tag}</bdi> <span aria-hidden="true">×</span>
          </button>
        </li>`,
    )}
  </ul>`;
}

export function renderTags(c: Composer, p: TagsProps, on: TagsHandlers): TemplateResult {
  const id = `${c.uid}-tags`;
  const full = c.tags.length >= POST_TAGS_MAX;
  // A failed suggestion round is drawn by the combobox itself, with its "Try again"; the
  // hint goes on saying that Enter adds what was typed.
  const hint = full ? t.tagsFull(p.locale) : t.tagsHint(p.locale);
  const describedBy = `${id}-hint${p.refused ? ` ${id}-error` : ''}`;
  return html`<div class="skills" part="skills" @keydown=${(e: KeyboardEvent) => on.keydown(c, e)}>
    ${renderCombobox({
      controller: p.combobox,
      id,
      label: t.tags(),
      option: (s: SkillSuggestion) => html`<bdi>${s.name}</bdi>`,
      before: renderChips(c, on),
      describedBy,
      quiet: true,
    })}
    <p class="hint" id="${id}-hint">${hint}</p>
    ${p.refused ? html`<p class="error-text" id="${id}-error">${p.refused}</p>` : nothing}
  </div>`;
}
