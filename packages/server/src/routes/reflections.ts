/**
 * Reflections: `GET /reflections?activity=&scope=`, `PUT /reflections/{id}` (an idempotent
 * upsert under a client-made UUID), `DELETE /reflections/{id}`.
 *
 * Who reads what: `private` ones only their author; `team` ones the people of the author's
 * team; `public` ones everyone (anonymous readers too when the server allows anonymous
 * reads). Scopes: `mine` (default; the caller's own, any visibility), `team` (shared with
 * the team or public, by people of the caller's team), `public`.
 */
import { Hono } from 'hono';
import { ReflectionsQuery, SaveReflection, type Reflection } from '@peerkit/core/contract';
import * as z from 'zod/mini';
import type { Queryable } from '../db.js';
import {
  allowRead,
  check,
  keysetArgs,
  keysetPage,
  iso,
  parseBody,
  parseQuery,
  personSummary,
  requirePerson,
  type AppEnv,
  type Deps,
} from '../http.js';
import { HttpError } from '../problem.js';
import { ensurePerson } from '../data/people.js';

interface ReflectionRow {
  seq: number;
  id: string;
  activity: string;
  author_id: string;
  name: string | null;
  title: string | null;
  team: string | null;
  visibility: Reflection['visibility'];
  answers: Reflection['answers'] | string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `r.seq, r.id, r.activity, r.author_id, p.name, p.title, p.team, r.visibility,
  r.answers, r.version, r.created_at, r.updated_at`;

const toReflection = (r: ReflectionRow): Reflection => ({
  id: r.id,
  activity: r.activity,
  author: personSummary(r.author_id, r.name, r.title, r.team),
  visibility: r.visibility,
  answers: typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers,
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const load = async (q: Queryable, id: string) =>
  (
    await q.query<ReflectionRow>(
      `SELECT ${COLUMNS} FROM reflections r LEFT JOIN people p ON p.id = r.author_id WHERE r.id = $1`,
      [id],
    )
  )[0];

const Uuid = z.uuid();

export function reflectionRoutes(deps: Deps) {
  const { db, config, tx } = deps;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const query = parseQuery(c, ReflectionsQuery);
    const scope = query.scope ?? 'mine';
    const caller = scope === 'public' ? allowRead(c, config) : requirePerson(c);
    const { limit, after } = keysetArgs(query);
    const params: unknown[] = [query.activity];
    let where: string;
    if (scope === 'mine') {
      params.push(caller!.id);
      where = 'r.author_id = $2';
    } else if (scope === 'team') {
      params.push(caller!.id);
      where = `r.visibility IN ('team', 'public') AND p.team IS NOT NULL
        AND p.team = (SELECT team FROM people WHERE id = $2)`;
    } else {
      where = `r.visibility = 'public'`;
    }
    const [count] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reflections r LEFT JOIN people p ON p.id = r.author_id
       WHERE r.activity = $1 AND ${where}`,
      params,
    );
    const n = params.length;
    const pageParams = [...params, limit + 1];
    if (after !== undefined) pageParams.push(after);
    const rows = await db.query<ReflectionRow>(
      `SELECT ${COLUMNS} FROM reflections r LEFT JOIN people p ON p.id = r.author_id
       WHERE r.activity = $1 AND ${where} ${after !== undefined ? `AND r.seq < $${n + 2}` : ''}
       ORDER BY r.seq DESC LIMIT $${n + 1}`,
      pageParams,
    );
    return c.json(keysetPage(rows, limit, count?.n ?? 0, toReflection, (r) => r.seq));
  });

  app.put('/:id', async (c) => {
    const caller = requirePerson(c);
    const id = check(Uuid, c.req.param('id')).toLowerCase();
    const input = parseBody(c, SaveReflection);
    const { reflection, created } = await tx(async (q) => {
      const existing = await load(q, id);
      if (existing && existing.author_id !== caller.id) {
        throw new HttpError(403, 'this reflection belongs to someone else');
      }
      await ensurePerson(q, caller);
      await q.query(
        `INSERT INTO reflections (id, author_id, activity, visibility, answers)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET activity = EXCLUDED.activity,
           visibility = EXCLUDED.visibility, answers = EXCLUDED.answers, updated_at = now()`,
        [id, caller.id, input.activity, input.visibility, JSON.stringify(input.answers)],
      );
      return { reflection: toReflection((await load(q, id))!), created: !existing };
    });
    return c.json(reflection, created ? 201 : 200);
  });

  app.delete('/:id', async (c) => {
    const caller = requirePerson(c);
    const id = check(Uuid, c.req.param('id')).toLowerCase();
    await tx(async (q) => {
      const existing = await load(q, id);
      if (!existing) throw new HttpError(404, 'no such reflection');
      if (existing.author_id !== caller.id) {
        throw new HttpError(403, 'this reflection belongs to someone else');
      }
      await q.query('DELETE FROM reflections WHERE id = $1', [id]);
    });
    return c.body(null, 204);
  });

  return app;
}
