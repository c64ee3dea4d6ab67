/**
 * Starts the real server for a test file and talks to it over HTTP.
 *
 * Storage: in-memory PGlite (from the prepared snapshot in `PEERKIT_PGLITE_SNAPSHOT` when
 * `scripts/test-server.mjs` made one), or, when `DATABASE_URL` is set, a fresh PostgreSQL
 * database per server, created here and dropped on close, so test files never see each
 * other's rows.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PostPage } from '@peerkit/core/contract';
import { createServer, type RunningServer, type ServerOptions } from '@peerkit/server';

export const ANA = 'ana.ruiz';
export const BEN = 'ben.okafor';
export const CHLOE = 'chloe.martin';

/**
 * Answers are read loosely by default (tests poke at fields); where the shape matters the
 * tests check it with the contract's zod schemas.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Loose = any;

export interface Answer<T = Loose> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallInit {
  token?: string;
  body?: unknown;
  /** Sent verbatim (no JSON encoding). */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface TestServer extends RunningServer {
  /** The PostgreSQL database of this server (PostgreSQL runs only). */
  databaseUrl?: string;
  call<T = Loose>(method: string, path: string, init?: CallInit): Promise<Answer<T>>;
  token(personId: string): Promise<string>;
  /**
   * A write straight into the database, past the server's own write path, as the
   * organisation's directory or an operator makes one (`sql` one statement, `params` its
   * `$n`); resolves with its rows once this server has taken in the notifications it sent,
   * so a request that follows cannot be answered from the read cache as it was before the
   * write (see `heard`). Use it for every write a test then reads back through the API.
   * @throws Error when the server has not heard it within 10 s.
   */
  writeDirect<T = Loose>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** The channel `heard` sends its marker on: nothing in the server listens to it. */
const HEARD_CHANNEL = 'peerkit_test_heard';

/**
 * Resolves once `server` has taken in every notification committed before this call: the
 * server drops cached answers (`packages/server/src/cache.ts`) when a trigger's NOTIFY
 * reaches it, which on PostgreSQL is asynchronous, a moment after the commit (on PGlite
 * within the query). PostgreSQL delivers notifications in the order their transactions
 * committed, over the server's one LISTEN connection, and the server's handlers run as each
 * one arrives; so when a marker sent now reaches the same connection, the server has handled
 * all earlier ones. The marker goes on a channel of its own: it drops nothing itself, and a
 * write whose trigger forgot to notify still leaves a stale answer for the test to catch.
 * @throws Error when the marker has not come back within `timeoutMs` (default 10,000 ms).
 */
export async function heard(server: RunningServer, timeoutMs = 10_000): Promise<void> {
  const marker = randomUUID();
  let arrived!: () => void;
  const back = new Promise<void>((ok) => (arrived = ok));
  const stop = await server.db.listen(HEARD_CHANNEL, (payload) => {
    if (payload === marker) arrived();
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await server.db.query('SELECT pg_notify($1, $2)', [HEARD_CHANNEL, marker]);
    await Promise.race([
      back,
      new Promise((_, fail) => {
        timer = setTimeout(
          () => fail(new Error(`the server did not hear its notifications in ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await stop();
  }
}

export async function freshDatabase(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `peerkit_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const base = process.env['DATABASE_URL'];
  // A server may share another's database (several instances on one PostgreSQL).
  const database = base && !options.databaseUrl ? await freshDatabase(base) : undefined;
  const snapshot = process.env['PEERKIT_PGLITE_SNAPSHOT'];
  const server = await createServer({
    port: 0,
    rateLimit: 100_000,
    ...(database ? { databaseUrl: database.url } : { memory: true }),
    ...(!database && snapshot ? { snapshot } : {}),
    ...options,
  });
  const tokens = new Map<string, string>();
  const call = async <T>(method: string, path: string, init: CallInit = {}): Promise<Answer<T>> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers['authorization'] = `Bearer ${init.token}`;
    let body: string | Uint8Array | undefined;
    if (init.raw !== undefined) body = init.raw;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(server.url + path, {
      method,
      headers,
      ...(body !== undefined ? { body: body as BodyInit } : {}),
    });
    const text = await res.text();
    let parsed: unknown = undefined;
    if (text && /json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  };
  return {
    ...server,
    ...(database || options.databaseUrl
      ? { databaseUrl: database?.url ?? options.databaseUrl }
      : {}),
    async close() {
      await server.close();
      await database?.drop();
    },
    call,
    async writeDirect<T>(sql: string, params: unknown[] = []) {
      const rows = await server.db.query<T>(sql, params);
      await heard(server);
      return rows;
    },
    async token(personId: string) {
      let t = tokens.get(personId);
      if (!t) {
        const res = await call<{ token: string }>('POST', '/api/demo/session', {
          body: { personId },
        });
        if (res.status !== 200) throw new Error(`no demo session for ${personId}: ${res.text}`);
        t = res.body.token;
        tokens.set(personId, t);
      }
      return t;
    },
  };
}

/** A server with tokens for the three demo people most tests use. */
export async function startSignedIn(options: ServerOptions = {}): Promise<{
  s: TestServer;
  ana: string;
  ben: string;
  chloe: string;
}> {
  const s = await startServer(options);
  const [ana, ben, chloe] = await Promise.all([s.token(ANA), s.token(BEN), s.token(CHLOE)]);
  return { s, ana, ben, chloe };
}

/**
 * Two instances of one deployment on one PostgreSQL database (`a` migrates and seeds, `b`
 * joins it), sharing the signing secret as they share the database; for the `*.pg.test.ts`
 * files that check what one instance's write does to the other; `options` go to both.
 * Close `b` before `a`.
 */
export async function startTwoInstances(
  options: ServerOptions = {},
): Promise<{ a: TestServer; b: TestServer }> {
  const shared = { ...options, jwtSecret: 'shared-secret-of-the-deployment-0123456789' };
  const a = await startServer(shared);
  const b = await startServer({ ...shared, databaseUrl: a.databaseUrl!, seed: false });
  return { a, b };
}

/**
 * Polls `check` every 25 ms for up to `timeoutMs` (default 15,000 ms, measured, not counted
 * in polls: each poll is a request, slower on a busy machine): true as soon as it holds, false
 * if it still does not on the first poll after the deadline, for effects that cross instances
 * through LISTEN/NOTIFY.
 */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

/**
 * Writing and reading a thread over HTTP, each call asserted to succeed: `post()` (201) and
 * `page()` (200, checked against the contract). `server` is read at call time, as test files
 * start theirs in `before()`.
 */
export function threadCalls(server: () => TestServer) {
  const post = async (token: string, a: string, body: string, parentId?: string) => {
    const r = await server().call('POST', '/api/posts', {
      token,
      body: { activity: a, body, ...(parentId ? { parentId } : {}) },
    });
    assert.equal(r.status, 201, r.text);
    return r.body;
  };
  const page = async (a: string, extra = '', token?: string) => {
    const r = await server().call(
      'GET',
      `/api/posts?activity=${encodeURIComponent(a)}${extra}`,
      token ? { token } : {},
    );
    assert.equal(r.status, 200, r.text);
    assert.ok(PostPage.safeParse(r.body).success, 'the page matches the contract');
    return r.body as PostPage;
  };
  return { post, page };
}

/** A unique activity IRI, so tests sharing a server never see each other's data. */
export const activity = (label = 'thread') =>
  `https://learn.example.com/test/${label}/${randomUUID()}`;

export const isProblem = (a: Answer) =>
  (a.headers.get('content-type') ?? '').startsWith('application/problem+json') &&
  typeof a.body?.title === 'string' &&
  a.body?.status === a.status;

export interface SseEvent {
  id?: string;
  data?: string;
  comment?: string;
}

/** Reads server-sent events from a streaming fetch. */
export async function openStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<{
  events: SseEvent[];
  next(predicate?: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  status: number;
  contentType: string | null;
  close(): void;
}> {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const events: { id?: string; data?: string; comment?: string }[] = [];
  const waiters: (() => void)[] = [];
  let consumed = 0;
  if (res.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let i: number;
          while ((i = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const e: { id?: string; data?: string; comment?: string } = {};
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) e.comment = line.slice(1).trim();
              else if (line.startsWith('id:')) e.id = line.slice(3).trim();
              else if (line.startsWith('data:'))
                e.data = (e.data ? `${e.data}\n` : '') + line.slice(5).trim();
            }
            events.push(e);
            for (const w of waiters.splice(0)) w();
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    events,
    status: res.status,
    contentType: res.headers.get('content-type'),
    async next(predicate = (e) => e.data !== undefined, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (consumed < events.length) {
          const e = events[consumed++]!;
          if (predicate(e)) return e;
        }
        if (Date.now() > deadline) throw new Error('no matching event arrived');
        await new Promise<void>((ok) => {
          waiters.push(ok);
          setTimeout(ok, 200);
        });
      }
    },
    close: () => controller.abort(),
  };
}
