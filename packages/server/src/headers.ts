/**
 * CORS and security headers on every answer, with Hono's own `cors()` and `secureHeaders()`
 * middleware:
 *
 * - CORS answers only the origins in `allowedOrigins` (`*` allows any), with credentials;
 *   a preflight from another origin is a 403 problem. `/cdn/` (the public bundle) answers
 *   any origin, without credentials.
 * - Security headers: `X-Content-Type-Options: nosniff`, `Referrer-Policy:
 *   strict-origin-when-cross-origin`, `X-Frame-Options: SAMEORIGIN`,
 *   `Cross-Origin-Opener-Policy: same-origin`, `Cross-Origin-Resource-Policy` (`same-site`,
 *   `cross-origin` for `/cdn/`), a `Permissions-Policy` that turns off camera, microphone,
 *   geolocation and payment. API answers get `default-src 'none'; frame-ancestors 'none'` and
 *   `Cache-Control: no-store` unless their handler set them; pages get the demo's strict CSP
 *   with Trusted Types (`static.ts`).
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv, ServerConfig } from './http.js';
import { problemResponse } from './problem.js';
import { DEMO_CSP } from './static.js';

const ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'Last-Event-ID',
  'X-Experience-API-Version',
  'If-Match',
  'If-None-Match',
];
/**
 * Response headers a cross-origin page may read (none of them is CORS-safelisted). The client
 * reads `Date` and `Age` (the server's clock, `@peerkit/core`'s `clock.ts`), `Retry-After` and
 * `ETag`; the xAPI and idempotency headers are for other callers.
 */
const EXPOSE_HEADERS = [
  'Date',
  'Age',
  'Retry-After',
  'Idempotent-Replayed',
  'X-Experience-API-Version',
  'X-Experience-API-Consistent-Through',
  'Last-Modified',
  'Location',
  'ETag',
];
const ALLOW_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The headers `secureHeaders()` sets here; the ones Peerkit never sent stay off. */
const common = (resourcePolicy: string): NonNullable<Parameters<typeof secureHeaders>[0]> => ({
  crossOriginResourcePolicy: resourcePolicy,
  crossOriginOpenerPolicy: true,
  referrerPolicy: 'strict-origin-when-cross-origin',
  xContentTypeOptions: true,
  xFrameOptions: true,
  originAgentCluster: false,
  strictTransportSecurity: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
});

const isCdn = (path: string) => path.startsWith('/cdn/');

/** CORS, then the security headers, for every route of the app. */
export function headers(config: ServerConfig): MiddlewareHandler<AppEnv> {
  const anyOrigin = config.allowedOrigins.includes('*');
  const allowed = (origin: string | undefined) =>
    !!origin && (anyOrigin || config.allowedOrigins.includes(origin));
  const siteCors = cors({
    origin: (origin) => (allowed(origin) ? origin : null),
    allowMethods: ALLOW_METHODS,
    allowHeaders: ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS,
    credentials: true,
    maxAge: 600,
  });
  const cdnCors = cors({
    origin: '*',
    allowMethods: ALLOW_METHODS,
    allowHeaders: ALLOW_HEADERS,
    maxAge: 600,
  });
  const api = secureHeaders({
    ...common('same-site'),
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    // A handler's own Content-Security-Policy stays.
    overwrite: false,
  });
  const page = secureHeaders({ ...common('same-site'), contentSecurityPolicy: DEMO_CSP });
  const cdn = secureHeaders({ ...common('cross-origin'), contentSecurityPolicy: DEMO_CSP });

  return async (c, next) => {
    const path = c.req.path;
    const origin = c.req.header('origin');
    const preflight = c.req.method === 'OPTIONS' && !!c.req.header('access-control-request-method');
    if (preflight && !isCdn(path) && !allowed(origin)) {
      return problemResponse(403, 'this origin is not allowed');
    }
    const security = path.startsWith('/api/') ? api : isCdn(path) ? cdn : page;
    const withCors: MiddlewareHandler<AppEnv> = isCdn(path)
      ? cdnCors
      : allowed(origin)
        ? siteCors
        : async (_c, inner) => {
            await inner();
          };
    await security(c, async () => {
      // A preflight answers here: cors() returns its 204 instead of calling `next`.
      const res: unknown = await withCors(c, next);
      if (res instanceof Response) c.res = res;
    });
    if (path.startsWith('/api/') && !c.res.headers.has('cache-control')) {
      c.res.headers.set('cache-control', 'no-store');
    }
    if (!c.res.headers.get('vary')?.includes('Origin')) c.res.headers.append('vary', 'Origin');
  };
}
