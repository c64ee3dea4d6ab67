/**
 * The signed-in person: `GET /me`, and their own profile for the expert finder:
 * `GET /me/profile` and `PATCH /me/profile` (ask me about, wants to learn, mentoring,
 * availability, listed or not). A profile carries `version`; both answers say
 * `ETag: "<version>"` and `PATCH` honours `If-Match` (412 with the `current` profile).
 */
import { Hono } from 'hono';
import { UpdateProfile, type Me } from '@peerkit/core/contract';
import {
  ensurePerson,
  loadProfile,
  personDetails,
  updateProfile,
  changesProfile,
} from '../data/people.js';
import { parseBody, requirePerson, type AppEnv, type Deps } from '../http.js';
import { checkIfMatch, etag } from '../preconditions.js';

export function meRoutes(deps: Deps) {
  const { db, tx } = deps;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const caller = requirePerson(c);
    await ensurePerson(db, caller);
    const row = await personDetails(db, caller.id);
    const email = caller.email ?? row?.email ?? undefined;
    const me: Me = {
      id: caller.id,
      name: caller.name,
      ...(email ? { email } : {}),
      ...(row?.title ? { title: row.title } : {}),
      ...(row?.team ? { team: row.team } : {}),
      roles: caller.roles,
    };
    return c.json(me);
  });

  app.get('/profile', async (c) => {
    const caller = requirePerson(c);
    await ensurePerson(db, caller);
    const profile = await loadProfile(db, caller.id);
    return c.json(profile, 200, { etag: etag(profile.version) });
  });

  app.patch('/profile', async (c) => {
    const caller = requirePerson(c);
    const change = parseBody(c, UpdateProfile);
    const profile = await tx(async (q) => {
      await ensurePerson(q, caller);
      const current = await loadProfile(q, caller.id, true);
      checkIfMatch(c, current.version, current);
      return changesProfile(current, change) ? updateProfile(q, caller.id, change) : current;
    });
    return c.json(profile, 200, { etag: etag(profile.version) });
  });

  return app;
}
