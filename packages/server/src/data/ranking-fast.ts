/**
 * The two searches people type most, ranked from the stored scores of migration 20
 * (`ranking-migration.ts`) instead of from posts: one skill (`?skill=`), and free text
 * (`?q=`), each without an activity. Same score, same order, same figures as `rankPeople`'s
 * general query (docs/decisions.md §12); `rankPeople` calls this first.
 *
 * The stored part of a score leaves out recency, which is 0 … 3 (idle days are at least 0),
 * so a page is exact when it is ranked among the candidates whose stored score is at least
 * the `offset + limit`-th best stored score minus the most that recency (and, for `?q=`, the
 * text match's 5) can add: anyone below that is beaten by `offset + limit` people.
 */
import { queryPrepared, type Queryable } from '../db.js';
import type { RankArgs, RankedRow } from './ranking.js';

/**
 * Days since `<alias>.last_post_at` (a float, 0 for a post stamped after now), null for
 * someone who never posted. Here and in `ranking.ts` (which imports it from here: this
 * module only imports types from that one).
 */
export const idleDays = (alias: string) => `(CASE WHEN ${alias}.last_post_at IS NOT NULL
  THEN GREATEST(extract(epoch FROM now() - ${alias}.last_post_at), 0) / 86400 END)::float8`;

const IDLE_DAYS = idleDays('p');

/** Recency, 0 … 3 (docs/decisions.md §12). */
const RECENCY = `CASE WHEN p.last_post_at IS NULL THEN 0 ELSE 3 * 30 / (30 + ${IDLE_DAYS}) END`;

/** The person columns of a `RankedRow`, from `people p`. */
const PERSON = `p.id, p.name, p.title, p.team, p.email, p.ask_me_about, p.mentor,
  p.availability, p.kudos_received, p.accepted, ${IDLE_DAYS} AS idle_days`;

/** The figures no fast search has: the activity's and the recommendations'. */
const NO_ACTIVITY = `0 AS posts_here, 0 AS answered_here, 0 AS thanked_here,
  '{}'::text[] AS activity_skills, 0 AS tier`;

/** Not the caller ($2), when signed in. */
const NOT_CALLER = (col: string) => `($2::text IS NULL OR ${col} <> $2::text)`;

/**
 * One skill ($1, a key): the listed people with it, read from `person_skills_ranked` in
 * order of their stored score, as far down as recency can lift someone ($3 = offset +
 * limit, $4 limit, $5 offset).
 */
const SKILL_SQL = `
  WITH top AS (
    SELECT s.score FROM person_skills s
    WHERE s.skill_key = $1 AND s.listed AND ${NOT_CALLER('s.person_id')}
    ORDER BY s.score DESC LIMIT $3
  )
  SELECT ${PERSON}, s.level AS asked_level, 0 AS q_level, NULL::text AS q_skill,
    s.endorsements, s.thanked AS thanked_focus, s.accepted AS accepted_focus, FALSE AS text_match,
    ${NO_ACTIVITY}, (s.score + ${RECENCY})::float8 AS score,
    (SELECT count(*) FROM person_skills c WHERE c.skill_key = $1 AND c.listed
       AND ${NOT_CALLER('c.person_id')})::int AS total
  FROM person_skills s JOIN people p ON p.id = s.person_id
  WHERE s.skill_key = $1 AND s.listed AND ${NOT_CALLER('s.person_id')}
    AND s.score >= (SELECT min(score) FROM top) - 3
  ORDER BY score DESC, p.name ASC, p.id ASC
  LIMIT $4 OFFSET $5`;

/** A free-text search counts its matches exactly up to this many (`Q_SQL`'s `total`). */
export const Q_TOTAL_EXACT = 100;

/**
 * Free text ($1, an ILIKE pattern): people whose text matches (`search_key LIKE lower($1)`,
 * which is what ILIKE on `search_text` does), and people with a skill
 * whose key matches (`skill_keys`, then `person_skills_q_ranked` per key). Read are only
 * those who can reach the page ($3 = offset + limit + 1):
 * - text matches who never posted (recency 0): the first $3 in the order of their
 *   `rank_base`, name and id, which is their final order unless a skill matches too (below);
 * - text matches who posted: those whose `rank_base` is within 3 (recency) of the $3-th above;
 * - per matching key, those whose `q_score` (`rank_base + 10 × level`) is within 8 (text
 *   match + recency) of that key's $3-th best.
 * `total` counts text matches and skill-only matches, each up to `Q_TOTAL_EXACT + 1`.
 */
const Q_SQL = `
  WITH keys AS (SELECT k.skill_key FROM skill_keys k WHERE k.skill_key ILIKE $1),
  key_list AS (SELECT COALESCE(array_agg(skill_key), '{}') AS a FROM keys),
  never AS (
    SELECT p.id, p.rank_base FROM people p
    WHERE p.listed AND p.last_post_at IS NULL AND ${NOT_CALLER('p.id')} AND p.search_key LIKE lower($1)
    ORDER BY p.rank_base DESC, p.name ASC, p.id ASC LIMIT $3
  ),
  posted AS (
    SELECT p.id FROM people p
    WHERE p.listed AND p.last_post_at IS NOT NULL AND ${NOT_CALLER('p.id')}
      AND p.search_key LIKE lower($1)
      AND p.rank_base >= (SELECT CASE WHEN count(*) < $3 THEN -1 ELSE min(rank_base) - 3 END
        FROM never)
  ),
  skilled AS (
    SELECT x.person_id AS id FROM keys k CROSS JOIN LATERAL (
      SELECT s.person_id FROM person_skills s
      WHERE s.skill_key = k.skill_key AND s.listed AND ${NOT_CALLER('s.person_id')}
        AND s.q_score >= (SELECT min(t.q_score) - 8 FROM (
          SELECT s2.q_score FROM person_skills s2
          WHERE s2.skill_key = k.skill_key AND s2.listed AND ${NOT_CALLER('s2.person_id')}
          ORDER BY s2.q_score DESC LIMIT $3) t)
    ) x
  ),
  short AS (SELECT id FROM never UNION SELECT id FROM posted UNION SELECT id FROM skilled)
  SELECT ${PERSON}, 0 AS asked_level, COALESCE(qs.level, 0) AS q_level, qs.skill AS q_skill,
    p.endorsements, 0 AS thanked_focus, 0 AS accepted_focus,
    p.search_key LIKE lower($1) AS text_match, ${NO_ACTIVITY},
    (p.rank_base + 10 * COALESCE(qs.level, 0)
      + CASE WHEN p.search_key LIKE lower($1) THEN 5 ELSE 0 END + ${RECENCY})::float8 AS score,
    ((SELECT count(*) FROM (SELECT 1 FROM people t
        WHERE t.listed AND ${NOT_CALLER('t.id')} AND t.search_key LIKE lower($1)
        LIMIT ${Q_TOTAL_EXACT + 1}) u)
     + (SELECT count(*) FROM (SELECT m.person_id FROM keys k CROSS JOIN LATERAL (
          -- per key through its index (OFFSET 0: not one walk over every person's skills)
          SELECT s.person_id FROM person_skills s
          WHERE s.skill_key = k.skill_key AND s.listed AND ${NOT_CALLER('s.person_id')}
            AND NOT EXISTS (SELECT 1 FROM people t
              WHERE t.id = s.person_id AND t.search_key LIKE lower($1))
          OFFSET 0) m
        GROUP BY m.person_id LIMIT ${Q_TOTAL_EXACT + 1}) u))::int AS total
  FROM short c
  -- one index lookup per short-listed person (OFFSET 0 keeps the planner from hashing all
  -- of people for a short list it cannot count in advance)
  CROSS JOIN LATERAL (SELECT * FROM people x WHERE x.id = c.id OFFSET 0) p
  LEFT JOIN LATERAL (
    SELECT s.level, s.skill FROM person_skills s
    WHERE s.person_id = p.id AND s.skill_key = ANY((SELECT a FROM key_list)::text[])
    ORDER BY s.level DESC, s.skill LIMIT 1
  ) qs ON TRUE
  ORDER BY score DESC, p.name ASC, p.id ASC
  LIMIT $4 OFFSET $5`;

/** `q.query`, in the shape of `queryPrepared`. */
const plainQuery = <T>(q: Queryable, sql: string, params: unknown[]) => q.query<T>(sql, params);

/**
 * Runs a page query (`$2` the caller) and reads each row as one JSON value, with the
 * person's skills (as `skillsOf` reads them: best first, `mine` when the caller endorsed
 * it) folded in: on PGlite reading a column of a row costs more than building it into
 * JSON, and the card's skills need no second query. `prepared`: as a prepared statement
 * (`queryPrepared`), for the skill page, whose generic plan is as good as a planned one;
 * the free-text page is planned for its pattern each time (a generic plan of it ran 2–3×
 * slower for broad fragments such as `ana` on PostgreSQL, docs/decisions.md §12).
 */
async function pageQuery(
  q: Queryable,
  sql: string,
  params: unknown[],
  prepared: boolean,
): Promise<RankedRow[]> {
  const rows = await (prepared ? queryPrepared : plainQuery)<{ r: RankedRow }>(
    q,
    `SELECT row_to_json(r) AS r FROM (
       SELECT page.*, (SELECT json_agg(json_build_object('person_id', x.person_id,
           'skill', x.skill, 'level', x.level, 'endorsements', x.endorsements,
           'mine', $2::text IS NOT NULL AND EXISTS (SELECT 1 FROM endorsements e
             WHERE e.person_id = x.person_id AND e.skill_key = x.skill_key
               AND e.endorser_id = $2::text))
           ORDER BY x.level DESC, x.skill ASC)
         FROM person_skills x WHERE x.person_id = page.id) AS skills
       FROM (${sql}) page
     ) r`,
    params,
  );
  return rows.map(({ r }) => ({ ...r, skills: r.skills ?? [] }));
}

/**
 * A free-text page: the query reads one row past the page to know whether more follow;
 * `total` is exact up to `Q_TOTAL_EXACT`; past it, while more follow, it is a lower bound
 * (`Q_TOTAL_EXACT`, or the number shown so far plus one when that is more) flagged
 * `total_is_lower_bound`, which the API says as `totalRelation: 'gte'` (docs/decisions.md
 * §12); on the last page it is exact again.
 */
async function rankByText(q: Queryable, args: RankArgs): Promise<RankedRow[]> {
  const rows = await pageQuery(
    q,
    Q_SQL,
    [args.pattern, args.caller, args.offset + args.limit + 1, args.limit + 1, args.offset],
    false,
  );
  const more = rows.length > args.limit;
  const page = rows.slice(0, args.limit);
  const counted = rows[0]?.total ?? 0;
  const shown = args.offset + page.length;
  const lower = counted > Q_TOTAL_EXACT && more;
  const total =
    counted <= Q_TOTAL_EXACT ? counted : lower ? Math.max(Q_TOTAL_EXACT, shown + 1) : shown;
  return page.map((r) => ({ ...r, total, total_is_lower_bound: lower }));
}

/**
 * Ranks `args` from the stored scores when it is one of the two fast searches (see the
 * file's comment); `undefined` when it is not, for the general query.
 */
export async function rankFromStored(
  q: Queryable,
  args: RankArgs,
): Promise<RankedRow[] | undefined> {
  if (args.mode !== 'search' || args.activity !== null) return undefined;
  if (args.skills.length === 1 && args.pattern === null)
    return pageQuery(
      q,
      SKILL_SQL,
      [args.skills[0], args.caller, args.offset + args.limit, args.limit, args.offset],
      true,
    );
  if (args.skills.length === 0 && args.pattern !== null) return rankByText(q, args);
  return undefined;
}
