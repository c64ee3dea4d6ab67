import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import {
  KUDOS_VALUE_PATTERN,
  PeerElement,
  PeerError,
  registerTranslations,
  renderNotice,
  toPeerError,
  uniqueId,
  type KudosCount,
  type PeerClient,
} from '@peerkit/core';
import {
  Announcer,
  AttributeChecks,
  FocusRequest,
  LoadController,
} from '@peerkit/core/controllers';
import { kudosStyles } from './kudos.styles.js';
import { messages as t } from './messages.js';
import type { Picker } from './popover.js';
import type { Choice, Target } from './changes.js';

type Confirmed = ReturnType<typeof import('./lazy.js').confirmed>;

/** How many givers are named before "and N others". */
const NAMED_GIVERS = 2;
import { renderCount, renderIcon, renderValues, valueLabel } from './views.js';

// Spanish messages, fetched only when the page's locale is Spanish.
registerTranslations('es', () => import('./l10n/locales/es.js'));

/** A choice the user made and the server has not confirmed yet (one key per choice). */
type Intent = Choice;
/** The parsed `values` attribute; `null` when it holds something invalid. */
function parseValues(values: string | undefined): string[] | null {
  const list = (values ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return list.every((v) => KUDOS_VALUE_PATTERN.test(v)) ? [...new Set(list)] : null;
}

/**
 * @summary A kudos button: thank a colleague or a piece of work, see how many did and who.
 *
 * The count moves at once and rolls back with a visible retry when the server refuses; however
 * fast the clicks, the element ends in the state the user last chose with at most one request
 * in flight. With `values`, giving opens a small popover to choose a recognition value and add
 * a short message. Signed out, or `readonly`, it shows the count without the button.
 *
 * @attr activity - The IRI of what the kudos is about; defaults to the page's canonical URL.
 * @attr recipient - The id of the person thanked. When it is the signed-in person the button is disabled, with the reason as its description.
 * @attr recipient-name - The recipient's display name, used in the announcement ("You thanked Ana").
 * @attr values - Comma-separated recognition values (lower-case words and dashes), e.g. `helpful,clear,generous`.
 * @attr label - The button's text (default "Kudos"); the default slot replaces it too.
 * @attr readonly - Show the count only.
 *
 * @slot - The button's text, in place of `label`.
 *
 * @fires {PeerKudosGivenEvent} peer-kudos-given - The server has the kudos. `detail: { activity, recipient, value, message, count }`.
 * @fires {PeerKudosWithdrawnEvent} peer-kudos-withdrawn - The server has withdrawn it. `detail: { activity, recipient, count }`.
 * @fires {PeerErrorEvent} peer-error - Loading or saving failed (`detail: { error }`); the element shows it with a retry.
 *
 * @csspart base - The wrapper of everything.
 * @csspart button - The native toggle button (`aria-pressed`).
 * @csspart icon - The icon inside the button.
 * @csspart label - The text inside the button.
 * @csspart count - The count (a button revealing who gave, or plain text).
 * @csspart values - The list of values given so far ("Helpful ×4").
 * @csspart value-chip - One value in that list.
 * @csspart givers - The line naming who gave.
 * @csspart status - The visible message line (error, offline).
 * @csspart retry - The retry button of a failed load or save.
 * @csspart popover - The value picker.
 *
 * @cssproperty --peer-kudos-accent - The pressed button's background and the focus of chosen values.
 * @cssproperty --peer-kudos-on-accent - Text on the accent colour.
 * @cssproperty --peer-kudos-color - Text colour.
 * @cssproperty --peer-kudos-muted-color - Secondary text (values, givers).
 * @cssproperty --peer-kudos-background - Button and popover background.
 * @cssproperty --peer-kudos-border-color - Button and popover border.
 * @cssproperty --peer-kudos-radius - The button's corner radius.
 * @cssproperty --peer-kudos-gap - Space between the button, count and values.
 * @cssproperty --peer-kudos-icon-size - The icon's size.
 * @cssproperty --peer-z-popover - Stacking level of the values popover (default 10).
 */
export class PeerKudos extends PeerElement {
  static override styles = [...PeerElement.styles, kudosStyles];
  // Reactive properties declared statically rather than with decorators (no decorator helper
  // and no call per property on the first paint).
  static override properties: PropertyDeclarations = {
    recipient: { reflect: true },
    recipientName: { attribute: 'recipient-name' },
    values: {},
    label: {},
    readonly: { type: Boolean, reflect: true },
    confirmed: { state: true },
    intent: { state: true },
    failure: { state: true },
    picker: { state: true },
    pickerError: { state: true },
    showGivers: { state: true },
  };

  /** The id of the person thanked. */
  recipient?: string;

  /** The recipient's display name, for the announcement. */
  recipientName?: string;

  /** Comma-separated recognition values, e.g. `helpful,clear,generous`. */
  values?: string;

  /** The button's text (default "Kudos"). */
  label?: string;

  /** Show the count only, without the button. */
  readonly = false;

  /** Last state the server confirmed. */
  private confirmed?: KudosCount;
  /** What the user chose last, while the server has not confirmed it. */
  private intent?: Intent;
  /** A choice the server refused, offered again by the retry button. */
  private failure?: { intent: Intent; error: PeerError };
  /** The open values popover (its module is loaded on demand); `undefined` when closed. */
  private picker?: Picker;
  /** The popover's module could not be loaded. */
  private pickerError?: PeerError;
  private showGivers = false;

  readonly #checks = new AttributeChecks(this, [
    {
      attribute: 'values',
      property: 'values',
      valid: (v) => parseValues(v as string) !== null,
      message: () => t.badValues(),
    },
  ]);

  /**
   * The counts. They wait for the provider and for who is signed in (`mine` depends on it),
   * so a page of kudos elements asks once, all in the same frame, and the core coalesces the
   * asks. A newer load aborts an older one; a failed one runs again when the browser is back
   * online.
   */
  readonly #counts = new LoadController(this, {
    args: () => {
      const me = this.peer?.me;
      const client = this.peer?.client;
      if (!client || me === undefined) return undefined;
      return [client, this.activityIri, me?.id ?? null] as const;
    },
    task: ([client, activity], { signal }) => client.kudos(activity, { signal }),
    onComplete: (value) => {
      if (!this.#inFlight) this.confirmed = value;
    },
  });

  /** Who gave: loaded when the person asks (with the module that words it), again after their own change. */
  readonly #givers = new LoadController(this, {
    autoRun: false,
    args: () => {
      const client = this.peer?.client;
      return client ? ([client, this.activityIri] as readonly [PeerClient, string]) : undefined;
    },
    task: ([client, activity], { signal }) =>
      Promise.all([
        client.kudosGivers(activity, { limit: NAMED_GIVERS + 1 }, { signal }),
        this.#loadChanges(),
      ]),
  });

  readonly #announcer = new Announcer(this);
  readonly #focusAfter = new FocusRequest(this);

  #inFlight = false;
  #pickerModule?: Promise<typeof import('./popover.js')>;
  #changesModule?: Promise<typeof import('./lazy.js')>;
  /** The popover is waiting for its module. */
  #opening?: Promise<void>;
  readonly #uid = uniqueId('k');
  /** The activity and person the state below belongs to. */
  #stateKey = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moved or removed: the popover closes (nothing outside could close it once the element is
    // elsewhere), and with it the document listener; focus is left where the page put it.
    if (this.picker) this.#closePicker(false);
    document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new activity or person makes the old state meaningless.
    if (changed.has('activity' as keyof PeerKudos) || changed.has('peer' as keyof PeerKudos)) {
      const key = `${this.activityIri}|${this.meId ?? ''}`;
      if (key !== this.#stateKey) {
        this.#stateKey = key;
        this.confirmed = undefined;
        this.intent = undefined;
        this.failure = undefined;
        this.#givers.reset();
        this.showGivers = false;
        this.picker = this.pickerError = undefined;
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // What is shown

  /** The parsed `values` attribute; `null` when it holds something invalid. */
  get #valueList(): string[] | null {
    return parseValues(this.values);
  }

  /** The confirmed state with the pending choice applied on top (the optimistic view). */
  get #view(): KudosCount | undefined {
    const c = this.confirmed;
    const i = this.intent;
    if (!c || !i || i.mine === c.mine) return c;
    const values = { ...c.values };
    if (i.mine) {
      if (i.value) values[i.value] = (values[i.value] ?? 0) + 1;
      return { ...c, mine: true, count: c.count + 1, myValue: i.value ?? null, values };
    }
    if (c.myValue) values[c.myValue] = Math.max(0, (values[c.myValue] ?? 0) - 1);
    return { ...c, mine: false, count: Math.max(0, c.count - 1), myValue: null, values };
  }

  /** The counts could not be loaded (not merely waiting for a provider). */
  get #loadFailed(): boolean {
    return this.#counts.status === 'error';
  }

  get #isSelf(): boolean {
    return !!this.recipient && this.meId === this.recipient;
  }

  // ---------------------------------------------------------------------------------------
  // Choosing

  #onButtonClick(): void {
    const view = this.#view;
    if (!view || this.#isSelf || this.#valueList === null) return;
    if (!view.mine && this.#valueList.length > 0) {
      if (this.picker) this.#closePicker(false);
      else this.#openPicker();
      return;
    }
    this.#choose({ mine: !view.mine });
  }

  #choose(next: Omit<Intent, 'key'>): void {
    this.failure = undefined;
    this.intent = { ...next, key: crypto.randomUUID() };
    void this.#sync();
  }

  /** Sends the latest choice, one request at a time, until the server agrees with the user. */
  async #sync(): Promise<void> {
    if (this.#inFlight) return;
    const intent = this.intent;
    const client = this.peer?.client;
    const before = this.confirmed;
    if (!intent || !client || !before) return;
    if (intent.mine === before.mine) {
      this.intent = undefined;
      return;
    }
    const activity = this.activityIri;
    this.#inFlight = true;
    try {
      const changes = await this.#loadChanges();
      const target = this.#target(activity);
      const after = await changes.send(client, target, intent);
      this.#inFlight = false;
      if (activity !== this.activityIri) return;
      this.confirmed = after;
      if (this.intent === intent) this.intent = undefined;
      if (after.mine !== before.mine)
        this.#confirmedChange(changes.confirmed(target, intent, after));
    } catch (error) {
      this.#inFlight = false;
      const peerError = toPeerError(error);
      if (this.intent === intent) {
        // Roll back to what the server has, say so, and offer the same choice again.
        this.intent = undefined;
        this.failure = { intent, error: peerError };
        this.#announcer.announce(intent.mine ? t.saveFailed() : t.withdrawFailed());
        this.fail(peerError);
      }
    }
    if (this.intent) void this.#sync();
  }

  /** Where a choice applies, as the attributes say now. */
  #target(activity: string): Target {
    const { recipient, recipientName, locale } = this;
    return { activity, recipient, recipientName, locale };
  }

  /** The module for what follows an interaction (`lazy.ts`: the write path, the givers line); a failed load is tried again next time. */
  #loadChanges(): Promise<typeof import('./lazy.js')> {
    return (this.#changesModule ??= import('./lazy.js').catch((e: unknown) => {
      this.#changesModule = undefined;
      throw e;
    }));
  }

  /** A change the server confirmed: announced, fired, recorded; the givers line is stale. */
  #confirmedChange({ announcement, event, statement }: Confirmed): void {
    this.#announcer.announce(...announcement);
    this.emit(event);
    this.#givers.reset();
    if (this.showGivers) void this.#givers.run();
    this.peer?.recorder.record(statement).catch((error: unknown) => this.fail(error));
  }

  #retry(): void {
    const failure = this.failure;
    if (!failure) return;
    this.failure = undefined;
    // The same choice with the same idempotency key: a retry can never double a kudos.
    this.intent = failure.intent;
    void this.#sync();
  }

  protected override backOnline(): void {
    // A failed counts load runs again by itself (its `LoadController`).
    if (this.failure?.error.retryable) this.#retry();
  }

  // ---------------------------------------------------------------------------------------
  // The value picker

  /** Starts loading the popover's module, so that a click finds it ready. */
  #loadPicker(): Promise<typeof import('./popover.js')> {
    return (this.#pickerModule ??= import('./popover.js'));
  }

  /** The pointer or the focus reached the button: what a choice needs starts loading. */
  readonly #preload = () => {
    this.#loadChanges().catch(() => {});
    if (this.#valueList?.length) this.#loadPicker().catch(() => (this.#pickerModule = undefined));
  };

  #openPicker(): void {
    this.pickerError = undefined;
    this.#opening ??= this.#loadPicker().then(
      ({ Picker }) => {
        this.#opening = undefined;
        if (!this.isConnected) return;
        this.picker = new Picker(this, this.#valueList ?? [], {
          uid: this.#uid,
          locale: () => this.locale,
          label: (value) => this.#valueLabel(value),
          close: (returnFocus) => this.#closePicker(returnFocus),
          give: (value, message) => this.#choose({ mine: true, value, message }),
        });
        document.addEventListener('pointerdown', this.#onOutsidePointer, true);
      },
      (error: unknown) => {
        // Nothing was typed yet: say so, with a retry that tries the import again.
        this.#opening = this.#pickerModule = undefined;
        this.pickerError = this.fail(error);
      },
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The popover just drawn, before the browser paints: keep it in the viewport, focus it.
    if (changed.has('picker' as keyof PeerKudos) && this.picker) this.picker.opened();
  }

  /** `updateComplete` includes a popover waiting for its module, then drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#opening;
    return super.getUpdateComplete();
  }

  #closePicker(returnFocus = true): void {
    this.picker = undefined;
    document.removeEventListener('pointerdown', this.#onOutsidePointer, true);
    if (returnFocus) this.#focusAfter.request(() => this.#button);
  }

  readonly #onOutsidePointer = (event: Event) => {
    if (!event.composedPath().includes(this)) this.#closePicker(false);
  };

  get #button(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('[part~="button"]');
  }

  // ---------------------------------------------------------------------------------------
  // Who gave

  #toggleGivers(): void {
    this.showGivers = !this.showGivers;
    if (this.showGivers && this.#givers.status !== 'complete') void this.#givers.run();
  }

  // ---------------------------------------------------------------------------------------
  // Formatting

  #valueLabel(value: string): string {
    return valueLabel(value, this.locale);
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const unavailable = !!this.peer?.error || this.#checks.has('values');
    const view = this.#view;
    const loading = !view && !unavailable && !this.#loadFailed;
    const canGive = this.signedIn && !this.readonly;
    return html`
      <div part="base" aria-busy=${loading ? 'true' : 'false'}>
        ${canGive ? this.#renderButton(view, loading || unavailable) : renderIcon()}
        ${renderCount({
          view,
          loading,
          locale: this.locale,
          expandable: this.signedIn,
          expanded: this.showGivers,
          controls: `${this.#uid}-givers`,
          toggle: () => this.#toggleGivers(),
        })}
        ${renderValues(view, this.#valueList ?? [], this.locale)}
        ${this.picker && canGive ? this.picker.render() : nothing}
        ${this.showGivers ? this.#renderGivers() : nothing} ${this.#renderStatus()}
        ${this.#announcer.render()}
        ${
          this.#isSelf && canGive
            ? html`<span class="visually-hidden" id="${this.#uid}-self">${t.self()}</span>`
            : nothing
        }
      </div>
    `;
  }

  /** With values, giving opens the popover: the button says so, and whether it is open. */
  #opensPicker(view: KudosCount | undefined): boolean {
    return (this.#valueList?.length ?? 0) > 0 && !view?.mine;
  }

  #renderButton(view: KudosCount | undefined, unavailable: boolean): TemplateResult {
    const self = this.#isSelf;
    const disabled = unavailable || self || !view;
    const picks = this.#opensPicker(view);
    const expanded = this.picker ? 'true' : 'false';
    return html`<button
      type="button"
      part="button"
      aria-pressed=${view?.mine ? 'true' : 'false'}
      aria-disabled=${disabled ? 'true' : 'false'}
      aria-describedby=${self ? `${this.#uid}-self` : nothing}
      aria-haspopup=${picks ? 'dialog' : nothing}
      aria-expanded=${picks ? expanded : nothing}
      title=${self ? t.self() : nothing}
      @click=${this.#onButtonClick}
      @pointerenter=${this.#preload}
      @focusin=${this.#preload}
    >
      ${renderIcon()}<span part="label"><slot>${this.label || t.label()}</slot></span>
    </button>`;
  }

  #renderGivers(): TemplateResult {
    const content = this.#givers.render<unknown>({
      initial: () => t.giversLoading(),
      pending: () => t.giversLoading(),
      complete: ([page, { giversLine }]) => giversLine(page, this.meId, this.locale, NAMED_GIVERS),
      error: () =>
        html`${t.giversFailed()}
          <button type="button" class="link" part="retry" @click=${() => this.#givers.retry()}>
            ${t.retry()}
          </button>`,
    });
    return html`<p part="givers" id="${this.#uid}-givers">${content}</p>`;
  }

  /** The one visible message line: misconfigured, or what failed with its retry. */
  #renderStatus(): TemplateResult | typeof nothing {
    if (this.peer?.error) return this.#notice(t.misconfigured());
    if (this.#checks.has('values'))
      return this.#notice([t.misconfigured(), ...this.#checks.lines()]);
    const offline = !this.online;
    if (this.#loadFailed && !this.confirmed) {
      return this.#notice(offline ? t.offlineLoad() : t.loadFailed(), () => this.#counts.retry());
    }
    if (this.pickerError) {
      return this.#notice(offline ? t.offlineLoad() : t.loadFailed(), () => this.#openPicker());
    }
    if (this.failure) {
      const giving = this.failure.intent.mine;
      const text = offline ? t.offlineSave() : giving ? t.saveFailed() : t.withdrawFailed();
      return this.#notice(text, () => this.#retry());
    }
    return nothing;
  }

  /**
   * The core's notice, as the `status` part: not a live region (a save failure is announced
   * by the announcer, and 200 buttons on a page must not make 200 alerts).
   */
  #notice(message: string | string[], retry?: () => void): TemplateResult {
    const kind = this.online ? 'error' : 'offline';
    return renderNotice({
      kind,
      message,
      retry,
      retryLabel: t.retry(),
      part: 'status',
      live: false,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-kudos': PeerKudos;
  }
}
