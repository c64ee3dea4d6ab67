/**
 * What `<peer-provider>` and `configure()` share: checks the configuration, builds the
 * client and recorder, loads `me`, picks the locale and provides it all through
 * `peerContext` from a host element.
 */
import { ContextProvider } from '@lit/context';
import { peerContext, type PeerContextValue } from '../context.js';
import { PeerError, type PeerClient } from '../client/types.js';
import { RestClient, type TokenSource } from '../client/rest-client.js';
import { configError, toPeerError } from '../client/errors.js';
import { XapiRecorder, type XapiMode } from '../xapi/recorder.js';
import type { Recorder } from '../xapi/types.js';
import { documentLocale, registerTranslations, useLocale } from '../l10n/localize.js';
import { PeerErrorEvent } from '../events.js';
import { onStorageFailure } from '../storage-failure.js';

registerTranslations('es', () => import('../l10n/locales/es.js'));

export interface ProviderConfig {
  /** Base URL of the REST contract (absolute, or a path on this origin such as `/api`). */
  endpoint?: string | null;
  /** `proxy` (default), `direct` or `off`. */
  xapi?: string | null;
  /** The LRS for `direct` mode. */
  lrsEndpoint?: string | null;
  /** BCP 47 tag; else `<html lang>`, else the browser's. */
  locale?: string | null;
  /** `fetch` credentials mode: `same-origin` (default), `include` or `omit`. */
  credentials?: string | null;
  /** A bearer token. */
  token?: string | null;
  /** Called before requests (and again after a 401) for a bearer token. */
  getToken?: TokenSource | null;
  /** `Authorization` header value for `direct` mode (e.g. `Basic …`), or a function making it. */
  lrsAuthorization?: string | (() => string | Promise<string>) | null;
  /** A host's own `PeerClient`: used instead of the REST client. */
  client?: PeerClient | null;
}

const XAPI_MODES = ['proxy', 'direct', 'off'];
const CREDENTIALS = ['omit', 'same-origin', 'include'];

/** Checks an endpoint: an absolute http(s) URL or a path (`/api`, `./api`), no white space. */
export function checkUrl(value: string): URL | null {
  const v = value.trim();
  if (!v || /\s/.test(v)) return null;
  if (!/^(https?:\/\/|\/|\.\.?\/)/i.test(v)) return null;
  try {
    const url = new URL(v, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** A client whose every call fails with the configuration error. */
function failingClient(error: PeerError): PeerClient {
  return new Proxy({} as PeerClient, {
    get(_t, prop) {
      if (prop === 'then') return undefined;
      if (prop === 'subscribePosts' || prop === 'subscribeReflections')
        return (_a: unknown, h: { onError?: (e: PeerError) => void }) => {
          queueMicrotask(() => h.onError?.(error));
          return () => {};
        };
      return () => Promise.reject(error);
    },
  });
}

const offRecorder: Recorder = { record: async () => {}, flush: async () => {} };

export class ProviderRuntime {
  readonly #provider: ContextProvider<typeof peerContext>;
  #config: ProviderConfig = {};
  #client?: PeerClient;
  #restClient?: RestClient;
  #recorder: Recorder = offRecorder;
  #clientKey = '';
  #recorderKey = '';
  #meFor: unknown = undefined;
  #meRequest = 0;
  #value: PeerContextValue;
  #connected = false;
  #applied = false;
  #stopStorageReports?: () => void;

  constructor(
    private readonly host: HTMLElement,
    private readonly onChange: (value: PeerContextValue) => void = () => {},
  ) {
    this.#value = {
      client: failingClient(configError('endpoint-missing', '', 'No endpoint')),
      recorder: offRecorder,
      locale: documentLocale(),
      me: undefined,
    };
    this.#provider = new ContextProvider(host, { context: peerContext, initialValue: this.#value });
  }

  get current(): PeerContextValue {
    return this.#value;
  }

  /** Announces the provider (the element's controller does it for `<peer-provider>`). */
  connect(): void {
    this.#connected = true;
    // Storage that would not open is said once per page, by the first provider to hear it.
    this.#stopStorageReports ??= onStorageFailure((error) => this.#report(error));
    if (!(this.host as { addController?: unknown }).addController) this.#provider.hostConnected();
    if (this.#applied) this.apply(this.#config);
  }

  disconnect(): void {
    this.#connected = false;
    this.#stopStorageReports?.();
    this.#stopStorageReports = undefined;
    // Send what is queued, then stop listening; a provider that comes back builds a new one.
    const recorder = this.#recorder;
    if (recorder instanceof XapiRecorder) {
      void recorder
        .flush()
        .catch(() => {})
        .finally(() => recorder.dispose());
      this.#recorder = offRecorder;
      this.#recorderKey = '';
    }
  }

  /** Applies a new configuration: validates it and provides the resulting value. */
  apply(config: ProviderConfig): void {
    this.#config = config;
    this.#applied = true;
    const locale = config.locale?.trim() || documentLocale();
    void useLocale(locale);
    const error = this.#validate(config);
    const { client, recorder } = this.#useClient(config, error, locale);

    // `me` is reloaded when the client or the person's token changes.
    const tokenIdentity = [client, config.token ?? null, config.getToken ?? null];
    const sameMe =
      Array.isArray(this.#meFor) &&
      (this.#meFor as unknown[]).every((v, i) => v === tokenIdentity[i]);
    const me = error ? null : sameMe ? this.#value.me : undefined;
    const previous = this.#value.error;
    this.#set({ client, recorder, locale, me, error: error ?? undefined });
    if (error && error.message !== previous?.message) this.#report(error);
    else if (!sameMe && this.#connected) {
      this.#meFor = tokenIdentity;
      this.#loadMe(client);
    }
  }

  /**
   * Builds (or keeps) the client and recorder for `config` and puts them in use; with an
   * `error`, a client that fails every call with it and no recorder.
   */
  #useClient(
    config: ProviderConfig,
    error: PeerError | null,
    locale: string,
  ): { client: PeerClient; recorder: Recorder } {
    let client: PeerClient;
    let recorder: Recorder = offRecorder;
    if (error) {
      client = failingClient(error);
      this.#clientKey = '';
      this.#restClient = undefined;
    } else {
      client = this.#buildClient(config);
      recorder = this.#buildRecorder(config, client, locale);
    }
    this.#client = client;
    if (recorder !== this.#recorder && this.#recorder instanceof XapiRecorder)
      this.#recorder.dispose();
    this.#recorder = recorder;
    return { client, recorder };
  }

  /** Re-reads `me` (after a sign-in elsewhere, for example). */
  refreshMe(): void {
    if (this.#client && !this.#value.error) this.#loadMe(this.#client);
  }

  #loadMe(client: PeerClient): void {
    const request = ++this.#meRequest;
    this.#restClient?.forgetMe();
    client.me().then(
      (me) => {
        if (request === this.#meRequest && client === this.#client)
          this.#set({ ...this.#value, me });
      },
      (e: unknown) => {
        if (request !== this.#meRequest || client !== this.#client) return;
        const err = toPeerError(e);
        this.#set({ ...this.#value, me: null });
        this.#report(err);
      },
    );
  }

  #validate(config: ProviderConfig): PeerError | null {
    const xapi = config.xapi?.trim() || 'proxy';
    if (!XAPI_MODES.includes(xapi))
      return configError('xapi', xapi, `Unknown xapi mode "${xapi}" (use proxy, direct or off).`);
    if (config.credentials && !CREDENTIALS.includes(config.credentials))
      return configError(
        'credentials',
        config.credentials,
        `Unknown credentials mode "${config.credentials}".`,
      );
    if (!config.client) {
      if (!config.endpoint?.trim())
        return configError('endpoint-missing', '', 'The provider has no endpoint.');
      if (!checkUrl(config.endpoint))
        return configError(
          'endpoint',
          config.endpoint,
          `The endpoint "${config.endpoint}" is not a URL.`,
        );
    }
    if (xapi === 'direct' && !checkUrl(config.lrsEndpoint ?? ''))
      return configError(
        'lrs-endpoint',
        config.lrsEndpoint ?? '',
        `The LRS endpoint "${config.lrsEndpoint ?? ''}" is not a URL.`,
      );
    return null;
  }

  #buildClient(config: ProviderConfig): PeerClient {
    if (config.client) {
      this.#restClient = undefined;
      this.#clientKey = '';
      return config.client;
    }
    const endpoint = checkUrl(config.endpoint!)!.href.replace(/\/+$/, '');
    const credentials = (config.credentials || 'same-origin') as RequestCredentials;
    const key = `${endpoint} ${credentials}`;
    if (this.#restClient && key === this.#clientKey) return this.#restClient;
    this.#clientKey = key;
    this.#restClient = new RestClient({
      endpoint,
      credentials,
      getToken: async () => {
        const c = this.#config;
        if (c.getToken) return (await c.getToken()) ?? null;
        return c.token ?? null;
      },
    });
    return this.#restClient;
  }

  #buildRecorder(config: ProviderConfig, client: PeerClient, locale: string): Recorder {
    const m = config.xapi?.trim() || 'proxy';
    if (m === 'off') return offRecorder;
    const mode = m as XapiMode;
    const endpoint =
      mode === 'direct' ? checkUrl(config.lrsEndpoint!)!.href : this.#apiEndpoint(config);
    if (!endpoint) return offRecorder; // a host's own client and proxy mode: nowhere to send
    const key = `${mode} ${endpoint} ${this.#clientKey}`;
    if (this.#recorder instanceof XapiRecorder && key === this.#recorderKey) {
      this.#recorder.locale = locale;
      return this.#recorder;
    }
    this.#recorderKey = key;
    return new XapiRecorder({
      mode,
      endpoint,
      locale,
      me: () => client.me(),
      homePage: new URL(this.#apiEndpoint(config) ?? endpoint).origin,
      authorization: async () => {
        const c = this.#config;
        if (mode === 'direct') {
          const auth = c.lrsAuthorization;
          return (typeof auth === 'function' ? await auth() : auth) ?? null;
        }
        const token = c.getToken ? await c.getToken() : c.token;
        return token ? `Bearer ${token}` : null;
      },
      credentials: (config.credentials || 'same-origin') as RequestCredentials,
      onError: (error) => this.#report(error),
    });
  }

  /** The REST endpoint, also when a host's own client is used alongside one. */
  #apiEndpoint(config: ProviderConfig): string | undefined {
    if (this.#restClient) return this.#restClient.endpoint;
    const url = config.endpoint ? checkUrl(config.endpoint) : null;
    return url?.href.replace(/\/+$/, '');
  }

  #set(value: PeerContextValue): void {
    this.#value = value;
    this.#provider.setValue(value, true);
    this.onChange(value);
  }

  #report(error: PeerError): void {
    this.host.dispatchEvent(new PeerErrorEvent({ error }));
  }
}
