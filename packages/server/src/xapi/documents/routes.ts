/**
 * The document resources of xAPI 1.0.3 (Communication §2.2 "Document Resources", §2.3 State,
 * §2.6 Agent Profile, §2.7 Activity Profile, §3.1 Concurrency):
 * - `PUT` stores the body as received with its `Content-Type` (204);
 * - `POST` stores a new document, or merges a JSON object into the stored JSON object one
 *   level deep (the posted properties replace the stored ones, §2.2.s7); when either is not
 *   `application/json`, or a JSON body is not an object, it is a 400 (§2.2.s8);
 * - `GET` with the id answers the document (its content type, `ETag`, `Last-Modified`; 404
 *   when there is none); without the id, the ids of the set (written after `since`);
 * - `DELETE` removes one document or, without the id (State only), the whole set (204).
 * `ETag` is the quoted SHA-1 of the content. `If-Match` (a list of ETags or `*`) and
 * `If-None-Match` (`*` or a list) are honoured on every write (412 when they fail). A `PUT`
 * of a profile with neither is a 409 when the document exists (§3.1) and a 400 when it does
 * not (the ADL suite's reading of §3.1, XAPI-00273: a profile client always says which
 * version it replaces, or `If-None-Match: *`). State documents may be overwritten without
 * them, as they belong to one learner's session (§2.3).
 */
import { Hono } from 'hono';
import type { AppEnv, Ctx, Deps } from '../../http.js';
import { HttpError } from '../../problem.js';
import {
  deleteDocuments,
  getDocument,
  listDocuments,
  putDocument,
  type StoredDocument,
} from './data.js';
import { documentKey, type DocumentKind } from './params.js';
import { requireReader, requireWriter } from '../access.js';

const JSON_TYPE = /^application\/json\b/i;

function bad(message: string): never {
  throw new HttpError(400, message);
}

/** The ETags of an `If-Match` / `If-None-Match` header, unquoted (`*` kept). */
function tags(header: string): string[] {
  return header
    .split(',')
    .map((t) =>
      t
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1'),
    )
    .filter(Boolean);
}

/** §3.1: 412 when a precondition fails; 409 for a profile `PUT` over a document without one. */
function preconditions(c: Ctx, kind: DocumentKind, found: StoredDocument | undefined) {
  const ifMatch = c.req.header('if-match');
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifMatch !== undefined) {
    const list = tags(ifMatch);
    if (!found || !(list.includes('*') || list.includes(found.etag))) {
      throw new HttpError(412, 'the document is not the one If-Match names');
    }
  }
  if (ifNoneMatch !== undefined && found) {
    const list = tags(ifNoneMatch);
    if (list.includes('*') || list.includes(found.etag)) {
      throw new HttpError(412, 'the document exists (If-None-Match)');
    }
  }
  const isProfile = kind !== 'state';
  if (isProfile && c.req.method === 'PUT' && !ifMatch && !ifNoneMatch) {
    if (found) {
      throw new HttpError(
        409,
        'this profile document exists: send If-Match with its ETag to say which version you replace',
      );
    }
    bad('a PUT of a profile document needs If-Match or If-None-Match: *');
  }
}

/** A JSON object from a document's bytes, or `undefined` when it is not one. */
function jsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return v && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** What a `POST` stores: the body, or the stored object merged with it (§2.2.s7–s8). */
function merged(body: Uint8Array, type: string, found: StoredDocument | undefined): Uint8Array {
  const posted = JSON_TYPE.test(type) ? jsonObject(body) : undefined;
  if (JSON_TYPE.test(type) && !posted) bad('a JSON document posted must be a JSON object');
  if (!found) return body;
  const stored = JSON_TYPE.test(found.contentType) ? jsonObject(found.content) : undefined;
  if (!posted || !stored)
    bad('POST merges JSON objects only: both documents must be application/json');
  return new TextEncoder().encode(JSON.stringify({ ...stored, ...posted }));
}

function write(deps: Deps, kind: DocumentKind) {
  return async (c: Ctx) => {
    requireWriter(c);
    const { key } = documentKey(kind, new URL(c.req.url).searchParams, true);
    const body = c.get('rawBytes') ?? new Uint8Array(0);
    const type = (c.req.header('content-type') ?? 'application/octet-stream').trim();
    await deps.db.tx(async (q) => {
      const found = await getDocument(q, key);
      preconditions(c, kind, found);
      const content = c.req.method === 'POST' ? merged(body, type, found) : body;
      const storedType = c.req.method === 'POST' && found ? 'application/json' : type;
      await putDocument(q, key, content, storedType);
    });
    return c.body(null, 204);
  };
}

function read(deps: Deps, kind: DocumentKind) {
  return async (c: Ctx) => {
    requireReader(c, deps.config);
    const { key, since } = documentKey(kind, new URL(c.req.url).searchParams, false);
    if (key.id === undefined) return c.json(await listDocuments(deps.db, key, since));
    const found = await getDocument(deps.db, key);
    if (!found) throw new HttpError(404, 'no such document');
    return c.body(found.content as Uint8Array<ArrayBuffer>, 200, {
      'content-type': found.contentType,
      etag: `"${found.etag}"`,
      'last-modified': new Date(found.updated).toUTCString(),
    });
  };
}

function remove(deps: Deps, kind: DocumentKind) {
  return async (c: Ctx) => {
    requireWriter(c);
    const { key } = documentKey(kind, new URL(c.req.url).searchParams, kind !== 'state');
    await deps.db.tx(async (q) => {
      if (key.id !== undefined) preconditions(c, kind, await getDocument(q, key));
      await deleteDocuments(q, key);
    });
    return c.body(null, 204);
  };
}

/** Mounts `/activities/state`, `/activities/profile` and `/agents/profile` on `app`. */
export function documentRoutes(app: Hono<AppEnv>, deps: Deps): void {
  const paths: [string, DocumentKind][] = [
    ['/activities/state', 'state'],
    ['/activities/profile', 'activity-profile'],
    ['/agents/profile', 'agent-profile'],
  ];
  for (const [path, kind] of paths) {
    app.put(path, write(deps, kind));
    app.post(path, write(deps, kind));
    app.get(path, read(deps, kind));
    app.delete(path, remove(deps, kind));
  }
}
