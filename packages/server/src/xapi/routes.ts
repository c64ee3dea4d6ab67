/**
 * The LRS under `/api/xapi`, after xAPI 1.0.3 (the README's "The LRS" says what conforms):
 * - `POST /statements`: one statement or an array, as `application/json` or
 *   `multipart/mixed` with attachments (`attachments.ts`); signed statements are verified
 *   (`signature.ts`); answers the ids (200). The batch is stored in one transaction: a
 *   statement whose id is stored with different content rejects the whole batch (409); the
 *   same statement again is not stored twice.
 * - `PUT /statements?statementId=`: one statement under that id (204; 409 as above).
 * - `GET /statements?statementId=` or `voidedStatementId=`: one statement; otherwise a
 *   `StatementResult` filtered as Communication §2.1.3 says (parameters: `query.ts`;
 *   filters, StatementRef chains and voided statements: `statements-data.ts`; `format`:
 *   `format.ts`). `attachments=true` answers `multipart/mixed` with the attachments' bytes.
 * - The document resources (`documents/`), `/agents`, `/activities`, `/about`
 *   (`resources.ts`), and the Alternate Request Syntax (`alternate.ts`).
 * Every request except `/about` needs `X-Experience-API-Version: 1.0.x`; every answer
 * carries `X-Experience-API-Version: 1.0.3`, and every answer of the statements resource,
 * errors included, `X-Experience-API-Consistent-Through` (§2.1.3.s2.b5). `stored`,
 * `authority`, `id` (when missing), `timestamp` (when missing) and `version` (1.0.0 when
 * missing) are set by the server. Who may read and write: `access.ts`.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Caller } from '../auth.js';
import { encodeCursor, parseJsonText, type AppEnv, type Ctx, type Deps } from '../http.js';
import { HttpError, problemResponse } from '../problem.js';
import { requireReader, requireWriter } from './access.js';
import { adopt, alternateSyntax } from './alternate.js';
import {
  attachmentsOf,
  matchParts,
  multipartAnswer,
  readMultipart,
  type AttachmentPart,
} from './attachments.js';
import { documentRoutes } from './documents/routes.js';
import { formatStatement } from './format.js';
import { resourceRoutes } from './resources.js';
import { verifySignatures } from './signature.js';
import { parseStatementsQuery, type Shape } from './query.js';
import { sqlStatementStore, type StatementStore } from './statements-data.js';
import {
  StatementError,
  isUuid,
  validateStatement,
  withAuthority,
  type ValidStatement,
} from './validate.js';

const XAPI_VERSION = '1.0.3';
const BATCH_MAX = 1000;

function bad(message: string): never {
  throw new HttpError(400, message);
}

/**
 * The statements of a write and its attachment parts: `application/json`, or
 * `multipart/mixed` whose first part is the JSON (Communication §1.5.2); other types are a
 * 400 (XAPI-00133: `multipart/form-data` too).
 */
function parseStatementsBody(c: Ctx): {
  body: unknown;
  parts: AttachmentPart[];
  multipart: boolean;
} {
  const type = (c.req.header('content-type') ?? '').trim();
  const bytes = c.get('rawBytes') ?? new Uint8Array(0);
  if (/^multipart\/mixed\b/i.test(type)) {
    const { json, parts } = readMultipart(type, bytes);
    return { body: parseJsonText(json), parts, multipart: true };
  }
  if (!/^application\/json\b/i.test(type))
    bad('send statements as application/json or multipart/mixed');
  if (!bytes.length) bad('the request has no body');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    bad('the body is not valid UTF-8');
  }
  return { body: parseJsonText(text), parts: [], multipart: false };
}

function validate(input: unknown): ValidStatement {
  try {
    return validateStatement(input, true);
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
 * The answer in JSON, or with `attachments=true` as `multipart/mixed`: the JSON, then the
 * bytes of every attachment of the answer's statements this LRS holds (Communication §1.5.2).
 */
async function answer(
  c: Ctx,
  data: StatementStore,
  body: unknown,
  statements: Record<string, unknown>[],
  shape: Shape,
): Promise<Response> {
  if (!shape.attachments) return c.json(body);
  const hashes = attachmentsOf(statements).map((a) => String(a['sha2']));
  const { body: bytes, type } = multipartAnswer(body, await data.attachments(hashes));
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': type });
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
    statement: {
      ...v.statement,
      id: v.id ?? randomUUID(),
      timestamp: v.statement['timestamp'] ?? stored,
      stored,
      authority: auth,
      version: v.statement['version'] ?? '1.0.0',
    },
    index: withAuthority(v.index, auth),
  }));
}

/**
 * `GET /statements`: one statement, or a page of a `StatementResult` whose `more` link is
 * relative to the server (`mount` + `/statements`, also when the request came through the
 * Alternate Request Syntax).
 */
async function read(c: Ctx, data: StatementStore, mount: string): Promise<Response> {
  const url = new URL(c.req.url);
  const request = parseStatementsQuery(url.searchParams);
  const language = c.req.header('accept-language');
  if (request.kind === 'one') {
    const found = await data.get(request.id, request.voided);
    if (!found) throw new HttpError(404, 'no such statement');
    c.header('last-modified', new Date(found.stored).toUTCString());
    const one = formatStatement(found.statement, request.format, language);
    return answer(c, data, one, [found.statement], request);
  }
  const page = await data.query(request.filter, request.window);
  let more = '';
  if (page.next) {
    const next = new URLSearchParams(url.searchParams);
    next.set('cursor', encodeCursor({ t: page.next.stored, s: page.next.seq }));
    more = `${mount}/statements?${next}`;
  }
  const statements = page.statements.map((r) =>
    formatStatement(r.statement, request.format, language),
  );
  const stored = page.statements.map((r) => r.statement);
  return answer(c, data, { statements, more }, stored, request);
}

/**
 * A checked write: the statements validated, the attachment parts matched to them
 * (`matchParts`: with `application/json` every attachment needs a `fileUrl`), signed
 * statements verified.
 */
async function checkedWrite(c: Ctx, one: boolean) {
  const { body, parts } = parseStatementsBody(c);
  if (one && Array.isArray(body)) bad('PUT takes one statement');
  const list = Array.isArray(body) ? body : [body];
  if (list.length > BATCH_MAX) bad(`at most ${BATCH_MAX} statements per batch`);
  const batch = list.map(validate);
  const statements = batch.map((v) => v.statement);
  const attachments = matchParts(statements, parts);
  await verifySignatures(statements, attachments);
  return { batch, attachments };
}

/** The LRS's answer to an error: a problem document (mounted apps share `app.ts`'s). */
function onError(err: Error): Response {
  if (err instanceof HttpError) return problemResponse(err.status, err.detail, err.extra);
  if (process.env['PEERKIT_LOG_ERRORS'] !== '0') console.error('[peerkit]', err);
  return problemResponse(500, 'something went wrong on the server');
}

/** The LRS, to mount at `mount` (`/api/xapi`). */
export function xapiRoutes(deps: Deps, mount = '/api/xapi') {
  const { config } = deps;
  const data: StatementStore = sqlStatementStore(deps.db, deps.tx);
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use('*', adopt);
  app.use('*', versionHeaders);
  resourceRoutes(app, deps);
  documentRoutes(app, deps);

  const store = async (c: Ctx, caller: Caller, write: Awaited<ReturnType<typeof checkedWrite>>) => {
    const outcome = await data.store(
      complete(c, caller, write.batch),
      !!config.lrs,
      write.attachments,
    );
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
    const caller = requireWriter(c);
    return c.json(await store(c, caller, await checkedWrite(c, false)));
  });

  app.put('/statements', async (c) => {
    const caller = requireWriter(c);
    const statementId = c.req.query('statementId');
    if (!isUuid(statementId)) bad('statementId must be a UUID');
    const write = await checkedWrite(c, true);
    const v = write.batch[0]!;
    if (v.id && v.id !== statementId!.toLowerCase())
      bad('the statement id differs from statementId');
    v.id = statementId!.toLowerCase();
    await store(c, caller, write);
    return c.body(null, 204);
  });

  app.get('/statements', async (c) => {
    requireReader(c, config);
    return read(c, data, mount);
  });

  const outer = new Hono<AppEnv>();
  outer.onError(onError);
  outer.use('*', alternateSyntax(deps, app, mount));
  outer.route('/', app);
  return outer;
}
