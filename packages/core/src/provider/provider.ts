import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { PeerClient, PeerError } from '../client/types.js';
import type { TokenSource } from '../client/rest-client.js';
import { ContextProvider } from '@lit/context';
import { peerErrorClaims, type PeerContextValue } from '../context.js';
import { ProviderRuntime } from './runtime.js';
import { baseStyles } from '../styles.js';
import { noticeStyles, renderNotice } from '../notice.js';
import { updateWhenLocaleChanges } from '../l10n/localize.js';
import { ensureContextRoot } from '../element.js';
import { VERSION } from '../version.js';

/**
 * Gives every Peerkit widget inside it its configuration: the REST client, the xAPI
 * recorder, the locale and the signed-in person.
 *
 * The configuration error is said once on the page, where the reader looks: a widget that
 * draws it itself (`<peer-discussion>`) claims it through the `peerErrorClaims` context
 * (`claim()` → release), and while any claim is held the provider draws nothing; with only
 * widgets that do not draw it (`<peer-kudos>`), the provider draws its notice, once.
 *
 * @summary Configures the Peerkit widgets inside it.
 * @slot - The page content holding Peerkit widgets.
 * @csspart error - The message shown when the configuration is wrong and no widget below says it.
 * @csspart notice - The one line saying the browser keeps nothing past this page (storage refused).
 * @fires peer-error - The configuration is wrong, `/me` failed, or the xAPI outbox overflowed.
 * @attr endpoint - Base URL of the Peerkit REST API (absolute, or a path such as `/api`).
 * @attr xapi - `proxy` (default), `direct` or `off`.
 * @attr lrs-endpoint - The LRS statements endpoint for `xapi="direct"`.
 * @attr locale - BCP 47 language tag; defaults to `<html lang>`, else the browser's.
 * @attr credentials - `fetch` credentials mode: `same-origin` (default), `include`, `omit`.
 */
export class PeerProvider extends LitElement {
  static peerkitVersion = VERSION;
  static override styles = [
    baseStyles,
    noticeStyles,
    css`
      :host {
        display: contents;
      }
      .notice {
        margin-block: var(--_peer-space);
      }
    `,
  ];

  // Lit's reactive properties declared statically rather than with decorators (the same
  // accessors, without the decorator helper and a call per property in the core's bundle).
  static override properties = {
    endpoint: {},
    xapi: {},
    lrsEndpoint: { attribute: 'lrs-endpoint' },
    locale: {},
    credentials: {},
    token: { attribute: false },
    getToken: { attribute: false },
    lrsAuthorization: { attribute: false },
    client: { attribute: false },
    value: { state: true },
    storageError: { state: true },
    wording: { state: true },
    claims: { state: true },
  };

  /** Base URL of the Peerkit REST API. */
  endpoint?: string;
  /** `proxy` (default): statements go to `{endpoint}/xapi/statements`; `direct`: to `lrs-endpoint`; `off`. */
  xapi?: string;
  lrsEndpoint?: string;
  locale?: string;
  credentials?: string;

  /** A bearer token (a property only: secrets never go in attributes). */
  token?: string | null;
  /** Called before requests, and again once after a 401, for a fresh bearer token. */
  getToken?: TokenSource | null;
  /** `Authorization` value (or a function making it) for `xapi="direct"`, e.g. an LRS's Basic credentials. */
  lrsAuthorization?: string | (() => string | Promise<string>) | null;
  /** A host's own `PeerClient`, used instead of the REST client. */
  client?: PeerClient | null;

  private value?: PeerContextValue;
  /** Storage the browser refused (said once per page, by the provider that heard it). */
  private storageError?: PeerError;
  /**
   * The errors' wording (`l10n/messages.ts`), loaded with the first error to show: a page
   * whose provider is configured well never needs it, so it is not part of the first paint.
   */
  private wording?: { errorMessage: (error: PeerError) => string };
  private wordingLoad?: Promise<void>;

  /** How many widgets below draw the configuration error themselves (`peerErrorClaims`). */
  private claims = 0;

  private readonly runtime = new ProviderRuntime(this, (value) => {
    this.value = value;
  });

  constructor() {
    super();
    ensureContextRoot();
    updateWhenLocaleChanges(this);
    new ContextProvider(this, {
      context: peerErrorClaims,
      initialValue: {
        claim: () => {
          this.claims++;
          let held = true;
          return () => {
            if (held) this.claims--;
            held = false;
          };
        },
      },
    });
    this.addEventListener('peer-error', (e) => {
      if (e.target === this && e.detail.error.kind === 'storage')
        this.storageError = e.detail.error;
    });
  }

  /** What the widgets below get now. */
  get context(): PeerContextValue {
    return this.runtime.current;
  }

  /** Reloads the signed-in person (e.g. after the host changed who is signed in). */
  refreshMe(): void {
    this.runtime.refreshMe();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.runtime.connect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.runtime.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = [
      'endpoint',
      'xapi',
      'lrsEndpoint',
      'locale',
      'credentials',
      'token',
      'getToken',
      'lrsAuthorization',
      'client',
    ];
    if (!this.hasUpdated || keys.some((k) => changed.has(k as keyof PeerProvider))) {
      this.runtime.apply({
        endpoint: this.endpoint,
        xapi: this.xapi,
        lrsEndpoint: this.lrsEndpoint,
        locale: this.locale,
        credentials: this.credentials,
        token: this.token,
        getToken: this.getToken,
        lrsAuthorization: this.lrsAuthorization,
        client: this.client,
      });
    }
    if ((this.value?.error || this.storageError) && !this.wording)
      this.wordingLoad ??= import('../l10n/wording.js').then(
        (m) => void (this.wording = m),
        // Not loaded (offline): the error's own (English) message stands in.
        () => void (this.wording = { errorMessage: (e) => e.message }),
      );
  }

  /** `updateComplete` includes the notice drawn once its wording has loaded. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.wordingLoad;
    return super.getUpdateComplete();
  }

  private message(error: PeerError): string {
    return this.wording?.errorMessage(error) ?? '';
  }

  protected override render() {
    // A widget below that draws the error itself says it; the page says it once.
    const error = this.claims > 0 ? undefined : this.value?.error;
    return html`${
        error && this.wording
          ? renderNotice({ kind: 'error', message: this.message(error), part: 'error' })
          : nothing
      }${
        this.storageError && this.wording
          ? renderNotice({
              kind: 'status',
              message: this.message(this.storageError),
              part: 'notice',
            })
          : nothing
      }<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-provider': PeerProvider;
  }
}
