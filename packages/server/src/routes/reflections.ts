/**
 * Reflections: `GET /reflections?activity=&scope=`, `PUT /reflections/{id}` (an idempotent
 * upsert under a client-made UUID), `DELETE /reflections/{id}`.
 *
 * Who reads what: `private` ones only their author; `team` ones the people of the author's
 * team; `public` ones everyone (anonymous readers too when the server allows anonymous
 * reads). Scopes: `mine` (default; the caller's own, any visibility), `team` (shared with
 * the team or public, by people of the caller's team), `public`.
 *
 * A reflection carries `version`; `PUT` answers `ETag: "<version>"` and honours `If-Match`
 * (412 with the `current` reflection; with no reflection stored yet, any `If-Match` fails).
 */
import { Hono } from 'hono';
import { ReflectionsQuery, SaveReflection } from '@peerkit/core/contract';
import * as z from 'zod/mini';
import { ensurePerson } from '../data/people.js';
import {
  deleteReflection,
  listReflections,
  loadReflection,
  saveReflection,
  toReflection,
} from '../data/reflections.js';
import {
  allowRead,
  check,
  keysetArgs,
  keysetPage,
  parseBody,
  parseQuery,
  requirePerson,
  type AppEnv,
  type Deps,
} from '../http.js';
import { checkIfMatch, etag } from '../preconditions.js';
import { HttpError } from '../problem.js';

const Uuid = z.uuid();

export function reflectionRoutes(deps: Deps) {
  const { db, config, tx } = deps;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const query = parseQuery(c, ReflectionsQuery);
    const scope = query.scope ?? 'mine';
    if (!query.activity) throw new HttpError(400, 'activity is required');
    const caller = scope === 'public' ? allowRead(c, config) : requirePerson(c);
    const { limit, after } = keysetArgs(query);
    const { rows, total } = await listReflections(
      db,
      { activity: query.activity!, scope, callerId: caller?.id },
      limit,
      after,
    );
    return c.json(keysetPage(rows, limit, total, toReflection, (r) => r.seq));
  });

  app.put('/:id', async (c) => {
    const caller = requirePerson(c);
    const id = check(Uuid, c.req.param('id')).toLowerCase();
    const input = parseBody(c, SaveReflection);
    const { reflection, created } = await tx(async (q) => {
      const existing = await loadReflection(q, id, true);
      if (existing && existing.author_id !== caller.id) {
        throw new HttpError(403, 'this reflection belongs to someone else');
      }
      checkIfMatch(c, existing?.version, existing && toReflection(existing));
      await ensurePerson(q, caller);
      const saved = await saveReflection(q, id, caller.id, input);
      return { reflection: toReflection(saved), created: !existing };
    });
    return c.json(reflection, created ? 201 : 200, { etag: etag(reflection.version) });
  });

  app.delete('/:id', async (c) => {
    const caller = requirePerson(c);
    const id = check(Uuid, c.req.param('id')).toLowerCase();
    await tx(async (q) => {
      const existing = await loadReflection(q, id, true);
      if (!existing) throw new HttpError(404, 'no such reflection');
      if (existing.author_id !== caller.id) {
        throw new HttpError(403, 'this reflection belongs to someone else');
      }
      await deleteReflection(q, id);
    });
    return c.body(null, 204);
  });

  return app;
}
