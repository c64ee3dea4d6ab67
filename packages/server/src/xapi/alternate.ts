/**
 * The Alternate Request Syntax of xAPI 1.0.3 (Communication §1.3): a `POST` with
 * `?method=GET|PUT|POST|DELETE|HEAD` and nothing else in the query string, whose body is an
 * `application/x-www-form-urlencoded` form. The form's `Authorization`,
 * `X-Experience-API-Version`, `Content-Type`, `Content-Length`, `If-Match` and
 * `If-None-Match` are taken as headers (they replace the request's own), `content` as the
 * body, and every other form field as a query parameter (Communication §1.3.s3). A request
 * with `method` that is not a `POST`, extra query parameters, or a body that is not a form
 * is a 400 (XAPI-00336 and its siblings).
 *
 * The rewritten request runs through the same routes (`inner.fetch`); the caller named by a
 * form `Authorization` is authenticated and counted by the write limit here, the API door
 * having seen only the request's own header.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { Caller } from '../auth.js';
import type { AppEnv, Ctx, Deps } from '../http.js';
import { rateLimit } from '../middleware.js';
import { HttpError } from '../problem.js';

const METHODS = new Set(['GET', 'HEAD', 'PUT', 'POST', 'DELETE']);
const HEADERS = new Set([
  'authorization',
  'x-experience-api-version',
  'content-type',
  'content-length',
  'if-match',
  'if-none-match',
]);

/** What a rewritten request carries past the API door (read by `adopt`). */
const carried = new WeakMap<Request, { caller: Caller | undefined; bytes: Uint8Array }>();

function bad(message: string): never {
  throw new HttpError(400, message);
}

/** Puts what the alternate syntax carried on the context of the rewritten request. */
export const adopt: MiddlewareHandler<AppEnv> = async (c, next) => {
  const from = carried.get(c.req.raw);
  if (from) {
    c.set('caller', from.caller);
    c.set('rawBytes', from.bytes);
  }
  await next();
};

/** The form's header fields, `content` and query parameters (Communication §1.3.s3). */
function splitForm(c: Ctx): { headers: Headers; query: URLSearchParams; body: Uint8Array } {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    bad('the alternate request syntax needs an application/x-www-form-urlencoded body');
  }
  const headers = new Headers(c.req.raw.headers);
  headers.delete('content-type');
  headers.delete('content-length');
  const query = new URLSearchParams();
  let body: Uint8Array = new Uint8Array(0);
  const form = new TextDecoder().decode(c.get('rawBytes') ?? new Uint8Array(0));
  for (const [k, v] of new URLSearchParams(form)) {
    if (HEADERS.has(k.toLowerCase())) headers.set(k, v);
    else if (k === 'content') body = new TextEncoder().encode(v);
    else query.append(k, v);
  }
  if (body.length && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return { headers, query, body };
}

/** The rewritten request of an alternate-syntax `POST` (see the module comment). */
async function rewrite(c: Ctx, deps: Deps, method: string, mount: string): Promise<Request> {
  const url = new URL(c.req.url);
  if ([...url.searchParams.keys()].some((k) => k !== 'method')) {
    bad('the alternate request syntax takes every parameter in the form, not the query');
  }
  const { headers, query, body } = splitForm(c);
  if ((method === 'PUT' || method === 'POST') && !body.length) {
    bad('the alternate request syntax sends the body as the form field "content"');
  }
  const auth = headers.get('authorization') ?? undefined;
  let caller = c.get('caller');
  if (auth !== c.req.header('authorization')) {
    caller = await deps.auth.authenticate(auth, true);
    c.set('caller', caller);
    await rateLimit(deps)(c, async () => {});
  }
  const path = url.pathname.slice(mount.length) || '/';
  const search = query.size ? `?${query}` : '';
  const request = new Request(new URL(`${path}${search}`, url.origin), { method, headers });
  carried.set(request, { caller, bytes: body });
  return request;
}

/**
 * The alternate syntax's door: a request with `?method=` is rewritten and run by `inner`;
 * others go on. `mount` is where the LRS is mounted (`/api/xapi`).
 */
export function alternateSyntax(
  deps: Deps,
  inner: Hono<AppEnv>,
  mount: string,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = new URL(c.req.url).searchParams.get('method');
    if (method === null) return next();
    if (c.req.method !== 'POST') bad('the alternate request syntax is a POST');
    if (!METHODS.has(method.toUpperCase())) bad(`unknown method "${method}"`);
    const request = await rewrite(c, deps, method.toUpperCase(), mount);
    return inner.fetch(request);
  };
}
