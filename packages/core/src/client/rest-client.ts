/**
 * `RestClient`: the `PeerClient` that speaks Peerkit's REST contract.
 *
 * - A bearer token from `getToken()` on every call; after a 401 it asks once more and
 *   retries once when that gives a different token (a token that just expired). With no
 *   token, `me()` answers `null` without asking: nobody is signed in, and the page makes no
 *   request that is certain to be refused.
 * - Every answer is checked with its contract schema (`safeParse`), and every request body
 *   before it is sent. The schemas (zod and the contract) are a chunk of their own
 *   (`checks.ts`): it starts loading when the client is made, beside the first request, and
 *   is awaited before anything is checked, so a widget's first paint does not wait for zod and
 *   nothing reaches a widget unchecked.
 * - Every failure is a `PeerError`: `network` (no answer, a dropped connection, the schemas
 *   chunk not loading), `http` (an error status, with the problem details when the body has
 *   them; a 412 for a stale `ifMatch` carries the resource as it is now in `problem.current`),
 *   `validation` (malformed JSON, a wrong shape, a non-JSON body, or a request body that
 *   breaks the contract), `auth` (401/403), `aborted`.
 * - Retries with exponential backoff and jitter on network errors, 429 and 503, honouring
 *   `Retry-After` (an HTTP-date is measured from the same answer's `Date`): GETs, and writes,
 *   which all carry an `Idempotency-Key` made once per logical write (`crypto.randomUUID()`)
 *   and reused on every retry. `CallOptions.ifMatch` is sent as `If-Match: "<version>"`.
 * - The `Date` header of every answer feeds the page's estimate of the server's clock
 *   (`clock.ts`, `serverNow()`).
 * - Coalescing: `me()` is one request however many ask, cached for the client's life and
 *   refreshed when the token changes; `kudos(activity)` calls made in one frame become one
 *   request (`kudos-batch.ts`): `GET /kudos?activity=…` while the URL fits 6,000 characters
 *   and 200 activities, else one `POST /kudos/query`.
 * - `subscribePosts()` and `subscribeReflections()` read the SSE stream with `fetch` (so the bearer header goes along),
 *   resumes with `Last-Event-ID`, reconnects with backoff, and polls when streaming fails.
 */
import type * as z from 'zod/mini';
import type {
  KudosCount,
  Me,
  PostPage,
  ReflectionPage,
  Expert,
  ExpertPage,
  PeopleQuery,
  PersonQuery,
  PostsQuery,
  ReflectionEvent,
  ReflectionStreamQuery,
  ReflectionsQuery,
  SkillSuggestion,
} from '../contract.js';
import { loadChecks, type Checks } from './checks.js';
import type { WriteName } from './writes.js';
import { aborted, parseRetryAfter, sleep, withSignal } from './http.js';
import { KudosBatcher } from './kudos-batch.js';
import { observeAnswer } from '../clock.js';
import {
  PeerError,
  type CallOptions,
  type PeerClient,
  type StreamHandlers,
  type SubscribeOptions,
} from './types.js';
import { isAbort, toPeerError } from './errors.js';
import type { LiveHost } from './live.js';
import type { Feed } from './feeds.js';

type LiveModule = typeof import('./live.js');

export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

export interface RestClientOptions {
  /** Base URL of the contract, e.g. `https://intranet.example/api`. */
  endpoint: string;
  credentials?: RequestCredentials;
  getToken?: TokenSource;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First backoff step in ms (default 250); doubles each retry, with jitter. */
  backoffMs?: number;
  /** Longest single wait, including a `Retry-After` (default 30 s); longer ones fail. */
  maxDelayMs?: number;
  /** Longest URL for a coalesced `GET /kudos` (default 6,000 characters). */
  maxUrlLength?: number;
  /** How often the live-thread fallback polls, in ms (default 15 s). */
  pollIntervalMs?: number;
}

type Query = Record<string, unknown>;
type Schema<T> = z.ZodMiniType<T>;

/** A request `request()` makes (the writes describe theirs in `writes.ts`). */
export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query;
  body?: unknown;
  /** The contract schema of the request body (picked from the loaded checks), checked before sending. */
  bodySchema?: (checks: Checks) => Schema<unknown>;
  /** The schema of a 2xx answer (picked from the loaded checks); `null` for calls that answer 204. */
  schema: ((checks: Checks) => Schema<T>) | null;
  options?: CallOptions;
  /** A POST that only reads (`POST /kudos/query`): no `Idempotency-Key`. */
  safe?: boolean;
  /** What an answer with no body (204) gives (default `undefined`). */
  empty?: null;
}

/** What the tries of one `#request` share. */
interface Attempt {
  url: string;
  body: string | undefined;
  idempotencyKey: string | undefined;
  token: string | null;
  /** Whether a fresh token was asked for after a 401 (once per call). */
  refreshed: boolean;
}

/** How one try ended: an answer read, an error, or 'again' (a fresh token to send). */
type Outcome<T> = { value: T } | { error: PeerError } | 'again';

/**
 * The writes (`PeerClient` methods that change something) and the reads only a person's
 * action asks for (who gave kudos, the moderators' queue, one's own profile), described in
 * `writes.ts` in the schemas' chunk: a write with a body awaits that chunk anyway, the chunk
 * has loaded by the time a person acts, and none is needed for a widget's first paint.
 */
const WRITES: readonly WriteName[] = [
  'createPost',
  'updatePost',
  'deletePost',
  'reportPost',
  'acceptAnswer',
  'highlightPost',
  'resolveReport',
  'updateProfile',
  'endorse',
  'withdrawEndorsement',
  'saveReflection',
  'deleteReflection',
  'saveReflectionEntry',
  'deleteReflectionEntry',
  'giveKudos',
  'withdrawKudos',
  'kudosGivers',
  'listReports',
  'profile',
];

// The writes are `PeerClient`'s, added to the prototype below.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface RestClient extends Pick<PeerClient, WriteName> {}

const RETRY_STATUSES = new Set([429, 503]);

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class RestClient implements PeerClient {
  readonly endpoint: string;
  readonly #opts: Required<Omit<RestClientOptions, 'getToken'>> & { getToken?: TokenSource };
  #meCache?: { token: string | null; promise: Promise<Me | null> };
  readonly #kudosBatch: KudosBatcher;

  static {
    for (const name of WRITES)
      (this.prototype as unknown as Record<string, unknown>)[name] = function (
        this: RestClient,
        ...args: unknown[]
      ) {
        return this.#write(name, args);
      };
  }

  constructor(options: RestClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.#opts = {
      credentials: 'same-origin',
      retries: 3,
      backoffMs: 250,
      maxDelayMs: 30_000,
      maxUrlLength: 6_000,
      pollIntervalMs: 15_000,
      ...options,
      endpoint: this.endpoint,
    };
    this.#kudosBatch = new KudosBatcher(
      () => `${this.endpoint}/kudos?`,
      this.#opts.maxUrlLength,
      (activity, method, options) =>
        this.#request({
          method,
          path: method === 'GET' ? '/kudos' : '/kudos/query',
          ...(method === 'GET'
            ? { query: { activity } }
            : { body: { activity }, bodySchema: (s: Checks) => s.KudosQueryBody }),
          schema: (s) => s.KudosCountList,
          options,
          safe: true,
        }),
    );
    // The schemas (zod and the contract, a chunk of their own) start loading now, beside the
    // first request; `request()` awaits them before it checks a body or parses an answer. A
    // failure here is reported by the call that needs them (and the load is tried again).
    loadChecks().catch(() => {});
  }

  // ---------------------------------------------------------------------------------------
  // The contract

  async me(options?: CallOptions): Promise<Me | null> {
    const token = await this.#token();
    // The contract signs people in by bearer token only: without one, nobody is signed in,
    // and asking `/me` would only be answered 401 (a failed request in the page's console).
    if (!token) return null;
    if (!this.#meCache || this.#meCache.token !== token) {
      const promise = this.#request({ method: 'GET', path: '/me', schema: (s) => s.Me }).then(
        (me) => me as Me | null,
        (error: PeerError) => {
          if (error.kind === 'auth' && error.status === 401) return null;
          if (this.#meCache?.promise === promise) this.#meCache = undefined; // don't cache failures
          throw error;
        },
      );
      this.#meCache = { token, promise };
    }
    // Each caller may abort its own wait without cancelling the shared request.
    return withSignal(this.#meCache.promise, options?.signal);
  }

  /** Forgets the cached `/me` (the next call asks the server again). */
  forgetMe(): void {
    this.#meCache = undefined;
  }

  listPosts(query: PostsQuery, options?: CallOptions): Promise<PostPage> {
    return this.#request({
      method: 'GET',
      path: '/posts',
      query: { ...query },
      schema: (s) => s.PostPage,
      options,
    });
  }

  listPeople(query: PeopleQuery, options?: CallOptions): Promise<ExpertPage> {
    return this.#request({
      method: 'GET',
      path: '/people',
      query: { ...query },
      schema: (s) => s.ExpertPage,
      options,
    });
  }

  person(id: string, query: PersonQuery = {}, options?: CallOptions): Promise<Expert> {
    return this.#request({
      method: 'GET',
      path: `/people/${encodeURIComponent(id)}`,
      query: { ...query },
      schema: (s) => s.Expert,
      options,
    });
  }

  async listSkills(q: string, options?: CallOptions): Promise<SkillSuggestion[]> {
    const list = await this.#request({
      method: 'GET',
      path: '/skills',
      query: { q },
      schema: (s) => s.SkillList,
      options,
    });
    return list.items;
  }

  listReflections(query: ReflectionsQuery, options?: CallOptions): Promise<ReflectionPage> {
    return this.#request({
      method: 'GET',
      path: '/reflections',
      query: { ...query },
      schema: (s) => s.ReflectionPage,
      options,
    });
  }

  // ---------------------------------------------------------------------------------------
  // Coalesced kudos counts

  kudos(activity: string, options?: CallOptions): Promise<KudosCount> {
    return this.#kudosBatch.get(activity, options);
  }

  // ---------------------------------------------------------------------------------------
  // Live threads

  subscribePosts(activity: string, handlers: StreamHandlers, options?: SubscribeOptions) {
    return this.#subscribe((live) => live.postFeed(activity), handlers, options);
  }

  subscribeReflections(
    query: ReflectionStreamQuery,
    handlers: StreamHandlers<ReflectionEvent>,
    options?: SubscribeOptions,
  ) {
    return this.#subscribe((live) => live.reflectionFeed(query), handlers, options);
  }

  /**
   * Follows the feed `feedOf` makes (once the live chunk loads), from `options.lastEventId`,
   * until the returned function runs.
   */
  #subscribe<E>(
    feedOf: (live: LiveModule) => Feed<E>,
    handlers: StreamHandlers<E>,
    options?: SubscribeOptions,
  ): () => void {
    const controller = new AbortController();
    const signal = controller.signal;
    const host: LiveHost = {
      listPosts: (query, options) => this.listPosts(query, options),
      listReflections: (query, options) => this.listReflections(query, options),
      token: () => this.#token(),
      url: (path, query) => this.#url(path, query),
      backoff: (attempt) => this.#backoff(attempt),
      sleep,
      credentials: this.#opts.credentials,
      pollIntervalMs: this.#opts.pollIntervalMs,
      refreshes: Boolean(this.#opts.getToken),
    };
    // The stream reader and the polling fallback load with the first subscription; events
    // are parsed only once the schemas have loaded too.
    const start = (attempt: number): void => {
      Promise.all([import('./live.js'), loadChecks()]).then(
        ([live, checks]) => live.subscribe(host, feedOf(live), handlers, signal, checks, options),
        (e: unknown) => {
          if (signal.aborted) return;
          handlers.onError?.(
            new PeerError('network', 'Could not load the live updates code.', { cause: e }),
          );
          sleep(this.#backoff(attempt + 1), signal).then(
            () => start(attempt + 1),
            () => {},
          );
        },
      );
    };
    start(0);
    return () => controller.abort();
  }

  // ---------------------------------------------------------------------------------------
  // The one place a request is made

  /** Sends the write `name` with the caller's `args`, as `writes.ts` describes it. */
  async #write(name: WriteName, args: unknown[]): Promise<unknown> {
    const describe = (await loadChecks()).writes[name] as (...a: unknown[]) => RequestSpec<unknown>;
    const spec = describe(...args);
    const value = await this.#request(spec);
    return value === undefined && 'empty' in spec ? spec.empty : value;
  }

  async #token(): Promise<string | null> {
    if (!this.#opts.getToken) return null;
    try {
      return (await this.#opts.getToken()) ?? null;
    } catch (e) {
      throw new PeerError('auth', 'Could not get a sign-in token.', { cause: e });
    }
  }

  #url(path: string, query?: Query): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
      else params.append(k, String(v));
    }
    const qs = params.toString();
    return `${this.endpoint}${path}${qs ? `?${qs}` : ''}`;
  }

  #backoff(attempt: number): number {
    const step = Math.min(
      this.#opts.maxDelayMs,
      this.#opts.backoffMs * 2 ** Math.max(0, attempt - 1),
    );
    return step / 2 + Math.random() * (step / 2);
  }

  /** The loaded schemas; an `aborted` error when `signal` aborts while they load. */
  #checks(signal?: AbortSignal): Promise<Checks> {
    return withSignal(loadChecks(), signal);
  }

  /**
   * One call: the body checked against the contract, then tries until an answer reads well,
   * the error is not worth a retry, or `retries` are spent (`#waitToRetry`).
   */
  async #request<T>(spec: RequestSpec<T>): Promise<T> {
    const { options = {} } = spec;
    if (options.signal?.aborted) throw aborted(options.signal);
    const body = await this.#encode(spec);
    const write = spec.method !== 'GET' && !spec.safe;
    const state: Attempt = {
      url: this.#url(spec.path, spec.query),
      body,
      // One key per logical write, reused on every retry below.
      idempotencyKey: write ? (options.idempotencyKey ?? crypto.randomUUID()) : undefined,
      token: await this.#token(),
      refreshed: false,
    };
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.#attempt(spec, state);
      if (outcome === 'again') {
        attempt--;
        continue;
      }
      if ('value' in outcome) return outcome.value;
      await this.#waitToRetry(outcome.error, attempt, options.signal);
    }
  }

  /** The request body as JSON, checked against `bodySchema` first. */
  async #encode<T>(spec: RequestSpec<T>): Promise<string | undefined> {
    if (spec.body === undefined) return undefined;
    const checks = await this.#checks(spec.options?.signal);
    if (spec.bodySchema)
      checks.checked(
        spec.bodySchema(checks),
        spec.body,
        'The request does not match the contract.',
      );
    return JSON.stringify(spec.body);
  }

  #headers<T>(spec: RequestSpec<T>, state: Attempt): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (state.body !== undefined) headers['Content-Type'] = 'application/json';
    if (state.token) headers['Authorization'] = `Bearer ${state.token}`;
    if (state.idempotencyKey) headers['Idempotency-Key'] = state.idempotencyKey;
    const ifMatch = spec.options?.ifMatch;
    if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
    return headers;
  }

  /**
   * One try: the answer read, the error it amounts to, or 'again' when a fresh token came
   * after a 401. An abort throws.
   */
  async #attempt<T>(spec: RequestSpec<T>, state: Attempt): Promise<Outcome<T>> {
    const signal = spec.options?.signal;
    let res: Response;
    const sent = Date.now();
    try {
      res = await fetch(state.url, {
        method: spec.method,
        headers: this.#headers(spec, state),
        body: state.body,
        signal,
        credentials: this.#opts.credentials,
      });
      observeAnswer(res.headers, sent, Date.now());
    } catch (e) {
      if (signal?.aborted || isAbort(e)) throw aborted(signal);
      const message = `No answer from ${spec.method} ${spec.path}.`;
      return { error: new PeerError('network', message, { cause: e }) };
    }
    if (await this.#refreshedAfter(res, state)) return 'again';
    try {
      return { value: await this.#read(res, spec) };
    } catch (e) {
      if (signal?.aborted || isAbort(e)) throw aborted(signal);
      return { error: toPeerError(e) };
    }
  }

  /**
   * After a 401 the token may just have expired: asks for a fresh one, once. True when it
   * differs (the call goes again); the same token (or still none) would only be refused again.
   */
  async #refreshedAfter(res: Response, state: Attempt): Promise<boolean> {
    if (res.status !== 401 || state.refreshed || !this.#opts.getToken) return false;
    state.refreshed = true;
    const fresh = await this.#token();
    if (!fresh || fresh === state.token) return false;
    await res.body?.cancel().catch(() => {});
    state.token = fresh;
    return true;
  }

  /**
   * Waits before try `attempt + 1` (the answer's `Retry-After`, else the backoff), or throws
   * `error` when it is not retryable, the retries are spent or the wait exceeds `maxDelayMs`.
   */
  async #waitToRetry(error: PeerError, attempt: number, signal?: AbortSignal): Promise<void> {
    const retryable =
      error.kind === 'network' || (error.kind === 'http' && RETRY_STATUSES.has(error.status ?? 0));
    if (!retryable || attempt >= this.#opts.retries) throw error;
    const wait =
      error.details.retryAfter !== undefined
        ? error.details.retryAfter * 1000
        : this.#backoff(attempt + 1);
    if (wait > this.#opts.maxDelayMs) throw error;
    await sleep(wait, signal);
  }

  /**
   * Reads and checks an answer (`readAnswer`, in the schemas' chunk); throws the `PeerError`
   * it amounts to. When the schemas cannot load, an error status is still its `http`/`auth`
   * error, without details.
   */
  async #read<T>(res: Response, spec: RequestSpec<T>): Promise<T> {
    const label = `${spec.method} ${spec.path}`;
    const checks = await this.#checks(spec.options?.signal).catch((e: PeerError) => {
      if (res.ok || e.kind === 'aborted') throw e;
      return null;
    });
    if (!checks)
      throw new PeerError(
        res.status === 401 || res.status === 403 ? 'auth' : 'http',
        `${label} answered ${res.status}.`,
        {
          status: res.status,
          retryAfter: parseRetryAfter(res.headers.get('retry-after'), res.headers.get('date')),
        },
      );
    return checks.readAnswer(res, label, spec.schema && spec.schema(checks));
  }
}
