/**
 * The statements endpoint, a small LRS after the xAPI 1.0.3 Statement Resource:
 * - `POST /xapi/statements`: one statement or an array; answers the ids (200). The batch
 *   is stored in one transaction: a statement whose id is stored with different content
 *   rejects the whole batch (409); the same statement again is not stored twice.
 * - `PUT /xapi/statements?statementId=`: one statement under that id (204; 409 as above).
 * - `GET /xapi/statements?statementId=` or `voidedStatementId=`: one statement; otherwise a
 *   `StatementResult` filtered by `agent`, `verb`, `activity`, `registration`,
 *   `related_agents`, `related_activities`, `since`, `until`, with `limit`, `ascending` and a
 *   `more` link, exactly as Communication §2.1.3 says (parameters: `query.ts`; filters,
 *   StatementRef chains and voided statements: `statements-data.ts`; `format`:
 *   `format.ts`). `attachments=true` answers `multipart/mixed` whose one part is the JSON
 *   (this LRS stores no attachments).
 * - `GET /xapi/about`.
 * Every request except `/about` needs `X-Experience-API-Version: 1.0.x`; every answer
 * carries `X-Experience-API-Version: 1.0.3`, and every answer of the statements resource,
 * errors included, `X-Experience-API-Consistent-Through` (§2.1.3.s2.b5). `stored`, `authority`, `id` (when missing),
 * `timestamp` (when missing) and `version` (1.0.0 when missing) are set by the server.
 *
 * Who may use it: writers with a person's bearer token or the LRS key (HTTP Basic,
 * `PEERKIT_XAPI_KEY`/`PEERKIT_XAPI_SECRET`); readers with the LRS key, a moderator's token,
 * or in demo mode any signed-in person (statements describe people; learners do not read
 * each other's records on a real install).
 */
import { randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { isModerator, type Caller } from '../auth.js';
import {
  encodeCursor,
  parseJsonText,
  requireCaller,
  type AppEnv,
  type Ctx,
  type Deps,
} from '../http.js';
import { HttpError } from '../problem.js';
import { formatStatement } from './format.js';
import { parseStatementsQuery, type Shape } from './query.js';
import { sqlStatementStore, type StatementStore } from './statements-data.js';
import { StatementError, isUuid, validateStatement, type ValidStatement } from './validate.js';

const XAPI_VERSION = '1.0.3';
const BATCH_MAX = 1000;

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

/** The authority the LRS sets: the LRS key's account or the signed-in person's. */
function authority(c: Ctx, caller: Caller) {
  const home = new URL(c.req.url).origin;
  const name = caller.via === 'basic' ? caller.name : caller.id;
  return { objectType: 'Agent', name: caller.name, account: { homePage: home, name } };
}

/**
 * The answer in JSON, or with `attachments=true` as `multipart/mixed` whose first (and,
 * as this LRS stores no attachments, only) part is the JSON (Communication §1.5.2).
 */
function answer(c: Ctx, body: unknown, shape: Shape): Response {
  if (!shape.attachments) return c.json(body);
  const boundary = `xapi-${randomUUID()}`;
  const text =
    `--${boundary}\r\nContent-Type: application/json\r\n\r\n` +
    `${JSON.stringify(body)}\r\n--${boundary}--\r\n`;
  return c.body(text, 200, { 'content-type': `multipart/mixed; boundary=${boundary}` });
}

/**
 * Every request but `/about` names a 1.0.x version; every answer names 1.0.3, and every
 * answer of `/statements` carries `X-Experience-API-Consistent-Through` (the time the
 * request arrived: statements stored before it are readable).
 */
const versionHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header('x-experience-api-version', XAPI_VERSION);
  const consistent = new Date().toISOString();
  try {
    if (!c.req.path.endsWith('/about') && c.req.method !== 'OPTIONS') {
      const version = c.req.header('x-experience-api-version');
      if (!version) bad('the X-Experience-API-Version header is required');
      if (!/^1\.0(\.\d+)?$/.test(version.trim())) bad(`version ${version} is not supported`);
    }
    await next();
  } finally {
    c.res.headers.set('x-experience-api-version', XAPI_VERSION);
    if (c.req.path.endsWith('/statements')) {
      c.res.headers.set('x-experience-api-consistent-through', consistent);
    }
  }
};

/** A checked batch completed by the LRS: `id`, `timestamp`, `stored`, `authority`, `version`. */
function complete(c: Ctx, caller: Caller, batch: ValidStatement[]) {
  const seen = new Set<string>();
  for (const v of batch) {
    if (v.id && seen.has(v.id)) bad(`statement id ${v.id} appears twice in the batch`);
    if (v.id) seen.add(v.id);
  }
  const stored = new Date().toISOString();
  const auth = authority(c, caller);
  return batch.map((v) => ({
    ...v.statement,
    id: v.id ?? randomUUID(),
    timestamp: v.statement['timestamp'] ?? stored,
    stored,
    authority: auth,
    version: v.statement['version'] ?? '1.0.0',
  }));
}

/** `GET /statements`: one statement, or a page of a `StatementResult`. */
async function read(c: Ctx, data: StatementStore): Promise<Response> {
  const url = new URL(c.req.url);
  const request = parseStatementsQuery(url.searchParams);
  const language = c.req.header('accept-language');
  if (request.kind === 'one') {
    const found = await data.get(request.id, request.voided);
    if (!found) throw new HttpError(404, 'no such statement');
    c.header('last-modified', new Date(found.stored).toUTCString());
    return answer(c, formatStatement(found.statement, request.format, language), request);
  }
  const page = await data.query(request.filter, request.window);
  let more = '';
  if (page.next) {
    const next = new URLSearchParams(url.searchParams);
    next.set('cursor', encodeCursor({ t: page.next.stored, s: page.next.seq }));
    more = `${url.pathname}?${next}`;
  }
  const statements = page.statements.map((r) =>
    formatStatement(r.statement, request.format, language),
  );
  return answer(c, { statements, more }, request);
}

export function xapiRoutes(deps: Deps) {
  const { config } = deps;
  const data: StatementStore = sqlStatementStore(deps.db, deps.tx);
  const app = new Hono<AppEnv>();
  app.use('*', versionHeaders);
  app.get('/about', (c) => c.json({ version: [XAPI_VERSION, '1.0.2', '1.0.1', '1.0.0'] }));

  const store = async (c: Ctx, caller: Caller, batch: ValidStatement[]) => {
    const outcome = await data.store(complete(c, caller, batch), !!config.lrs);
    if ('conflict' in outcome) {
      throw new HttpError(
        409,
        `statement ${outcome.conflict} is already stored with different content`,
      );
    }
    if (outcome.queued) deps.onStatementsQueued();
    return outcome.ids;
  };

  app.post('/statements', async (c) => {
    const caller = requireCaller(c);
    const body = parseJsonBody(c);
    const list = Array.isArray(body) ? body : [body];
    if (list.length > BATCH_MAX) bad(`at most ${BATCH_MAX} statements per batch`);
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
    return read(c, data);
  });

  return app;
}
