/**
 * The statements endpoint, a small LRS after the xAPI 1.0.3 Statement Resource:
 * - `POST /xapi/statements`: one statement or an array; answers the ids (200). The batch
 *   is stored in one transaction: a statement whose id is stored with different content
 *   rejects the whole batch (409); the same statement again is not stored twice.
 * - `PUT /xapi/statements?statementId=`: one statement under that id (204; 409 as above).
 * - `GET /xapi/statements?statementId=` or `voidedStatementId=`: one statement; otherwise a
 *   `StatementResult` filtered by `agent`, `verb`, `activity`, `registration`,
 *   `related_agents`, `related_activities`, `since`, `until`, with `limit`, `ascending` and a
 *   `more` link. Voided statements are left out of filtered results.
 * - `GET /xapi/about`.
 * Every request except `/about` needs `X-Experience-API-Version: 1.0.x`; every answer
 * carries `X-Experience-API-Version: 1.0.3`. `stored`, `authority`, `id` (when missing),
 * `timestamp` (when missing) and `version` (1.0.0 when missing) are set by the server.
 *
 * Who may use it: writers with a person's bearer token or the LRS key (HTTP Basic,
 * `PEERKIT_XAPI_KEY`/`PEERKIT_XAPI_SECRET`); readers with the LRS key, a moderator's token,
 * or in demo mode any signed-in person (statements describe people; learners do not read
 * each other's records on a real install).
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { isModerator, type Caller } from '../auth.js';
import type { Queryable } from '../db.js';
import {
  decodeCursor,
  encodeCursor,
  iso,
  parseJsonText,
  requireCaller,
  type AppEnv,
  type Ctx,
  type Deps,
} from '../http.js';
import { HttpError } from '../problem.js';
import {
  StatementError,
  agentFilterIfi,
  isUuid,
  sameStatement,
  timestamp as checkTimestamp,
  validateStatement,
  type ValidStatement,
} from './validate.js';

const XAPI_VERSION = '1.0.3';
const LIMIT_MAX = 500;
/** `verb=` and `activity=`: an IRI with a scheme. */
const IRI_PARAM = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
const GET_PARAMS = new Set([
  'statementId',
  'voidedStatementId',
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
  'cursor',
]);

function bad(message: string): never {
  throw new HttpError(400, message);
}

function parseJsonBody(c: Ctx): unknown {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type.trim())) {
    throw new HttpError(415, 'send statements as application/json');
  }
  const raw = c.get('rawBody');
  if (!raw) bad('the request has no body');
  return parseJsonText(raw);
}

function validate(input: unknown): ValidStatement {
  try {
    return validateStatement(input);
  } catch (error) {
    if (error instanceof StatementError) bad(error.message);
    throw error;
  }
}

export function xapiRoutes(deps: Deps) {
  const { db, config } = deps;
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.header('x-experience-api-version', XAPI_VERSION);
    if (!c.req.path.endsWith('/about') && c.req.method !== 'OPTIONS') {
      const version = c.req.header('x-experience-api-version');
      if (!version) bad('the X-Experience-API-Version header is required');
      if (!/^1\.0(\.\d+)?$/.test(version.trim())) bad(`version ${version} is not supported`);
    }
    await next();
    c.res.headers.set('x-experience-api-version', XAPI_VERSION);
  });

  app.get('/about', (c) => c.json({ version: [XAPI_VERSION, '1.0.2', '1.0.1', '1.0.0'] }));

  const authority = (c: Ctx, caller: Caller) => {
    const home = new URL(c.req.url).origin;
    return caller.via === 'basic'
      ? { objectType: 'Agent', name: caller.name, account: { homePage: home, name: caller.name } }
      : { objectType: 'Agent', name: caller.name, account: { homePage: home, name: caller.id } };
  };

  /** Stores a batch in one transaction; answers the ids. */
  const store = async (c: Ctx, caller: Caller, batch: ValidStatement[]) => {
    const seen = new Set<string>();
    for (const v of batch) {
      if (v.id && seen.has(v.id)) bad(`statement id ${v.id} appears twice in the batch`);
      if (v.id) seen.add(v.id);
    }
    const stored = new Date().toISOString();
    const auth = authority(c, caller);
    let queued = false;
    const ids = await deps.tx(async (q) => {
      const out: string[] = [];
      for (const v of batch) {
        const id = v.id ?? randomUUID();
        const statement = {
          ...v.statement,
          id,
          timestamp: v.statement['timestamp'] ?? stored,
          stored,
          authority: auth,
          version: v.statement['version'] ?? '1.0.0',
        };
        const [existing] = await q.query<{ statement: Record<string, unknown> | string }>(
          'SELECT statement FROM statements WHERE id = $1',
          [id],
        );
        if (existing) {
          const before = parseStored(existing.statement) as Record<string, unknown>;
          if (!sameStatement(before, statement)) {
            throw new HttpError(409, `statement ${id} is already stored with different content`);
          }
          out.push(id);
          continue;
        }
        if (v.voids) await voidTarget(q, v.voids);
        // A voiding statement may have arrived before this one.
        const [voider] = await q.query('SELECT 1 FROM statements WHERE voids = $1 LIMIT 1', [id]);
        const isVoiding = !!v.voids;
        await q.query(
          `INSERT INTO statements (id, statement, verb_id, object_id, agents, related_agents,
             related_activities, registration, voids, stored, voided)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            id,
            JSON.stringify(statement),
            v.verbId,
            v.objectId,
            v.agents,
            v.relatedAgents,
            v.relatedActivities,
            v.registration,
            v.voids,
            stored,
            !!voider && !isVoiding,
          ],
        );
        if (config.lrs) {
          await q.query(
            `INSERT INTO lrs_outbox (statement_id, statement) VALUES ($1, $2)
             ON CONFLICT (statement_id) DO NOTHING`,
            [id, JSON.stringify(statement)],
          );
          queued = true;
        }
        out.push(id);
      }
      return out;
    });
    if (queued) deps.onStatementsQueued();
    return ids;
  };

  app.post('/statements', async (c) => {
    const caller = requireCaller(c);
    const body = parseJsonBody(c);
    const list = Array.isArray(body) ? body : [body];
    if (list.length > 1000) bad('at most 1000 statements per batch');
    const batch = list.map(validate);
    return c.json(await store(c, caller, batch));
  });

  app.put('/statements', async (c) => {
    const caller = requireCaller(c);
    const statementId = c.req.query('statementId');
    if (!isUuid(statementId)) bad('statementId must be a UUID');
    const body = parseJsonBody(c);
    if (Array.isArray(body)) bad('PUT takes one statement');
    const v = validate(body);
    if (v.id && v.id !== statementId!.toLowerCase())
      bad('the statement id differs from statementId');
    v.id = statementId!.toLowerCase();
    await store(c, caller, [v]);
    return c.body(null, 204);
  });

  app.get('/statements', async (c) => {
    const caller = requireCaller(c);
    if (caller.via !== 'basic' && !isModerator(caller) && !config.demo) {
      throw new HttpError(403, 'reading statements needs the LRS key or a moderator');
    }
    const url = new URL(c.req.url);
    const params = url.searchParams;
    for (const key of params.keys()) {
      if (!GET_PARAMS.has(key)) bad(`unknown parameter "${key}"`);
    }
    c.header('x-experience-api-consistent-through', new Date().toISOString());
    const single = params.get('statementId') ?? params.get('voidedStatementId');
    if (single !== null) {
      const voided = params.has('voidedStatementId');
      if (params.has('statementId') && params.has('voidedStatementId')) {
        bad('use statementId or voidedStatementId, not both');
      }
      for (const key of params.keys()) {
        if (!['statementId', 'voidedStatementId', 'format', 'attachments'].includes(key)) {
          bad(`"${key}" cannot be combined with ${voided ? 'voidedStatementId' : 'statementId'}`);
        }
      }
      if (!isUuid(single)) bad('the statement id must be a UUID');
      const [row] = await db.query<{ statement: unknown; stored: Date }>(
        'SELECT statement, stored FROM statements WHERE id = $1 AND voided = $2',
        [single.toLowerCase(), voided],
      );
      if (!row) throw new HttpError(404, 'no such statement');
      c.header('last-modified', new Date(row.stored).toUTCString());
      return c.json(parseStored(row.statement));
    }
    const where: string[] = ['NOT voided'];
    const args: unknown[] = [];
    const arg = (v: unknown) => {
      args.push(v);
      return `$${args.length}`;
    };
    const bool = (key: string) => {
      const v = params.get(key);
      if (v === null) return false;
      if (v !== 'true' && v !== 'false') bad(`${key} must be true or false`);
      return v === 'true';
    };
    const format = params.get('format');
    if (format !== null && !['exact', 'ids', 'canonical'].includes(format)) bad('unknown format');
    bool('attachments');
    const agent = params.get('agent');
    if (agent !== null) {
      let ifi: string;
      try {
        ifi = agentFilterIfi(agent);
      } catch (error) {
        if (error instanceof StatementError) bad(error.message);
        throw error;
      }
      where.push(
        `${bool('related_agents') ? 'related_agents' : 'agents'} @> ARRAY[${arg(ifi)}]::text[]`,
      );
    } else bool('related_agents');
    const verb = params.get('verb');
    if (verb !== null) {
      if (!IRI_PARAM.test(verb)) bad('verb must be an IRI');
      where.push(`verb_id = ${arg(verb)}`);
    }
    const activity = params.get('activity');
    if (activity !== null) {
      if (!IRI_PARAM.test(activity)) bad('activity must be an IRI');
      where.push(
        bool('related_activities')
          ? `related_activities @> ARRAY[${arg(activity)}]::text[]`
          : `object_id = ${arg(activity)}`,
      );
    } else bool('related_activities');
    const registration = params.get('registration');
    if (registration !== null) {
      if (!isUuid(registration)) bad('registration must be a UUID');
      where.push(`registration = ${arg(registration.toLowerCase())}`);
    }
    for (const [key, op] of [
      ['since', '>'],
      ['until', '<='],
    ] as const) {
      const v = params.get(key);
      if (v !== null) {
        try {
          checkTimestamp(v, key);
        } catch {
          bad(`${key} must be an ISO 8601 timestamp with a time zone`);
        }
        where.push(`stored ${op} ${arg(new Date(v).toISOString())}::timestamptz`);
      }
    }
    const limitParam = params.get('limit');
    let limit = LIMIT_MAX;
    if (limitParam !== null) {
      if (!/^\d{1,6}$/.test(limitParam)) bad('limit must be a non-negative integer');
      limit = Number(limitParam) === 0 ? LIMIT_MAX : Math.min(Number(limitParam), LIMIT_MAX);
    }
    const ascending = bool('ascending');
    const cursorParam = params.get('cursor');
    if (cursorParam !== null) {
      const cur = decodeCursor(cursorParam)!;
      if (
        typeof cur['t'] !== 'string' ||
        typeof cur['s'] !== 'number' ||
        Number.isNaN(Date.parse(cur['t']))
      ) {
        bad('the cursor is not valid');
      }
      where.push(
        `(stored, seq) ${ascending ? '>' : '<'} (${arg(cur['t'])}::timestamptz, ${arg(cur['s'])}::bigint)`,
      );
    }
    const order = ascending ? 'stored ASC, seq ASC' : 'stored DESC, seq DESC';
    const rows = await db.query<{ seq: number; stored: Date; statement: unknown }>(
      `SELECT seq, stored, statement FROM statements WHERE ${where.join(' AND ')}
       ORDER BY ${order} LIMIT ${arg(limit + 1)}`,
      args,
    );
    const page = rows.slice(0, limit);
    let more = '';
    if (rows.length > limit) {
      const last = page.at(-1)!;
      const next = new URLSearchParams(params);
      next.set('cursor', encodeCursor({ t: iso(last.stored), s: last.seq }));
      more = `${url.pathname}?${next}`;
    }
    const statements = page.map((r) => {
      const s = parseStored(r.statement) as Record<string, unknown>;
      if (format === 'ids') {
        const actor = s['actor'] as Record<string, unknown>;
        return { ...s, actor: idsOnly(actor) };
      }
      return s;
    });
    return c.json({ statements, more });
  });

  return app;
}

async function voidTarget(q: Queryable, target: string) {
  await q.query(`UPDATE statements SET voided = TRUE WHERE id = $1 AND voids IS NULL`, [target]);
}

function parseStored(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}

function idsOnly(a: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const k of ['objectType', 'mbox', 'mbox_sha1sum', 'openid', 'account']) {
    if (a[k] !== undefined) out[k] = a[k];
  }
  return out;
}
