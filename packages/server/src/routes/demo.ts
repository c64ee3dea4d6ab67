/**
 * Demo sign-in (demo mode only, else 404): `GET /demo/people` lists the seeded people,
 * `POST /demo/session` signs a token for one of them (with their `team` claim).
 */
import { Hono } from 'hono';
import { DemoSessionRequest, type DemoPerson } from '@peerkit/core/contract';
import { demoPeople, demoPerson } from '../data/people.js';
import { parseBody, personSummary, type AppEnv, type Deps } from '../http.js';
import { HttpError } from '../problem.js';

export function demoRoutes(deps: Deps) {
  const { db, auth, config } = deps;
  const app = new Hono<AppEnv>();

  app.get('/people', async (c) => {
    if (!config.demo) throw new HttpError(404, 'demo mode is off');
    const items: DemoPerson[] = (await demoPeople(db)).map((r) => ({
      ...personSummary(r.id, r.name, r.title, r.team),
      roles: r.roles,
    }));
    return c.json({ items });
  });

  app.post('/session', async (c) => {
    if (!config.demo) throw new HttpError(404, 'demo mode is off');
    const { personId } = parseBody(c, DemoSessionRequest);
    const row = await demoPerson(db, personId);
    if (!row) throw new HttpError(404, 'no demo person with this id');
    const token = await auth.sign({
      id: row.id,
      name: row.name,
      ...(row.email ? { email: row.email } : {}),
      roles: row.roles,
      ...(row.team ? { team: row.team } : {}),
    });
    return c.json({ token });
  });

  return app;
}
