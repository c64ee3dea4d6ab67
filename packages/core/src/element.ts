/**
 * `PeerElement`: the thin base every Peerkit widget extends.
 *
 * - `peer`: the configuration from the nearest `<peer-provider>` (or `configure()`),
 *   consumed with `subscribe: true`, so a provider that arrives or changes later reaches it.
 * - `activity` / `activityIri`: what the widget is about (the page's canonical URL, else
 *   `location.href` without the hash, when left out).
 * - `emit()`: typed `CustomEvent`s that bubble and cross shadow roots.
 * - `fail()`: any error → `PeerError`, dispatched as `peer-error`, returned for drawing.
 * - `online`: whether the browser is online, and `backOnline()` when it comes back (one pair
 *   of window listeners for every Peerkit element on the page, not a pair each).
 * - Re-renders when the page's locale changes; shared base styles and tokens.
 */
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer, ContextRoot } from '@lit/context';
import { peerContext, type PeerContextValue } from './context.js';
import { PeerError } from './client/types.js';
import { toPeerError } from './client/errors.js';
import {
  PeerErrorEvent,
  PeerEvent,
  type PeerEventDetail,
  type PeerEventName,
  type PeerEventOptions,
} from './events.js';
import { baseStyles } from './styles.js';
import { documentLocale, updateWhenLocaleChanges } from './l10n/localize.js';
import { VERSION } from './version.js';
import { pageIri } from './page.js';

const ROOT_KEY = Symbol.for('peerkit.contextRoot');

/**
 * Attaches one `ContextRoot` to the document (once per page, shared by every copy of the
 * kit), so elements that upgrade before their provider get it when it arrives.
 */
export function ensureContextRoot(): void {
  const g = globalThis as { [ROOT_KEY]?: ContextRoot };
  if (g[ROOT_KEY]) return;
  const root = (g[ROOT_KEY] = new ContextRoot());
  root.attach(document as unknown as HTMLElement);
}

export abstract class PeerElement extends LitElement {
  /** The Peerkit version that defined this element (read by `define()`). */
  static peerkitVersion = VERSION;
  static override styles = [baseStyles];

  /**
   * The IRI of what this widget is about. Defaults to the page's canonical URL, else
   * `location.href` without the hash.
   */
  @property({ reflect: false }) activity?: string;

  /** The provider's configuration; `undefined` until a provider is found. */
  @state() protected peer?: PeerContextValue;

  /** Whether the browser is online; kept current while the element is in the page. */
  @state() protected online = globalThis.navigator?.onLine ?? true;

  /** The connected Peerkit elements, told of `online` / `offline` by one pair of listeners. */
  private static readonly inPage = new Set<PeerElement>();
  private static readonly onConnectivity = (event: Event): void => {
    const online = event.type === 'online';
    for (const el of PeerElement.inPage) {
      el.online = online;
      if (online) el.backOnline();
    }
  };

  constructor() {
    super();
    ensureContextRoot();
    new ContextConsumer(this, {
      context: peerContext,
      subscribe: true,
      callback: (value) => {
        this.peer = value;
      },
    });
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const all = PeerElement.inPage;
    if (all.size === 0) {
      addEventListener('online', PeerElement.onConnectivity);
      addEventListener('offline', PeerElement.onConnectivity);
    }
    all.add(this);
    this.online = navigator.onLine;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const all = PeerElement.inPage;
    all.delete(this);
    if (all.size === 0) {
      removeEventListener('online', PeerElement.onConnectivity);
      removeEventListener('offline', PeerElement.onConnectivity);
    }
  }

  /** Called when the browser comes back online: retry what failed for want of a network. */
  protected backOnline(): void {}

  /** `activity` when set, else the page's IRI. */
  get activityIri(): string {
    const a = this.activity?.trim();
    return a ? a : pageIri();
  }

  /** The locale in effect: the provider's, else the page's, else the browser's. */
  protected get locale(): string {
    return this.peer?.locale ?? documentLocale();
  }

  /**
   * Dispatches a typed Peerkit event from this element (bubbling, composed) and returns it,
   * so a cancelable one can be checked with `defaultPrevented`.
   */
  protected emit<K extends PeerEventName>(
    name: K,
    detail: PeerEventDetail<K>,
    options: PeerEventOptions = {},
  ): GlobalEventHandlersEventMap[K] {
    const event = new PeerEvent(name, detail, options) as GlobalEventHandlersEventMap[K];
    this.dispatchEvent(event);
    return event;
  }

  /**
   * Normalises `error` to a `PeerError`, dispatches `peer-error` with `detail: { error }`
   * (except for an abort, which is never news to the user) and returns it for drawing.
   */
  protected fail(error: unknown): PeerError {
    const peerError = toPeerError(error);
    if (peerError.kind !== 'aborted') this.dispatchEvent(new PeerErrorEvent({ error: peerError }));
    return peerError;
  }
}
