/**
 * Reflections (docs/decisions.md §13): `GET /reflections?activity=&scope=&team=&kind=`,
 * `PUT /reflections/{id}` (an idempotent upsert under a client-made UUID, personal or, with
 * `team`, a team reflection), `DELETE /reflections/{id}`, the members' entries of a team
 * reflection (`reflection-entries.ts`) and its live stream `GET /reflections/stream`.
 *
 * Who reads what: `private` ones only their author; `team` ones the people of the author's
 * team (a team reflection: the members of its team); `public` ones everyone (anonymous
 * readers too when the server allows anonymous reads). Scopes: `mine` (default; my personal
 * reflections and the team reflections I started or wrote in, any visibility; `activity`
 * optional), `team` (shared with my team), `public`, `shared` (`team` and `public`).
 *
 * A reflection carries `version`; `PUT` answers `ETag: "<version>"` and honours `If-Match`
 * (412 with the `current` reflection; with no reflection stored yet, any `If-Match` fails).
 */
import { Hono } from 'hono';
import {
  ReflectionStreamQuery,
  ReflectionsQuery,
  SaveReflection,
  type Reflection,
} from '@peerkit/core/contract';
import type { Caller } from '../auth.js';
import type { Queryable } from '../db.js';
import { ensurePerson } from '../data/people.js';
import {
  deleteReflection,
  fullReflection,
  listReflections,
  loadReflection,
  openTeamReflection,
  promptIds,
  saveReflection,
  teamOf,
  toReflection,
  type ReflectionRow,
} from '../data/reflections.js';
import { teamStream } from '../events.js';
import {
  allowRead,
  check,
  keysetArgs,
  keysetPage,
  parseBody,
  parseQuery,
  requirePerson,
  type AppEnv,
  type Ctx,
  type Deps,
} from '../http.js';
import { checkIfMatch, etag } from '../preconditions.js';
import { HttpError } from '../problem.js';
import { Uuid, entryRoutes, memberOf } from './reflection-entries.js';
import { streamRoute } from './stream.js';

export function reflectionRoutes(deps: Deps) {
  const { db, config, reflectionEvents } = deps;
  const app = new Hono<AppEnv>();

  const stream = streamRoute(config, async (c) => {
    const caller = requirePerson(c);
    const query = parseQuery(c, ReflectionStreamQuery);
    await memberOf(db, caller, query.team);
    return { log: reflectionEvents, stream: teamStream(query.team, query.activity) };
  });
  app.route('/stream', stream.app);
  app.route('/', entryRoutes(deps));

  app.get('/', (c) => list(c, deps));

  app.put('/:id', async (c) => {
    const caller = requirePerson(c);
    const id = check(Uuid, c.req.param('id')).toLowerCase();
    const input = parseBody(c, SaveReflection);
    let result: { reflection: Reflection; created: boolean };
    try {
      result = await deps.tx((q) =>
        input.team === undefined
          ? savePersonal(c, q, caller, id, input)
          : saveTeam(c, q, deps, caller, id, { ...input, team: input.team }),
      );
    } catch (error) {
      // Two members making their team's reflection at once on PostgreSQL: the unique index of
      // open team reflections refuses the second; it adopts the first.
      if (input.team !== undefined && isUniqueViolation(error)) {
        throw await alreadyOpen(db, input.team, input.activity);
      }
      throw error;
    }
    const { reflection, created } = result;
    return c.json(reflection, created ? 201 : 200, { etag: etag(reflection.version) });
  });

  app.delete('/:id', async (c) => {
    const caller = requirePerson(c);
    const id = check(Uuid, c.req.param('id')).toLowerCase();
    await deps.tx(async (q) => {
      const existing = await loadReflection(q, id, true);
      if (!existing) throw new HttpError(404, 'no such reflection');
      if (existing.author_id !== caller.id) {
        throw new HttpError(
          403,
          existing.reflection_team === null
            ? 'this reflection belongs to someone else'
            : 'only the member who started a team reflection may delete it',
        );
      }
      await deleteReflection(q, id);
      if (existing.reflection_team !== null) {
        const where = { team: existing.reflection_team, activity: existing.activity };
        await reflectionEvents.publish(q, where, { type: 'reflection.deleted', id, ...where });
      }
    });
    return c.body(null, 204);
  });

  return { app, closeAll: stream.closeAll };
}

/** `GET /reflections`: a page of the reflections `scope` (and `team`, `kind`) lets the caller read. */
async function list(c: Ctx, deps: Deps): Promise<Response> {
  const { db, config } = deps;
  const query = parseQuery(c, ReflectionsQuery);
  const scope = query.scope ?? 'mine';
  const caller = scope === 'public' || scope === 'shared' ? allowRead(c, config) : requirePerson(c);
  if (query.activity === undefined && scope !== 'mine') {
    throw new HttpError(400, 'activity is required except with scope=mine', {
      errors: [{ path: 'activity', message: 'required' }],
    });
  }
  if (query.team !== undefined) await memberOf(db, requirePerson(c), query.team);
  // The team's stream position, read before the rows: events up to it are in them (an older
  // id than the rows only replays more; a write still committing is in `EventLog.since`'s
  // replay window), so resuming from it loses nothing (docs/decisions.md §22).
  const eventId =
    query.team !== undefined && query.activity !== undefined
      ? await deps.reflectionEvents.latestId(teamStream(query.team, query.activity))
      : undefined;
  // The token's team claim, else the team stored for the caller (decisions §13).
  const callerTeam = caller ? (caller.team ?? (await teamOf(db, caller.id))) : null;
  const { limit, after } = keysetArgs(query);
  const { rows, entries, total } = await listReflections(
    db,
    {
      activity: query.activity,
      scope,
      callerId: caller?.id,
      callerTeam,
      team: query.team,
      kind: query.kind,
    },
    limit,
    after,
  );
  const page = keysetPage(
    rows,
    limit,
    total,
    (r) => toReflection(r, entries),
    (r) => r.seq,
  );
  return c.json(eventId === undefined ? page : { ...page, eventId: String(eventId) });
}

/** `PUT` of a personal reflection: its author only; it cannot become a team one. */
async function savePersonal(
  c: Ctx,
  q: Queryable,
  caller: Caller,
  id: string,
  input: SaveReflection,
): Promise<{ reflection: Reflection; created: boolean }> {
  const existing = await loadReflection(q, id, true);
  if (existing && existing.reflection_team !== null) {
    throw new HttpError(409, 'this is a team reflection: send its team');
  }
  if (existing && existing.author_id !== caller.id) {
    throw new HttpError(403, 'this reflection belongs to someone else');
  }
  if (input.closed !== undefined) {
    throw new HttpError(400, 'only a team reflection can be closed', {
      errors: [{ path: 'closed', message: 'team reflections only' }],
    });
  }
  checkIfMatch(c, existing?.version, existing && toReflection(existing));
  await ensurePerson(q, caller);
  const saved = await saveReflection(q, id, caller.id, input);
  return { reflection: toReflection(saved), created: !existing };
}

/** What a team reflection's body must be beyond the schema: 400 otherwise. */
function checkTeamBody(input: SaveReflection): void {
  const fail = (path: string, message: string) => {
    throw new HttpError(400, `a team reflection: ${message}`, { errors: [{ path, message }] });
  };
  if (input.visibility === 'private') fail('visibility', 'is team or public');
  const ids = new Set<string>();
  input.answers.forEach((a, i) => {
    if (a.id === undefined) fail(`answers.${i}.id`, 'every answer has an id');
    else if (ids.has(a.id)) fail(`answers.${i}.id`, 'answer ids are distinct');
    else ids.add(a.id);
    if (a.answer !== '') fail(`answers.${i}.answer`, "members write entries; answer is ''");
  });
}

/**
 * `PUT` of a team reflection: any member of its team; one open per team and activity (409
 * with it); team, activity and prompt ids fixed once made.
 */
async function saveTeam(
  c: Ctx,
  q: Queryable,
  deps: Deps,
  caller: Caller,
  id: string,
  input: SaveReflection & { team: string },
): Promise<{ reflection: Reflection; created: boolean }> {
  checkTeamBody(input);
  // The reflection's row is locked before the caller's person row (`memberOf` keeps the
  // token's claims), the order an entry's write takes too, so the two never deadlock.
  const existing = await loadReflection(q, id, true);
  await memberOf(q, caller, input.team);
  if (existing) {
    if (existing.reflection_team === null) {
      throw new HttpError(409, 'this is a personal reflection: it cannot become a team one');
    }
    checkSameFrame(existing, input);
    checkIfMatch(c, existing.version, await fullReflection(q, existing));
  } else {
    checkIfMatch(c, undefined);
  }
  const reopening = !(input.closed ?? false) && (existing?.closed ?? true);
  if (reopening) {
    const open = await openTeamReflection(q, input.team, input.activity);
    if (open && open.id !== id) throw await alreadyOpen(q, input.team, input.activity, open);
  }
  const saved = await saveReflection(q, id, existing?.author_id ?? caller.id, input);
  const reflection = await fullReflection(q, saved);
  await deps.reflectionEvents.publish(q, input, { type: 'reflection.saved', reflection });
  return { reflection, created: !existing };
}

/** A team reflection's team, activity and prompt ids (in order) never change: 409. */
function checkSameFrame(existing: ReflectionRow, input: SaveReflection & { team: string }) {
  if (existing.reflection_team !== input.team || existing.activity !== input.activity) {
    throw new HttpError(409, "a team reflection's team and activity do not change");
  }
  const before = promptIds(existing).join('\n');
  const after = input.answers.map((a) => a.id ?? '').join('\n');
  if (before !== after) throw new HttpError(409, "a team reflection's prompt ids do not change");
}

/** The 409 for a second open team reflection, carrying the open one as `current`. */
async function alreadyOpen(
  q: Queryable,
  team: string,
  activity: string,
  open?: ReflectionRow,
): Promise<HttpError> {
  const row = open ?? (await openTeamReflection(q, team, activity));
  return new HttpError(409, 'this team already has an open reflection on this activity', {
    ...(row ? { members: { current: await fullReflection(q, row) } } : {}),
  });
}

const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === '23505';
