/**
 * The signed-in person's own card (`part="own"`) with "Edit", and the edit form: ask-me-about
 * topics and wants-to-learn skills (comma lists), can mentor, availability, listed or not.
 * After a 412 the card shows the profile as it is now and the form keeps the edit.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Availability, Expert, Me, Profile } from '@peerkit/core';
import { messages } from '../messages.js';
import { more } from '../more-messages.js';

const t = { ...messages, ...more };
import { renderCard } from './card.js';
import type { EndorseState } from '../controllers/endorse.js';

export interface ProfileDraft {
  askMeAbout: string;
  wantsToLearn: string;
  mentor: boolean;
  availability: Availability;
  listed: boolean;
}

export interface OwnCardProps {
  id: string;
  locale: string;
  meId: string | null;
  me: Me;
  profile: Profile;
  card: Expert | null;
  draft?: ProfileDraft;
  state: { saving: boolean; conflict: boolean; failed: boolean };
  endorse: (person: Expert) => (skill: string) => EndorseState;
  on: {
    edit: () => void;
    change: (patch: Partial<ProfileDraft>) => void;
    save: () => void;
    cancel: () => void;
  };
}

const AVAILABILITY: readonly Availability[] = ['available', 'busy', 'away', 'unknown'];

export function renderOwnCard(p: OwnCardProps): TemplateResult {
  // Without a card from the server (not listed yet, no skills), the profile says enough.
  const expert: Expert = {
    ...(p.card ?? {
      id: p.me.id,
      name: p.me.name,
      title: p.me.title,
      team: p.me.team,
      skills: [],
      kudosReceived: 0,
      score: 0,
      reasons: [],
    }),
    askMeAbout: p.profile.askMeAbout,
    mentor: p.profile.mentor,
    availability: p.profile.availability,
    reasons: [],
  };
  return html`<div class="own" part="own">
    <p class="own-label">${t.you()}</p>
    ${renderCard({
      expert,
      locale: p.locale,
      id: p.id,
      meId: p.meId,
      endorse: p.endorse(expert),
      askable: false,
      on: { toggle: () => {}, retry: () => {}, ask: () => {} },
      extra: html`${p.profile.listed ? nothing : html`<p class="unlisted">${t.notListed()}</p>`}
      ${
        p.state.conflict
          ? html`<p class="notice status" part="status" role="status">${t.profileConflict()}</p>`
          : nothing
      }
      ${
        p.draft
          ? renderForm(p, p.draft)
          : html`<button type="button" part="edit" class="edit" @click=${p.on.edit}>
              ${t.edit()}
            </button>`
      }`,
    })}
  </div>`;
}

function renderForm(p: OwnCardProps, d: ProfileDraft): TemplateResult {
  const id = p.id;
  const text = (e: Event) => (e.target as HTMLInputElement).value;
  const checked = (e: Event) => (e.target as HTMLInputElement).checked;
  return html`<form
    class="profile-form"
    part="profile-form"
    @submit=${(e: Event) => {
      e.preventDefault();
      p.on.save();
    }}
  >
    <label for="${id}-ask">${t.askMeAboutField()}</label>
    <input
      id="${id}-ask"
      .value=${d.askMeAbout}
      @input=${(e: Event) => p.on.change({ askMeAbout: text(e) })}
    />
    <label for="${id}-learn">${t.wantsToLearn()}</label>
    <input
      id="${id}-learn"
      .value=${d.wantsToLearn}
      @input=${(e: Event) => p.on.change({ wantsToLearn: text(e) })}
    />
    <label for="${id}-avail">${t.availabilityField()}</label>
    <select
      id="${id}-avail"
      @change=${(e: Event) => p.on.change({ availability: text(e) as Availability })}
    >
      ${AVAILABILITY.map(
        (a) =>
          html`<option value=${a} ?selected=${a === d.availability}>${t.availability(a)}</option>`,
      )}
    </select>
    <label class="check"
      ><input
        type="checkbox"
        .checked=${d.mentor}
        @change=${(e: Event) => p.on.change({ mentor: checked(e) })}
      />
      ${t.canMentor()}</label
    >
    <label class="check"
      ><input
        type="checkbox"
        .checked=${d.listed}
        @change=${(e: Event) => p.on.change({ listed: checked(e) })}
      />
      ${t.listed()}</label
    >
    ${p.state.failed ? html`<p class="form-error" role="alert">${t.profileFailed()}</p>` : nothing}
    <div class="actions">
      <button type="submit" part="save" ?disabled=${p.state.saving}>${t.save()}</button>
      <button type="button" @click=${p.on.cancel}>${t.cancel()}</button>
    </div>
  </form>`;
}
