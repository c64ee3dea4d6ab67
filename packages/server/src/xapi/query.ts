/**
 * The parameters of `GET /xapi/statements` (xAPI 1.0.3 Communication §2.1.3), checked and
 * turned into a single-statement request or a filtered page. Every fault is a 400:
 * an unknown parameter (§3.2), both `statementId` and `voidedStatementId` (§2.1.3.s2.b1),
 * either of them with anything but `format` and `attachments` (§2.1.3.s2.b2), or a value
 * of the wrong type. Booleans are `true` or `false` as in JSON.
 */
import { decodeCursor } from '../http.js';
import { HttpError } from '../problem.js';
import type { StatementFilter, StatementWindow } from './statements-data.js';
import { StatementError, agentFilterIfi, instantOf, isUuid, timestamp } from './validate.js';

/** The largest page; `limit=0` asks for it (§2.1.3 "0 indicates return the maximum"). */
export const LIMIT_MAX = 500;

export type Format = 'ids' | 'exact' | 'canonical';

/** How the answer is shaped: `format` (default `exact`), `attachments` (default false). */
export interface Shape {
  format: Format;
  attachments: boolean;
}

export type StatementsRequest =
  | ({ kind: 'one'; id: string; voided: boolean } & Shape)
  | ({ kind: 'list'; filter: StatementFilter; window: StatementWindow } & Shape);

const PARAMS = new Set([
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
const SINGLE_WITH = new Set(['statementId', 'voidedStatementId', 'format', 'attachments']);
/** `verb=` and `activity=`: an IRI with a scheme. */
const IRI_PARAM = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

function bad(message: string): never {
  throw new HttpError(400, message);
}

function bool(params: URLSearchParams, key: string): boolean {
  const v = params.get(key);
  if (v === null) return false;
  if (v !== 'true' && v !== 'false') bad(`${key} must be true or false`);
  return v === 'true';
}

function shape(params: URLSearchParams): Shape {
  const format = params.get('format') ?? 'exact';
  if (format !== 'ids' && format !== 'exact' && format !== 'canonical') {
    bad('format must be ids, exact or canonical');
  }
  return { format, attachments: bool(params, 'attachments') };
}

/** Parses the query of `GET /xapi/statements`. */
export function parseStatementsQuery(params: URLSearchParams): StatementsRequest {
  for (const key of params.keys()) {
    if (!PARAMS.has(key)) bad(`unknown parameter "${key}"`);
  }
  const out = shape(params);
  const single = params.get('statementId') ?? params.get('voidedStatementId');
  if (single === null) {
    return { kind: 'list', filter: filter(params), window: window(params), ...out };
  }
  const voided = params.has('voidedStatementId');
  if (params.has('statementId') && voided) bad('use statementId or voidedStatementId, not both');
  for (const key of params.keys()) {
    if (!SINGLE_WITH.has(key)) {
      bad(`"${key}" cannot be combined with ${voided ? 'voidedStatementId' : 'statementId'}`);
    }
  }
  if (!isUuid(single)) bad('the statement id must be a UUID');
  return { kind: 'one', id: single.toLowerCase(), voided, ...out };
}

function filter(params: URLSearchParams): StatementFilter {
  const out: StatementFilter = {};
  const relatedAgents = bool(params, 'related_agents');
  const relatedActivities = bool(params, 'related_activities');
  const agent = params.get('agent');
  if (agent !== null) {
    try {
      out.agent = { key: agentFilterIfi(agent), related: relatedAgents };
    } catch (error) {
      if (error instanceof StatementError) bad(error.message);
      throw error;
    }
  }
  const verb = params.get('verb');
  if (verb !== null) {
    if (!IRI_PARAM.test(verb)) bad('verb must be an IRI');
    out.verb = verb;
  }
  const activity = params.get('activity');
  if (activity !== null) {
    if (!IRI_PARAM.test(activity)) bad('activity must be an IRI');
    out.activity = { id: activity, related: relatedActivities };
  }
  const registration = params.get('registration');
  if (registration !== null) {
    if (!isUuid(registration)) bad('registration must be a UUID');
    out.registration = registration.toLowerCase();
  }
  return out;
}

function instant(params: URLSearchParams, key: string): string | undefined {
  const v = params.get(key);
  if (v === null) return undefined;
  try {
    timestamp(v, key);
  } catch {
    bad(`${key} must be an ISO 8601 timestamp with a time zone`);
  }
  return new Date(instantOf(v)).toISOString();
}

function window(params: URLSearchParams): StatementWindow {
  const limitParam = params.get('limit');
  let limit = LIMIT_MAX;
  if (limitParam !== null) {
    if (!/^\d{1,6}$/.test(limitParam)) bad('limit must be a non-negative integer');
    limit = Number(limitParam) === 0 ? LIMIT_MAX : Math.min(Number(limitParam), LIMIT_MAX);
  }
  const out: StatementWindow = { limit, ascending: bool(params, 'ascending') };
  const since = instant(params, 'since');
  const until = instant(params, 'until');
  if (since) out.since = since;
  if (until) out.until = until;
  const cursor = params.get('cursor');
  if (cursor !== null) {
    const cur = decodeCursor(cursor)!;
    if (
      typeof cur['t'] !== 'string' ||
      typeof cur['s'] !== 'number' ||
      Number.isNaN(Date.parse(cur['t']))
    ) {
      bad('the cursor is not valid');
    }
    out.after = { stored: cur['t'] as string, seq: cur['s'] as number };
  }
  return out;
}
