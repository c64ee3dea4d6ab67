/**
 * Reading an answer against the contract: the REST client's and the xAPI delivery's one way
 * to turn a `Response` into checked data or the `PeerError` it amounts to. It needs the
 * schemas, so it lives in their chunk (`schemas.ts` re-exports it, `checks.ts` loads it):
 * none of it is part of a widget's first paint, and the client awaits that chunk before it
 * parses anything anyway.
 */
import type * as z from 'zod/mini';
import { Problem } from '../contract.js';
import { parseRetryAfter } from './http.js';
import { isAbort } from './errors.js';
import { PeerError } from './types.js';

type Schema<T> = z.ZodMiniType<T>;

/** `value` checked with `schema`; else a `validation` error saying `message`, with the issues. */
export function checked<T>(schema: Schema<T>, value: unknown, message: string, status?: number): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
  throw new PeerError('validation', message, { status, issues });
}

/**
 * The error an error status amounts to: `auth` for 401/403, else `http`, with the problem
 * details when the body is `application/problem+json` the contract allows (its `detail` or
 * `title` as the message, else `fallback`), and `Retry-After` in seconds.
 */
export function problemError(res: Response, text: string, fallback: string): PeerError {
  let problem: Problem | undefined;
  try {
    const parsed = Problem.safeParse(JSON.parse(text));
    if (parsed.success) problem = parsed.data;
  } catch {
    // not JSON: an error status without details
  }
  return new PeerError(
    res.status === 401 || res.status === 403 ? 'auth' : 'http',
    problem?.detail ?? problem?.title ?? fallback,
    {
      status: res.status,
      problem,
      retryAfter: parseRetryAfter(res.headers.get('retry-after'), res.headers.get('date')),
    },
  );
}

/**
 * Reads `res` (the answer to `label`, e.g. `GET /posts`) and checks it with `schema`
 * (`null`: an answer with no body to check). Throws the `PeerError` it amounts to: `network`
 * when the connection drops while reading, `http`/`auth` for an error status, `validation`
 * for a body that is not JSON or breaks the contract.
 */
export async function readAnswer<T>(
  res: Response,
  label: string,
  schema: Schema<T> | null,
): Promise<T> {
  const text = await textOf(res);
  if (!res.ok) throw problemError(res, text, `${label} answered ${res.status}.`);
  if (res.status === 204 || (schema === null && !text)) return undefined as T;
  const json = jsonOf(res, text, label);
  if (schema === null) return undefined as T;
  return checked(
    schema,
    json,
    `${label} answered a shape the contract does not allow.`,
    res.status,
  );
}

/** The answer's text; a `network` error when the connection drops while reading it. */
async function textOf(res: Response): Promise<string> {
  try {
    return await res.text();
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new PeerError('network', 'The connection dropped while reading the answer.', {
      status: res.status,
      cause: e,
    });
  }
}

/** The answer's JSON; a `validation` error for another content type or malformed JSON. */
function jsonOf(res: Response, text: string, label: string): unknown {
  const type = res.headers.get('content-type') ?? '';
  const status = res.status;
  if (!/[/+]json\b/i.test(type))
    throw new PeerError('validation', `${label} answered ${type || 'no content type'}, not JSON.`, {
      status,
    });
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PeerError('validation', `${label} answered malformed JSON.`, { status, cause: e });
  }
}
