/**
 * Experts: `GET /people` ranked (or an activity's recommendations), `GET /people/{id}` (the
 * person card), `GET /skills` suggestions, `POST` and `DELETE /people/{id}/endorsements`.
 *
 * The ranking and its formula: `data/ranking.ts` (documented in the server README, "People
 * ranking", and docs/decisions.md §12); the reasons each result carries: `data/reasons.ts`.
 * The signed-in person is left out of searches (nobody needs to find themselves), and so is
 * anyone whose profile says `listed: false`.
 */
import { Hono } from 'hono';
import type * as z from 'zod/mini';
import {
  CreateEndorsement,
  LIMIT_DEFAULT,
  PeopleQuery,
  PersonQuery,
  SkillsQuery,
  WithdrawEndorsementQuery,
  type Expert,
} from '@peerkit/core/contract';
import type { Queryable } from '../db.js';
import {
  endorse,
  ensurePerson,
  skillsOf,
  suggestSkills,
  withdrawEndorsement,
} from '../data/people.js';
import { rankPeople, thankedBySkill, type RankArgs, type RankedRow } from '../data/ranking.js';
import { acceptedAnswers } from '../data/qa.js';
import { reasonsOf } from '../data/reasons.js';
import { skillKey } from '@peerkit/core/contract';
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

/** What `rankPeople` is asked from a `GET /people` query: trimmed, with its page's offset. */
function rankingOf(query: z.output<typeof PeopleQuery>, caller: string | null): RankArgs {
  const pattern = query.q?.trim() ? likePattern(query.q.trim()) : null;
  const skills = [...new Set((query.skill ?? []).map(skillKey).filter(Boolean))];
  const activity = query.activity ?? null;
  const searching = pattern !== null || skills.length > 0;
  return {
    mode: searching ? 'search' : activity ? 'recommend' : 'all',
    pattern,
    skills,
    activity,
    caller,
    limit: query.limit ?? LIMIT_DEFAULT,
    offset: query.cursor ? cursorInt(decodeCursor(query.cursor)!['n']) : 0,
  };
}

/** The ranked rows as the contract's `Expert`s: their skills, and the reasons for each. */
async function toExperts(
  q: Queryable,
  rows: RankedRow[],
  args: RankArgs,
  caller: string | null,
): Promise<Expert[]> {
  const ids = rows.map((r) => r.id);
  // The per-skill kudos and accepted answers are read only for people whose score has
  // some (`thanked_focus`, `accepted_focus`): for anyone else both lists would be empty.
  const thankedIds = rows.filter((r) => r.thanked_focus > 0).map((r) => r.id);
  const acceptedIds = rows.filter((r) => r.accepted_focus > 0).map((r) => r.id);
  const read = rows.every((r) => r.skills);
  const [skillRows, thanked, accepted] = await Promise.all([
    read ? rows.flatMap((r) => r.skills!) : skillsOf(q, ids, caller),
    thankedBySkill(q, thankedIds, args.skills, args.activity),
    args.skills.length && acceptedIds.length
      ? acceptedAnswers(q, { personIds: acceptedIds })
      : Promise.resolve([]),
  ]);
  return rows.map((r) => {
    const skills = skillRows
      .filter((s) => s.person_id === r.id)
      .map((s) => ({
        name: s.skill,
        level: s.level,
        endorsements: s.endorsements,
        endorsedByMe: !!s.mine,
      }));
    return {
      ...personSummary(r.id, r.name, r.title, r.team),
      // Colleagues' emails go to signed-in callers only (the `contact` template's {email}).
      ...(caller && r.email ? { email: r.email } : {}),
      skills,
      askMeAbout: r.ask_me_about,
      mentor: r.mentor,
      availability: r.availability,
      kudosReceived: r.kudos_received,
      score: Math.round(r.score * 100) / 100,
      reasons: reasonsOf({
        row: r,
        recommend: args.mode === 'recommend',
        asked: args.skills,
        skills,
        thanked: thanked.filter((t) => t.person_id === r.id),
        accepted: accepted.flatMap((a) =>
          a.personId === r.id && a.skill && args.skills.includes(skillKey(a.skill))
            ? [{ skill: a.skill, count: a.count }]
            : [],
        ),
      }),
    };
  });
}

export function peopleRoutes(deps: Deps) {
  const { db, config, cache } = deps;
  const people = new Hono<AppEnv>();
  const skills = new Hono<AppEnv>();

  people.get('/', async (c) => {
    const caller = allowRead(c, config)?.id ?? null;
    const args = rankingOf(parseQuery(c, PeopleQuery, ['skill']), caller);
    // Cached per caller (`endorsedByMe`) and query; any write drops it (cache.ts).
    const key = JSON.stringify([caller, args]);
    const hit = cache.getShared<string>('people', key);
    if (hit) return c.body(hit, 200, { 'content-type': 'application/json' });
    const stamp = cache.stamp('people', '*');
    const rows = await rankPeople(db, args);
    let total = rows[0]?.total ?? 0;
    if (!rows.length && args.offset > 0) total = args.offset; // past the end: nothing more
    const next = args.offset + rows.length;
    const body = JSON.stringify({
      items: await toExperts(db, rows, args, caller),
      nextCursor: rows.length && next < total ? encodeCursor({ n: next }) : null,
      total,
      ...(rows[0]?.total_is_lower_bound ? { totalRelation: 'gte' } : {}),
    });
    cache.setShared('people', ['*'], key, body, [stamp]);
    return c.body(body, 200, { 'content-type': 'application/json' });
  });

  people.get('/:id', async (c) => {
    const caller = allowRead(c, config)?.id ?? null;
    const personId = check(IdParam, c.req.param('id'));
    const { activity } = parseQuery(c, PersonQuery);
    const args: RankArgs = {
      mode: 'one',
      pattern: null,
      skills: [],
      activity: activity ?? null,
      caller,
      personId,
      limit: 1,
      offset: 0,
    };
    const rows = await rankPeople(db, args);
    if (!rows.length) throw new HttpError(404, 'no such person, or not listed');
    const [expert] = await toExperts(db, rows, args, caller);
    return c.json(expert);
  });

  endorsementRoutes(people, deps);

  skills.get('/', async (c) => {
    allowRead(c, config);
    const query = parseQuery(c, SkillsQuery);
    const q = query.q?.trim() ? likePattern(query.q.trim()) : null;
    const rows = await suggestSkills(db, q, query.limit ?? LIMIT_DEFAULT);
    return c.json({ items: rows });
  });

  return { people, skills };
}

/** `POST` and `DELETE /people/{id}/endorsements`: one per person, skill and endorser. */
function endorsementRoutes(people: Hono<AppEnv>, deps: Deps) {
  const { tx } = deps;
  people.post('/:id/endorsements', async (c) => {
    const caller = requirePerson(c);
    const personId = check(IdParam, c.req.param('id'));
    const input = parseBody(c, CreateEndorsement);
    if (personId === caller.id) throw new HttpError(403, 'you cannot endorse yourself');
    const { result, created } = await tx(async (q) => {
      await ensurePerson(q, caller);
      const done = await endorse(q, personId, skillKey(input.skill), caller.id);
      if (done === undefined) throw new HttpError(404, 'no such person');
      if (done === null) throw new HttpError(404, 'this person does not list that skill');
      return {
        result: { personId, skill: done.skill, endorsements: done.endorsements },
        created: done.created,
      };
    });
    return c.json(result, created ? 201 : 200);
  });

  people.delete('/:id/endorsements', async (c) => {
    const caller = requirePerson(c);
    const personId = check(IdParam, c.req.param('id'));
    const { skill } = parseQuery(c, WithdrawEndorsementQuery);
    if (personId === caller.id) throw new HttpError(403, 'you cannot endorse yourself');
    const done = await tx((q) => withdrawEndorsement(q, personId, skillKey(skill), caller.id));
    if (done === undefined) throw new HttpError(404, 'no such person');
    if (done === null) throw new HttpError(404, 'this person does not list that skill');
    return c.json({ personId, skill: done.skill, endorsements: done.endorsements });
  });
}
