/**
 * The `format` of statements answered by `GET /xapi/statements` (xAPI 1.0.3 Communication
 * §2.1.3):
 * - `exact` (default): as received.
 * - `ids`: Agents and identified Groups keep `objectType` and their one identifier; an
 *   anonymous Group keeps `objectType` and its members, each reduced the same way;
 *   Activities keep `id`; Verbs keep `id`. This applies to the actor, the object, the
 *   authority, `context.instructor`, `context.team`, context activities, and the same
 *   inside a SubStatement.
 * - `canonical`: this LRS keeps no definitions apart from the statements, so each
 *   statement's own Activity definitions and Verb displays are the canonical ones; every
 *   language map in them (Activity `name`, `description`, interaction components'
 *   `description`, Verb `display`) keeps one language, chosen per map by the request's
 *   `Accept-Language` (§2.1.3 "Language Filtering Requirements"; ranges after RFC 2616
 *   §14.4: a range matches a tag equal to it or starting with it and `-`; `*` matches
 *   any). With no match, a tag with the same primary subtag, else the map's first key.
 *   Agents and Groups stay as received.
 */
import { parseAccept } from 'hono/utils/accept';
import type { Format } from './query.js';

type Json = Record<string, unknown>;

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const COMPONENTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
const CONTEXT_ACTIVITIES = ['parent', 'grouping', 'category', 'other'] as const;

function idsAgent(a: Json): Json {
  const out: Json = {};
  if (a['objectType'] !== undefined) out['objectType'] = a['objectType'];
  const ifi = IFIS.find((k) => a[k] !== undefined);
  if (ifi) out[ifi] = a[ifi];
  else if (Array.isArray(a['member'])) out['member'] = (a['member'] as Json[]).map(idsAgent);
  return out;
}

/** Applies `agent`, `verb` and `activity` to each place of a statement that holds one. */
function mapStatement(
  s: Json,
  fn: { agent(a: Json): Json; verb(v: Json): Json; activity(a: Json): Json },
): Json {
  const out: Json = { ...s, actor: fn.agent(s['actor'] as Json), verb: fn.verb(s['verb'] as Json) };
  const object = s['object'] as Json;
  const type = object['objectType'] ?? 'Activity';
  if (type === 'Activity') out['object'] = fn.activity(object);
  else if (type === 'Agent' || type === 'Group') out['object'] = fn.agent(object);
  else if (type === 'SubStatement') out['object'] = mapStatement(object, fn);
  if (s['authority'] !== undefined) out['authority'] = fn.agent(s['authority'] as Json);
  const context = s['context'] as Json | undefined;
  if (context) {
    const c: Json = { ...context };
    if (c['instructor'] !== undefined) c['instructor'] = fn.agent(c['instructor'] as Json);
    if (c['team'] !== undefined) c['team'] = fn.agent(c['team'] as Json);
    const ca = c['contextActivities'] as Json | undefined;
    if (ca) {
      const mapped: Json = { ...ca };
      for (const k of CONTEXT_ACTIVITIES) {
        if (Array.isArray(ca[k])) mapped[k] = (ca[k] as Json[]).map(fn.activity);
      }
      c['contextActivities'] = mapped;
    }
    out['context'] = c;
  }
  return out;
}

/** The language ranges of an `Accept-Language` header, best first, `q=0` left out. */
export function languageRanges(header: string | undefined): string[] {
  return parseAccept(header ?? '')
    .filter((a) => a.q > 0)
    .map((a) => a.type.toLowerCase());
}

/** The one key of a language map to keep (see the module comment). */
export function pickLanguage(keys: string[], ranges: string[]): string | undefined {
  const lower = keys.map((k) => k.toLowerCase());
  for (const range of ranges) {
    if (range === '*') return keys[0];
    const i = lower.findIndex((k) => k === range || k.startsWith(`${range}-`));
    if (i >= 0) return keys[i];
  }
  for (const range of ranges) {
    const primary = range.split('-')[0];
    const i = lower.findIndex((k) => k.split('-')[0] === primary);
    if (i >= 0) return keys[i];
  }
  return keys[0];
}

function oneLanguage(map: unknown, ranges: string[]): unknown {
  if (!map || typeof map !== 'object') return map;
  const m = map as Json;
  const key = pickLanguage(Object.keys(m), ranges);
  return key === undefined ? m : { [key]: m[key] };
}

function canonicalActivity(a: Json, ranges: string[]): Json {
  const d = a['definition'] as Json | undefined;
  if (!d) return a;
  const def: Json = { ...d };
  for (const k of ['name', 'description']) {
    if (def[k] !== undefined) def[k] = oneLanguage(def[k], ranges);
  }
  for (const k of COMPONENTS) {
    if (Array.isArray(def[k])) {
      def[k] = (def[k] as Json[]).map((c) =>
        c['description'] === undefined
          ? c
          : { ...c, description: oneLanguage(c['description'], ranges) },
      );
    }
  }
  return { ...a, definition: def };
}

/**
 * A stored statement in the requested format; `acceptLanguage` is the request's header
 * (read for `canonical` only).
 */
export function formatStatement(s: Json, format: Format, acceptLanguage?: string): Json {
  if (format === 'exact') return s;
  if (format === 'ids') {
    return mapStatement(s, {
      agent: idsAgent,
      verb: (v) => ({ id: v['id'] }),
      activity: (a) => ({ id: a['id'] }),
    });
  }
  const ranges = languageRanges(acceptLanguage);
  return mapStatement(s, {
    agent: (a) => a,
    verb: (v) => (v['display'] ? { ...v, display: oneLanguage(v['display'], ranges) } : v),
    activity: (a) => canonicalActivity(a, ranges),
  });
}
