/**
 * Reflections in the database. Who reads what is decided here by `scope`: `mine` (the
 * caller's own, any visibility), `team` (shared with the team or public, by people of the
 * caller's team), `public`.
 */
import type { Reflection, ReflectionScope, SaveReflection } from '@peerkit/core/contract';
import type { Queryable } from '../db.js';
import { iso, personSummary } from '../http.js';

export interface ReflectionRow {
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

export const toReflection = (r: ReflectionRow): Reflection => ({
  id: r.id,
  activity: r.activity,
  author: personSummary(r.author_id, r.name, r.title, r.team),
  visibility: r.visibility,
  answers: typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers,
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

export const loadReflection = async (
  q: Queryable,
  id: string,
  /** Lock the row until the transaction ends, for a write checked against `If-Match`. */
  forUpdate = false,
): Promise<ReflectionRow | undefined> =>
  (
    await q.query<ReflectionRow>(
      `SELECT ${COLUMNS} FROM reflections r LEFT JOIN people p ON p.id = r.author_id WHERE r.id = $1` +
        (forUpdate ? ' FOR UPDATE OF r' : ''),
      [id],
    )
  )[0];

/**
 * A page of an activity's reflections in `scope` for `callerId`, newest first: up to
 * `limit + 1` rows past the `seq` `after`, and the total.
 */
export async function listReflections(
  q: Queryable,
  query: { activity: string; scope: ReflectionScope; callerId: string | undefined },
  limit: number,
  after: number | undefined,
): Promise<{ rows: ReflectionRow[]; total: number }> {
  const params: unknown[] = [query.activity];
  let where: string;
  if (query.scope === 'mine') {
    params.push(query.callerId);
    where = 'r.author_id = $2';
  } else if (query.scope === 'team') {
    params.push(query.callerId);
    where = `r.visibility IN ('team', 'public') AND p.team IS NOT NULL
      AND p.team = (SELECT team FROM people WHERE id = $2)`;
  } else {
    where = `r.visibility = 'public'`;
  }
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reflections r LEFT JOIN people p ON p.id = r.author_id
     WHERE r.activity = $1 AND ${where}`,
    params,
  );
  const n = params.length;
  const pageParams = [...params, limit + 1];
  if (after !== undefined) pageParams.push(after);
  const rows = await q.query<ReflectionRow>(
    `SELECT ${COLUMNS} FROM reflections r LEFT JOIN people p ON p.id = r.author_id
     WHERE r.activity = $1 AND ${where} ${after !== undefined ? `AND r.seq < $${n + 2}` : ''}
     ORDER BY r.seq DESC LIMIT $${n + 1}`,
    pageParams,
  );
  return { rows, total: count?.n ?? 0 };
}

/** Creates or replaces a reflection (version 1, then + 1 on every save); answers the row. */
export async function saveReflection(
  q: Queryable,
  id: string,
  authorId: string,
  input: SaveReflection,
): Promise<ReflectionRow> {
  await q.query(
    `INSERT INTO reflections (id, author_id, activity, visibility, answers)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET activity = EXCLUDED.activity,
       visibility = EXCLUDED.visibility, answers = EXCLUDED.answers, updated_at = now(),
       version = reflections.version + 1`,
    [id, authorId, input.activity, input.visibility, JSON.stringify(input.answers)],
  );
  return (await loadReflection(q, id))!;
}

export async function deleteReflection(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM reflections WHERE id = $1', [id]);
}
