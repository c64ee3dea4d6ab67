/**
 * Statement validation after xAPI 1.0.3 (Data, section 2.4 "Statement Properties" and
 * 2.3 "Statement Lifecycle"), the rules the ADL LRS conformance suite checks most:
 * - only the properties the specification defines, no `null` values, strings where
 *   strings are required;
 * - `id` and `registration` are UUIDs; IRIs have a scheme; language maps have RFC 5646
 *   keys; extension keys are IRIs;
 * - an Agent has exactly one inverse functional identifier (`mbox` a `mailto:` IRI,
 *   `mbox_sha1sum` 40 hex digits, `openid`, or `account` with `homePage` and `name`);
 *   a Group has `objectType: "Group"` and at most one identifier, and members when it has
 *   none;
 * - objects are Activities, Agents, Groups, StatementRefs or SubStatements (no nested
 *   SubStatement, no `id`/`stored`/`version`/`authority` inside one);
 * - `result.score` is consistent (`scaled` in −1..1, `min` ≤ `raw` ≤ `max`);
 *   `result.duration` is an ISO 8601 duration;
 * - `context.revision` and `context.platform` only when the object is an Activity;
 *   `contextActivities` values are normalised to arrays;
 * - `timestamp` is ISO 8601 with a time zone (not `-00:00`);
 * - `version`, when given, is 1.0.x;
 * - a voiding statement (`http://adlnet.gov/expapi/verbs/voided`) has a StatementRef
 *   object;
 * - attachments are not supported by this LRS (400).
 * Validation returns a normalised copy; the caller stores it verbatim.
 */

import languageTags from 'language-tags';
import { validateAttachments } from './attachments.js';

export class StatementError extends Error {}

type Json = Record<string, unknown>;

const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*\S$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const MBOX = /^mailto:[^@\s]+@[^@\s]+$/;
const SHA1 = /^[0-9a-f]{40}$/i;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d|[+-]\d\d)$/;
/** ISO 8601 durations: weeks stand alone (`P4W`, never `P4W1D`; ISO 8601:2004 §4.4.3.2). */
const DURATION =
  /^(P\d+(\.\d+)?W|P(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?)$/;
export const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const INTERACTION_TYPES = new Set([
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
]);

const fail = (path: string, message: string): never => {
  throw new StatementError(`${path}: ${message}`);
};

/** The properties the specification defines for each kind of object. */
const keys = (...names: string[]): ReadonlySet<string> => new Set(names);
const PROPERTIES = {
  statement: keys(
    'id',
    'actor',
    'verb',
    'object',
    'result',
    'context',
    'timestamp',
    'stored',
    'authority',
    'version',
    'attachments',
  ),
  subStatement: keys('objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp'),
  agent: keys('objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account', 'member'),
  account: keys('homePage', 'name'),
  verb: keys('id', 'display'),
  activity: keys('objectType', 'id', 'definition'),
  definition: keys(
    'name',
    'description',
    'type',
    'moreInfo',
    'extensions',
    'interactionType',
    'correctResponsesPattern',
    'choices',
    'scale',
    'source',
    'target',
    'steps',
  ),
  interactionComponent: keys('id', 'description'),
  statementRef: keys('objectType', 'id'),
  result: keys('score', 'success', 'completion', 'response', 'duration', 'extensions'),
  score: keys('scaled', 'raw', 'min', 'max'),
  context: keys(
    'registration',
    'instructor',
    'team',
    'contextActivities',
    'revision',
    'platform',
    'language',
    'statement',
    'extensions',
  ),
  contextActivities: keys('parent', 'grouping', 'category', 'other'),
};

/**
 * An object without `null` values (Data §2.2, XAPI-00001; extensions are checked apart);
 * with `allowed`, only those properties.
 */
export function obj(v: unknown, path: string, allowed?: ReadonlySet<string>): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'must be an object');
  const o = v as Json;
  for (const [k, value] of Object.entries(o)) {
    if (allowed && !allowed.has(k)) fail(path, `unknown property "${k}"`);
    if (value === null && k !== 'extensions') fail(`${path}.${k}`, 'must not be null');
  }
  return o;
}

function str(v: unknown, path: string, re?: RegExp, what = 'a string'): string {
  if (typeof v !== 'string') return fail(path, `must be ${what}`);
  if (re && !re.test(v)) fail(path, `must be ${what}`);
  return v;
}

export const iri = (v: unknown, path: string) => str(v, path, IRI, 'an absolute IRI');
export const isUuid = (v: unknown) => typeof v === 'string' && UUID.test(v);

/** Tags already checked (a bounded memo: the same few tags arrive again and again). */
const TAGS = new Map<string, boolean>();

/**
 * `language-tags` error codes that do not make a tag invalid under RFC 5646 §2.2.9: a
 * deprecated tag or subtag (`iw`, `en-GB-oed`) and a redundant script (`en-Latn`) are
 * still valid, only discouraged.
 */
const STILL_VALID = new Set([1, 10, 11]);

/**
 * Whether a string is a valid RFC 5646 language tag: well-formed, and every subtag in the
 * IANA Language Subtag Registry (the `language-tags` library and its copy of the registry).
 */
export function isLanguageTag(tag: string): boolean {
  let valid = TAGS.get(tag);
  if (valid === undefined) {
    valid = languageTags(tag)
      .errors()
      .every((e) => STILL_VALID.has(e.code));
    if (TAGS.size > 10_000) TAGS.clear();
    TAGS.set(tag, valid);
  }
  return valid;
}

/** A language map: RFC 5646 tags to strings (Data §4.2, XAPI-00013). */
export function langMap(v: unknown, path: string) {
  const o = obj(v, path);
  for (const [k, value] of Object.entries(o)) {
    if (!isLanguageTag(k)) fail(path, `"${k}" is not an RFC 5646 language tag`);
    str(value, `${path}.${k}`);
  }
}

/** Extensions: IRI keys, any JSON values, `null` and `{}` included (Data §4.1, XAPI-00119). */
function extensions(v: unknown, path: string) {
  if (v === null) return;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'must be an object');
  for (const k of Object.keys(v as Json)) {
    if (!IRI.test(k)) fail(path, `key "${k}" is not an IRI`);
  }
}

/**
 * Milliseconds since the epoch of an ISO 8601 timestamp, the `±hh` offset form included
 * (which `Date.parse` does not read); sub-millisecond digits are dropped.
 */
export function instantOf(s: string): number {
  return Date.parse(s.replace(/([+-]\d\d)$/, '$1:00'));
}

export function timestamp(v: unknown, path: string): string {
  const s = str(v, path, TIMESTAMP, 'an ISO 8601 timestamp with a time zone');
  if (/-00:?00$|-00$/.test(s)) fail(path, 'must not use the offset -00:00');
  if (Number.isNaN(instantOf(s))) fail(path, 'is not a valid date');
  return s;
}

/** The inverse functional identifier of a checked Agent or Group, as an index key. */
function identifier(o: Json, path: string): string | undefined {
  const ifis: string[] = [];
  if (o['mbox'] !== undefined)
    ifis.push(`mbox:${str(o['mbox'], `${path}.mbox`, MBOX, 'a mailto: IRI')}`);
  if (o['mbox_sha1sum'] !== undefined) {
    ifis.push(
      `sha1:${str(o['mbox_sha1sum'], `${path}.mbox_sha1sum`, SHA1, '40 hex digits').toLowerCase()}`,
    );
  }
  if (o['openid'] !== undefined) ifis.push(`openid:${iri(o['openid'], `${path}.openid`)}`);
  if (o['account'] !== undefined) {
    const a = obj(o['account'], `${path}.account`, PROPERTIES.account);
    const home = iri(a['homePage'], `${path}.account.homePage`);
    const name = str(a['name'], `${path}.account.name`);
    ifis.push(`account:${home}|${name}`);
  }
  if (ifis.length > 1) fail(path, 'must have exactly one identifier');
  return ifis[0];
}

/**
 * Validates an Agent or Group; answers the keys the `agent` filter matches it by: its own
 * inverse functional identifier, if any, then its members' (Communication §2.1.3: "Groups
 * that have members which match the specified Agent ... are considered a match").
 */
export function agent(v: unknown, path: string, allowGroup = true): string[] {
  const o = obj(v, path, PROPERTIES.agent);
  const type = o['objectType'] ?? 'Agent';
  if (type !== 'Agent' && type !== 'Group') fail(`${path}.objectType`, 'must be Agent or Group');
  if (type === 'Group' && !allowGroup) fail(path, 'must be an Agent');
  if (o['name'] !== undefined) str(o['name'], `${path}.name`);
  const ifi = identifier(o, path);
  const keys = ifi ? [ifi] : [];
  if (type === 'Agent') {
    if (o['member'] !== undefined) fail(path, 'an Agent has no members');
    if (!ifi) fail(path, 'an Agent needs exactly one identifier');
  } else if (o['member'] !== undefined) {
    if (!Array.isArray(o['member'])) fail(`${path}.member`, 'must be an array');
    (o['member'] as unknown[]).forEach((m, i) =>
      keys.push(...agent(m, `${path}.member[${i}]`, false)),
    );
  } else if (!ifi) {
    fail(path, 'an anonymous Group needs members');
  }
  return keys;
}

function interactionComponents(v: unknown, path: string) {
  if (!Array.isArray(v)) fail(path, 'must be an array');
  const ids = new Set<string>();
  (v as unknown[]).forEach((c, i) => {
    const o = obj(c, `${path}[${i}]`, PROPERTIES.interactionComponent);
    const id = str(o['id'], `${path}[${i}].id`);
    if (ids.has(id)) fail(path, `duplicate id "${id}"`);
    ids.add(id);
    if (o['description'] !== undefined) langMap(o['description'], `${path}[${i}].description`);
  });
}

/** An Activity Definition's interaction part: its type, answers pattern and components. */
function interaction(d: Json, path: string) {
  if (d['interactionType'] !== undefined) {
    const t = str(d['interactionType'], `${path}.interactionType`);
    if (!INTERACTION_TYPES.has(t)) fail(`${path}.interactionType`, 'unknown type');
  }
  if (d['correctResponsesPattern'] !== undefined) {
    const p = d['correctResponsesPattern'];
    if (d['interactionType'] === undefined) {
      fail(`${path}.correctResponsesPattern`, 'needs an interactionType (XAPI-00064)');
    }
    if (!Array.isArray(p) || p.some((x) => typeof x !== 'string')) {
      fail(`${path}.correctResponsesPattern`, 'must be an array of strings');
    }
  }
  for (const k of ['choices', 'scale', 'source', 'target', 'steps']) {
    if (d[k] !== undefined) {
      if (d['interactionType'] === undefined) fail(`${path}.${k}`, 'needs an interactionType');
      interactionComponents(d[k], `${path}.${k}`);
    }
  }
}

function definition(v: unknown, path: string) {
  const d = obj(v, path, PROPERTIES.definition);
  if (d['name'] !== undefined) langMap(d['name'], `${path}.name`);
  if (d['description'] !== undefined) langMap(d['description'], `${path}.description`);
  if (d['type'] !== undefined) iri(d['type'], `${path}.type`);
  if (d['moreInfo'] !== undefined) iri(d['moreInfo'], `${path}.moreInfo`);
  if (d['extensions'] !== undefined) extensions(d['extensions'], `${path}.extensions`);
  interaction(d, path);
}

function activity(v: unknown, path: string) {
  const o = obj(v, path, PROPERTIES.activity);
  if (o['objectType'] !== undefined && o['objectType'] !== 'Activity') {
    fail(`${path}.objectType`, 'must be Activity');
  }
  iri(o['id'], `${path}.id`);
  if (o['definition'] !== undefined) definition(o['definition'], `${path}.definition`);
  return o['id'] as string;
}

function statementRef(v: unknown, path: string) {
  const o = obj(v, path, PROPERTIES.statementRef);
  if (o['objectType'] !== 'StatementRef') fail(`${path}.objectType`, 'must be StatementRef');
  if (!isUuid(o['id'])) fail(`${path}.id`, 'must be a UUID');
  return o['id'] as string;
}

/** A score's numbers in range: `scaled` in [-1, 1], `min` ≤ `raw` ≤ `max` (Data §2.4.5.1). */
function scoreRange(s: Record<string, number | undefined>, path: string) {
  const { scaled, raw, min, max } = s;
  if (scaled !== undefined && (scaled < -1 || scaled > 1))
    fail(`${path}.scaled`, 'must be between -1 and 1');
  if (min !== undefined && max !== undefined && min > max) fail(path, 'min must not exceed max');
  if (raw !== undefined && min !== undefined && raw < min) fail(`${path}.raw`, 'below min');
  if (raw !== undefined && max !== undefined && raw > max) fail(`${path}.raw`, 'above max');
}

function score(v: unknown, path: string) {
  const s = obj(v, path, PROPERTIES.score);
  for (const k of ['scaled', 'raw', 'min', 'max']) {
    if (s[k] !== undefined && (typeof s[k] !== 'number' || !Number.isFinite(s[k]))) {
      fail(`${path}.${k}`, 'must be a number');
    }
  }
  scoreRange(s as Record<string, number | undefined>, path);
}

function result(v: unknown, path: string) {
  const o = obj(v, path, PROPERTIES.result);
  if (o['score'] !== undefined) score(o['score'], `${path}.score`);
  for (const k of ['success', 'completion']) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') fail(`${path}.${k}`, 'must be a boolean');
  }
  if (o['response'] !== undefined) str(o['response'], `${path}.response`);
  if (o['duration'] !== undefined)
    str(o['duration'], `${path}.duration`, DURATION, 'an ISO 8601 duration');
  if (o['extensions'] !== undefined) extensions(o['extensions'], `${path}.extensions`);
}

/** Checks the context activities, makes each kind an array (as stored) and notes the ids. */
function contextActivities(v: unknown, path: string, related: Related) {
  const ca = obj(v, path, PROPERTIES.contextActivities);
  for (const k of Object.keys(ca)) {
    const list = Array.isArray(ca[k]) ? (ca[k] as unknown[]) : [ca[k]];
    list.forEach((a, i) => related.activities.push(activity(a, `${path}.${k}[${i}]`)));
    ca[k] = list;
  }
}

function context(v: unknown, path: string, objectIsActivity: boolean, related: Related) {
  const o = obj(v, path, PROPERTIES.context);
  if (o['registration'] !== undefined && !isUuid(o['registration'])) {
    fail(`${path}.registration`, 'must be a UUID');
  }
  if (o['instructor'] !== undefined)
    related.agents.push(...agent(o['instructor'], `${path}.instructor`));
  if (o['team'] !== undefined) {
    const t = o['team'] as Json;
    if (t?.['objectType'] !== 'Group') fail(`${path}.team`, 'must be a Group');
    related.agents.push(...agent(t, `${path}.team`));
  }
  if (o['contextActivities'] !== undefined) {
    contextActivities(o['contextActivities'], `${path}.contextActivities`, related);
  }
  for (const k of ['revision', 'platform']) {
    if (o[k] !== undefined) {
      str(o[k], `${path}.${k}`);
      if (!objectIsActivity) fail(`${path}.${k}`, 'only allowed when the object is an Activity');
    }
  }
  if (o['language'] !== undefined && !isLanguageTag(str(o['language'], `${path}.language`))) {
    fail(`${path}.language`, 'must be an RFC 5646 language tag');
  }
  if (o['statement'] !== undefined) statementRef(o['statement'], `${path}.statement`);
  if (o['extensions'] !== undefined) extensions(o['extensions'], `${path}.extensions`);
}

interface Related {
  agents: string[];
  activities: string[];
}

/**
 * The columns the filters of `GET /statements` use (Communication §2.1.3), derived from a
 * statement as stored (with the `authority` the LRS set).
 */
export interface StatementIndex {
  verbId: string;
  /** The object's id when it is an Activity (`activity`). */
  objectId: string | null;
  /** The statement id of a StatementRef object, lower case (the StatementRef rules). */
  objectRef: string | null;
  /** Keys of the actor and of an Agent/Group object, members included (`agent`). */
  agents: string[];
  /**
   * Keys of every agent: actor, object, authority, instructor, team, the same in a
   * SubStatement, members included (`related_agents=true`).
   */
  relatedAgents: string[];
  /** Object, context activities of every kind, the same in a SubStatement (`related_activities=true`). */
  relatedActivities: string[];
  /** `context.registration`, lower case. */
  registration: string | null;
  /** The id a voiding statement voids, lower case. */
  voids: string | null;
}

export interface ValidStatement {
  /** The normalised copy to store. */
  statement: Json;
  id: string | undefined;
  /** The id a voiding statement voids, lower case. */
  voids: string | null;
  /** The index columns, but for the authority the LRS sets (`withAuthority`). */
  index: StatementIndex;
}

function core(s: Json, path: string, sub: boolean, related: Related) {
  const agents = agent(s['actor'], `${path}actor`);
  const verb = obj(s['verb'], `${path}verb`, PROPERTIES.verb);
  const verbId = iri(verb['id'], `${path}verb.id`);
  if (verb['display'] !== undefined) langMap(verb['display'], `${path}verb.display`);
  const object = s['object'];
  const objectType = (object as Json | undefined)?.['objectType'] ?? 'Activity';
  let objectId: string | null = null;
  let ref: string | null = null;
  if (objectType === 'Activity') {
    objectId = activity(object, `${path}object`);
    related.activities.push(objectId);
  } else if (objectType === 'Agent' || objectType === 'Group') {
    agents.push(...agent(object, `${path}object`));
  } else if (objectType === 'StatementRef') {
    ref = statementRef(object, `${path}object`).toLowerCase();
  } else if (objectType === 'SubStatement') {
    if (sub) fail(`${path}object`, 'a SubStatement cannot contain a SubStatement');
    core(obj(object, `${path}object`, PROPERTIES.subStatement), `${path}object.`, true, related);
  } else {
    fail(`${path}object.objectType`, 'unknown object type');
  }
  if (s['result'] !== undefined) result(s['result'], `${path}result`);
  if (s['context'] !== undefined)
    context(s['context'], `${path}context`, objectType === 'Activity', related);
  if (s['timestamp'] !== undefined) timestamp(s['timestamp'], `${path}timestamp`);
  if (verbId === VOIDED && objectType !== 'StatementRef') {
    fail(`${path}object`, 'a voiding statement must have a StatementRef object');
  }
  related.agents.push(...agents);
  return { verbId, objectId, agents, ref };
}

/**
 * An authority: an Agent, or an anonymous Group of exactly two Agents (an OAuth consumer
 * and a user, Data §2.4.9, XAPI-00098/00100).
 */
function authority(v: unknown): string[] {
  const path = 'statement.authority';
  const keys = agent(v, path);
  const o = v as Json;
  if (o['objectType'] === 'Group') {
    const members = o['member'] as unknown[] | undefined;
    if (identifier(o, path) || members?.length !== 2) {
      fail(path, 'a Group authority is anonymous and has exactly two Agents');
    }
  }
  return keys;
}

/**
 * Checks a statement; answers the normalised copy and its index columns. `own`: the input
 * is the caller's to change (fresh from `JSON.parse`), so it is normalised in place rather
 * than copied first. `withAuthority`: the authority's agents count in `relatedAgents` (a
 * stored statement's authority is the LRS's; a client's is replaced).
 */
function check(
  input: unknown,
  own: boolean,
  withAuthority: boolean,
): { statement: Json; index: StatementIndex } {
  const s = obj(own ? input : structuredClone(input), 'statement', PROPERTIES.statement);
  if (s['id'] !== undefined && !isUuid(s['id'])) fail('statement.id', 'must be a UUID');
  if (s['attachments'] !== undefined)
    validateAttachments(s['attachments'], 'statement.attachments');
  if (s['stored'] !== undefined) timestamp(s['stored'], 'statement.stored');
  if (s['version'] !== undefined)
    str(s['version'], 'statement.version', /^1\.0(\.\d+)?$/, 'a 1.0.x version');
  const related: Related = { agents: [], activities: [] };
  if (s['authority'] !== undefined) {
    const keys = authority(s['authority']);
    if (withAuthority) related.agents.push(...keys);
  }
  const { verbId, objectId, agents, ref } = core(s, 'statement.', false, related);
  const ctx = s['context'] as Json | undefined;
  const index: StatementIndex = {
    verbId,
    objectId,
    objectRef: ref,
    agents: [...new Set(agents)],
    relatedAgents: [...new Set(related.agents)],
    relatedActivities: [...new Set(related.activities)],
    registration: (ctx?.['registration'] as string | undefined)?.toLowerCase() ?? null,
    voids: verbId === VOIDED ? ref : null,
  };
  return { statement: s, index };
}

/** Validates a statement a client sent; throws `StatementError` with the path at fault. */
export function validateStatement(input: unknown, own = false): ValidStatement {
  const { statement, index } = check(input, own, false);
  return {
    statement,
    id: (statement['id'] as string | undefined)?.toLowerCase(),
    voids: index.voids,
    index,
  };
}

/** The index columns of a statement as stored (see `StatementIndex`). */
export function statementIndex(stored: Json): StatementIndex {
  return check(stored, true, true).index;
}

/** The index columns of a checked statement once the LRS set its `authority`. */
export function withAuthority(index: StatementIndex, authority: Json): StatementIndex {
  const keys = agent(authority, 'authority');
  return { ...index, relatedAgents: [...new Set([...index.relatedAgents, ...keys])] };
}

/**
 * The `agent` filter's key for the Agent or identified Group given as JSON in a query
 * (an anonymous Group is not a filter value: §2.1.3 "Agent or Identified Group Object").
 */
export function agentFilterIfi(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StatementError('agent: not JSON');
  }
  agent(value, 'agent');
  const ifi = identifier(value as Json, 'agent');
  if (!ifi) throw new StatementError('agent: needs an identifier');
  return ifi;
}

/**
 * Whether two statements with the same id are the same one: compared without the
 * properties the LRS sets (`stored`, `authority`, `version`), with timestamps compared as
 * instants and object keys in any order.
 */
export function sameStatement(a: Json, b: Json): boolean {
  const strip = (s: Json) => {
    const { stored: _s, authority: _a, version: _v, ...rest } = s;
    if (typeof rest['timestamp'] === 'string')
      rest['timestamp'] = instantOf(rest['timestamp'] as string);
    return canonical(rest);
  };
  return strip(a) === strip(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Json)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
