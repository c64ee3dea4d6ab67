import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import {
  PeerElement,
  registerTranslations,
  renderNotice,
  uniqueId,
  type Expert,
  type PeerError,
  type StatementInput,
} from '@peerkit/core';
import {
  Announcer,
  AttributeChecks,
  ComboboxController,
  FocusRequest,
  renderCombobox,
} from '@peerkit/core/controllers';
import { expertFinderStyles } from './expert-finder.styles.js';
import { messages as t } from './messages.js';
import { ATTRIBUTE_RULES, LIMIT_DEFAULT, parseSkills, validSkills } from './model/attributes.js';
import { EndorseController } from './controllers/endorse.js';
import { SearchController } from './controllers/search.js';
import type { ProfileController } from './controllers/profile.js';
import type { AskController, AskOptions } from './controllers/ask.js';
import type { Suggestion } from './model/suggest.js';
import { renderCard, renderSkeleton } from './views/card.js';
import {
  PeerEndorsementCreatedEvent,
  PeerEndorsementWithdrawnEvent,
  PeerExpertSearchEvent,
} from './events.js';
import { contactFirst, fillContact } from './model/contact-link.js';

/** `slot(0)` of `@peerkit/core/bidi`: the placeholder a sentence's translation places. */
const SLOT = '\uE000';

// Spanish messages, fetched only when the page's locale is Spanish.
registerTranslations('es', () => import('./l10n/locales/es.js'));

/**
 * @summary Find the colleague who knows: search by skill, see why each person is shown, endorse their skills, ask them.
 *
 * One search field (an ARIA combobox) suggests skills and people as you type; a picked skill
 * becomes a removable filter chip, Enter searches names, titles, teams and "ask me about"
 * topics. With no search, it recommends people for this activity, each with why. Signed in, your
 * own card comes first with "Edit".
 *
 * @attr activity - The IRI the search is about (recommendations, and where questions go); defaults to the page's canonical URL.
 * @attr heading - The visible heading (default "Find someone who knows").
 * @attr skills - Comma-separated skill filters preset as chips, e.g. `SQL,Python`. Names longer than 100 characters, or more than 10: no preset, with a notice and a `peer-error`.
 * @attr query - Search text preset in the field (searched at once).
 * @attr limit - People per page (default 10, at most 100). Not an integer from 1: 10, with a notice and a `peer-error`.
 * @attr contact - A URL template "Ask" opens instead of the discussion: `{email}`, `{name}`, `{skill}`, `{id}` are filled, percent-encoded (e.g. `mailto:{email}?subject={skill}`).
 *
 * @fires {PeerExpertSearchEvent} peer-expert-search - A search (or the recommendations) came back. `detail: { query, skills, activity, total }`.
 * @fires {PeerExpertContactEvent} peer-expert-contact - "Ask" was chosen (cancelable). `detail: { person, skill, activity }`.
 * @fires {PeerEndorsementCreatedEvent} peer-endorsement-created - The server has the endorsement. `detail: { personId, skill, endorsements }`.
 * @fires {PeerEndorsementWithdrawnEvent} peer-endorsement-withdrawn - The server has withdrawn it. `detail: { personId, skill, endorsements }`.
 * @fires {PeerErrorEvent} peer-error - Something failed that the person should know about; `detail.error`.
 *
 * @csspart base - The whole widget.
 * @csspart heading - The heading.
 * @csspart combobox - The search field with its label, chips and popup.
 * @csspart combobox-input - The text field.
 * @csspart listbox - The suggestions popup.
 * @csspart option - One suggestion.
 * @csspart combobox-status - Under the field when suggestions failed: "Suggestions could not be loaded." and its `retry` ("Try again").
 * @csspart chip - A skill filter chip (a button that removes it).
 * @csspart results - The list of cards.
 * @csspart card - One person's card.
 * @csspart avatar - The initials avatar.
 * @csspart name - The person's name.
 * @csspart meta - Title and team.
 * @csspart availability - Available, busy, away or unknown.
 * @csspart badge - The "can mentor" badge.
 * @csspart why - The "why this person" line.
 * @csspart skills - The skills list.
 * @csspart skill - One skill.
 * @csspart meter - The skill level meter.
 * @csspart endorsements - A skill's endorsement count.
 * @csspart endorse - The endorse toggle (`aria-pressed`).
 * @csspart ask - The "Ask" button.
 * @csspart ask-form - The inline question form.
 * @csspart more - The "Show more" button.
 * @csspart status - A notice (error, offline, empty, sign in).
 * @csspart retry - A retry button.
 * @csspart own - Your own card.
 * @csspart edit - The "Edit" button of your card.
 *
 * @cssproperty --peer-experts-card-background - Card background.
 * @cssproperty --peer-experts-card-border - Card border colour.
 * @cssproperty --peer-experts-meter-color - The level meter's fill.
 * @cssproperty --peer-experts-gap - Space between cards.
 * @cssproperty --peer-z-popover - Stacking level of the suggestions popup (default 10).
 */
export class PeerExpertFinder extends PeerElement {
  static override styles = [...PeerElement.styles, ...expertFinderStyles];
  static override properties: PropertyDeclarations = {
    heading: {},
    skills: {},
    query: {},
    limit: { type: Number },
    contact: {},
    filters: { state: true },
    searchText: { state: true },
    notice: { state: true },
  };

  /** The visible heading (default "Find someone who knows"). */
  heading?: string;
  /** Comma-separated skills preset as filters. */
  skills?: string;
  /** Search text preset in the field. */
  query?: string;
  /** People per page (default 10, at most 100). */
  limit = LIMIT_DEFAULT;
  /** A URL template "Ask" opens (`{email}`, `{name}`, `{skill}`, `{id}`). */
  contact?: string;

  /** The skill filters (chips). */
  private filters: string[] = [];
  /** The committed search text. */
  private searchText = '';
  /** A line that asks to sign in, or says what an action needs (shown above the results). */
  private notice?: string;

  readonly #uid = uniqueId('x');
  readonly #checks = new AttributeChecks(this, ATTRIBUTE_RULES);
  readonly #announcer = new Announcer(this);
  readonly #focus = new FocusRequest(this);

  readonly #combobox = new ComboboxController<Suggestion>(this, {
    suggest: (q, { signal }) => this.#suggest(q, signal),
    key: (s) => (s.kind === 'skill' ? `s-${s.skill.name}` : `p-${s.person.id}`),
    onPick: (s) => this.#pick(s),
    onCommit: (q) => (this.searchText = q),
    onExitStart: () => this.#focusLastChip(),
    // Asked once suggestions came, with the later parts (`#suggest`).
    countMessage: (n) => this.#parts!.more.suggestions(n, this.locale),
  });

  readonly #search = new SearchController(this, {
    input: () => {
      const client = this.peer?.client;
      if (!client || this.peer?.me === undefined || this.peer.error) return undefined;
      const limit = this.limit;
      return {
        client,
        query: this.searchText,
        skills: this.filters,
        activity: this.activityIri,
        limit,
      };
    },
    onResults: (input, page) => {
      const total = page.total;
      const totalRelation = page.totalRelation ?? 'eq';
      this.#announcer.announce(t.results(total, this.locale, totalRelation == 'gte'));
      this.emit(
        new PeerExpertSearchEvent({
          query: input.query,
          skills: [...input.skills],
          activity: input.activity,
          total,
          totalRelation,
        }),
      );
      if (input.query || input.skills.length)
        this.#later((p) =>
          this.#record(p.searchedStatement(input.activity, input.query, input.skills, total)),
        );
    },
  });

  readonly #endorse = new EndorseController(this, {
    client: () => this.peer?.client,
    onConfirmed: (person, skill, mine, count) => {
      const detail = { personId: person.id, skill, endorsements: count };
      this.emit(
        mine ? new PeerEndorsementCreatedEvent(detail) : new PeerEndorsementWithdrawnEvent(detail),
      );
      // The click started loading the later parts (`#toggle`): they are in by now, mostly.
      this.#later((p) => {
        const said = mine
          ? p.more.endorsed(person.name, skill)
          : p.more.withdrawn(person.name, skill);
        this.#announcer.announce(`${said} ${t.endorsements(count, this.locale)}.`);
        this.#record(p.endorsementStatement(person, skill, mine));
      });
    },
    onFailed: (_person, skill, mine, error) => {
      this.#announcer.announce(mine ? t.endorseFailed(skill) : t.withdrawFailed(skill));
      this.fail(error);
    },
  });

  /** The parts that load after the first paint (`parts.ts`), once loaded. */
  #parts?: typeof import('./parts.js');
  #partsLoading?: Promise<typeof import('./parts.js')>;
  #profile?: ProfileController;
  #ask?: AskController;

  /** The `skills` and `query` attributes last applied, so a new value applies once. */
  #presetSkills?: string;
  #presetQuery?: string;
  #who?: string | null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#applyPresets(changed);
    // Your own card (and the parts it needs) once the first results are drawn: they come first.
    if (this.signedIn && !this.#profile && this.#search.first.status === 'complete')
      void this.#withParts(() => {});
    const who = this.peer?.me === undefined ? undefined : (this.meId ?? null);
    if (who !== undefined && who !== this.#who) {
      if (this.#who !== undefined) this.#endorse.reset();
      this.#who = who;
      this.notice = undefined;
    }
  }

  /** A new `skills` or `query` from the host replaces the filters or the search text. */
  #applyPresets(changed: PropertyValues<this>): void {
    if (changed.has('skills') && this.skills !== this.#presetSkills) {
      this.#presetSkills = this.skills;
      // Checked here too: `AttributeChecks` writes its fallback after `willUpdate`.
      this.filters = validSkills(this.skills) ? parseSkills(this.skills) : [];
    }
    if (changed.has('query') && this.query !== this.#presetQuery) {
      this.#presetQuery = this.query;
      this.searchText = this.query?.trim() ?? '';
      this.#combobox.setQuery(this.query ?? '', { suggest: false });
    }
  }

  protected override backOnline(): void {
    this.#endorse.retryAll(this.#search.items);
  }

  // ---------------------------------------------------------------------------------------
  // Searching

  /** The suggestions (`model/suggest.ts`, with the later parts: it and their strings load on the first typing). */
  async #suggest(q: string, signal: AbortSignal): Promise<Suggestion[]> {
    const client = this.peer?.client;
    if (!client) return [];
    const parts = await this.#loadParts();
    return parts.suggest(client, q, this.filters, this.activityIri, signal);
  }

  #pick(s: Suggestion): void {
    if (s.kind === 'skill') {
      this.filters = [...this.filters, s.skill.name];
      this.#checks.clear('skills');
      this.#combobox.setQuery('', { suggest: false });
      this.searchText = '';
    } else {
      this.#combobox.setQuery(s.person.name, { suggest: false });
      this.searchText = s.person.name;
    }
  }

  #removeFilter(skill: string, index: number): void {
    this.filters = this.filters.filter((f) => f !== skill);
    // Focus goes to the chip that took its place, else the field: never to the page's body.
    this.#focus.request(
      () =>
        this.renderRoot.querySelectorAll<HTMLElement>('[part~="chip"]')[
          Math.min(index, this.filters.length - 1)
        ] ?? this.#input,
    );
  }

  #focusLastChip(): void {
    const chips = this.renderRoot.querySelectorAll<HTMLElement>('[part~="chip"]');
    chips[chips.length - 1]?.focus();
  }

  /** Arrow keys move between chips (toward the start / end by the text's direction). */
  #onChipKey(event: KeyboardEvent, index: number): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const rtl = getComputedStyle(event.target as Element).direction === 'rtl';
    const step = (event.key === 'ArrowRight') !== rtl ? 1 : -1;
    const chips = this.renderRoot.querySelectorAll<HTMLElement>('[part~="chip"]');
    event.preventDefault();
    (chips[index + step] ?? (step > 0 ? this.#input : chips[0]))?.focus();
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('[part~="combobox-input"]');
  }

  async #more(): Promise<void> {
    const before = this.#search.items.length;
    await this.#search.more();
    // "Show more" keeps focus; when it went (the last page), the first new card takes it.
    if (!this.#search.nextCursor && this.#search.items.length > before)
      this.#focus.request(
        () => this.renderRoot.querySelectorAll<HTMLElement>('[part~="card"]')[before],
      );
  }

  // ---------------------------------------------------------------------------------------
  // Endorsing and asking

  #toggle(person: Expert, skill: string): void {
    if (!this.signedIn) return this.#needSignIn(t.signInToEndorse());
    // Pressed at once (optimistic); the strings and the statement for the answer load meanwhile.
    this.#endorse.toggle(person, skill);
    this.#later(() => {});
  }

  /** Adds the later parts' rules to the shadow root (once). */
  #adopt(sheet: CSSStyleSheet | undefined): void {
    const root = this.renderRoot as ShadowRoot;
    if (sheet && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** Signed out: say what the action needs, where the person looks, and announce it. */
  #needSignIn(text: string): void {
    this.notice = text;
    this.#announcer.announce(text);
  }

  /** The `contact` template filled for `e` and the first skill filter, or `null`. */
  #contactHref(e: Expert): string | null {
    return fillContact(this.contact, { ...e, skill: this.filters[0] ?? null });
  }

  /**
   * "Ask" (for nobody: the empty state's "ask in the discussion instead"). The event and a
   * `contact` link are settled within the click (`contactFirst`); the thread paths load with
   * the later parts.
   */
  #askFor(person: Expert | null, click?: Event): void {
    const skill = this.filters[0] ?? null;
    if (person) {
      const detail = { person, skill, activity: this.activityIri };
      const how = contactFirst(this, click, detail, !!this.#contactHref(person));
      if (how === 'link')
        this.#later((p) => this.#record(p.contactedStatement(person, skill, 'url')));
      if (how !== 'thread') return;
    }
    void this.#withParts(() =>
      person ? this.#ask!.ask(person, skill) : this.#ask!.askAnyone(skill),
    );
  }

  /**
   * Runs `then` once the later parts are loaded, making their controllers on first use (a
   * signed-in person's own card, the "Ask" paths). A failed load says so and can be tried again.
   */
  async #withParts(then: () => void): Promise<void> {
    try {
      const parts = await this.#loadParts();
      // One set of hooks for both controllers (the profile's are a subset of the form's).
      const hooks: AskOptions = {
        peer: () => this.peer,
        activity: () => this.activityIri,
        announce: (text) => this.#announcer.announce(text),
        needSignIn: (text) => this.#needSignIn(text),
        fail: (error) => this.fail(error),
        record: (statement) => this.#record(statement),
        focus: (find) => this.#focus.request(find),
      };
      this.#ask ??= new parts.AskController(this, hooks);
      this.#profile ??= new parts.ProfileController(this, hooks);
      this.#adopt(parts.partsStyles.styleSheet);
      this.requestUpdate();
      then();
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * The later parts, loaded once. A failed load is forgotten here, so every caller (the
   * suggestions too) tries again on its next call.
   */
  async #loadParts(): Promise<typeof import('./parts.js')> {
    return (this.#parts ??= await (this.#partsLoading ??= import('./parts.js').catch(
      (error: unknown) => {
        this.#partsLoading = undefined;
        throw error;
      },
    )));
  }

  /**
   * Runs `then` with the later parts (at once when they are in): what only an action needs (its
   * statement, what is said after it). A failed load is the widget's `peer-error`. Once the
   * element has left the page meanwhile, nothing runs (its provider may be gone with it).
   */
  #later(then: (parts: typeof import('./parts.js')) => void): void {
    if (this.#parts) return then(this.#parts);
    this.#loadParts().then(
      (parts) => {
        if (this.isConnected) then(parts);
      },
      (error: unknown) => this.fail(error),
    );
  }

  #record(statement: StatementInput): void {
    this.peer?.recorder.record(statement).catch((error: unknown) => this.fail(error));
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const configError = this.peer?.error;
    return html`<section part="base" aria-labelledby="${this.#uid}-h">
      <h2 id="${this.#uid}-h" part="heading">${this.heading || t.heading()}</h2>
      ${configError ? this.#status('error', t.misconfigured()) : nothing}
      ${this.#checks.render('status') ?? nothing}
      ${renderCombobox({
        controller: this.#combobox,
        id: this.#uid,
        label: t.searchLabel(),
        describedBy: `${this.#uid}-hint`,
        // Options exist only once suggestions came, and the later parts with them (`#suggest`).
        option: (s: Suggestion) =>
          s.kind === 'skill'
            ? this.#parts!.more.skillOption(s.skill.name, s.skill.people, this.locale)
            : html`<bdi>${s.person.name}</bdi
                >${s.person.title ? html` · <bdi>${s.person.title}</bdi>` : nothing}`,
        group: (s: Suggestion) =>
          s.kind === 'skill' ? this.#parts!.more.groupSkills() : this.#parts!.more.groupPeople(),
        before: this.#renderChips(),
      })}
      <p class="hint" id="${this.#uid}-hint">${t.searchHint()}</p>
      ${this.notice ? this.#status('status', this.notice) : nothing}
      ${configError ? nothing : (this.#profile?.render(this.#uid, this.#cardProps()) ?? nothing)}
      ${configError ? nothing : this.#renderResults()} ${this.#announcer.render()}
    </section>`;
  }

  #renderChips(): TemplateResult | typeof nothing {
    if (!this.filters.length) return nothing;
    return html`<ul class="chips" aria-label=${t.filters()}>
      ${this.filters.map(
        (f, i) =>
          html`<li>
            <button
              type="button"
              part="chip"
              aria-label=${t.removeFilter(f)}
              @click=${() => this.#removeFilter(f, i)}
              @keydown=${(e: KeyboardEvent) => this.#onChipKey(e, i)}
            >
              <bdi>${f}</bdi> <span aria-hidden="true">×</span>
            </button>
          </li>`,
      )}
    </ul>`;
  }

  /** The props every card shares. */
  #cardProps() {
    return {
      locale: this.locale,
      meId: this.meId,
      endorse: (person: Expert) => (skill: string) => this.#endorse.view(person, skill),
      toggle: (person: Expert, skill: string) => this.#toggle(person, skill),
      retry: (person: Expert, skill: string) => this.#endorse.retry(person, skill),
    };
  }

  #renderResults(): unknown {
    const s = this.#search;
    const first = s.first;
    const loading = first.status === 'pending' || first.status === 'initial';
    const body =
      first.status === 'error' && !loading
        ? this.#loadNotice(first.error!, () => void first.retry())
        : loading && !s.items.length
          ? renderSkeleton()
          : s.items.length
            ? this.#renderList()
            : this.#renderEmpty();
    return html`<div class="results" aria-busy=${loading ? 'true' : 'false'}>
      ${s.recommending && s.items.length ? html`<h3 class="sub">${t.recommended()}</h3>` : nothing}
      ${loading ? html`<span class="visually-hidden">${t.loading()}</span>` : nothing} ${body}
    </div>`;
  }

  #renderList(): TemplateResult {
    const s = this.#search;
    const props = this.#cardProps();
    return html`<ul class="list" part="results">
        ${s.items.map(
          (e, i) =>
            html`<li>
              ${renderCard({
                expert: e,
                locale: props.locale,
                id: `${this.#uid}-c${i}`,
                meId: props.meId,
                endorse: props.endorse(e),
                askable: e.id !== this.meId,
                askHref: this.#contactHref(e),
                on: {
                  toggle: (skill) => props.toggle(e, skill),
                  retry: (skill) => props.retry(e, skill),
                  ask: (click) => this.#askFor(e, click),
                },
                extra: this.#askExtra(e),
              })}
            </li>`,
        )}
      </ul>
      ${
        s.nextCursor
          ? html`<button
              type="button"
              class="more"
              part="more"
              aria-disabled=${s.moreStatus === 'pending' ? 'true' : 'false'}
              @click=${() => void this.#more()}
            >
              ${t.showMore()}
            </button>`
          : nothing
      }
      ${s.moreStatus === 'error' ? this.#loadNotice(s.moreError!, () => void this.#more()) : nothing}`;
  }

  /** The inline question form under `e`'s card (or, for nobody, under the empty state). */
  #askExtra(e: Expert | null): unknown {
    const ask = this.#ask;
    const form = ask?.form;
    if (!ask || !form || form.personId !== (e?.id ?? '') || !this.#parts) return nothing;
    return this.#parts.renderAskForm(form, `${this.#uid}-ask`, {
      input: (text) => ask.input(text),
      send: () => void ask.send(),
      cancel: () => ask.cancel(),
    });
  }

  #renderEmpty(): unknown {
    const what = this.filters.length ? this.filters.join(', ') : this.searchText;
    // The searched words, isolated in a <bdi>, go where the translation puts its placeholder:
    // the core's `fill(t.empty(slot(0)), [bdi(what)])` for its one slot, written out so the
    // first use does not load the `bidi` chunk (docs/decisions.md §15).
    const [before, after] = (what ? t.empty(SLOT) : t.emptyNothing()).split(SLOT);
    return html`<div class="notice status empty" part="status" role="status">
        <p>${before}${what ? html`<bdi>${what}</bdi>${after}` : nothing}</p>
        <button type="button" class="link" part="ask-instead" @click=${() => this.#askFor(null)}>
          ${t.askInstead()}
        </button>
      </div>
      ${this.#ask?.form && !this.#ask.form.personId ? this.#askExtra(null) : nothing}`;
  }

  #loadNotice(_error: PeerError, retry: () => void): TemplateResult {
    const offline = !this.online;
    return renderNotice({
      kind: offline ? 'offline' : 'error',
      message: offline ? t.offlineLoad() : t.loadFailed(),
      retry,
      retryLabel: t.retry(),
      part: 'status',
    });
  }

  #status(kind: 'error' | 'status', message: string | string[]): TemplateResult {
    return renderNotice({ kind, message, part: 'status', live: kind === 'error' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-expert-finder': PeerExpertFinder;
  }
}
