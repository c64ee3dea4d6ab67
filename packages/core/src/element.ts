/**
 * `PeerElement`: the thin base every Peerkit widget extends.
 *
 * - `peer`: the configuration from the nearest `<peer-provider>` (or `configure()`),
 *   consumed with `subscribe: true`, so a provider that arrives or changes later reaches it.
 * - `activity` / `activityIri`: what the widget is about (the page's canonical URL, else
 *   `location.href` without the hash, when left out).
 * - `emit()`: dispatches one of the kit's typed event classes (bubbling, composed).
 * - `fail()`: any error → `PeerError`, dispatched as `peer-error`, returned for drawing.
 * - `online`: whether the browser is online, and `backOnline()` when it comes back (one pair
 *   of window listeners for every Peerkit element on the page, not a pair each); controllers
 *   hear it through `hostHooks(host).online`.
 * - `me`, `meId`, `moderator`, `signedIn`: who is signed in, from the provider.
 * - Re-renders when the page's locale changes; shared base styles, tokens and notice styles.
 */
import { LitElement } from 'lit';
import { ContextConsumer, ContextRoot } from '@lit/context';
import { peerContext, type PeerContextValue } from './context.js';
import { PeerError } from './client/types.js';
import type { Me } from './contract.js';
import { toPeerError } from './client/errors.js';
import { PeerErrorEvent } from './events.js';
import { baseStyles } from './styles.js';
import { noticeStyles } from './notice.js';
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

/**
 * What a `PeerElement` tells the controllers attached to it, beyond Lit's own lifecycle:
 * - `online`: called when the browser comes back online (from the page's one pair of
 *   `online`/`offline` listeners);
 * - `attribute`: called for every attribute the host page writes (Lit's
 *   `attributeChangedCallback`), even one whose property does not change.
 * A controller adds its callback in `hostConnected` and deletes it in `hostDisconnected`.
 */
export interface HostHooks {
  readonly online: Set<() => void>;
  readonly attribute: Set<(name: string, old: string | null, value: string | null) => void>;
}

const hooks = new WeakMap<object, HostHooks>();

/** The hooks of `host` (created on first use; only a `PeerElement` ever calls them). */
export function hostHooks(host: object): HostHooks {
  let h = hooks.get(host);
  if (!h) hooks.set(host, (h = { online: new Set(), attribute: new Set() }));
  return h;
}

export abstract class PeerElement extends LitElement {
  /** The Peerkit version that defined this element (read by `define()`). */
  static peerkitVersion = VERSION;
  /** Tokens, base styles and the notice view's styles; a widget adds its own after these. */
  static override styles = [baseStyles, noticeStyles];

  // Declared statically rather than with decorators (no decorator helper in the core).
  static override properties = {
    activity: {},
    peer: { state: true },
    online: { state: true },
  };

  /**
   * The IRI of what this widget is about. Defaults to the page's canonical URL, else
   * `location.href` without the hash.
   */
  activity?: string;

  /** The provider's configuration; `undefined` until a provider is found. */
  protected peer?: PeerContextValue;

  /** Whether the browser is online; kept current while the element is in the page. */
  protected online = globalThis.navigator?.onLine ?? true;

  /** The connected Peerkit elements, told of `online` / `offline` by one pair of listeners. */
  private static readonly inPage = new Set<PeerElement>();
  private static readonly onConnectivity = (event: Event): void => {
    const online = event.type === 'online';
    for (const el of PeerElement.inPage) {
      el.online = online;
      if (!online) continue;
      el.backOnline();
      for (const hook of hooks.get(el)?.online ?? []) hook();
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

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    for (const hook of hooks.get(this)?.attribute ?? []) hook(name, old, value);
  }

  /** Called when the browser comes back online: retry what failed for want of a network. */
  protected backOnline(): void {}

  /** The signed-in person; `null` when nobody is, `undefined` while that is not known yet. */
  protected get me(): Me | null | undefined {
    return this.peer?.me;
  }

  /** The signed-in person's id, else `null`. */
  protected get meId(): string | null {
    return this.peer?.me?.id ?? null;
  }

  /** Whether someone is signed in. */
  protected get signedIn(): boolean {
    return !!this.peer?.me;
  }

  /** Whether the signed-in person has the `moderator` role (from the token's `roles` claim). */
  protected get moderator(): boolean {
    return this.peer?.me?.roles.includes('moderator') ?? false;
  }

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
   * Dispatches one of the kit's typed events (a `PeerEvent` subclass: bubbling, composed)
   * from this element and returns it, so a cancelable one can be checked with
   * `defaultPrevented`.
   */
  protected emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }

  /**
   * Normalises `error` to a `PeerError`, dispatches `peer-error` with `detail: { error }`
   * (except for an abort, which is never news to the user) and returns it for drawing.
   */
  protected fail(error: unknown): PeerError {
    const peerError = toPeerError(error);
    if (peerError.kind !== 'aborted') this.emit(new PeerErrorEvent({ error: peerError }));
    return peerError;
  }
}
