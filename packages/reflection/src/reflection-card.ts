import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import {
  formatDateTime,
  PeerElement,
  registerTranslations,
  renderNotice,
  uniqueId,
  type PeerClient,
  type Reflection,
  type Visibility,
} from '@peerkit/core';
import { Announcer, AttributeChecks, ErrorClaim, FocusRequest } from '@peerkit/core/controllers';
import { AutosaveController } from './controllers/autosave.js';
import type { CardContext } from './controllers/context.js';
import { PeerReflectionSavedEvent } from './events.js';
import { messages as t } from './messages.js';
import { CONFIG_RULES, type CardMode } from './model/config.js';
import { draftKey, type Draft } from './model/drafts.js';
import { defaultPrompts, parsePrompts, type Prompt } from './model/prompts.js';
import { reflectionStyles } from './reflection.styles.js';
import { renderForm } from './views/form.js';

// Spanish messages, fetched only when the page's locale is Spanish.
registerTranslations('es', () => import('./l10n/locales/es.js'));

/**
 * @summary A reflection card: what we achieved, what we would do differently, what we learned that others can use next time.
 *
 * Charles Jennings' Three Question Card, for a person or a whole team. Every keystroke is
 * kept on this device at once and saved to the server after a pause and on blur (the card
 * says "Saving…", "Saved 10:42", "Offline: saved on this device, will sync" or "Couldn't
 * save" with a retry); two tabs on one reflection stay in step (the later edit wins, the
 * other tab says so). My earlier reflections on the activity are listed below, newest
 * first, to expand, edit or delete.
 *
 * @attr activity - The IRI of what the reflection is about; defaults to the page's canonical URL.
 * @attr heading - The card's heading (default "Reflect on this work").
 * @attr mode - `personal` (default) or `team` (one card the whole team fills in). Anything else: `personal`, with a notice and a `peer-error` of kind `config`.
 * @attr team - The team of a team card (default: the signed-in person's team from the token).
 * @attr visibility - Who can read a new reflection: `private` (default), `team` or `public`; the learner can change it. Anything else: `private`, with a notice and a `peer-error`.
 * @attr prompts - A JSON array of questions (strings, or `{ id, text, hint }`) replacing the three. Malformed: the three, with a notice and a `peer-error`.
 * @attr show-shared - Also show my team's and the public reflections on the activity, and their lessons.
 *
 * @fires {PeerReflectionSavedEvent} peer-reflection-saved - The server has the reflection; `detail.reflection`.
 * @fires {PeerLessonPromotedEvent} peer-lesson-promoted - A lesson was posted to the activity's discussion; `detail: { reflection, lesson, post }`.
 * @fires {PeerErrorEvent} peer-error - Something failed that the person should know about; `detail.error`.
 *
 * @csspart base - The whole card.
 * @csspart heading - The heading.
 * @csspart form - The questions, who can read it and the status.
 * @csspart prompt - One question with its answer.
 * @csspart question - A question's label.
 * @csspart hint - A question's hint.
 * @csspart answer - An answer's text field.
 * @csspart visibility - Who can read it (radio group).
 * @csspart who - The plain-language line saying who can read it.
 * @csspart status - The save status ("Saved 10:42").
 * @csspart retry - The retry button of a failed save or load.
 * @csspart earlier - My earlier reflections.
 * @csspart reflection - One earlier reflection.
 * @csspart notice - A load's error or offline notice.
 * @csspart new - The "Start a new reflection" button.
 * @csspart editing - The line naming the earlier reflection being edited.
 * @csspart elsewhere - The line saying another tab's edit is shown.
 * @csspart clash - Text a later edit replaced, with the choice to use it.
 * @csspart answers - An earlier or shared reflection's answers.
 * @csspart more - "Show more" of the earlier reflections.
 * @csspart edit - An earlier reflection's Edit button.
 * @csspart delete - An earlier reflection's Delete button.
 * @csspart export - Export my reflections (which, and a button per format).
 * @csspart shared - The team's and the public reflections (`show-shared`).
 * @csspart shared-reflection - One of them.
 * @csspart lessons - The lessons list.
 * @csspart lesson - One lesson.
 * @csspart promote - A lesson's "Promote to discussion" button.
 * @csspart entries - A team card's entries under a question.
 * @csspart entry - One member's entry, with its author.
 * @csspart team-lessons - A team card's earlier lessons.
 *
 * @cssproperty --peer-reflection-accent - Buttons and focus (defaults to `--peer-color-accent`).
 * @cssproperty --peer-reflection-color - Text colour.
 * @cssproperty --peer-reflection-background - Background.
 * @cssproperty --peer-reflection-border-color - Borders of fields and the card.
 * @cssproperty --peer-reflection-radius - Corner radius.
 */
export class PeerReflectionCard extends PeerElement {
  static override styles = [...PeerElement.styles, reflectionStyles];
  static override properties: PropertyDeclarations = {
    heading: {},
    mode: { reflect: true },
    team: {},
    visibility: {},
    prompts: {},
    showShared: { type: Boolean, attribute: 'show-shared', reflect: true },
  };

  /** The card's heading. */
  heading = '';
  /** `personal` or `team`. */
  mode: CardMode = 'personal';
  /** The team of a team card (default: the signed-in person's team). */
  team?: string;
  /** Who can read a new reflection (the learner can change it per reflection). */
  visibility: Visibility = 'private';
  /** A JSON array of questions replacing the three. */
  prompts?: string;
  /** Also show the team's and the public reflections, and their lessons. */
  showShared = false;

  readonly #uid = uniqueId('r');
  /** The statements and the export (`actions.ts`), loaded with the first save or export. */
  #actionsLoading?: Promise<typeof import('./actions.js')>;
  /** Which saves record `reflected` (docs/decisions.md §13), made with `actions.ts`. */
  #pacer?: import('./actions.js').StatementPacer;
  readonly #ctx: CardContext = {
    host: this,
    client: () => this.peer?.client ?? null,
    recorder: () => this.peer?.recorder,
    activity: () => this.activityIri,
    locale: () => this.locale,
    online: () => this.online,
    prompts: () => this.#prompts,
    visibility: () => this.visibility,
    draftKey: () => this.#draftKey,
    fail: (error) => this.fail(error),
    announce: (text) => this.#announcer.announce(text),
    query: (selector) => this.renderRoot.querySelector(selector),
    focus: (find) => this.#focus.request(find),
  };
  /** First: the checked attributes are usable before anything reads them. */
  readonly #checks = new AttributeChecks(this, CONFIG_RULES);
  readonly #focus = new FocusRequest(this);
  readonly #announcer = new Announcer(this);
  /** The provider's configuration error is drawn here, so the provider does not draw it too. */
  protected readonly errorClaim = new ErrorClaim(this, () => !!this.peer?.error && !!this.#wording);
  /**
   * The errors' wording (`@peerkit/core/wording`, the core's `messages` chunk), loaded with a
   * configuration error to show, as the provider loads it: until it arrives the card does not
   * claim the error, so the provider says it meanwhile (once on the page either way).
   */
  #wording?: typeof import('@peerkit/core/wording');
  #wordingLoading?: Promise<void>;
  readonly #autosave = new AutosaveController(this.#ctx, {
    saved: (r, sent) => this.#saved(r, sent),
  });
  /**
   * My earlier reflections and the export (`earlier-part.ts`, a chunk of its own), loaded as
   * the personal card first renders: the form does not wait for them.
   */
  #below?: import('./earlier-part.js').Below;
  #belowLoading?: Promise<void>;

  /** The shared view, loaded with the first `show-shared` (`shared.ts`, a chunk of its own). */
  #shared?: import('./shared.js').SharedView;
  #sharedLoading?: Promise<void>;

  /** The team card, loaded with the first `mode="team"` (`team.ts`, a chunk of its own). */
  #team?: import('./team.js').TeamCard;
  #teamLoading?: Promise<void>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.mode !== 'team' && !this.#below && !this.#belowLoading) this.#loadBelow();
    if (this.peer?.error && !this.#wording && !this.#wordingLoading) {
      this.#wordingLoading = import('@peerkit/core/wording').then(
        (wording) => {
          this.#wording = wording;
          this.requestUpdate();
        },
        (error: unknown) => {
          this.#wordingLoading = undefined;
          this.fail(error);
        },
      );
    }
    if (this.mode === 'team' && !this.#team && !this.#teamLoading) {
      this.#teamLoading = import('./team.js').then(
        ({ TeamCard }) => {
          this.#team = new TeamCard(this.#ctx, {
            team: () => this.#teamName,
            me: () => this.meId,
            saved: (r, mine) => this.#teamSaved(r, mine),
          });
          this.requestUpdate();
        },
        (error: unknown) => {
          this.#teamLoading = undefined;
          this.fail(error);
        },
      );
    }
    if (this.showShared && !this.#shared && !this.#sharedLoading) {
      this.#sharedLoading = import('./shared.js').then(
        ({ SharedView }) => {
          this.#shared = new SharedView(this.#ctx, () => this.signedIn);
          this.requestUpdate();
        },
        (error: unknown) => {
          this.#sharedLoading = undefined;
          this.fail(error);
        },
      );
    }
  }

  /** Loads `earlier-part.ts` and makes the list's controller; a failed load says so. */
  #loadBelow(): void {
    this.#belowLoading = import('./earlier-part.js').then(
      ({ Below }) => {
        this.#below = new Below(this.#ctx, {
          args: () => {
            const client = this.peer?.client;
            const me = this.me;
            return client && me && !this.peer?.error && this.mode !== 'team'
              ? ([client, this.activityIri, me.id] as readonly [PeerClient, string, string])
              : undefined;
          },
          writing: () => this.#autosave.draft?.id ?? null,
          busy: () => this.#autosave.unsaved,
          edit: (r) => this.#edit(r),
          deleted: (r) => this.#autosave.forget(r.id),
          skeleton: () => this.#skeleton(),
          notice: (message, retry) => this.#notice(message, retry),
          actions: () => this.#loadActions(),
        });
        this.requestUpdate();
      },
      (error: unknown) => {
        this.#belowLoading = undefined;
        this.fail(error);
      },
    );
  }

  /** `updateComplete` includes the lazy parts' modules arriving and being drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await Promise.all([
      this.#belowLoading,
      this.#wordingLoading,
      this.#sharedLoading,
      this.#teamLoading,
      this.#actionsLoading,
    ]);
    return super.getUpdateComplete();
  }

  /** The questions in use: `prompts` when usable, else the three. */
  get #prompts(): Prompt[] {
    const custom = this.prompts && !this.#checks.has('prompts') ? parsePrompts(this.prompts) : null;
    return custom ?? defaultPrompts();
  }

  get #draftKey(): string | null {
    const me = this.me;
    if (!me || this.peer?.error || this.mode === 'team') return null;
    return draftKey(this.activityIri, me.id, 'personal');
  }

  /** The server has the reflection: fired, and recorded when the profile's rule says so. */
  #saved(r: Reflection, sent: Draft): void {
    this.emit(new PeerReflectionSavedEvent({ reflection: r }));
    this.#shared?.upsert(r);
    this.#record(r, sent.answers);
  }

  /** The team of a team card: the `team` attribute, else the signed-in person's. */
  get #teamName(): string | null {
    return this.team?.trim() || this.me?.team || null;
  }

  /** My entries of the team reflection were saved: fired, recorded by the same rule. */
  #teamSaved(r: Reflection, mine: Record<string, string>): void {
    this.emit(new PeerReflectionSavedEvent({ reflection: r }));
    this.#record(r, mine);
  }

  /** Records `reflected` for a confirmed save of `mine` (my answers) when the rule says so. */
  #record(r: Reflection, mine: Record<string, string>): void {
    this.#loadActions()
      .then(({ reflectedStatement, StatementPacer }) => {
        const pacer = (this.#pacer ??= new StatementPacer());
        if (!pacer.due(r)) return;
        const prompts = this.#prompts;
        const written = prompts.map((p) => ({ id: p.id, prompt: p.text, text: mine[p.id] ?? '' }));
        const ids = prompts.map((p) => p.id);
        return this.peer?.recorder.record(reflectedStatement(r, written, ids));
      })
      .catch((error: unknown) => this.fail(error));
  }

  /** `actions.ts`; a failed load is tried again next time. */
  #loadActions(): Promise<typeof import('./actions.js')> {
    return (this.#actionsLoading ??= import('./actions.js').then(
      (m) => m,
      (e: unknown) => {
        this.#actionsLoading = undefined;
        throw e;
      },
    ));
  }

  #edit(r: Reflection): void {
    if (!this.#autosave.open(r)) {
      this.#announcer.announce(t.busy());
      return;
    }
    this.#pacer?.begin(r.id);
    this.#below?.earlier.reload();
    this.#focus.request(() => this.renderRoot.querySelector('textarea'));
  }

  #startNew(): void {
    this.#autosave.startNew();
    this.#below?.earlier.reload();
    this.#focus.request(() => this.renderRoot.querySelector('textarea'));
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const config = this.peer?.error;
    return html`<section part="base" aria-labelledby="${this.#uid}-heading">
      <h2 part="heading" id="${this.#uid}-heading" tabindex="-1">${this.#headingText}</h2>
      ${
        config && this.#wording
          ? this.#notice([t.misconfigured(), this.#wording.errorMessage(config)])
          : nothing
      }
      ${this.#checks.render('config')} ${config ? nothing : this.#body()}
      ${this.showShared && !config && this.#shared ? this.#shared.render(this.#uid) : nothing}
      ${this.#announcer.render()} ${this.#below?.dialog() ?? nothing}
    </section>`;
  }

  get #headingText(): string {
    if (this.heading) return this.heading;
    const team = this.mode === 'team' ? this.#teamName : null;
    return team ? t.teamHeading(team) : t.heading();
  }

  #body(): TemplateResult {
    const me = this.me;
    if (!this.peer || me === undefined) return this.#skeleton();
    if (me === null) return html`<p class="note">${t.signedOut()}</p>`;
    if (this.mode === 'team')
      return this.#team ? this.#team.render(this.#uid, this.#prompts) : this.#skeleton();
    return html`${this.#form()} ${this.#below?.render(this.#uid) ?? this.#skeleton()}`;
  }

  #skeleton(): TemplateResult {
    return html`<div class="skeleton" aria-busy="true">
      <span class="visually-hidden">${t.loading()}</span>
    </div>`;
  }

  #form(): TemplateResult {
    const a = this.#autosave;
    const d = a.draft;
    const earlierOne = d?.saved && this.#below?.earlier.items(null).some((r) => r.id === d.id);
    return renderForm(
      {
        uid: this.#uid,
        prompts: this.#prompts,
        answers: d?.answers ?? {},
        visibility: d?.visibility ?? this.visibility,
        status: a.status,
        statusText: a.statusText(),
        elsewhere: a.elsewhere,
        clashes: a.clashes,
        editing: earlierOne && d?.saved ? t.editing(formatDateTime(d.saved.at, this.locale)) : null,
        canStartNew: !!d?.saved && !a.unsaved,
        showVisibility: true,
      },
      {
        input: (prompt, text) => a.input(prompt, text),
        blur: () => a.flush(),
        visibility: (v) => a.setVisibility(v),
        retry: () => a.flush(),
        settle: (prompt, useOther) => a.settle(prompt, useOther),
        startNew: () => this.#startNew(),
      },
    );
  }

  #notice(message: string | string[], retry?: () => void): TemplateResult {
    return renderNotice({
      kind: this.online ? 'error' : 'offline',
      message,
      retry,
      retryLabel: t.retry(),
      part: 'notice',
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-reflection-card': PeerReflectionCard;
  }
}
