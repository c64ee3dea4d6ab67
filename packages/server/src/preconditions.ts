/**
 * Versions and preconditions (RFC 9110 §8.8.3 `ETag`, §13.1.1 `If-Match`; docs/decisions.md §2):
 * a post, a reflection and a profile carry `version` (1, then +1 on every change); an answer
 * that returns one of them says `ETag: "<version>"`; a write that replaces one accepts
 * `If-Match: "<version>"` and, when the stored version differs, answers 412 problem+json
 * whose `current` is the resource as the caller may read it. Without `If-Match` a write is
 * unconditional, so older clients keep working.
 */
import type { Ctx } from './http.js';
import { HttpError } from './problem.js';

/** The strong entity tag of a version: `"3"`. */
export const etag = (version: number): string => `"${version}"`;

/**
 * What `If-Match` asks for: undefined without the header, `'*'` for any stored version, else
 * the versions listed (weak tags never match a strong comparison, so they are left out).
 * A malformed header is a 400.
 */
export function ifMatch(c: Ctx): '*' | number[] | undefined {
  const header = c.req.header('if-match');
  if (header === undefined) return undefined;
  if (header.trim() === '*') return '*';
  const versions: number[] = [];
  for (const part of header.split(',')) {
    const tag = part.trim();
    const strong = /^"(\d{1,9})"$/.exec(tag);
    if (strong) versions.push(Number(strong[1]));
    else if (!/^W\/"[^"]*"$/.test(tag) && !/^"[^"]*"$/.test(tag)) {
      throw new HttpError(400, 'If-Match must be "*" or a list of entity tags such as "3"');
    }
  }
  return versions;
}

/**
 * Throws 412 when the request's `If-Match` does not match `stored` (the stored version, or
 * undefined when nothing is stored yet). `current` is put in the problem as `current` (and
 * its version as the `ETag`) when given: only what the caller may read.
 */
export function checkIfMatch(c: Ctx, stored: number | undefined, current?: unknown): void {
  const wanted = ifMatch(c);
  if (wanted === undefined) return;
  if (stored !== undefined && (wanted === '*' || wanted.includes(stored))) return;
  const detail =
    stored === undefined
      ? 'there is nothing stored here to match If-Match'
      : `this was changed since version ${wanted === '*' ? '*' : wanted.join(', ')}: it is at version ${stored}`;
  throw new HttpError(412, detail, {
    ...(current !== undefined && stored !== undefined
      ? { members: { current }, headers: { etag: etag(stored) } }
      : {}),
  });
}
