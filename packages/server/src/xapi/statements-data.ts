/**
 * The statements data module: every SQL statement of the LRS, behind `StatementStore`
 * (routes validate, call it, and shape the answer), so another storage engine or a test
 * double can stand in.
 *
 * Table `statements` (migrations 2 and 3): the statement as stored (JSONB) and columns
 * derived from it by `statementIndex()` for the filters of xAPI 1.0.3 Communication
 * §2.1.3. When the derivation changes, `INDEX_VERSION` goes up and `reindexStatements()`
 * derives the columns again for older rows at start.
 *
 * Filters and StatementRefs (§2.1.3 "Filter Conditions for StatementRefs"): a statement
 * matches when it meets the filters itself, or when the statement its object refers to
 * meets them, recursively along a chain of references; the filters apply together to one
 * statement of the chain (as the ADL reference LRS does). The statement referred to may
 * be voided (§2.1.4: statements targeting a voided statement are still returned); `since`,
 * `until`, the page cursor and "not voided" apply to the statement returned. Context's
 * `statement` does not count.
 *
 * Writes: a batch is one SQL statement (`insertSql`) whatever its size. A batch of new
 * statements is stored by that statement alone, autocommitted (`insertAllNew`); a batch
 * with an id stored already, or with attachment parts, is stored in a transaction that
 * reads back only the ids the insert left alone and compares them (`checkKept`). A
 * concurrent request storing the same id makes the insert wait for its commit, so the
 * comparison sees it: two requests racing with one id under different content end in one
 * 409.
 *
 * Query plan: the direct matches come from the filter's index in stored order with the
 * page's limit; the referring statements come from a recursive CTE that starts from the
 * statements with a StatementRef object inside the time window (partial index
 * `statements_object_ref`) and walks to their targets by primary key. Its cost grows with
 * the number of referring statements in the window, not with the matches.
 */
import type { Db, Queryable } from '../db.js';
import type { AttachmentPart } from './attachments.js';
import { sameStatement, statementIndex, type StatementIndex } from './validate.js';

type Json = Record<string, unknown>;

/** Bump when `statementIndex()` derives the columns differently. */
export const INDEX_VERSION = 1;

/** The filters of §2.1.3 that are not time or sequence based. */
export interface StatementFilter {
  /** An `agent` key (see `agentFilterIfi`); `related` is `related_agents=true`. */
  agent?: { key: string; related: boolean };
  verb?: string;
  /** `related` is `related_activities=true`. */
  activity?: { id: string; related: boolean };
  /** Lower case. */
  registration?: string;
}

/** Time and sequence: applied to the statement returned, never through a reference. */
export interface StatementWindow {
  /** ISO 8601; exclusive. */
  since?: string;
  /** ISO 8601; inclusive. */
  until?: string;
  /** 1 ≤ limit. */
  limit: number;
  ascending: boolean;
  /** Continue after this statement (from a previous page). */
  after?: PageCursor;
}

export interface PageCursor {
  /** `stored`, ISO 8601. */
  stored: string;
  seq: number;
}

export interface StoredStatement {
  statement: Json;
  /** ISO 8601. */
  stored: string;
  seq: number;
}

export type StoreOutcome = { ids: string[] } | { conflict: string };

/** A complete statement and its index columns (`statementIndex` of it). */
export interface IndexedStatement {
  statement: Json;
  index: StatementIndex;
}

export interface StatementStore {
  /**
   * Stores complete statements (id, stored, authority set; ids distinct) in one
   * transaction. A statement already stored under its id is kept as is when equal
   * (`sameStatement`), else nothing of the batch is stored and the answer names the
   * conflicting id. Voiding statements void
   * their target, also when the target arrives later. `forward` queues each new statement
   * for the upstream LRS; `queued` says whether any was. `attachments` are the raw parts
   * of the batch's attachments (kept by `sha2`, once).
   */
  store(
    batch: IndexedStatement[],
    forward: boolean,
    attachments?: AttachmentPart[],
  ): Promise<StoreOutcome & { queued?: boolean }>;
  /** The stored attachment parts with these `sha2` hashes (those this LRS holds). */
  attachments(sha2: string[]): Promise<AttachmentPart[]>;
  /** One statement by id: the voided one when `voided`, else one that is not voided. */
  get(id: string, voided: boolean): Promise<StoredStatement | undefined>;
  /** A page of statements that are not voided, and the cursor of the next page. */
  query(
    filter: StatementFilter,
    window: StatementWindow,
  ): Promise<{ statements: StoredStatement[]; next?: PageCursor }>;
}

const parse = (v: unknown): Json => (typeof v === 'string' ? JSON.parse(v) : (v as Json));
const iso = (v: unknown): string => new Date(v as string).toISOString();
const toStored = (r: { statement: unknown; stored: unknown; seq: number }): StoredStatement => ({
  statement: parse(r.statement),
  stored: iso(r.stored),
  seq: Number(r.seq),
});

export function sqlStatementStore(
  db: Db,
  tx: <T>(fn: (q: Queryable) => Promise<T>) => Promise<T>,
): StatementStore {
  return {
    async store(batch, forward, attachments = []) {
      const ids = batch.map((s) => s.statement['id'] as string);
      const rows = batchJson(batch);
      if (!attachments.length && (await insertAllNew(db, rows, batch.length, forward))) {
        return { ids, queued: forward && batch.length > 0 };
      }
      try {
        return await tx(async (q) => {
          await storeAttachments(q, attachments);
          const queued = (await insertBatch(q, batch, rows, forward)).size > 0 && forward;
          return { ids, queued };
        });
      } catch (error) {
        if (error instanceof Conflict) return { conflict: error.id };
        throw error;
      }
    },
    async get(id, voided) {
      const [row] = await db.query<{ statement: unknown; stored: unknown; seq: number }>(
        'SELECT statement, stored, seq FROM statements WHERE id = $1 AND voided = $2',
        [id, voided],
      );
      return row && toStored(row);
    },
    query: (filter, window) => queryPage(db, filter, window),
    attachments: (sha2) => readAttachments(db, sha2),
  };
}

/** Keeps attachment parts by their hash (the same content is kept once). */
async function storeAttachments(q: Queryable, parts: AttachmentPart[]): Promise<void> {
  for (const p of parts) {
    await q.query(
      `INSERT INTO xapi_attachments (sha2, content_type, content) VALUES ($1, $2, $3)
       ON CONFLICT (sha2) DO NOTHING`,
      [p.sha2, p.contentType, p.content],
    );
  }
}

export async function readAttachments(q: Queryable, sha2: string[]): Promise<AttachmentPart[]> {
  if (!sha2.length) return [];
  const rows = await q.query<{ sha2: string; content_type: string; content: Uint8Array }>(
    'SELECT sha2, content_type, content FROM xapi_attachments WHERE sha2 = ANY($1::text[])',
    [[...new Set(sha2.map((h) => h.toLowerCase()))]],
  );
  return rows.map((r) => ({
    sha2: r.sha2,
    contentType: r.content_type,
    content: new Uint8Array(r.content),
  }));
}

/**
 * Thrown inside the store's transaction when a statement of the batch is stored with
 * other content: rolls the whole batch back.
 */
class Conflict extends Error {
  constructor(readonly id: string) {
    super(`statement ${id} is already stored with different content`);
  }
}

/**
 * The ids of the batch the insert left alone (stored before, by an earlier request or a
 * concurrent one that committed first) checked against what is stored: throws `Conflict`
 * for the first one stored with other content (one query, only when there are any).
 */
async function checkKept(q: Queryable, batch: IndexedStatement[], added: Set<string>) {
  const kept = batch.filter((s) => !added.has(s.statement['id'] as string));
  if (!kept.length) return;
  const rows = await q.query<{ id: string; statement: unknown }>(
    'SELECT id, statement FROM statements WHERE id = ANY($1::text[])',
    [kept.map((s) => s.statement['id'])],
  );
  const stored = new Map(rows.map((r) => [r.id, parse(r.statement)]));
  for (const s of kept) {
    const id = s.statement['id'] as string;
    const old = stored.get(id);
    if (!old || !sameStatement(old, s.statement)) throw new Conflict(id);
  }
}

/** The columns of one `statements` row, in the order of `INSERT_COLUMNS`. */
const INSERT_COLUMNS = `id, statement, stored, voided, verb_id, object_id, object_ref, agents,
  related_agents, related_activities, registration, voids, index_version`;

/**
 * How `insertSql` treats ids stored already: `new` stores the batch only when none of its
 * ids is stored (else it does nothing at all, and a row a concurrent request stored
 * meanwhile makes it fail with a unique violation); `keep` leaves the stored ones alone
 * (`ON CONFLICT (id) DO NOTHING`) and stores the others.
 */
type InsertMode = 'new' | 'keep';

/**
 * One statement of SQL for a whole batch, its rows given as one JSONB array (`$1`, the
 * keys of `batchJson`; one parameter whatever the batch size, parsed once by the
 * database). It inserts the rows (see `InsertMode`; the ids it answers are the new ones),
 * stores voided a statement whose voiding statement came earlier or comes in the batch (a
 * voiding statement is never voided), voids the stored targets of the batch's voiding
 * statements, and with `forward` queues each new row for the upstream LRS. The
 * sub-statements share one snapshot: a row inserted here is not seen by the `UPDATE`,
 * hence the batch's own voids in `voided`. Every lookup is `= ANY (ARRAY(…))`, an index
 * scan whatever the planner estimates (an `IN (SELECT …)` may become a scan of the table).
 */
const insertSql = (forward: boolean, mode: InsertMode) => {
  const go = mode === 'new' ? '(SELECT ok FROM fresh)' : 'TRUE';
  return `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id text, statement jsonb, stored timestamptz,
      verb_id text, object_id text, object_ref text, agents text[], related_agents text[],
      related_activities text[], registration text, voids text)
  ), fresh AS (
    SELECT NOT EXISTS (SELECT 1 FROM statements WHERE id = ANY (ARRAY(SELECT id FROM input))) AS ok
  ), voided AS (
    SELECT voids AS id FROM input WHERE voids IS NOT NULL
    UNION ALL
    SELECT voids FROM statements WHERE voids = ANY (ARRAY(SELECT id FROM input))
  ), void_targets AS (
    UPDATE statements SET voided = TRUE
     WHERE id = ANY (ARRAY(SELECT voids FROM input WHERE voids IS NOT NULL)) AND voids IS NULL
       AND ${go}
  ), added AS (
    INSERT INTO statements (${INSERT_COLUMNS})
    SELECT i.id, i.statement, i.stored, i.voids IS NULL AND i.id = ANY (ARRAY(SELECT id FROM voided)),
           i.verb_id, i.object_id, i.object_ref, i.agents, i.related_agents,
           i.related_activities, i.registration, i.voids, ${INDEX_VERSION}
      FROM input i WHERE ${go}
    ${mode === 'keep' ? 'ON CONFLICT (id) DO NOTHING' : ''} RETURNING id
  )${
    forward
      ? `, queued AS (
    INSERT INTO lrs_outbox (statement_id, statement)
    SELECT i.id, i.statement FROM input i JOIN added a ON a.id = i.id
    ON CONFLICT (statement_id) DO NOTHING
  )`
      : ''
  }
  SELECT id FROM added`;
};

/** PostgreSQL's SQLSTATE for a unique violation (both drivers set `code`). */
const UNIQUE_VIOLATION = '23505';

/**
 * The common case in one autocommitted statement, without a transaction around it: a
 * batch none of whose ids is stored (`insertSql` in `new` mode, atomic as any single
 * statement). Answers whether it stored the batch; false when some id is stored (nothing
 * happened), also when a concurrent request stored one meanwhile (the statement failed
 * whole), and the caller stores it in a transaction that compares (`insertBatch`).
 */
async function insertAllNew(
  db: Queryable,
  rows: string,
  count: number,
  forward: boolean,
): Promise<boolean> {
  try {
    return (await db.query(insertSql(forward, 'new'), [rows])).length === count;
  } catch (error) {
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return false;
    throw error;
  }
}

/** The batch as the JSON array `insertSql` reads (`jsonb_to_recordset`). */
function batchJson(batch: IndexedStatement[]): string {
  return JSON.stringify(
    batch.map(({ statement, index: x }) => ({
      id: statement['id'],
      statement,
      stored: statement['stored'],
      verb_id: x.verbId,
      object_id: x.objectId,
      object_ref: x.objectRef,
      agents: x.agents,
      related_agents: x.relatedAgents,
      related_activities: x.relatedActivities,
      registration: x.registration,
      voids: x.voids,
    })),
  );
}

/**
 * Stores a batch (`rows`: its `batchJson`) in an open transaction, leaving stored ids alone
 * (`insertSql` in `keep` mode), then checks the statements it did not insert
 * (`checkKept`). Answers the ids of the new rows.
 */
async function insertBatch(
  q: Queryable,
  batch: IndexedStatement[],
  rows: string,
  forward: boolean,
): Promise<Set<string>> {
  if (!batch.length) return new Set();
  const inserted = await q.query<{ id: string }>(insertSql(forward, 'keep'), [rows]);
  const added = new Set(inserted.map((r) => r.id));
  await checkKept(q, batch, added);
  return added;
}

/** The index columns in the order of `INSERT_COLUMNS` and of `UPDATE` in reindex. */
const indexArgs = (x: StatementIndex) => [
  x.verbId,
  x.objectId,
  x.objectRef,
  x.agents,
  x.relatedAgents,
  x.relatedActivities,
  x.registration,
  x.voids,
  INDEX_VERSION,
];

/** Builds `$n` placeholders while collecting their values. */
function placeholders() {
  const args: unknown[] = [];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  return { args, arg };
}

/** The filter's conditions on the statement aliased `t` (the one that must meet them). */
function filterSql(t: string, f: StatementFilter, arg: (v: unknown) => string): string[] {
  const out: string[] = [];
  if (f.agent) {
    const column = f.agent.related ? 'related_agents' : 'agents';
    out.push(`${t}.${column} @> ARRAY[${arg(f.agent.key)}]::text[]`);
  }
  if (f.verb) out.push(`${t}.verb_id = ${arg(f.verb)}`);
  if (f.activity) {
    out.push(
      f.activity.related
        ? `${t}.related_activities @> ARRAY[${arg(f.activity.id)}]::text[]`
        : `${t}.object_id = ${arg(f.activity.id)}`,
    );
  }
  if (f.registration) out.push(`${t}.registration = ${arg(f.registration)}`);
  return out;
}

/** Not voided, the time window and the page cursor, on the statement aliased `s`. */
function windowSql(s: string, w: StatementWindow, arg: (v: unknown) => string): string[] {
  const out = [`NOT ${s}.voided`];
  if (w.since) out.push(`${s}.stored > ${arg(w.since)}::timestamptz`);
  if (w.until) out.push(`${s}.stored <= ${arg(w.until)}::timestamptz`);
  if (w.after) {
    const op = w.ascending ? '>' : '<';
    out.push(
      `(${s}.stored, ${s}.seq) ${op} (${arg(w.after.stored)}::timestamptz, ${arg(w.after.seq)}::bigint)`,
    );
  }
  return out;
}

/** The SQL of one page (see the query plan in the module comment), `LIMIT limit + 1`. */
export function pageSql(
  filter: StatementFilter,
  w: StatementWindow,
): { sql: string; args: unknown[] } {
  const { args, arg } = placeholders();
  const dir = w.ascending ? 'ASC' : 'DESC';
  const order = (s: string) => `${s}.stored ${dir}, ${s}.seq ${dir}`;
  const limit = arg(w.limit + 1);
  const win = windowSql('s', w, arg);
  const conditions = filterSql('s', filter, arg);
  const direct = [...win, ...conditions];
  let sql: string;
  if (!conditions.length) {
    sql = `SELECT s.seq, s.stored, s.statement FROM statements s WHERE ${direct.join(' AND ')}
           ORDER BY ${order('s')} LIMIT ${limit}`;
  } else {
    const target = filterSql('t', filter, arg);
    sql = `WITH RECURSIVE chain(seq, stored, target) AS (
             SELECT s.seq, s.stored, s.object_ref FROM statements s
              WHERE s.object_ref IS NOT NULL AND ${win.join(' AND ')}
             UNION
             SELECT c.seq, c.stored, t.object_ref FROM chain c JOIN statements t ON t.id = c.target
              WHERE t.object_ref IS NOT NULL
           ),
           hits AS (
             (SELECT s.seq, s.stored FROM statements s WHERE ${direct.join(' AND ')}
               ORDER BY ${order('s')} LIMIT ${limit})
             UNION
             SELECT c.seq, c.stored FROM chain c JOIN statements t ON t.id = c.target
              WHERE ${target.join(' AND ')}
           ),
           page AS (SELECT h.seq, h.stored FROM hits h ORDER BY ${order('h')} LIMIT ${limit})
           SELECT s.seq, s.stored, s.statement FROM page p JOIN statements s ON s.seq = p.seq
            ORDER BY ${order('s')}`;
  }
  return { sql, args };
}

async function queryPage(
  db: Queryable,
  filter: StatementFilter,
  w: StatementWindow,
): Promise<{ statements: StoredStatement[]; next?: PageCursor }> {
  const { sql, args } = pageSql(filter, w);
  const rows = await db.query<{ seq: number; stored: unknown; statement: unknown }>(sql, args);
  const statements = rows.slice(0, w.limit).map(toStored);
  const last = statements.at(-1);
  return rows.length > w.limit && last
    ? { statements, next: { stored: last.stored, seq: last.seq } }
    : { statements };
}

/**
 * Derives the filter columns again for rows an older server indexed (`index_version`
 * below `INDEX_VERSION`), 500 at a time; answers how many rows it updated. A stored
 * statement that no longer validates keeps its columns and is marked done.
 */
export async function reindexStatements(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db.query<{ id: string; statement: unknown }>(
      `SELECT id, statement FROM statements WHERE index_version < $1 ORDER BY seq LIMIT 500`,
      [INDEX_VERSION],
    );
    if (!rows.length) return done;
    await db.tx(async (q) => {
      for (const row of rows) {
        let index: StatementIndex | undefined;
        try {
          index = statementIndex(parse(row.statement));
        } catch {
          index = undefined;
        }
        await (index
          ? q.query(
              `UPDATE statements SET verb_id = $2, object_id = $3, object_ref = $4, agents = $5,
                 related_agents = $6, related_activities = $7, registration = $8, voids = $9,
                 index_version = $10 WHERE id = $1`,
              [row.id, ...indexArgs(index)],
            )
          : q.query('UPDATE statements SET index_version = $2 WHERE id = $1', [
              row.id,
              INDEX_VERSION,
            ]));
      }
    });
    done += rows.length;
  }
}
