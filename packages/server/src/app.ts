/**
 * The HTTP application: cross-cutting middleware (security headers, CORS, sign-in, body
 * limit, idempotency keys, the per-person write rate limit) and the routes of the REST
 * contract under `/api`, the statements endpoint under `/api/xapi`, and the static files.
 */
import { Hono } from 'hono';
import { headers } from './headers.js';
import type { AppEnv, Deps } from './http.js';
import { apiDoor, idempotency, rateLimit } from './middleware.js';
import { openApiDocument } from './openapi.js';
import { HttpError, problemResponse } from './problem.js';
import { demoRoutes } from './routes/demo.js';
import { kudosRoutes } from './routes/kudos.js';
import { meRoutes } from './routes/me.js';
import { peopleRoutes } from './routes/people.js';
import { postRoutes } from './routes/posts.js';
import { postStreamRoute } from './routes/stream.js';
import { reflectionRoutes } from './routes/reflections.js';
import { reportRoutes } from './routes/reports.js';
import { serveFile, upPage } from './static.js';
import { xapiRoutes } from './xapi/routes.js';

export function createApp(deps: Deps) {
  const { db, config } = deps;
  const app = new Hono<AppEnv>();
  const stream = postStreamRoute(deps);
  const reflections = reflectionRoutes(deps);

  const onError = (err: Error) => {
    if (err instanceof HttpError) return problemResponse(err.status, err.detail, err.extra);
    // Anything unexpected: a plain 500, never the stack.
    if (process.env['PEERKIT_LOG_ERRORS'] !== '0') console.error('[peerkit]', err);
    return problemResponse(500, 'something went wrong on the server');
  };
  app.onError(onError);

  // CORS and security headers on every answer (headers.ts).
  app.use('*', headers(config));
  // xAPI: every answer of the statements endpoint names the version, errors too.
  app.use('/api/xapi/*', async (c, next) => {
    await next();
    c.res.headers.set('x-experience-api-version', '1.0.3');
  });

  // Sign-in, body, idempotency and rate limit for the API (middleware.ts).
  app.use('/api/*', apiDoor(deps));
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

  api.route('/demo', demoRoutes(deps));
  api.route('/me', meRoutes(deps));
  api.route('/posts/stream', stream.app);
  api.route('/posts', postRoutes(deps));
  api.route('/kudos', kudosRoutes(deps));
  const { people, skills } = peopleRoutes(deps);
  api.route('/people', people);
  api.route('/skills', skills);
  api.route('/reflections', reflections.app);
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

  return { app, closeStreams: () => [stream, reflections].forEach((r) => r.closeAll()) };
}
