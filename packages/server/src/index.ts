/**
 * `@peerkit/server`: the reference backend of Peerkit. `createServer(options)` starts it
 * (migrated, seeded, listening) and answers its URL and a `close()` for a graceful stop;
 * `optionsFromEnv()` reads the same environment the CLI reads.
 */
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { ReadCache, writer } from './cache.js';
import { Authenticator } from './auth.js';
import { openDb, type Db } from './db.js';
import { PostEvents, ReflectionEvents } from './events.js';
import type { ServerConfig } from './http.js';
import { given, httpUrl, onOff, wholeNumber } from './env.js';
import { migrate } from './migrations.js';
import { seedIfEmpty } from './seed.js';
import { Forwarder } from './xapi/forwarder.js';
import { WebhookQueue } from './webhooks/events.js';
import { WebhookSender } from './webhooks/sender.js';
import { reindexStatements } from './xapi/statements-data.js';

export { DEMO_ACTIVITIES, DEMO_PEOPLE, DEMO_TEAM } from './demo-activities.js';
export { postIri, personIri } from './seed.js';

/** What housekeeping and shutdown do with an event log. */
type LogLife = { prune(): Promise<void>; stop(): Promise<void> };

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ServerOptions {
  /** Port to listen on; 0 picks a free one. Default 8787. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** PostgreSQL connection string; when set, the embedded database is not used. */
  databaseUrl?: string;
  /** Keep the embedded database in memory. */
  memory?: boolean;
  /** Folder of the embedded database. Default `.peerkit-data` in the working directory. */
  dataDir?: string;
  /** A PGlite `dumpDataDir` tarball to start an in-memory database from (tests). */
  snapshot?: string;
  /** Demo sign-in and anonymous reads. Default true. */
  demo?: boolean;
  /** Reads of shared data without a token even outside demo mode. */
  anonymousRead?: boolean;
  /** HS256 secret for tokens; a random one is made in demo mode when unset. */
  jwtSecret?: string;
  /** A JWKS URL to verify tokens signed by the host. */
  jwksUrl?: string;
  /** Origins allowed to call the API from a browser. */
  allowedOrigins?: string[];
  /** Basic credentials of the statements endpoint. */
  xapiKey?: string;
  xapiSecret?: string;
  /** Upstream LRS to forward statements to. */
  lrsUrl?: string;
  lrsKey?: string;
  lrsSecret?: string;
  /** Forwarder poll interval and first retry delay (ms). */
  lrsPollMs?: number;
  lrsRetryMs?: number;
  /**
   * The host's webhook receiver: signed events for mentions, replies, answers, accepted
   * answers, reports and highlights (README, "Webhooks"). `webhookSecret` is required with it.
   */
  webhookUrl?: string;
  webhookSecret?: string;
  /** Webhook poll interval when idle and first retry delay (ms). Default 5 s and 1 s. */
  webhookPollMs?: number;
  webhookRetryMs?: number;
  /** Writes per person per minute. Default 120. */
  rateLimit?: number;
  /** Writes per minute of each HTTP Basic (LRS) client of `/api/xapi`. Default 60,000. */
  xapiRateLimit?: number;
  /** REST body limit in bytes. Default 64 KiB (the statements endpoint: `xapiBodyLimit`). */
  bodyLimit?: number;
  /** Statements endpoint body limit in bytes, attachments included. Default 16 MiB. */
  xapiBodyLimit?: number;
  /** SSE heartbeat interval. Default 15 s. */
  heartbeatMs?: number;
  /** Cache thread pages and kudos counts (see README). Default true. */
  readCache?: boolean;
  /** Seed an empty database. Default true. */
  seed?: boolean;
  /** Folder served at `/`. Default `demo/` of the repository. */
  staticDir?: string;
  /** Folder served at `/cdn/`. Default `packages/peerkit/dist/cdn/` of the repository. */
  cdnDir?: string;
}

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Stops accepting, ends open streams, closes the database. */
  close(): Promise<void>;
  /** The database (tests and tools). */
  db: Db;
}

/**
 * Server options from the environment (what the CLI reads; the variables and their ranges are
 * in the README's configuration table). Unset or empty: the default.
 * @throws Error naming the first variable set to a value it cannot take (`env.ts`): a typo
 *   stops the start instead of silently meaning the default.
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const list = (v: string | undefined) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
  const MS_HOUR = 3_600_000;
  const o: ServerOptions = {
    demo: onOff(env, 'PEERKIT_DEMO') ?? true,
    anonymousRead: onOff(env, 'PEERKIT_ANONYMOUS_READ') ?? false,
  };
  const set = <K extends keyof ServerOptions>(k: K, v: ServerOptions[K] | undefined) => {
    if (v !== undefined) o[k] = v;
  };
  set('port', wholeNumber(env, 'PORT', 0, 65_535));
  set('databaseUrl', given(env, 'DATABASE_URL'));
  set('jwtSecret', given(env, 'PEERKIT_JWT_SECRET'));
  set('jwksUrl', httpUrl(env, 'PEERKIT_JWKS_URL'));
  set('allowedOrigins', list(env['PEERKIT_ALLOWED_ORIGINS']));
  set('xapiKey', given(env, 'PEERKIT_XAPI_KEY'));
  set('xapiSecret', given(env, 'PEERKIT_XAPI_SECRET'));
  set('lrsUrl', httpUrl(env, 'PEERKIT_LRS_URL'));
  set('lrsKey', given(env, 'PEERKIT_LRS_KEY'));
  set('lrsSecret', given(env, 'PEERKIT_LRS_SECRET'));
  set('lrsPollMs', wholeNumber(env, 'PEERKIT_LRS_POLL_MS', 10, MS_HOUR));
  set('lrsRetryMs', wholeNumber(env, 'PEERKIT_LRS_RETRY_MS', 10, MS_HOUR));
  set('webhookUrl', httpUrl(env, 'PEERKIT_WEBHOOK_URL'));
  set('webhookSecret', given(env, 'PEERKIT_WEBHOOK_SECRET'));
  set('webhookPollMs', wholeNumber(env, 'PEERKIT_WEBHOOK_POLL_MS', 10, MS_HOUR));
  set('webhookRetryMs', wholeNumber(env, 'PEERKIT_WEBHOOK_RETRY_MS', 10, MS_HOUR));
  set('rateLimit', wholeNumber(env, 'PEERKIT_RATE_LIMIT', 1, 1_000_000_000));
  set('xapiRateLimit', wholeNumber(env, 'PEERKIT_XAPI_RATE_LIMIT', 1, 1_000_000_000));
  set('xapiBodyLimit', wholeNumber(env, 'PEERKIT_XAPI_BODY_LIMIT', 1024, 1024 ** 3));
  set('heartbeatMs', wholeNumber(env, 'PEERKIT_HEARTBEAT_MS', 100, MS_HOUR));
  set('snapshot', given(env, 'PEERKIT_PGLITE_SNAPSHOT'));
  if (onOff(env, 'PEERKIT_READ_CACHE') === false) o.readCache = false;
  set('dataDir', given(env, 'PEERKIT_DATA_DIR'));
  return o;
}

export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  const demo = options.demo ?? true;
  const auth = authenticatorOf(options, demo);
  const config = configOf(options, demo);
  const db = await openDb(dbOptionsOf(options));
  let server: Server | undefined;
  let forwarder: Forwarder | undefined;
  let webhooks: WebhookSender | undefined;
  let events: PostEvents | undefined;
  let reflectionEvents: ReflectionEvents | undefined;
  let cache: ReadCache | undefined;
  let maintenance: NodeJS.Timeout | undefined;
  try {
    await prepare(db, options.seed !== false);
    events = new PostEvents(db);
    await events.start();
    reflectionEvents = new ReflectionEvents(db);
    await reflectionEvents.start();
    cache = new ReadCache(10_000, 20_000, options.readCache ?? true);
    await cache.start(db);
    forwarder = forwarderOf(db, config, options);
    const fw = forwarder;
    const rc = cache;
    const { app, closeStreams } = createApp({
      db,
      auth,
      config,
      events,
      reflectionEvents,
      cache: rc,
      tx: writer(db, rc),
      onStatementsQueued: () => fw?.wake(),
      webhooks: new WebhookQueue(!!config.webhooks),
    });
    const s = (server = httpServer(app.fetch));
    await listen(s, options.port ?? 8787, options.host ?? '127.0.0.1');
    forwarder?.start();
    if (config.webhooks) await (webhooks = new WebhookSender(db, config.webhooks)).listen();
    const ev = events;
    const rev = reflectionEvents;
    maintenance = setInterval(() => {
      void housekeeping(db, [ev, rev]).catch(() => {});
    }, 10 * 60_000);
    maintenance.unref();
    let closing: Promise<void> | undefined;
    return {
      ...whereListening(s, options),
      db,
      close() {
        closing ??= shutdown({
          maintenance,
          closeStreams,
          server: s,
          forwarder,
          webhooks,
          events: [ev, rev],
          cache: rc,
          db,
        });
        return closing;
      },
    };
  } catch (error) {
    clearInterval(maintenance);
    server?.close();
    await forwarder?.stop();
    await webhooks?.stop();
    await events?.stop();
    await reflectionEvents?.stop();
    await cache?.stop();
    await db.close();
    throw error;
  }
}

/** Where the database is: PostgreSQL at `databaseUrl`, else PGlite in memory or on disk. */
function dbOptionsOf(options: ServerOptions): Parameters<typeof openDb>[0] {
  return {
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.memory || options.databaseUrl
      ? {}
      : { dataDir: resolve(options.dataDir ?? '.peerkit-data') }),
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
  };
}

/** The forwarder to the upstream LRS, when one is configured. */
function forwarderOf(db: Db, config: ServerConfig, options: ServerOptions): Forwarder | undefined {
  if (!config.lrs) return undefined;
  return new Forwarder(db, {
    ...config.lrs,
    ...(options.lrsRetryMs !== undefined ? { retryMs: options.lrsRetryMs } : {}),
  });
}

/** The listening server's URL and port (the one picked when `port` was 0). */
function whereListening(s: Server, options: ServerOptions): { url: string; port: number } {
  const address = s.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8787);
  const host = options.host ?? '127.0.0.1';
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port };
}

/**
 * Who verifies tokens: the HS256 secret (a random one in demo mode when none is set) or the
 * JWKS URL; throws when there is neither.
 */
function authenticatorOf(options: ServerOptions, demo: boolean): Authenticator {
  let jwtSecret = options.jwtSecret;
  if (!jwtSecret && demo) jwtSecret = Authenticator.randomSecret();
  if (!jwtSecret && !options.jwksUrl) {
    throw new Error(
      'Set PEERKIT_JWT_SECRET or PEERKIT_JWKS_URL (or turn demo mode on) so tokens can be verified.',
    );
  }
  return new Authenticator({
    ...(jwtSecret ? { jwtSecret } : {}),
    ...(options.jwksUrl ? { jwksUrl: options.jwksUrl } : {}),
    ...(options.xapiKey ? { xapiKey: options.xapiKey } : {}),
    ...(options.xapiSecret ? { xapiSecret: options.xapiSecret } : {}),
  });
}

/**
 * Migrates, re-derives the statements' filter columns (`reindexStatements`), seeds an empty
 * database when asked, and gathers planner statistics.
 */
async function prepare(db: Db, seed: boolean): Promise<void> {
  await migrate(db);
  await reindexStatements(db);
  if (seed) await seedIfEmpty(db);
  // Fresh planner statistics: PGlite has no autovacuum to gather them.
  if (db.kind === 'pglite') await db.query('ANALYZE');
}

/** The Node HTTP server for the app, with timeouts and problem+json for Node's own errors. */
function httpServer(fetch: (request: Request) => Response | Promise<Response>): Server {
  const server = createAdaptorServer({ fetch }) as Server;
  // Requests that never finish their headers or body must not hold a socket forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.on('clientError', answerClientError);
  return server;
}

/** Listens on `port` and `host`; rejects when the port cannot be had. */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
}

/**
 * Stops a running server: the webhook sender (an event in flight finishes first), streams,
 * sockets, the forwarder, events, the cache, the database.
 */
async function shutdown(parts: {
  maintenance: NodeJS.Timeout | undefined;
  closeStreams: () => void;
  server: Server;
  forwarder: Forwarder | undefined;
  webhooks: WebhookSender | undefined;
  events: LogLife[];
  cache: ReadCache;
  db: Db;
}): Promise<void> {
  const { maintenance, closeStreams, server: s, forwarder, events: ev, cache: rc, db } = parts;
  await parts.webhooks?.stop();
  clearInterval(maintenance);
  closeStreams();
  const closed = new Promise<void>((ok) => s.close(() => ok()));
  // Keep-alive sockets become idle once their last answer (an SSE stream just
  // ended) is written: close them as they do, and everything after two seconds.
  s.closeIdleConnections();
  const idle = setInterval(() => s.closeIdleConnections(), 25);
  const force = setTimeout(() => s.closeAllConnections(), 2_000);
  await closed;
  clearInterval(idle);
  clearTimeout(force);
  await forwarder?.stop();
  for (const log of ev) await log.stop();
  await rc.stop();
  await db.close();
}

/** The server's settings from its options (defaults documented on `ServerOptions`). */
function configOf(options: ServerOptions, demo: boolean): ServerConfig {
  return {
    demo,
    anonymousRead: options.anonymousRead ?? false,
    allowedOrigins: options.allowedOrigins ?? [],
    rateLimit: options.rateLimit ?? 120,
    xapiRateLimit: options.xapiRateLimit ?? 60_000,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    xapiBodyLimit: options.xapiBodyLimit ?? 16 * 1024 * 1024,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    staticDir: options.staticDir ?? resolve(REPO_ROOT, 'demo'),
    cdnDir: options.cdnDir ?? resolve(REPO_ROOT, 'packages/peerkit/dist/cdn'),
    ...(options.lrsUrl
      ? {
          lrs: {
            url: options.lrsUrl,
            ...(options.lrsKey !== undefined ? { key: options.lrsKey } : {}),
            ...(options.lrsSecret !== undefined ? { secret: options.lrsSecret } : {}),
            pollMs: options.lrsPollMs ?? 5_000,
          },
        }
      : {}),
    ...webhookConfigOf(options),
  };
}

/** The webhook receiver's settings; a URL without a secret is refused (events must be signed). */
function webhookConfigOf(options: ServerOptions): Pick<ServerConfig, 'webhooks'> {
  if (!options.webhookUrl) return {};
  if (!options.webhookSecret) {
    throw new Error('PEERKIT_WEBHOOK_URL needs PEERKIT_WEBHOOK_SECRET: events are always signed.');
  }
  return {
    webhooks: {
      url: options.webhookUrl,
      secret: options.webhookSecret,
      pollMs: options.webhookPollMs ?? 5_000,
      retryMs: options.webhookRetryMs,
    },
  };
}

/**
 * Errors Node answers itself (headers over 16 KB, malformed requests, timeouts) get a
 * problem+json body too.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const title =
    status === 431
      ? 'Request Header Fields Too Large'
      : status === 408
        ? 'Request Timeout'
        : 'Bad Request';
  const body = JSON.stringify({ type: 'about:blank', title, status });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Drops what is no longer needed: old events, idempotency keys, rate-limit windows. */
async function housekeeping(db: Db, logs: LogLife[]) {
  for (const log of logs) await log.prune();
  await db.query(`DELETE FROM idempotency WHERE created_at < now() - interval '24 hours'`);
  await db.query(`DELETE FROM webhook_outbox WHERE sent_at < now() - interval '7 days'`);
  await db.query('DELETE FROM rate_limits WHERE window_start < $1', [
    Math.floor(Date.now() / 60_000) - 5,
  ]);
  if (db.kind === 'pglite') await db.query('ANALYZE');
}
