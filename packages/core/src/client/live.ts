/**
 * Live updates, loaded with the first `subscribePosts()` or `subscribeReflections()` (only
 * `<peer-discussion>` with `live` and a team `<peer-reflection-card>` ask for them, so they
 * stay out of the first paint): reads the stream (`GET /posts/stream`, `GET
 * /reflections/stream`) with `fetch` (so the bearer header goes along), resumes with
 * `Last-Event-ID`, reconnects with backoff, and polls the matching list when the server or a
 * proxy does not stream, trying the stream again now and then. What it needs of the client
 * comes in `host`, so this chunk imports nothing but the error types. What differs between
 * a thread and a team's reflections is a `Feed` (`feeds.ts`).
 */
import type { PostPage, PostsQuery, ReflectionPage, ReflectionsQuery } from '../contract.js';
import {
  PeerError,
  type CallOptions,
  type StreamHandlers,
  type SubscribeOptions,
} from './types.js';
import { toPeerError } from './errors.js';
import type { Checks } from './checks.js';
import type { Feed } from './feeds.js';

/** What the live code uses of the `RestClient` that started it. */
export interface LiveHost {
  listPosts(query: PostsQuery, options?: CallOptions): Promise<PostPage>;
  listReflections(query: ReflectionsQuery, options?: CallOptions): Promise<ReflectionPage>;
  token(): Promise<string | null>;
  url(path: string, query?: Record<string, unknown>): string;
  backoff(attempt: number): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  credentials: RequestCredentials;
  pollIntervalMs: number;
  /** Whether a 401 is worth one more try with a fresh token (a `getToken` is set). */
  refreshes: boolean;
}

/**
 * Follows `feed` until `signal` aborts or the reader is not allowed; the first connection
 * sends `options.lastEventId` (the page's `eventId`) as `Last-Event-ID`.
 */
export function subscribe<E>(
  host: LiveHost,
  feed: Feed<E>,
  handlers: StreamHandlers<E>,
  signal: AbortSignal,
  checks: Checks,
  options?: SubscribeOptions,
): void {
  void new LiveFeed(host, feed, handlers, signal, checks, options?.lastEventId || null).run();
}

export { postFeed, reflectionFeed } from './feeds.js';

/** One live subscription: the stream while it works, polling while it does not. */
class LiveFeed<E> {
  #failures = 0;
  #polling = false;
  #polls = 0;

  constructor(
    private readonly host: LiveHost,
    private readonly feed: Feed<E>,
    private readonly handlers: StreamHandlers<E>,
    private readonly signal: AbortSignal,
    private readonly checks: Checks,
    /** The id of the last event received (at first the page's), sent when (re)connecting. */
    private lastEventId: string | null,
  ) {}

  /** Streams, polls or waits until the signal aborts or the reader is not allowed. */
  async run(): Promise<void> {
    while (!this.signal.aborted) {
      try {
        if (await this.#step()) continue;
      } catch (e) {
        if (this.signal.aborted) return;
        const error = toPeerError(e);
        this.handlers.onError?.(error);
        if (error.kind === 'auth') return;
        this.#failures++;
        if (this.#failures >= 3) this.#polling = true;
      }
      if (this.signal.aborted) return;
      try {
        await this.host.sleep(this.host.backoff(this.#failures), this.signal);
      } catch {
        return;
      }
    }
  }

  /** One poll or one stream; true when the next step follows at once (no backoff). */
  async #step(): Promise<boolean> {
    const { host, signal } = this;
    if (this.#polling) {
      await this.#poll(false);
      if (++this.#polls % 4 === 0) this.#polling = false; // try the stream again now and then
      await host.sleep(host.pollIntervalMs, signal);
      return true;
    }
    if ((await this.#stream()) === 'ended') return false;
    this.#polling = true;
    await this.#poll(this.feed.empty);
    await host.sleep(host.pollIntervalMs, signal);
    return true;
  }

  /** The newest state; changes since the last poll become events (none on a `baseline`). */
  async #poll(baseline: boolean): Promise<void> {
    for (const event of await this.feed.poll(this.host, baseline, this.signal))
      this.handlers.onEvent(event);
  }

  /** The stream, once more with a fresh token after a 401 when tokens refresh. */
  async #open(): Promise<Response> {
    const { host, signal } = this;
    let token = await host.token();
    for (let refreshed = false; ; refreshed = true) {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (token) headers['Authorization'] = `Bearer ${token}`;
      if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
      const res = await fetch(host.url(this.feed.path, this.feed.query), {
        headers,
        signal,
        credentials: host.credentials,
        cache: 'no-store',
      });
      if (res.status !== 401 || refreshed || !host.refreshes) return res;
      await res.body?.cancel();
      token = await host.token();
    }
  }

  /** Reads the stream to its end; 'unavailable' when the answer is not a stream. */
  async #stream(): Promise<'ended' | 'unavailable'> {
    const res = await this.#open();
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !type.includes('text/event-stream') || !res.body) {
      await res.body?.cancel().catch(() => {});
      if (res.status === 401 || res.status === 403)
        throw new PeerError('auth', 'Not signed in', { status: res.status });
      // A server or a proxy that does not stream: poll instead.
      return res.status === 503 || res.status === 429 ? 'ended' : 'unavailable';
    }
    this.#failures = 0;
    this.handlers.onOpen?.();
    await readSse(res.body, this.signal, (event) => this.#receive(event));
    return 'ended';
  }

  /** One server-sent event: its id kept for resuming, its data checked and handed on. */
  #receive(event: SseEvent): void {
    if (event.id !== undefined) this.lastEventId = event.id;
    if (!event.data) return;
    let json: unknown;
    try {
      json = JSON.parse(event.data);
    } catch {
      this.handlers.onError?.(new PeerError('validation', 'A live update was not JSON.'));
      return;
    }
    let parsed: E;
    try {
      parsed = this.checks.checked(
        this.feed.schema(this.checks),
        json,
        'A live update broke the contract.',
      );
    } catch (e) {
      this.handlers.onError?.(e as PeerError);
      return;
    }
    this.feed.saw(parsed);
    this.handlers.onEvent(parsed);
  }
}

/** A server-sent event, as `readSse` hands it over. */
export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** Parses a `text/event-stream` body (the WHATWG rules that matter here). */
async function readSse(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onEvent: (event: SseEvent) => void,
): Promise<void> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>)
    .getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', cancel, { once: true });
  const fields = new SseFields(onEvent);
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? '';
      for (const line of lines) fields.line(line);
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

/** The fields of the event being read, line by line; a blank line dispatches it. */
class SseFields {
  #data: string[] = [];
  #event = '';
  #id: string | undefined;

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  line(line: string): void {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let val = colon < 0 ? '' : line.slice(colon + 1);
    if (val.startsWith(' ')) val = val.slice(1);
    if (field === 'data') this.#data.push(val);
    else if (field === 'event') this.#event = val;
    else if (field === 'id' && !val.includes('\0')) this.#id = val;
  }

  #dispatch(): void {
    if (this.#data.length || this.#id !== undefined)
      this.onEvent({ id: this.#id, event: this.#event || 'message', data: this.#data.join('\n') });
    this.#data = [];
    this.#event = '';
    this.#id = undefined;
  }
}
