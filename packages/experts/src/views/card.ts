/**
 * One person's card, shared by the result list, the own-profile card and the person card:
 * initials avatar, name, title, team, availability, a "can mentor" badge, the "why this
 * person" line (from `reasons`), skills with their level as text and as a `<meter>`, each with
 * its endorsement count and an endorse toggle (`aria-pressed`), "ask me about" topics and the
 * "Ask" button (a link with a `contact` template). Plain functions of props; person-written text is isolated in `<bdi>`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Expert, ExpertSkill } from '@peerkit/core';
import { avatarHue, avatarInitials } from '@peerkit/core/person-card';
import { messages as t } from '../messages.js';
import { whyLine } from '../model/reasons.js';
import type { EndorseState } from '../controllers/endorse.js';

export interface CardProps {
  expert: Expert;
  locale: string;
  /** Unique prefix for ids inside the shadow root. */
  id: string;
  /** The endorse state of one of the person's skills. */
  endorse: (skill: string) => EndorseState;
  /** Who is signed in (`null`: nobody). */
  meId: string | null;
  /** Show "Ask" (not on one's own card). */
  askable: boolean;
  /**
   * The filled `contact` URL, when there is one: "Ask" is then a link to it (opening a new
   * browsing context without opener), which the browser follows within the click.
   */
  askHref?: string | null;
  /** The heading level of the name (2 in the list, 2 in the person card). */
  level?: 2 | 3;
  on: {
    toggle: (skill: string) => void;
    retry: (skill: string) => void;
    /** "Ask" was activated (the click, whose default a host may prevent). */
    ask: (click: Event) => void;
  };
  /** Drawn at the end of the card (the own card's "Edit", the inline ask form). */
  extra?: unknown;
}

export function renderCard(p: CardProps): TemplateResult {
  const e = p.expert;
  const nameId = `${p.id}-name`;
  const why = whyLine(e.reasons, p.locale);
  return html`<article class="card" part="card" aria-labelledby=${nameId} data-person=${e.id}>
    <div class="card-head">
      <span class="avatar" part="avatar" aria-hidden="true" data-hue=${avatarHue(e.id)}
        >${avatarInitials(e.name)}</span
      >
      <div class="who">
        ${renderName(p.level ?? 3, nameId, e.name)}
        ${
          e.title || e.team
            ? html`<p class="meta" part="meta">
                ${e.title ? html`<bdi>${e.title}</bdi>` : nothing}${e.title && e.team ? ' · ' : ''}${
                  e.team ? html`<bdi>${e.team}</bdi>` : nothing
                }
              </p>`
            : nothing
        }
        <p class="badges">
          <span class="availability ${e.availability}" part="availability"
            >${t.availability(e.availability)}</span
          >
          ${e.mentor ? html`<span class="badge" part="badge mentor">${t.mentor()}</span>` : nothing}
        </p>
      </div>
    </div>
    ${
      why
        ? html`<p class="why" part="why">
            <span class="visually-hidden">${t.why()}: </span>${why}
          </p>`
        : nothing
    }
    ${e.skills.length ? renderSkills(p) : nothing}
    ${
      e.askMeAbout.length
        ? html`<p class="topics" part="topics">
            <span class="label">${t.askMeAbout()}:</span>
            ${e.askMeAbout.map((a, i) => html`${i ? ', ' : ''}<bdi>${a}</bdi>`)}
          </p>`
        : nothing
    }
    ${
      !p.askable
        ? nothing
        : p.askHref
          ? html`<a
              class="ask"
              part="ask"
              href=${p.askHref}
              target="_blank"
              rel="noopener noreferrer"
              @click=${p.on.ask}
              >${t.ask(e.name)}</a
            >`
          : html`<button type="button" class="ask" part="ask" @click=${p.on.ask}>
              ${t.ask(e.name)}
            </button>`
    }
    ${p.extra ?? nothing}
  </article>`;
}

function renderName(level: 2 | 3, id: string, name: string): TemplateResult {
  return level === 2
    ? html`<h2 class="name" part="name" id=${id}><bdi>${name}</bdi></h2>`
    : html`<h3 class="name" part="name" id=${id}><bdi>${name}</bdi></h3>`;
}

function renderSkills(p: CardProps): TemplateResult {
  return html`<ul class="skills" part="skills" aria-label=${t.skills()}>
    ${p.expert.skills.map((s, i) => renderSkill(p, s, `${p.id}-s${i}`))}
  </ul>`;
}

function renderSkill(p: CardProps, s: ExpertSkill, id: string): TemplateResult {
  const state = p.endorse(s.name);
  const self = p.meId === p.expert.id;
  const count = t.endorsements(state.count, p.locale);
  return html`<li class="skill" part="skill">
    <span class="skill-name"><bdi>${s.name}</bdi></span>
    <span class="level" id="${id}-level">${t.level(s.level, p.locale)}</span>
    <meter
      min="0"
      max="5"
      low="2"
      high="4"
      optimum="5"
      .value=${s.level}
      aria-labelledby="${id}-level"
      part="meter"
    ></meter>
    <span class="count" part="endorsements" id="${id}-count">${count}</span>
    ${
      !self
        ? html`<button
            type="button"
            class="endorse"
            part="endorse"
            aria-pressed=${state.mine ? 'true' : 'false'}
            aria-describedby="${id}-count"
            @click=${() => p.on.toggle(s.name)}
          >
            ${t.endorse(s.name)}
          </button>`
        : nothing
    }
    ${
      state.failed
        ? html`<span class="failed" part="status">
            ${state.failed.mine ? t.endorseFailed(s.name) : t.withdrawFailed(s.name)}
            <button type="button" class="retry" part="retry" @click=${() => p.on.retry(s.name)}>
              ${t.retry()}
            </button>
          </span>`
        : nothing
    }
  </li>`;
}

/** The loading skeleton: three grey cards, hidden from assistive technology (the region says loading). */
export function renderSkeleton(): TemplateResult {
  return html`<div class="skeleton-list" aria-hidden="true">
    ${[0, 1, 2].map(
      () =>
        html`<div class="card skeleton">
          <span class="avatar"></span><span class="bar"></span><span class="bar short"></span>
        </div>`,
    )}
  </div>`;
}
