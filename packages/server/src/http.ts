/**
 * Shared request plumbing: the Hono environment, schema checks of queries and bodies,
 * and who may do what.
 */
import type { Context } from 'hono';
import { Iri, LIMIT_DEFAULT, type PersonSummary } from '@peerkit/core/contract';
import * as z from 'zod/mini';
import type { Authenticator, Caller } from './auth.js';
import { unauthorized } from './auth.js';
import type { Db } from './db.js';
import type { ReadCache, WriteTx } from './cache.js';
import type { PostEvents, ReflectionEvents } from './events.js';
import type { WebhookQueue } from './webhooks/events.js';
import type { WebhookConfig } from './webhooks/sender.js';
import { HttpError, issuesToErrors } from './problem.js';

export interface ServerConfig {
  /** Demo sign-in and anonymous reads. */
  demo: boolean;
  /** Reads of shared data without a token (also on in demo mode). */
  anonymousRead: boolean;
  /** Origins allowed by CORS. */
  allowedOrigins: string[];
  /** Writes per person per minute. */
  rateLimit: number;
  /**
   * Writes per minute of each HTTP Basic client of the statements endpoint (an LRS client
   * sends for many learners: a host backend, an authoring tool); bearer callers keep
   * `rateLimit` there too.
   */
  xapiRateLimit: number;
  /** Largest request body of the REST calls, in bytes. */
  bodyLimit: number;
  /** Largest request body of the statements endpoint, in bytes. */
  xapiBodyLimit: number;
  /** Milliseconds between SSE heartbeats. */
  heartbeatMs: number;
  /** Folder served at `/` (the demo page). */
  staticDir: string;
  /** Folder served at `/cdn/` (the one-script-tag bundle). */
  cdnDir: string;
  /** Upstream LRS to forward statements to. */
  lrs?: { url: string; key?: string; secret?: string; pollMs: number };
  /** The host's webhook receiver (`PEERKIT_WEBHOOK_URL`, `PEERKIT_WEBHOOK_SECRET`). */
  webhooks?: WebhookConfig;
}

export interface Deps {
  db: Db;
  auth: Authenticator;
  config: ServerConfig;
  events: PostEvents;
  /** Team reflections' live events (`GET /reflections/stream`). */
  reflectionEvents: ReflectionEvents;
  cache: ReadCache;
  /** A write transaction that drops the cached reads it made stale once committed. */
  tx<T>(fn: (q: WriteTx) => Promise<T>): Promise<T>;
  /** Called after statements are queued for forwarding (wakes the forwarder). */
  onStatementsQueued(): void;
  /** Queues webhook events in a write's transaction (nothing without a receiver). */
  webhooks: WebhookQueue;
}

export type AppEnv = {
  Variables: {
    caller: Caller | undefined;
    rawBody: string | undefined;
    /** The body's bytes as received (the statements endpoint: documents, attachments). */
    rawBytes: Uint8Array | undefined;
  };
};

export type Ctx = Context<AppEnv>;

/** The caller, or a 401 when the call needs one. */
export function requireCaller(c: Ctx): Caller {
  const caller = c.get('caller');
  if (!caller) throw unauthorized('sign in first');
  return caller;
}

/** A person (not the LRS key) signed in. */
export function requirePerson(c: Ctx): Caller {
  const caller = requireCaller(c);
  if (caller.via !== 'bearer') throw new HttpError(403, 'this call needs a person, not an LRS key');
  return caller;
}

/** Reads of shared data: a caller, or anonymous when the server allows it. */
export function allowRead(c: Ctx, config: ServerConfig): Caller | undefined {
  const caller = c.get('caller');
  if (!caller && !(config.demo || config.anonymousRead)) throw unauthorized('sign in first');
  return caller;
}

/** Checks a query string against a schema; repeated keys become arrays where `arrays` says. */
export function parseQuery<S extends z.ZodMiniType>(
  c: Ctx,
  schema: S,
  arrays: string[] = [],
): z.infer<S> {
  const input: Record<string, unknown> = {};
  const url = new URL(c.req.url);
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    input[key] = arrays.includes(key) ? all : all[0];
  }
  for (const key of arrays) if (!(key in input)) input[key] = [];
  return check(schema, input);
}

export function check<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new HttpError(400, 'the request does not match the contract', {
      errors: issuesToErrors(result.error.issues),
    });
  }
  return result.data as z.infer<S>;
}

/** The JSON body, checked against a schema. */
export function parseBody<S extends z.ZodMiniType>(c: Ctx, schema: S): z.infer<S> {
  return check(schema, jsonBody(c));
}

function jsonBody(c: Ctx): unknown {
  const raw = c.get('rawBody');
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(type.trim())) {
    throw new HttpError(415, 'send the body as application/json');
  }
  if (!raw) throw new HttpError(400, 'the request has no body');
  return parseJsonText(raw);
}

/**
 * Parses JSON, refusing NUL characters in any string or key: PostgreSQL cannot store them
 * in text or JSONB, and no Peerkit text needs one. JSON forbids a raw NUL, so one can only
 * arrive escaped (`\u0000`): the value is searched only when the text holds that escape.
 */
export function parseJsonText(raw: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
  if (/\\u0000/i.test(raw) && hasNul(value)) {
    throw new HttpError(400, 'text must not contain NUL characters');
  }
  return value;
}

function hasNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\0');
  if (Array.isArray(v)) return v.some(hasNul);
  if (v && typeof v === 'object') {
    return Object.entries(v).some(([k, x]) => k.includes('\0') || hasNul(x));
  }
  return false;
}

/** Reads the raw body with a size limit (413 past it) and decodes it as UTF-8 (else 400). */
export async function readBody(req: Request, max: number): Promise<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(await readBytes(req, max));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'the body is not valid UTF-8');
  }
}

/** Reads the raw body's bytes with a size limit (413 past it). */
export async function readBytes(req: Request, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > max) {
    throw new HttpError(413, `the body is larger than ${max} bytes`);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new HttpError(413, `the body is larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export const iso = (d: unknown): string =>
  d instanceof Date ? d.toISOString() : new Date(String(d)).toISOString();

/** Opaque cursors: base64url JSON the server alone reads. */
export function encodeCursor(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // fall through
  }
  throw new HttpError(400, 'the cursor is not valid', {
    errors: [{ path: 'cursor', message: 'not a cursor this server made' }],
  });
}

/**
 * A keyset page from rows read with `LIMIT limit + 1`: the extra row only tells that more
 * follow. The cursor carries the last row's sequence number (`{ s }`).
 */
export function keysetPage<R, T>(
  rows: R[],
  limit: number,
  total: number,
  toItem: (row: R) => T,
  seqOf: (row: R) => number,
): { items: T[]; nextCursor: string | null; total: number } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor({ s: seqOf(last) }) : null,
    total,
  };
}

/**
 * The page size and keyset position of a list read newest or oldest first by a sequence
 * number: `after` is the `s` of a cursor `keysetPage` made, undefined on the first page.
 */
export function keysetArgs(query: { limit?: number | undefined; cursor?: string | undefined }): {
  limit: number;
  after: number | undefined;
} {
  const cursor = decodeCursor(query.cursor);
  return {
    limit: query.limit ?? LIMIT_DEFAULT,
    after: cursor ? cursorInt(cursor['s']) : undefined,
  };
}

/** A path segment naming a post, person or report. */
export const IdParam = z.string().check(z.minLength(1), z.maxLength(200));

/** A query of one activity IRI (`?activity=`). */
export const ActivityQuery = z.object({ activity: Iri });

/** A person as answers show them, from their columns (a missing name shows the id). */
export function personSummary(
  id: string,
  name: string | null,
  title: string | null,
  team: string | null,
): PersonSummary {
  return { id, name: name ?? id, ...(title ? { title } : {}), ...(team ? { team } : {}) };
}

export function cursorInt(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new HttpError(400, 'the cursor is not valid', {
      errors: [{ path: 'cursor', message: 'not a cursor this server made' }],
    });
  }
  return value;
}
