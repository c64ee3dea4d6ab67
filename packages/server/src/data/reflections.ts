/**
 * Reflections in the database (docs/decisions.md §13): personal ones, and team ones whose
 * answers hold members' entries (`reflection_entries`). Who reads what is decided here by
 * `scope`: `mine` (my personal reflections and the team reflections I started or wrote in),
 * `team` (shared with the team or public: my team's people's personal ones, my team's team
 * ones), `public`, and `shared` (`team` and `public` together).
 */
import type {
  Reflection,
  ReflectionEntry,
  ReflectionKind,
  ReflectionScope,
  SaveReflection,
  SaveReflectionEntry,
} from '@peerkit/core/contract';
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
  answers: SaveReflection['answers'] | string;
  /** The team of a team reflection (`team` above is the author's). */
  reflection_team: string | null;
  closed: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface EntryRow {
  seq: number;
  id: string;
  reflection_id: string;
  prompt: string;
  author_id: string;
  name: string | null;
  title: string | null;
  team: string | null;
  text: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `r.seq, r.id, r.activity, r.author_id, p.name, p.title, p.team, r.visibility,
  r.answers, r.team AS reflection_team, r.closed, r.version, r.created_at, r.updated_at`;
const ENTRY_COLUMNS = `e.seq, e.id, e.reflection_id, e.prompt, e.author_id, p.name, p.title,
  p.team, e.text, e.version, e.created_at, e.updated_at`;

export const toEntry = (e: EntryRow): ReflectionEntry => ({
  id: e.id,
  prompt: e.prompt,
  author: personSummary(e.author_id, e.name, e.title, e.team),
  text: e.text,
  version: e.version,
  createdAt: iso(e.created_at),
  updatedAt: iso(e.updated_at),
});

const answersOf = (r: ReflectionRow): SaveReflection['answers'] =>
  typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers;

/** The prompt ids of a team reflection, in order. */
export const promptIds = (r: ReflectionRow): string[] => answersOf(r).map((a) => a.id ?? '');

/** A row as the contract says it; a team reflection with its `entries` (oldest first). */
export function toReflection(r: ReflectionRow, entries: EntryRow[] = []): Reflection {
  const base = {
    id: r.id,
    activity: r.activity,
    author: personSummary(r.author_id, r.name, r.title, r.team),
    visibility: r.visibility,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
  if (r.reflection_team === null) return { ...base, answers: answersOf(r) };
  const authors = new Map<string, ReflectionEntry['author']>();
  const mine = entries.filter((e) => e.reflection_id === r.id).map(toEntry);
  for (const e of mine) if (!authors.has(e.author.id)) authors.set(e.author.id, e.author);
  return {
    ...base,
    answers: answersOf(r).map((a) => ({ ...a, entries: mine.filter((e) => e.prompt === a.id) })),
    team: r.reflection_team,
    closed: r.closed,
    authors: [...authors.values()],
  };
}

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

/** The entries of the team reflections among `rows`, oldest first. */
export async function entriesOf(q: Queryable, rows: ReflectionRow[]): Promise<EntryRow[]> {
  const ids = rows.filter((r) => r.reflection_team !== null).map((r) => r.id);
  if (!ids.length) return [];
  return q.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM reflection_entries e LEFT JOIN people p ON p.id = e.author_id
     WHERE e.reflection_id = ANY($1::text[]) ORDER BY e.seq`,
    [ids],
  );
}

/** One reflection as the contract says it, entries included. */
export async function fullReflection(q: Queryable, row: ReflectionRow): Promise<Reflection> {
  return toReflection(row, await entriesOf(q, [row]));
}

/** The team reflection of `team` on `activity` that is still open, if any. */
export async function openTeamReflection(
  q: Queryable,
  team: string,
  activity: string,
): Promise<ReflectionRow | undefined> {
  const [row] = await q.query<ReflectionRow>(
    `SELECT ${COLUMNS} FROM reflections r LEFT JOIN people p ON p.id = r.author_id
     WHERE r.team = $1 AND r.activity = $2 AND NOT r.closed`,
    [team, activity],
  );
  return row;
}

/** A person's team (`people.team`), or null. */
export async function teamOf(q: Queryable, personId: string): Promise<string | null> {
  const [row] = await q.query<{ team: string | null }>('SELECT team FROM people WHERE id = $1', [
    personId,
  ]);
  return row?.team ?? null;
}

export interface ListQuery {
  activity: string | undefined;
  scope: ReflectionScope;
  callerId: string | undefined;
  /** The caller's team (null without one). */
  callerTeam: string | null;
  /** Only this team's team reflections. */
  team: string | undefined;
  kind: ReflectionKind | undefined;
}

/** The `WHERE` of a listing and its parameters. */
function listWhere(query: ListQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const parts: string[] = [];
  if (query.activity !== undefined) parts.push(`r.activity = ${p(query.activity)}`);
  const inMyTeam = () => {
    if (query.callerTeam === null) return 'FALSE';
    const t = p(query.callerTeam);
    return `((r.team IS NULL AND p.team = ${t}) OR r.team = ${t})`;
  };
  if (query.scope === 'mine') {
    const me = p(query.callerId);
    parts.push(`(r.author_id = ${me} OR (r.team IS NOT NULL AND EXISTS (
      SELECT 1 FROM reflection_entries e WHERE e.reflection_id = r.id AND e.author_id = ${me})))`);
  } else if (query.scope === 'team') {
    parts.push(`r.visibility IN ('team', 'public') AND ${inMyTeam()}`);
  } else if (query.scope === 'public') {
    parts.push(`r.visibility = 'public'`);
  } else {
    parts.push(`(r.visibility = 'public' OR (r.visibility = 'team' AND ${inMyTeam()}))`);
  }
  if (query.team !== undefined) parts.push(`r.team = ${p(query.team)}`);
  if (query.kind === 'personal') parts.push('r.team IS NULL');
  if (query.kind === 'team') parts.push('r.team IS NOT NULL');
  return { where: parts.join(' AND '), params };
}

/**
 * A page of reflections for `query`, newest first: up to `limit + 1` rows past the `seq`
 * `after`, the total, and the entries of the team reflections among them.
 */
export async function listReflections(
  q: Queryable,
  query: ListQuery,
  limit: number,
  after: number | undefined,
): Promise<{ rows: ReflectionRow[]; entries: EntryRow[]; total: number }> {
  const { where, params } = listWhere(query);
  const from = `FROM reflections r LEFT JOIN people p ON p.id = r.author_id WHERE ${where}`;
  const [count] = await q.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
  const n = params.length;
  const pageParams = [...params, limit + 1];
  if (after !== undefined) pageParams.push(after);
  const rows = await q.query<ReflectionRow>(
    `SELECT ${COLUMNS} ${from} ${after !== undefined ? `AND r.seq < $${n + 2}` : ''}
     ORDER BY r.seq DESC LIMIT $${n + 1}`,
    pageParams,
  );
  return { rows, entries: await entriesOf(q, rows.slice(0, limit)), total: count?.n ?? 0 };
}

/**
 * Creates or replaces a reflection (version 1, then + 1 on every save); answers the row. A
 * team reflection keeps the member who started it as `author_id`.
 */
export async function saveReflection(
  q: Queryable,
  id: string,
  authorId: string,
  input: SaveReflection,
): Promise<ReflectionRow> {
  await q.query(
    `INSERT INTO reflections (id, author_id, activity, visibility, answers, team, closed)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET activity = EXCLUDED.activity,
       visibility = EXCLUDED.visibility, answers = EXCLUDED.answers, closed = EXCLUDED.closed,
       updated_at = now(), version = reflections.version + 1`,
    [
      id,
      authorId,
      input.activity,
      input.visibility,
      JSON.stringify(input.answers),
      input.team ?? null,
      input.closed ?? false,
    ],
  );
  return (await loadReflection(q, id))!;
}

export async function deleteReflection(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM reflections WHERE id = $1', [id]);
}

export const loadEntry = async (
  q: Queryable,
  id: string,
  forUpdate = false,
): Promise<EntryRow | undefined> =>
  (
    await q.query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM reflection_entries e LEFT JOIN people p ON p.id = e.author_id
       WHERE e.id = $1` + (forUpdate ? ' FOR UPDATE OF e' : ''),
      [id],
    )
  )[0];

/**
 * Creates or replaces a member's entry (version 1, then + 1) and marks its reflection
 * updated; answers the entry's row.
 */
export async function saveEntry(
  q: Queryable,
  reflectionId: string,
  id: string,
  authorId: string,
  input: SaveReflectionEntry,
): Promise<EntryRow> {
  await q.query(
    `INSERT INTO reflection_entries (id, reflection_id, prompt, author_id, text)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET prompt = EXCLUDED.prompt, text = EXCLUDED.text,
       updated_at = now(), version = reflection_entries.version + 1`,
    [id, reflectionId, input.prompt, authorId, input.text],
  );
  await q.query('UPDATE reflections SET updated_at = now() WHERE id = $1', [reflectionId]);
  return (await loadEntry(q, id))!;
}

export async function deleteEntry(q: Queryable, reflectionId: string, id: string): Promise<void> {
  await q.query('DELETE FROM reflection_entries WHERE id = $1', [id]);
  await q.query('UPDATE reflections SET updated_at = now() WHERE id = $1', [reflectionId]);
}
