/**
 * Experts: `GET /people` ranked, `GET /skills` suggestions, `POST /people/{id}/endorsements`.
 *
 * Ranking (higher first), all computed in one query:
 *   10 × level of the asked skill (`skill=`), or of the best skill matching `q`
 * +  3 × endorsements (of the asked skill, or of all their skills)
 * +  2 × kudos received (their posts thanked, and kudos given to them directly)
 * +  4 × their visible posts on `activity` (when given: people active there rise)
 * +  5 when `q` matches their name, title, team or an "ask me about" topic
 * +  1 when they mentor
 * then by name. Without `q` and `skill` everyone with a skill or topic is listed.
 * The signed-in person is left out (nobody needs to find themselves).
 */
import { Hono } from 'hono';
import {
  CreateEndorsement,
  LIMIT_DEFAULT,
  PeopleQuery,
  SkillsQuery,
  type Expert,
} from '@peerkit/core/contract';
import {
  allowRead,
  check,
  cursorInt,
  decodeCursor,
  encodeCursor,
  IdParam,
  parseBody,
  parseQuery,
  personSummary,
  requirePerson,
  type AppEnv,
  type Deps,
} from '../http.js';
import { HttpError } from '../problem.js';
import { ensurePerson } from '../data/people.js';

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export function peopleRoutes(deps: Deps) {
  const { db, config, tx } = deps;
  const people = new Hono<AppEnv>();
  const skills = new Hono<AppEnv>();

  people.get('/', async (c) => {
    const caller = allowRead(c, config);
    const query = parseQuery(c, PeopleQuery);
    const limit = query.limit ?? LIMIT_DEFAULT;
    const offset = query.cursor ? cursorInt(decodeCursor(query.cursor)!['n']) : 0;
    const q = query.q?.trim() ? likePattern(query.q.trim()) : null;
    const skill = query.skill?.trim() ? query.skill.trim().toLowerCase() : null;
    const rows = await db.query<{
      id: string;
      name: string;
      title: string | null;
      team: string | null;
      ask_me_about: string[];
      mentor: boolean;
      kudos_received: number;
      score: number;
      total: number;
    }>(
      `WITH candidates AS (
         SELECT p.* FROM people p
         WHERE ($4::text IS NULL OR p.id <> $4)
           AND (EXISTS (SELECT 1 FROM person_skills s WHERE s.person_id = p.id)
                OR cardinality(p.ask_me_about) > 0)
           AND ($2::text IS NULL OR EXISTS (
                 SELECT 1 FROM person_skills s WHERE s.person_id = p.id AND s.skill_key = $2))
           AND ($1::text IS NULL OR p.name ILIKE $1 OR p.title ILIKE $1 OR p.team ILIKE $1
                OR array_to_string(p.ask_me_about, ' ') ILIKE $1
                OR EXISTS (SELECT 1 FROM person_skills s WHERE s.person_id = p.id AND s.skill ILIKE $1))
       ), scored AS (
         SELECT c.id, c.name, c.title, c.team, c.ask_me_about, c.mentor,
           (SELECT count(*)::int FROM kudos k WHERE k.recipient_id = c.id) AS kudos_received,
           (SELECT count(*)::int FROM endorsements e WHERE e.person_id = c.id
              AND ($2::text IS NULL OR e.skill_key = $2)) AS endorsements,
           COALESCE((SELECT max(s.level) FROM person_skills s WHERE s.person_id = c.id
              AND (s.skill_key = $2 OR ($2::text IS NULL AND $1::text IS NOT NULL AND s.skill ILIKE $1))), 0) AS level,
           CASE WHEN $3::text IS NULL THEN 0 ELSE (SELECT count(*)::int FROM posts po
              WHERE po.author_id = c.id AND po.activity = $3 AND NOT po.deleted AND NOT po.removed) END AS active,
           CASE WHEN $1::text IS NOT NULL AND (c.name ILIKE $1 OR c.title ILIKE $1 OR c.team ILIKE $1
              OR array_to_string(c.ask_me_about, ' ') ILIKE $1) THEN 1 ELSE 0 END AS text_match
         FROM candidates c
       )
       SELECT id, name, title, team, ask_me_about, mentor, kudos_received,
         (10 * level + 3 * endorsements + 2 * kudos_received + 4 * active + 5 * text_match
           + CASE WHEN mentor THEN 1 ELSE 0 END)::int AS score,
         count(*) OVER ()::int AS total
       FROM scored
       ORDER BY score DESC, name ASC, id ASC
       LIMIT $5 OFFSET $6`,
      [q, skill, query.activity ?? null, caller?.id ?? null, limit, offset],
    );
    const ids = rows.map((r) => r.id);
    const skillRows = ids.length
      ? await db.query<{
          person_id: string;
          skill: string;
          level: number;
          endorsements: number;
          mine: boolean;
        }>(
          `SELECT s.person_id, s.skill, s.level,
             (SELECT count(*)::int FROM endorsements e
                WHERE e.person_id = s.person_id AND e.skill_key = s.skill_key) AS endorsements,
             EXISTS (SELECT 1 FROM endorsements e WHERE e.person_id = s.person_id
                AND e.skill_key = s.skill_key AND e.endorser_id = $2) AS mine
           FROM person_skills s WHERE s.person_id = ANY($1::text[])
           ORDER BY s.level DESC, s.skill ASC`,
          [ids, caller?.id ?? null],
        )
      : [];
    let total = rows[0]?.total ?? 0;
    if (!rows.length && offset > 0) total = offset; // past the end: nothing more
    const items: Expert[] = rows.map((r) => ({
      ...personSummary(r.id, r.name, r.title, r.team),
      skills: skillRows
        .filter((s) => s.person_id === r.id)
        .map((s) => ({
          name: s.skill,
          level: s.level,
          endorsements: s.endorsements,
          endorsedByMe: !!s.mine,
        })),
      askMeAbout: r.ask_me_about,
      mentor: r.mentor,
      kudosReceived: r.kudos_received,
      score: r.score,
    }));
    const next = offset + rows.length;
    return c.json({
      items,
      nextCursor: rows.length && next < total ? encodeCursor({ n: next }) : null,
      total,
    });
  });

  people.post('/:id/endorsements', async (c) => {
    const caller = requirePerson(c);
    const personId = check(IdParam, c.req.param('id'));
    const input = parseBody(c, CreateEndorsement);
    const key = input.skill.trim().toLowerCase();
    if (personId === caller.id) throw new HttpError(403, 'you cannot endorse yourself');
    const { result, created } = await tx(async (q) => {
      const [person] = await q.query('SELECT 1 FROM people WHERE id = $1', [personId]);
      if (!person) throw new HttpError(404, 'no such person');
      const [skill] = await q.query<{ skill: string }>(
        'SELECT skill FROM person_skills WHERE person_id = $1 AND skill_key = $2',
        [personId, key],
      );
      if (!skill) throw new HttpError(404, 'this person does not list that skill');
      await ensurePerson(q, caller);
      const inserted = await q.query(
        `INSERT INTO endorsements (person_id, skill_key, endorser_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [personId, key, caller.id],
      );
      const [n] = await q.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM endorsements WHERE person_id = $1 AND skill_key = $2',
        [personId, key],
      );
      return {
        result: { personId, skill: skill.skill, endorsements: n!.n },
        created: inserted.length > 0,
      };
    });
    return c.json(result, created ? 201 : 200);
  });

  skills.get('/', async (c) => {
    allowRead(c, config);
    const query = parseQuery(c, SkillsQuery);
    const q = query.q?.trim() ? likePattern(query.q.trim()) : null;
    const rows = await db.query<{ name: string; people: number }>(
      `SELECT min(skill) AS name, count(*)::int AS people FROM person_skills
       WHERE $1::text IS NULL OR skill ILIKE $1
       GROUP BY skill_key ORDER BY people DESC, name ASC LIMIT $2`,
      [q, query.limit ?? LIMIT_DEFAULT],
    );
    return c.json({ items: rows });
  });

  return { people, skills };
}
