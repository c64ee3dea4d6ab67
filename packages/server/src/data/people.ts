/**
 * People: the rows behind author names and the signed-in person. Writes of other
 * resources call `ensurePerson` first so every answer can name its author.
 */
import type { Caller } from '../auth.js';
import type { Queryable } from '../db.js';

/** Ensures the caller has a row in `people` (for author names), refreshing name and email. */
export async function ensurePerson(q: Queryable, caller: Caller): Promise<void> {
  await q.query(
    `INSERT INTO people (id, name, email) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = COALESCE(EXCLUDED.email, people.email)
     WHERE people.name IS DISTINCT FROM EXCLUDED.name
        OR (EXCLUDED.email IS NOT NULL AND people.email IS DISTINCT FROM EXCLUDED.email)`,
    [caller.id, caller.name, caller.email ?? null],
  );
}

/** What `GET /me` adds to the token's claims. */
export async function personDetails(
  q: Queryable,
  id: string,
): Promise<{ title: string | null; team: string | null; email: string | null } | undefined> {
  const [row] = await q.query<{ title: string | null; team: string | null; email: string | null }>(
    'SELECT title, team, email FROM people WHERE id = $1',
    [id],
  );
  return row;
}
