/**
 * The API's door, in order: sign-in and the request body with its limit (`apiDoor`),
 * `Idempotency-Key` replays (`idempotency`) and the per-person write rate limit
 * (`rateLimit`). `POST /kudos/query` is a query, not a write: neither replayed nor counted.
 */
import { createHash } from 'node:crypto';
import {
  IRI_MAX,
  REFLECTION_ANSWER_MAX,
  REFLECTION_PROMPT_MAX,
  REFLECTION_PROMPTS_MAX,
} from '@peerkit/core/contract';
import { readBody, readBytes, type Ctx, type Deps } from './http.js';
import { HttpError } from './problem.js';

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * `POST` calls that are safe, idempotent queries (a body only because the question does not
 * fit a URL): no Idempotency-Key handling, not counted as writes by the rate limit.
 */
const QUERIES = new Set(['/api/kudos/query']);
/** A call that changes something: rate-limited, and replayed by its Idempotency-Key. */
const isWrite = (c: Ctx) => WRITE.has(c.req.method) && !QUERIES.has(c.req.path);

/**
 * `POST /kudos/query` carries up to KUDOS_QUERY_MAX (2,000) IRIs: room for 500 bytes each on
 * average (activity IRIs are far shorter; the longest allowed, 2,048 characters, cannot all
 * be that long at once).
 */
const KUDOS_QUERY_BODY_LIMIT = 1024 * 1024;

/**
 * The largest valid `PUT /reflections/{id}` body in UTF-8: every prompt and answer at its
 * limit in 4-byte characters (10 × 5,500 characters × 4 bytes = 220,000 bytes) and the
 * activity IRI, with room for the JSON around them. The general REST limit (64 KiB) already
 * fits the largest post (10,000 characters × 4 bytes), so only reflections need more.
 */
const REFLECTION_BODY_LIMIT =
  4 * (REFLECTION_PROMPTS_MAX * (REFLECTION_PROMPT_MAX + REFLECTION_ANSWER_MAX) + IRI_MAX) + 16_384;

/** The body limit of a write: anything a text limit allows must fit (issue 15, item 2). */
function bodyLimitOf(path: string, config: Deps['config']): number {
  if (path.startsWith('/api/xapi/')) return config.xapiBodyLimit;
  if (path.startsWith('/api/reflections/'))
    return Math.max(config.bodyLimit, REFLECTION_BODY_LIMIT);
  if (QUERIES.has(path)) return Math.max(config.bodyLimit, KUDOS_QUERY_BODY_LIMIT);
  return config.bodyLimit;
}

/**
 * Refuses NUL in the URL, names the caller (`caller`) and reads a write's body within its
 * limit: as text (`rawBody`), or as bytes (`rawBytes`) for the xAPI routes.
 */
export function apiDoor(deps: Deps) {
  const { auth, config } = deps;
  return async (c: Ctx, next: () => Promise<void>) => {
    const isXapi = c.req.path.startsWith('/api/xapi/');
    // PostgreSQL cannot store NUL in text; refuse it in the path and query at the door.
    if (/%00/.test(c.req.url) || c.req.url.includes('\0')) {
      throw new HttpError(400, 'the URL must not contain NUL characters');
    }
    c.set('caller', await auth.authenticate(c.req.header('authorization'), isXapi));
    if (WRITE.has(c.req.method) && isXapi) {
      // Documents and attachments may be any bytes: each xAPI route decodes what it reads
      // (the statements once, checking UTF-8), so the body is not decoded here as well.
      c.set('rawBytes', await readBytes(c.req.raw, bodyLimitOf(c.req.path, config)));
    } else if (WRITE.has(c.req.method)) {
      c.set('rawBody', await readBody(c.req.raw, bodyLimitOf(c.req.path, config)));
    }
    await next();
  };
}

/**
 * `Idempotency-Key` on writes: the first answer to a key is stored with the person, the
 * method, the path and a hash of the body; the same key from the same person replays it
 * (`Idempotent-Replayed: true`); the same key for another request is a 422; a key whose
 * first request is still running is a 409 with `Retry-After`. Keys live in the database
 * (shared by every instance) for 24 hours.
 */
export function idempotency(deps: Deps) {
  return async (c: Ctx, next: () => Promise<void>) => {
    const key = c.req.header('idempotency-key');
    const caller = c.get('caller');
    if (key === undefined || !isWrite(c) || !caller) return next();
    if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new HttpError(400, 'Idempotency-Key must be 1 to 200 visible ASCII characters');
    }
    const url = new URL(c.req.url);
    const path = url.pathname + url.search;
    const hash = createHash('sha256')
      // The bytes as sent (the xAPI routes keep only those), else the text as UTF-8: the same.
      .update(c.get('rawBytes') ?? c.get('rawBody') ?? '')
      .digest('hex');
    const { db } = deps;
    const inserted = await db.query(
      `INSERT INTO idempotency (person_id, key, method, path, body_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_id, key) DO NOTHING RETURNING key`,
      [caller.id, key, c.req.method, path, hash],
    );
    if (!inserted.length) return replay(c, deps, { personId: caller.id, key, path, hash });
    let status = 500;
    try {
      await next();
      status = c.res.status;
    } finally {
      if (status >= 500 || status === 429) {
        await db.query('DELETE FROM idempotency WHERE person_id = $1 AND key = $2', [
          caller.id,
          key,
        ]);
      } else {
        const body = await c.res.clone().text();
        await db.query(
          'UPDATE idempotency SET status = $3, response = $4 WHERE person_id = $1 AND key = $2',
          [
            caller.id,
            key,
            status,
            JSON.stringify({ type: c.res.headers.get('content-type'), body }),
          ],
        );
      }
    }
  };
}

/**
 * The answer to a key already used: its first answer again (`Idempotent-Replayed: true`), a
 * 422 when the key was used for another request, a 409 while the first is still running.
 */
async function replay(
  c: Ctx,
  deps: Deps,
  first: { personId: string; key: string; path: string; hash: string },
): Promise<void> {
  const { db } = deps;
  const [row] = await db.query<{
    method: string;
    path: string;
    body_hash: string;
    status: number | null;
    response: string | null;
  }>(
    'SELECT method, path, body_hash, status, response FROM idempotency WHERE person_id = $1 AND key = $2',
    [first.personId, first.key],
  );
  if (!row) throw new HttpError(409, 'retry this request', { headers: { 'retry-after': '1' } });
  if (row.method !== c.req.method || row.path !== first.path || row.body_hash !== first.hash) {
    throw new HttpError(422, 'this Idempotency-Key was used for a different request');
  }
  if (row.status === null) {
    throw new HttpError(409, 'the first request with this Idempotency-Key is still running', {
      headers: { 'retry-after': '1' },
    });
  }
  const stored = JSON.parse(row.response ?? '{}') as { type: string | null; body: string };
  const headers: Record<string, string> = { 'idempotent-replayed': 'true' };
  if (stored.type) headers['content-type'] = stored.type;
  return c.newResponse(
    row.status === 204 ? null : stored.body,
    row.status as 200,
    headers,
  ) as unknown as void;
}

/**
 * At most `rateLimit` writes per person per minute (a fixed window kept in the database);
 * an HTTP Basic (LRS) client, which writes for many learners, has its own `xapiRateLimit`
 * (decisions §14).
 */
export function rateLimit(deps: Deps) {
  return async (c: Ctx, next: () => Promise<void>) => {
    const caller = c.get('caller');
    if (!isWrite(c) || !caller) return next();
    const limit = caller.via === 'basic' ? deps.config.xapiRateLimit : deps.config.rateLimit;
    const now = Date.now();
    const window = Math.floor(now / 60_000);
    const [row] = await deps.db.query<{ count: number }>(
      `INSERT INTO rate_limits (person_id, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (person_id, window_start) DO UPDATE SET count = rate_limits.count + 1
       RETURNING count`,
      [caller.id, window],
    );
    if ((row?.count ?? 0) > limit) {
      const retry = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
      throw new HttpError(429, `at most ${limit} writes a minute`, {
        headers: { 'retry-after': String(retry) },
      });
    }
    return next();
  };
}
