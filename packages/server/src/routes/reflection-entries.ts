/**
 * A member's own entries of a team reflection (docs/decisions.md §13):
 * `PUT /reflections/{id}/entries/{entryId}` (an upsert under a UUID the member's browser
 * makes; `If-Match` on the entry's `version`, 412 with the `current` entry) and `DELETE`.
 * Only members of the reflection's team write; each only their own entries (403); a closed
 * reflection takes none (409). Each change is published on the team's stream.
 */
import { Hono } from 'hono';
import { SaveReflectionEntry } from '@peerkit/core/contract';
import * as z from 'zod/mini';
import type { Caller } from '../auth.js';
import { ensurePerson } from '../data/people.js';
import type { Queryable } from '../db.js';
import {
  deleteEntry,
  fullReflection,
  loadEntry,
  loadReflection,
  promptIds,
  saveEntry,
  teamOf,
  toEntry,
  type EntryRow,
  type ReflectionRow,
} from '../data/reflections.js';
import { check, parseBody, requirePerson, type AppEnv, type Deps } from '../http.js';
import { checkIfMatch, etag } from '../preconditions.js';
import { HttpError } from '../problem.js';

export const Uuid = z.uuid();

/**
 * The caller's team, after their token's `team` claim is kept; 403 unless it is `team` (when
 * given). The one membership check of team reflections.
 */
export async function memberOf(q: Queryable, caller: Caller, team?: string): Promise<string> {
  await ensurePerson(q, caller);
  const mine = await teamOf(q, caller.id);
  if (mine === null) throw new HttpError(403, 'you are not in a team');
  if (team !== undefined && mine !== team) throw new HttpError(403, 'you are not in this team');
  return mine;
}

/**
 * The open team reflection `id`, locked until the transaction ends (so closing it and
 * writing an entry never cross), when the caller is a member of its team.
 */
async function writableReflection(
  q: Queryable,
  caller: Caller,
  id: string,
): Promise<ReflectionRow & { reflection_team: string }> {
  const r = await loadReflection(q, id, true);
  if (!r) throw new HttpError(404, 'no such reflection');
  const team = r.reflection_team;
  if (team === null) throw new HttpError(409, 'a personal reflection has no entries');
  await memberOf(q, caller, team);
  if (r.closed) {
    throw new HttpError(409, 'this team reflection is closed', {
      members: { current: await fullReflection(q, r) },
    });
  }
  return { ...r, reflection_team: team };
}

/** The entry `entryId` of reflection `id`, when it is the caller's (or none yet). */
async function ownEntry(
  q: Queryable,
  caller: Caller,
  id: string,
  entryId: string,
): Promise<EntryRow | undefined> {
  const entry = await loadEntry(q, entryId, true);
  if (entry && entry.reflection_id !== id) {
    throw new HttpError(409, 'this entry belongs to another reflection');
  }
  if (entry && entry.author_id !== caller.id) {
    throw new HttpError(403, 'this entry belongs to another member');
  }
  return entry;
}

export function entryRoutes(deps: Deps) {
  const { reflectionEvents } = deps;
  const app = new Hono<AppEnv>();

  app.put('/:id/entries/:entryId', async (c) => {
    const caller = requirePerson(c);
    const id = check(Uuid, c.req.param('id')).toLowerCase();
    const entryId = check(Uuid, c.req.param('entryId')).toLowerCase();
    const input = parseBody(c, SaveReflectionEntry);
    const { entry, created } = await deps.tx(async (q) => {
      const r = await writableReflection(q, caller, id);
      if (!promptIds(r).includes(input.prompt)) {
        throw new HttpError(400, 'no such prompt in this reflection', {
          errors: [{ path: 'prompt', message: `one of ${promptIds(r).join(', ')}` }],
        });
      }
      const existing = await ownEntry(q, caller, id, entryId);
      checkIfMatch(c, existing?.version, existing && toEntry(existing));
      const saved = toEntry(await saveEntry(q, id, entryId, caller.id, input));
      const where = { team: r.reflection_team, activity: r.activity };
      await reflectionEvents.publish(q, where, {
        type: 'entry.saved',
        reflectionId: id,
        entry: saved,
      });
      return { entry: saved, created: !existing };
    });
    return c.json(entry, created ? 201 : 200, { etag: etag(entry.version) });
  });

  app.delete('/:id/entries/:entryId', async (c) => {
    const caller = requirePerson(c);
    const id = check(Uuid, c.req.param('id')).toLowerCase();
    const entryId = check(Uuid, c.req.param('entryId')).toLowerCase();
    await deps.tx(async (q) => {
      const r = await writableReflection(q, caller, id);
      const existing = await ownEntry(q, caller, id, entryId);
      if (!existing) throw new HttpError(404, 'no such entry');
      checkIfMatch(c, existing.version, toEntry(existing));
      await deleteEntry(q, id, entryId);
      const where = { team: r.reflection_team, activity: r.activity };
      await reflectionEvents.publish(q, where, {
        type: 'entry.deleted',
        reflectionId: id,
        entryId,
        prompt: existing.prompt,
      });
    });
    return c.body(null, 204);
  });

  return app;
}
