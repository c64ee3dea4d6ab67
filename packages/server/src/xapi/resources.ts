/**
 * The read-only resources of xAPI 1.0.3 besides statements and documents:
 * - `GET /agents?agent=` (Communication §2.4): the Person object of an Agent. This LRS
 *   links no identities, so the Person holds the requested Agent's identifier and name
 *   (§2.4: "the LRS MUST still return a Person ... with only the information associated
 *   with the requested Agent").
 * - `GET /activities?activityId=` (§2.5): the Activity with its definition as this LRS
 *   knows it, built from the statements that mention it (object, context activities, the
 *   same in a SubStatement), oldest first, each later definition's properties replacing the
 *   earlier ones and its language maps adding to them (§2.5: "all available information",
 *   e.g. two languages sent in two statements); the newest 200 such statements are read.
 *   An Activity no statement mentions answers its id alone.
 * - `GET /about` (§2.8): the versions this LRS speaks, and no extensions.
 */
import type { Hono } from 'hono';
import type { AppEnv, Ctx, Deps } from '../http.js';
import { HttpError } from '../problem.js';
import { requireReader } from './access.js';
import { agentParam } from './documents/params.js';

type Json = Record<string, unknown>;

export const VERSIONS = ['1.0.3', '1.0.2', '1.0.1', '1.0.0'];
const LANGUAGE_MAPS = new Set(['name', 'description']);
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

function only(c: Ctx, names: string[]): URLSearchParams {
  const params = new URL(c.req.url).searchParams;
  for (const k of params.keys()) {
    if (!names.includes(k)) throw new HttpError(400, `unknown parameter "${k}"`);
  }
  return params;
}

/** The Person object of the `agent` parameter (§2.4.s5: every property an array). */
function person(agentJson: string): Json {
  agentParam(agentJson);
  const a = JSON.parse(agentJson) as Json;
  const out: Json = { objectType: 'Person' };
  if (typeof a['name'] === 'string') out['name'] = [a['name']];
  for (const k of ['mbox', 'mbox_sha1sum', 'openid', 'account']) {
    if (a[k] !== undefined) out[k] = [a[k]];
  }
  return out;
}

/** Every Activity object of a statement: object, context activities, in a SubStatement too. */
function activitiesOf(s: Json): Json[] {
  const out: Json[] = [];
  const object = s['object'] as Json | undefined;
  const type = object?.['objectType'] ?? 'Activity';
  if (object && type === 'Activity') out.push(object);
  if (object && type === 'SubStatement') out.push(...activitiesOf(object));
  const ca = (s['context'] as Json | undefined)?.['contextActivities'] as Json | undefined;
  for (const list of Object.values(ca ?? {})) {
    if (Array.isArray(list)) out.push(...(list as Json[]));
  }
  return out;
}

/** `later` over `earlier`: properties replaced, language maps and extensions merged. */
function mergeDefinition(earlier: Json, later: Json): Json {
  const out: Json = { ...earlier };
  for (const [k, v] of Object.entries(later)) {
    const merge = LANGUAGE_MAPS.has(k) || k === 'extensions';
    out[k] = merge && out[k] ? { ...(out[k] as Json), ...(v as Json) } : v;
  }
  return out;
}

async function activity(deps: Deps, id: string): Promise<Json> {
  const rows = await deps.db.query<{ statement: unknown }>(
    `SELECT statement FROM statements WHERE related_activities @> ARRAY[$1]::text[]
     ORDER BY stored DESC, seq DESC LIMIT 200`,
    [id],
  );
  let definition: Json | undefined;
  for (const row of rows.reverse()) {
    const s = (
      typeof row.statement === 'string' ? JSON.parse(row.statement) : row.statement
    ) as Json;
    for (const a of activitiesOf(s)) {
      const d = a['definition'] as Json | undefined;
      if (a['id'] === id && d) definition = mergeDefinition(definition ?? {}, d);
    }
  }
  return { objectType: 'Activity', id, ...(definition ? { definition } : {}) };
}

/** Mounts `/agents`, `/activities` and `/about` on `app`. */
export function resourceRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.get('/about', (c) => c.json({ version: VERSIONS, extensions: {} }));
  app.get('/agents', (c) => {
    requireReader(c, deps.config);
    const agent = only(c, ['agent']).get('agent');
    if (agent === null) throw new HttpError(400, 'agent is required');
    return c.json(person(agent));
  });
  app.get('/activities', async (c) => {
    requireReader(c, deps.config);
    const id = only(c, ['activityId']).get('activityId');
    if (id === null) throw new HttpError(400, 'activityId is required');
    if (!IRI.test(id)) throw new HttpError(400, 'activityId must be an IRI');
    return c.json(await activity(deps, id));
  });
}
