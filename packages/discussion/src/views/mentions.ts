/**
 * The `@` suggestions under a composer's text (docs/decisions.md §10): a listbox of people
 * whose options the keys move through from the textarea (`aria-activedescendant`, DOM focus
 * stays in the text), and below it what the search is doing: looking, nobody found, or that
 * it failed, the core's failure with its "Try again" (`renderComboboxFailure`: asks again and
 * puts focus back in the text; typing on tries again too; nothing typed is lost). A pointer
 * press on an option does not take focus from the text, so a click picks without the caret
 * moving.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PersonSummary } from '@peerkit/core';
import { renderComboboxFailure, type ComboboxController } from '@peerkit/core/controllers';
import { compose as t } from '../compose-messages.js';

export interface MentionsProps {
  combobox: ComboboxController<PersonSummary>;
  /** Prefix of the ids (`<composer uid>-mentions`): the listbox is `<id>`. */
  id: string;
  /** Whether the suggestions are shown for this composer. */
  shown: boolean;
}

function renderStatus(c: ComboboxController<PersonSummary>, id: string): unknown {
  const text =
    c.status === 'pending'
      ? t.peopleLoading()
      : c.status === 'complete' && !c.items.length
        ? t.peopleEmpty()
        : '';
  return text ? html`<p class="status ${c.status}">${text}</p>` : renderComboboxFailure(c, id);
}

export function renderMentions(p: MentionsProps): TemplateResult {
  const c = p.combobox;
  const items = p.shown ? c.items : [];
  const option = (person: PersonSummary) => {
    const selected = person === c.activeItem;
    // The keyboard picks through the textarea (aria-activedescendant), never the option itself.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div
      id=${c.optionId(p.id, person)}
      role="option"
      part="mention-option"
      aria-selected=${selected ? 'true' : 'false'}
      @pointerdown=${(e: Event) => e.preventDefault()}
      @click=${() => c.pick(person)}
    >
      <bdi>${person.name}</bdi>${person.title ? html`<span>${person.title}</span>` : nothing}
    </div>`;
  };
  return html`<div part="mentions" ?hidden=${!p.shown}>
    <div id=${p.id} role="listbox" aria-label=${t.people()} ?hidden=${!items.length}>
      ${items.map(option)}
    </div>
    ${p.shown ? renderStatus(c, p.id) : nothing}
  </div>`;
}
