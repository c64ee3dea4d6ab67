/**
 * Reading an answer of the REST contract: its status, `Retry-After` (measured from the same
 * answer's `Date`), problem details, content type and JSON, checked with its contract schema.
 * Whatever is wrong becomes the `PeerError` it amounts to (see `rest-client.ts`).
 */
import type * as z from 'zod/mini';
import type { Problem } from '../contract.js';
import { loadChecks, type Checks } from './checks.js';
import { PeerError, type CallOptions } from './types.js';
import { isAbort } from './errors.js';
import { parseRetryAfter, withSignal } from './http.js';

/** What `readAnswer` needs of a request. */
export interface AnswerSpec<T> {
  method: string;
  path: string;
  /** The schema of a 2xx answer (picked from the loaded checks); `null` for calls that answer 204. */
  schema: ((checks: Checks) => z.ZodMiniType<T>) | null;
  options?: CallOptions;
}

/** Field errors from a schema check, as `PeerError.details.issues` holds them. */
export function issuesOf(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Reads and checks an answer; throws the `PeerError` it amounts to. */
export async function readAnswer<T>(res: Response, spec: AnswerSpec<T>): Promise<T> {
  let text: string;
  try {
    text = await res.text();
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new PeerError('network', 'The connection dropped while reading the answer.', {
      status: res.status,
      cause: e,
    });
  }
  const type = res.headers.get('content-type') ?? '';
  const isJson = /[/+]json\b/i.test(type);

  if (!res.ok) {
    let problem: Problem | undefined;
    if (isJson) {
      try {
        // Problem details are shown only once checked; if the schemas cannot load, the
        // error keeps its status and kind, without details.
        const parsed = (await loadChecks()).Problem.safeParse(JSON.parse(text));
        if (parsed.success) problem = parsed.data;
      } catch {
        // not JSON after all (or no schemas to check it with): an error status without details
      }
    }
    const kind = res.status === 401 || res.status === 403 ? 'auth' : 'http';
    throw new PeerError(
      kind,
      problem?.detail ?? problem?.title ?? `${spec.method} ${spec.path} answered ${res.status}.`,
      {
        status: res.status,
        problem,
        retryAfter: parseRetryAfter(res.headers.get('retry-after'), res.headers.get('date')),
      },
    );
  }

  if (res.status === 204 || (spec.schema === null && !text)) return undefined as T;
  if (!isJson)
    throw new PeerError(
      'validation',
      `${spec.method} ${spec.path} answered ${type || 'no content type'}, not JSON.`,
      {
        status: res.status,
      },
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PeerError('validation', `${spec.method} ${spec.path} answered malformed JSON.`, {
      status: res.status,
      cause: e,
    });
  }
  if (spec.schema === null) return undefined as T;
  const parsed = spec.schema(await withSignal(loadChecks(), spec.options?.signal)).safeParse(json);
  if (!parsed.success)
    throw new PeerError(
      'validation',
      `${spec.method} ${spec.path} answered a shape the contract does not allow.`,
      {
        status: res.status,
        issues: issuesOf(parsed.error),
      },
    );
  return parsed.data;
}
