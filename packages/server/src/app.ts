/**
 * The HTTP application: cross-cutting middleware (security headers, CORS, sign-in, body
 * limit, idempotency keys, the per-person write rate limit) and the routes of the REST
 * contract under `/api`, the statements endpoint under `/api/xapi`, and the static files.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import {
  DemoSessionRequest,
  IRI_MAX,
  REFLECTION_ANSWER_MAX,
  REFLECTION_PROMPT_MAX,
  REFLECTION_PROMPTS_MAX,
  type DemoPerson,
} from '@peerkit/core/contract';
import { parseBody, personSummary, readBody, type AppEnv, type Ctx, type Deps } from './http.js';
import { openApiDocument } from './openapi.js';
import { HttpError, problemResponse } from './problem.js';
import { kudosRoutes } from './routes/kudos.js';
import { meRoutes } from './routes/me.js';
import { peopleRoutes } from './routes/people.js';
import { postRoutes } from './routes/posts.js';
import { streamRoute } from './routes/stream.js';
import { reflectionRoutes } from './routes/reflections.js';
import { reportRoutes } from './routes/reports.js';
import { DEMO_CSP, serveFile, upPage } from './static.js';
import { xapiRoutes } from './xapi/routes.js';

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
const ALLOW_HEADERS =
  'Authorization, Content-Type, Idempotency-Key, Last-Event-ID, X-Experience-API-Version, If-Match, If-None-Match';
const EXPOSE_HEADERS =
  'Retry-After, Idempotent-Replayed, X-Experience-API-Version, X-Experience-API-Consistent-Through, Last-Modified, Location, ETag';

export function createApp(deps: Deps) {
  const { db, auth, config } = deps;
  const app = new Hono<AppEnv>();
  const stream = streamRoute(deps);

  const onError = (err: Error) => {
    if (err instanceof HttpError) return problemResponse(err.status, err.detail, err.extra);
    // Anything unexpected: a plain 500, never the stack.
    if (process.env['PEERKIT_LOG_ERRORS'] !== '0') console.error('[peerkit]', err);
    return problemResponse(500, 'something went wrong on the server');
  };
  app.onError(onError);

  // Security headers and CORS on every answer.
  app.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    const path = c.req.path;
    const isCdn = path.startsWith('/cdn/');
    const allowed =
      !!origin && (config.allowedOrigins.includes(origin) || config.allowedOrigins.includes('*'));
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      if (!allowed && !isCdn) return problemResponse(403, 'this origin is not allowed');
      const res = new Response(null, { status: 204 });
      res.headers.set('access-control-allow-origin', isCdn ? '*' : origin!);
      res.headers.set(
        'access-control-allow-methods',
        'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
      );
      res.headers.set('access-control-allow-headers', ALLOW_HEADERS);
      if (!isCdn) res.headers.set('access-control-allow-credentials', 'true');
      res.headers.set('access-control-max-age', '600');
      res.headers.set('vary', 'Origin');
      return res;
    }
    await next();
    const h = c.res.headers;
    h.set('x-content-type-options', 'nosniff');
    h.set('referrer-policy', 'strict-origin-when-cross-origin');
    h.set('x-frame-options', 'SAMEORIGIN');
    h.set('cross-origin-opener-policy', 'same-origin');
    h.set('cross-origin-resource-policy', isCdn ? 'cross-origin' : 'same-site');
    h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (path.startsWith('/api/')) {
      if (!h.has('content-security-policy')) {
        h.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
      }
      if (!h.has('cache-control')) h.set('cache-control', 'no-store');
    } else {
      h.set('content-security-policy', DEMO_CSP);
    }
    // xAPI: every answer of the statements endpoint names the version, errors too.
    if (path.startsWith('/api/xapi/')) h.set('x-experience-api-version', '1.0.3');
    if (isCdn) h.set('access-control-allow-origin', '*');
    else if (allowed) {
      h.set('access-control-allow-origin', origin!);
      h.set('access-control-allow-credentials', 'true');
      h.set('access-control-expose-headers', EXPOSE_HEADERS);
    }
    h.append('vary', 'Origin');
  });

  // Sign-in, body, idempotency and rate limit for the API.
  app.use('/api/*', async (c, next) => {
    const isXapi = c.req.path.startsWith('/api/xapi/');
    // PostgreSQL cannot store NUL in text; refuse it in the path and query at the door.
    if (/%00/.test(c.req.url) || c.req.url.includes('\0')) {
      throw new HttpError(400, 'the URL must not contain NUL characters');
    }
    c.set('caller', await auth.authenticate(c.req.header('authorization'), isXapi));
    if (WRITE.has(c.req.method)) {
      c.set('rawBody', await readBody(c.req.raw, bodyLimitOf(c.req.path, config)));
    }
    await next();
  });
  app.use('/api/*', idempotency(deps));
  app.use('/api/*', rateLimit(deps));

  const api = new Hono<AppEnv>();
  api.onError(onError);

  api.get('/health', async (c) => {
    await db.query('SELECT 1');
    return c.json({ status: 'ok', database: db.kind, demo: config.demo });
  });

  // Built from the contract's schemas on the first request, then served as is.
  let openApi: string | undefined;
  api.get('/openapi.json', (c) =>
    c.body((openApi ??= JSON.stringify(openApiDocument())), 200, {
      'content-type': 'application/json',
    }),
  );

  api.get('/demo/people', async (c) => {
    if (!config.demo) throw new HttpError(404, 'demo mode is off');
    const rows = await db.query<{
      id: string;
      name: string;
      title: string | null;
      team: string | null;
      roles: string[];
    }>('SELECT id, name, title, team, roles FROM people WHERE demo ORDER BY name');
    const items: DemoPerson[] = rows.map((r) => ({
      ...personSummary(r.id, r.name, r.title, r.team),
      roles: r.roles,
    }));
    return c.json({ items });
  });

  api.post('/demo/session', async (c) => {
    if (!config.demo) throw new HttpError(404, 'demo mode is off');
    const { personId } = parseBody(c, DemoSessionRequest);
    const [row] = await db.query<{
      id: string;
      name: string;
      email: string | null;
      roles: string[];
    }>('SELECT id, name, email, roles FROM people WHERE id = $1 AND demo', [personId]);
    if (!row) throw new HttpError(404, 'no demo person with this id');
    const token = await auth.sign({
      id: row.id,
      name: row.name,
      ...(row.email ? { email: row.email } : {}),
      roles: row.roles,
    });
    return c.json({ token });
  });

  api.route('/me', meRoutes(deps));
  api.route('/posts/stream', stream.app);
  api.route('/posts', postRoutes(deps));
  api.route('/kudos', kudosRoutes(deps));
  const { people, skills } = peopleRoutes(deps);
  api.route('/people', people);
  api.route('/skills', skills);
  api.route('/reflections', reflectionRoutes(deps));
  api.route('/reports', reportRoutes(deps));
  api.route('/xapi', xapiRoutes(deps));
  api.all('*', () => {
    throw new HttpError(404, 'no such API route');
  });
  app.route('/api', api);

  // Static files.
  app.on(['GET', 'HEAD'], '*', async (c) => {
    const path = c.req.path;
    if (path === '/cdn' || path.startsWith('/cdn/')) {
      const res = await serveFile(config.cdnDir, path.slice(4) || '/');
      return res ?? problemResponse(404, 'the CDN bundle is not built (run npm run build)');
    }
    const res = await serveFile(config.staticDir, path);
    if (res) return res;
    if (path === '/' || path === '/index.html') return upPage();
    return problemResponse(404, 'no such file');
  });
  app.all('*', () => problemResponse(405, 'only GET and HEAD are served here'));

  return { app, closeStreams: stream.closeAll };
}

/**
 * `Idempotency-Key` on writes: the first answer to a key is stored with the person, the
 * method, the path and a hash of the body; the same key from the same person replays it
 * (`Idempotent-Replayed: true`); the same key for another request is a 422; a key whose
 * first request is still running is a 409 with `Retry-After`. Keys live in the database
 * (shared by every instance) for 24 hours.
 */
function idempotency(deps: Deps) {
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
      .update(c.get('rawBody') ?? '')
      .digest('hex');
    const { db } = deps;
    const inserted = await db.query(
      `INSERT INTO idempotency (person_id, key, method, path, body_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_id, key) DO NOTHING RETURNING key`,
      [caller.id, key, c.req.method, path, hash],
    );
    if (!inserted.length) {
      const [row] = await db.query<{
        method: string;
        path: string;
        body_hash: string;
        status: number | null;
        response: string | null;
      }>(
        'SELECT method, path, body_hash, status, response FROM idempotency WHERE person_id = $1 AND key = $2',
        [caller.id, key],
      );
      if (!row) throw new HttpError(409, 'retry this request', { headers: { 'retry-after': '1' } });
      if (row.method !== c.req.method || row.path !== path || row.body_hash !== hash) {
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

/** At most `rateLimit` writes per person per minute (a fixed window kept in the database). */
function rateLimit(deps: Deps) {
  return async (c: Ctx, next: () => Promise<void>) => {
    const caller = c.get('caller');
    if (!isWrite(c) || !caller) return next();
    const now = Date.now();
    const window = Math.floor(now / 60_000);
    const [row] = await deps.db.query<{ count: number }>(
      `INSERT INTO rate_limits (person_id, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (person_id, window_start) DO UPDATE SET count = rate_limits.count + 1
       RETURNING count`,
      [caller.id, window],
    );
    if ((row?.count ?? 0) > deps.config.rateLimit) {
      const retry = Math.max(1, Math.ceil(((window + 1) * 60_000 - now) / 1000));
      throw new HttpError(429, `at most ${deps.config.rateLimit} writes a minute`, {
        headers: { 'retry-after': String(retry) },
      });
    }
    return next();
  };
}
