import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ContextEvent } from '@lit/context';
import {
  define,
  PeerElement,
  peerContext,
  registerTranslations,
  renderNotice,
  toPeerError,
  uniqueId,
  type Expert,
  type PeerClient,
  type PeerContextValue,
  type PersonSummary,
} from '@peerkit/core';
import { Announcer, FocusRequest, LoadController } from '@peerkit/core/controllers';
import type { PersonCardRequest } from '@peerkit/core/person-card';
import { expertFinderStyles } from './expert-finder.styles.js';
import { partsStyles } from './parts.styles.js';
import { messages } from './messages.js';
import { more } from './more-messages.js';

const t = { ...messages, ...more };
import { EndorseController } from './controllers/endorse.js';
import { AskController } from './controllers/ask.js';
import { renderCard } from './views/card.js';
import { renderAskForm } from './views/ask.js';
import { PeerEndorsementCreatedEvent, PeerEndorsementWithdrawnEvent } from './events.js';
import { contactedStatement, endorsementStatement } from './xapi.js';
import { contactFirst, fillContact } from './model/contact-link.js';
import { pageContact } from './model/contact.js';

registerTranslations('es', () => import('./l10n/locales/es.js'));

/**
 * @summary The kit's person card: who someone is, opened from any person's name (docs/decisions.md §9).
 *
 * Opened by `openPersonCard()` of `@peerkit/core/person-card` (a post's author, a kudos giver,
 * a mention); `@peerkit/experts/define` registers it. One card per page, appended to the body
 * and shown as a popover (top layer, light dismiss, Escape) anchored to the name; focus moves
 * to its close button and returns to the name when it closes. It reads the configuration of
 * the widget the name is in (it asks the name's context), so it talks to the same server.
 *
 * @csspart popover - The popover.
 * @csspart close - Its close button.
 * @csspart card - The person's card (the same parts as in `<peer-expert-finder>`).
 */
export class PeerPersonCard extends PeerElement {
  static override styles = [
    ...PeerElement.styles,
    ...expertFinderStyles,
    partsStyles,
    // The popover's own rules, with this module (not on the expert finder's first paint).
    css`
      .person-card {
        position: fixed;
        inset: auto;
        margin: 0;
        inline-size: min(26rem, calc(100vw - 8px));
        padding: var(--_peer-space);
        border: 1px solid var(--_peer-border);
        border-radius: var(--_peer-radius);
        background: var(--_peer-surface);
        color: var(--_peer-text);
        box-shadow: 0 6px 18px rgb(0 0 0 / 0.2);
      }
      .person-card .close {
        float: inline-end;
        border: 0;
        background: transparent;
        font-size: 1.25em;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    person: { attribute: false },
  };

  /** Who the card is about. */
  person?: PersonSummary;

  #anchor?: HTMLElement;
  readonly #uid = uniqueId('pc');
  readonly #announcer = new Announcer(this);
  readonly #focus = new FocusRequest(this);

  readonly #load = new LoadController<Expert, readonly [PeerClient, string, string]>(this, {
    args: () => {
      const client = this.peer?.client;
      return client && this.person
        ? ([client, this.person.id, this.activityIri] as const)
        : undefined;
    },
    task: ([client, id, activity], { signal }) => client.person(id, { activity }, { signal }),
    report: false,
  });

  readonly #endorse = new EndorseController(this, {
    client: () => this.peer?.client,
    onConfirmed: (person, skill, mine, count) => {
      const said = mine ? more.endorsed(person.name, skill) : more.withdrawn(person.name, skill);
      this.#announcer.announce(`${said} ${t.endorsements(count, this.locale)}.`);
      const detail = { personId: person.id, skill, endorsements: count };
      this.emit(
        mine ? new PeerEndorsementCreatedEvent(detail) : new PeerEndorsementWithdrawnEvent(detail),
      );
      this.peer?.recorder.record(endorsementStatement(person, skill, mine)).catch(() => {});
    },
    onFailed: (_p, skill, mine, error) => {
      this.#announcer.announce(mine ? t.endorseFailed(skill) : t.withdrawFailed(skill));
      this.fail(error);
    },
  });

  readonly #ask = new AskController(this, {
    peer: () => this.peer,
    activity: () => this.activityIri,
    announce: (text) => this.#announcer.announce(text),
    needSignIn: (text) => this.#announcer.announce(text),
    fail: (error) => this.fail(error),
    record: (s) => void this.peer?.recorder.record(s).catch(() => {}),
    focus: (find) => this.#focus.request(find),
  });

  /** Opens the card for `person`, anchored to `anchor`. */
  async show(person: PersonSummary, anchor: HTMLElement): Promise<void> {
    this.#anchor = anchor;
    this.person = person;
    // The configuration of the widget the name is in, and what it is about.
    anchor.dispatchEvent(
      new ContextEvent(peerContext, this, (value: PeerContextValue) => (this.peer = value), false),
    );
    this.activity = hostActivity(anchor);
    await this.updateComplete;
    const pop = this.#popover;
    if (!pop) return;
    if (!pop.matches(':popover-open')) pop.showPopover();
    this.#place(pop, anchor);
    this.renderRoot.querySelector<HTMLElement>('[part~="close"]')?.focus();
  }

  close(): void {
    const pop = this.#popover;
    if (pop?.matches(':popover-open')) pop.hidePopover();
  }

  get #popover(): HTMLElement | null {
    return this.renderRoot.querySelector('[part~="popover"]');
  }

  /** Below the name, aligned with its start edge, kept inside the viewport. */
  #place(pop: HTMLElement, anchor: HTMLElement): void {
    const r = anchor.getBoundingClientRect();
    const rtl = getComputedStyle(anchor).direction === 'rtl';
    const w = pop.offsetWidth;
    const h = pop.offsetHeight;
    const left = rtl ? r.right - w : r.left;
    const top = r.bottom + 4 + h > innerHeight ? Math.max(4, r.top - 4 - h) : r.bottom + 4;
    pop.style.left = `${Math.max(4, Math.min(left, innerWidth - w - 4))}px`;
    pop.style.top = `${top}px`;
  }

  readonly #onToggle = (event: Event): void => {
    if ((event as ToggleEvent).newState !== 'closed') return;
    this.#ask.form = undefined;
    // Focus returns to the name, unless the person has moved it elsewhere.
    const active = document.activeElement;
    if (!active || active === document.body || active === this) this.#anchor?.focus();
  };

  override render(): TemplateResult {
    const p = this.person;
    return html`<div
      popover="auto"
      part="popover"
      class="person-card"
      role="dialog"
      aria-labelledby="${this.#uid}-name"
      @toggle=${this.#onToggle}
    >
      <button
        type="button"
        class="close"
        part="close"
        aria-label=${t.close()}
        @click=${() => this.close()}
      >
        <span aria-hidden="true">×</span>
      </button>
      ${p ? this.#renderBody(p) : nothing} ${this.#announcer.render()}
    </div>`;
  }

  #renderBody(p: PersonSummary): unknown {
    return this.#load.render<unknown>({
      initial: () => this.#plain(p, t.cardLoading()),
      pending: () => this.#plain(p, t.cardLoading()),
      error: (e) =>
        toPeerError(e).status === 404
          ? this.#plain(p, t.cardMissing())
          : html`${this.#plain(p, '')}${renderNotice({
              kind: this.online ? 'error' : 'offline',
              message: this.online ? t.loadFailed() : t.offlineLoad(),
              retry: () => void this.#load.retry(),
              retryLabel: t.retry(),
              part: 'status',
            })}`,
      complete: (e) =>
        renderCard({
          expert: e,
          locale: this.locale,
          id: this.#uid,
          meId: this.meId,
          level: 2,
          endorse: (skill) => this.#endorse.view(e, skill),
          askable: e.id !== this.meId,
          askHref: this.#contactHref(e),
          on: {
            toggle: (skill) =>
              this.signedIn
                ? this.#endorse.toggle(e, skill)
                : this.#announcer.announce(t.signInToEndorse()),
            retry: (skill) => this.#endorse.retry(e, skill),
            ask: (click) => this.#askFor(e, click),
          },
          extra: this.#ask.form
            ? renderAskForm(this.#ask.form, `${this.#uid}-ask`, {
                input: (text) => this.#ask.input(text),
                send: () => void this.#ask.send(),
                cancel: () => this.#ask.cancel(),
              })
            : nothing,
        }),
    });
  }

  /** The page's `contact` template (a finder's, `pageContact`) filled for `e`, or `null`. */
  #contactHref(e: Expert): string | null {
    return fillContact(pageContact(this.activityIri), { ...e, skill: null });
  }

  /** "Ask": the event and a `contact` link within the click (`contactFirst`), else the thread. */
  #askFor(e: Expert, click: Event): void {
    const detail = { person: e, skill: null, activity: this.activityIri };
    const how = contactFirst(this, click, detail, !!this.#contactHref(e));
    if (how === 'link')
      this.peer?.recorder.record(contactedStatement(e, null, 'url')).catch(() => {});
    if (how === 'thread') this.#ask.ask(e, null);
  }

  /** The name (and title) known from where it was clicked, with a line of status. */
  #plain(p: PersonSummary, line: string): TemplateResult {
    return html`<h2 id="${this.#uid}-name" class="name"><bdi>${p.name}</bdi></h2>
      ${p.title ? html`<p class="meta"><bdi>${p.title}</bdi></p>` : nothing}
      ${line ? html`<p class="hint">${line}</p>` : nothing}`;
  }
}

/** The activity of the nearest Peerkit widget around `el` (across shadow roots). */
function hostActivity(el: Element): string | undefined {
  let node: Node | null = el;
  while (node) {
    const root: Node = node.getRootNode();
    const host: Element | null = root instanceof ShadowRoot ? root.host : null;
    const iri = (host as { activityIri?: unknown } | null)?.activityIri;
    if (typeof iri === 'string') return iri;
    node = host;
  }
  return undefined;
}

/**
 * The opener `@peerkit/experts/define` registers (through a loader): defines
 * `<peer-person-card>` if it is not yet, and shows one card per page, appended to the body.
 */
export function openCard({ person, anchor }: PersonCardRequest): Promise<void> {
  define('peer-person-card', PeerPersonCard);
  let card = document.querySelector<PeerPersonCard>('body > peer-person-card');
  if (!card) {
    card = document.createElement('peer-person-card') as PeerPersonCard;
    document.body.append(card);
  }
  return card.show(person, anchor);
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-person-card': PeerPersonCard;
  }
}
