/**
 * Live threads, loaded with the first `subscribePosts()` (only `<peer-discussion>` with
 * `live` asks for them, so they stay out of the first paint): reads `GET /posts/stream` with
 * `fetch` (so the bearer header goes along), resumes with `Last-Event-ID`, reconnects with
 * backoff, and polls `listPosts` when the server or a proxy does not stream, trying the
 * stream again now and then. What it needs of the client comes in `host`, so this chunk
 * imports nothing but the error types.
 */
import type { Post, PostEvent, PostPage, PostsQuery } from '../contract.js';
import { PeerError, type CallOptions, type StreamHandlers } from './types.js';
import { toPeerError } from './errors.js';
import type { Checks } from './checks.js';

/** What the live code uses of the `RestClient` that started it. */
export interface LiveHost {
  listPosts(query: PostsQuery, options?: CallOptions): Promise<PostPage>;
  token(): Promise<string | null>;
  url(path: string, query?: Record<string, unknown>): string;
  backoff(attempt: number): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  credentials: RequestCredentials;
  pollIntervalMs: number;
  /** Whether a 401 is worth one more try with a fresh token (a `getToken` is set). */
  refreshes: boolean;
}

export function subscribe(
  host: LiveHost,
  activity: string,
  handlers: StreamHandlers,
  signal: AbortSignal,
  checks: Checks,
): void {
  /** A live update checked against the contract, or the error it amounts to. */
  const parseEvent = (json: unknown): PostEvent | PeerError => {
    try {
      return checks.checked(checks.PostEvent, json, 'A live update broke the contract.');
    } catch (e) {
      return e as PeerError;
    }
  };
  let lastEventId: string | null = null;
  let failures = 0;
  const seen = new Map<string, string>();
  const fingerprint = (p: Post) =>
    `${p.editedAt}|${p.deleted}|${p.hidden}|${p.body.length}|${p.replyCount}`;

  const poll = async (baseline: boolean) => {
    const page = await host.listPosts({ activity, sort: 'newest', limit: 20 }, { signal });
    for (const post of [...page.items].reverse()) {
      const known = seen.get(post.id);
      const print = fingerprint(post);
      seen.set(post.id, print);
      if (baseline || known === print) continue;
      const type =
        known === undefined ? 'post.created' : post.deleted ? 'post.deleted' : 'post.updated';
      handlers.onEvent({ type, post });
    }
  };

  const stream = async (): Promise<'ended' | 'unavailable'> => {
    let token = await host.token();
    for (let refreshed = false; ; refreshed = true) {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (token) headers['Authorization'] = `Bearer ${token}`;
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const res = await fetch(host.url('/posts/stream', { activity }), {
        headers,
        signal,
        credentials: host.credentials,
        cache: 'no-store',
      });
      if (res.status === 401 && !refreshed && host.refreshes) {
        await res.body?.cancel();
        token = await host.token();
        continue;
      }
      const type = res.headers.get('content-type') ?? '';
      if (!res.ok || !type.includes('text/event-stream') || !res.body) {
        await res.body?.cancel().catch(() => {});
        if (res.status === 401 || res.status === 403)
          throw new PeerError('auth', 'Not signed in', { status: res.status });
        // A server or a proxy that does not stream: poll instead.
        return res.status === 503 || res.status === 429 ? 'ended' : 'unavailable';
      }
      failures = 0;
      handlers.onOpen?.();
      await readSse(res.body, signal, (event) => {
        if (event.id !== undefined) lastEventId = event.id;
        if (!event.data) return;
        let json: unknown;
        try {
          json = JSON.parse(event.data);
        } catch {
          handlers.onError?.(new PeerError('validation', 'A live update was not JSON.'));
          return;
        }
        const parsed = parseEvent(json);
        if (parsed instanceof PeerError) {
          handlers.onError?.(parsed);
          return;
        }
        seen.set(parsed.post.id, fingerprint(parsed.post));
        handlers.onEvent(parsed);
      });
      return 'ended';
    }
  };

  const run = async () => {
    let polling = false;
    let polls = 0;
    while (!signal.aborted) {
      try {
        if (polling) {
          await poll(false);
          if (++polls % 4 === 0) polling = false; // try the stream again now and then
          await host.sleep(host.pollIntervalMs, signal);
          continue;
        }
        const outcome = await stream();
        if (outcome === 'unavailable') {
          polling = true;
          await poll(seen.size === 0);
          await host.sleep(host.pollIntervalMs, signal);
          continue;
        }
      } catch (e) {
        if (signal.aborted) return;
        const error = toPeerError(e);
        handlers.onError?.(error);
        if (error.kind === 'auth') return;
        failures++;
        if (failures >= 3) polling = true;
      }
      if (signal.aborted) return;
      try {
        await host.sleep(host.backoff(failures), signal);
      } catch {
        return;
      }
    }
  };
  void run();
}

/** A server-sent event, as `readSse` hands it over. */
export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** Parses a `text/event-stream` body (the WHATWG rules that matter here). */
export async function readSse(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onEvent: (event: SseEvent) => void,
): Promise<void> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>)
    .getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', cancel, { once: true });
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') {
          if (data.length || id !== undefined)
            onEvent({ id, event: event || 'message', data: data.join('\n') });
          data = [];
          event = '';
          id = undefined;
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let val = colon < 0 ? '' : line.slice(colon + 1);
        if (val.startsWith(' ')) val = val.slice(1);
        if (field === 'data') data.push(val);
        else if (field === 'event') event = val;
        else if (field === 'id' && !val.includes('\0')) id = val;
      }
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
