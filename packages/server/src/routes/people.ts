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
 * The signed-in person is left out (nobody needs to find themselves), and so is anyone whose
 * profile says `listed: false`.
 */
import { Hono } from 'hono';
import type * as z from 'zod/mini';
import {
  CreateEndorsement,
  LIMIT_DEFAULT,
  PeopleQuery,
  SkillsQuery,
  type Expert,
} from '@peerkit/core/contract';
import { endorse, ensurePerson, rankExperts, skillsOf, suggestSkills } from '../data/people.js';
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

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** What `rankExperts` is asked from a `GET /people` query: trimmed, with its page's offset. */
function rankingOf(query: z.output<typeof PeopleQuery>, exclude: string | null) {
  return {
    pattern: query.q?.trim() ? likePattern(query.q.trim()) : null,
    skill: query.skill?.[0]?.trim() ? query.skill[0].trim().toLowerCase() : null,
    activity: query.activity ?? null,
    exclude,
    limit: query.limit ?? LIMIT_DEFAULT,
    offset: query.cursor ? cursorInt(decodeCursor(query.cursor)!['n']) : 0,
  };
}

export function peopleRoutes(deps: Deps) {
  const { db, config, tx } = deps;
  const people = new Hono<AppEnv>();
  const skills = new Hono<AppEnv>();

  people.get('/', async (c) => {
    const caller = allowRead(c, config);
    const ranking = rankingOf(parseQuery(c, PeopleQuery, ['skill']), caller?.id ?? null);
    const { offset } = ranking;
    const rows = await rankExperts(db, ranking);
    const skillRows = await skillsOf(
      db,
      rows.map((r) => r.id),
      caller?.id ?? null,
    );
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
      availability: r.availability,
      kudosReceived: r.kudos_received,
      score: r.score,
      reasons: [],
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
      await ensurePerson(q, caller);
      const done = await endorse(q, personId, key, caller.id);
      if (done === undefined) throw new HttpError(404, 'no such person');
      if (done === null) throw new HttpError(404, 'this person does not list that skill');
      return {
        result: { personId, skill: done.skill, endorsements: done.endorsements },
        created: done.created,
      };
    });
    return c.json(result, created ? 201 : 200);
  });

  skills.get('/', async (c) => {
    allowRead(c, config);
    const query = parseQuery(c, SkillsQuery);
    const q = query.q?.trim() ? likePattern(query.q.trim()) : null;
    const rows = await suggestSkills(db, q, query.limit ?? LIMIT_DEFAULT);
    return c.json({ items: rows });
  });

  return { people, skills };
}
