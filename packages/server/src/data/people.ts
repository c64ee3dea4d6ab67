/**
 * People and skills in the database: the rows behind author names and the signed-in person
 * (writes of other resources call `ensurePerson` first so every answer can name its author),
 * endorsements, skill suggestions and a person's own profile (the ranking: `ranking.ts`).
 */
import type { Availability, Profile, UpdateProfile } from '@peerkit/core/contract';
import type { Caller } from '../auth.js';
import { queryPrepared, type Queryable } from '../db.js';

/**
 * Ensures the caller has a row in `people` (for author names), refreshing name and email, and
 * the team when the token carries a `team` claim (docs/decisions.md §13).
 */
export async function ensurePerson(q: Queryable, caller: Caller): Promise<void> {
  await q.query(
    `INSERT INTO people (id, name, email, team) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name,
       email = COALESCE(EXCLUDED.email, people.email), team = COALESCE(EXCLUDED.team, people.team)
     WHERE people.name IS DISTINCT FROM EXCLUDED.name
        OR (EXCLUDED.email IS NOT NULL AND people.email IS DISTINCT FROM EXCLUDED.email)
        OR (EXCLUDED.team IS NOT NULL AND people.team IS DISTINCT FROM EXCLUDED.team)`,
    [caller.id, caller.name, caller.email ?? null, caller.team ?? null],
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

export interface SkillRow {
  person_id: string;
  skill: string;
  level: number;
  endorsements: number;
  mine: boolean;
}

/**
 * The skills of these people, best first, with endorsements and whether `callerId` endorsed.
 * A prepared statement (`queryPrepared`): every page of the general ranking reads it.
 */
export async function skillsOf(
  q: Queryable,
  ids: string[],
  callerId: string | null,
): Promise<SkillRow[]> {
  if (!ids.length) return [];
  return queryPrepared<SkillRow>(
    q,
    `SELECT s.person_id, s.skill, s.level, s.endorsements,
       EXISTS (SELECT 1 FROM endorsements e WHERE e.person_id = s.person_id
          AND e.skill_key = s.skill_key AND e.endorser_id = $2) AS mine
     FROM person_skills s WHERE s.person_id = ANY($1::text[])
     ORDER BY s.level DESC, s.skill ASC`,
    [ids, callerId],
  );
}

/**
 * The skill's name as a person lists it (`key`: lower-cased); `undefined` for no such person,
 * `null` when they do not list it (what `endorse` and `withdrawEndorsement` answer then).
 */
async function listedSkill(
  q: Queryable,
  personId: string,
  key: string,
): Promise<string | undefined | null> {
  const [person] = await q.query('SELECT 1 FROM people WHERE id = $1', [personId]);
  if (!person) return undefined;
  const [row] = await q.query<{ skill: string }>(
    'SELECT skill FROM person_skills WHERE person_id = $1 AND skill_key = $2',
    [personId, key],
  );
  return row ? row.skill : null;
}

/** How many endorsements a person's skill has now. */
async function endorsementCount(q: Queryable, personId: string, key: string): Promise<number> {
  const [n] = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM endorsements WHERE person_id = $1 AND skill_key = $2',
    [personId, key],
  );
  return n!.n;
}

/**
 * Endorses a person's listed skill (`key`: the skill lower-cased). Answers the skill's name
 * as listed, its endorsements and whether this endorsement is new; `undefined` for no such
 * person, `null` when the person does not list the skill.
 */
export async function endorse(
  q: Queryable,
  personId: string,
  key: string,
  endorserId: string,
): Promise<{ skill: string; endorsements: number; created: boolean } | undefined | null> {
  const skill = await listedSkill(q, personId, key);
  if (skill == null) return skill;
  const inserted = await q.query(
    `INSERT INTO endorsements (person_id, skill_key, endorser_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [personId, key, endorserId],
  );
  return {
    skill,
    endorsements: await endorsementCount(q, personId, key),
    created: inserted.length > 0,
  };
}

/**
 * Withdraws `endorserId`'s endorsement of a person's skill (`key`: lower-cased). Answers the
 * skill's name as listed and its endorsements now (the same whether there was one to
 * withdraw or not); `undefined` for no such person, `null` when they do not list the skill.
 */
export async function withdrawEndorsement(
  q: Queryable,
  personId: string,
  key: string,
  endorserId: string,
): Promise<{ skill: string; endorsements: number } | undefined | null> {
  const skill = await listedSkill(q, personId, key);
  if (skill == null) return skill;
  await q.query(
    'DELETE FROM endorsements WHERE person_id = $1 AND skill_key = $2 AND endorser_id = $3',
    [personId, key, endorserId],
  );
  return { skill, endorsements: await endorsementCount(q, personId, key) };
}

/** Skill names matching an ILIKE pattern (or all), most people first. */
export async function suggestSkills(
  q: Queryable,
  pattern: string | null,
  limit: number,
): Promise<{ name: string; people: number }[]> {
  return q.query<{ name: string; people: number }>(
    `SELECT min(skill) AS name, count(*)::int AS people FROM person_skills
     WHERE $1::text IS NULL OR skill ILIKE $1
     GROUP BY skill_key ORDER BY people DESC, name ASC LIMIT $2`,
    [pattern, limit],
  );
}

interface ProfileRow {
  ask_me_about: string[];
  wants_to_learn: string[];
  mentor: boolean;
  availability: Availability;
  availability_note: string | null;
  listed: boolean;
  profile_version: number;
}

const toProfile = (r: ProfileRow): Profile => ({
  askMeAbout: r.ask_me_about,
  wantsToLearn: r.wants_to_learn,
  mentor: r.mentor,
  availability: r.availability,
  availabilityNote: r.availability_note,
  listed: r.listed,
  version: r.profile_version,
});

const PROFILE_COLUMNS =
  'ask_me_about, wants_to_learn, mentor, availability, availability_note, listed, profile_version';

/** A person's profile (their row must exist: `ensurePerson`). */
export async function loadProfile(q: Queryable, id: string, forUpdate = false): Promise<Profile> {
  // `forUpdate`: the row stays locked until the transaction ends, for a write checked
  // against `If-Match` (docs/decisions.md §2).
  const lock = forUpdate ? ' FOR UPDATE' : '';
  const [row] = await q.query<ProfileRow>(
    `SELECT ${PROFILE_COLUMNS} FROM people WHERE id = $1${lock}`,
    [id],
  );
  return toProfile(row!);
}

/**
 * Whether `change` sets a field to something other than what `current` holds. A write that
 * changes nothing keeps the version, so it cannot turn other tabs' `If-Match` stale
 * (docs/decisions.md §2: the version goes up on every change).
 */
export function changesProfile(current: Profile, change: UpdateProfile): boolean {
  return (Object.keys(change) as (keyof UpdateProfile)[]).some(
    (k) => change[k] !== undefined && JSON.stringify(change[k]) !== JSON.stringify(current[k]),
  );
}

/** Changes the fields given (version + 1); answers the stored profile. */
export async function updateProfile(
  q: Queryable,
  id: string,
  change: UpdateProfile,
): Promise<Profile> {
  const [row] = await q.query<ProfileRow>(
    `UPDATE people SET
       ask_me_about = COALESCE($2, ask_me_about),
       wants_to_learn = COALESCE($3, wants_to_learn),
       mentor = COALESCE($4, mentor),
       availability = COALESCE($5, availability),
       availability_note = CASE WHEN $6 THEN $7 ELSE availability_note END,
       listed = COALESCE($8, listed),
       profile_version = profile_version + 1
     WHERE id = $1 RETURNING ${PROFILE_COLUMNS}`,
    [
      id,
      change.askMeAbout ?? null,
      change.wantsToLearn ?? null,
      change.mentor ?? null,
      change.availability ?? null,
      change.availabilityNote !== undefined,
      change.availabilityNote ?? null,
      change.listed ?? null,
    ],
  );
  return toProfile(row!);
}

/** The demo people, by name. */
export async function demoPeople(
  q: Queryable,
): Promise<
  { id: string; name: string; title: string | null; team: string | null; roles: string[] }[]
> {
  return q.query('SELECT id, name, title, team, roles FROM people WHERE demo ORDER BY name');
}

/** One demo person, or undefined. */
interface DemoRow {
  id: string;
  name: string;
  email: string | null;
  roles: string[];
  team: string | null;
}

export async function demoPerson(q: Queryable, id: string): Promise<DemoRow | undefined> {
  const [row] = await q.query<DemoRow>(
    'SELECT id, name, email, roles, team FROM people WHERE id = $1 AND demo',
    [id],
  );
  return row;
}
