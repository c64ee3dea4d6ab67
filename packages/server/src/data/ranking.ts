/**
 * Expert ranking in the database: the candidates of a `GET /people` query (or one person's
 * card), each with the figures its score and reasons are made of, scored and paged in one
 * query. The formula is written once, in `SCORE` below, and documented in the server README
 * ("People ranking") and docs/decisions.md §12; `reasons.ts` turns the figures into reasons.
 *
 * A readable post is one neither deleted, removed nor hidden. People whose profile says
 * `listed = false` are never candidates of a search or of recommendations (the `WHERE` of
 * every mode says `p.listed`); a card by id shows them only to themselves.
 */
import type { Availability } from '@peerkit/core/contract';
import type { Queryable } from '../db.js';

/** What a ranking is asked. */
export interface RankArgs {
  /**
   * `search`: `pattern` and/or `skills`; `recommend`: an activity's recommendations;
   * `all`: everyone with a skill or topic; `one`: the person `personId`.
   */
  mode: 'search' | 'recommend' | 'all' | 'one';
  /** An ILIKE pattern of `q` (wildcards escaped), or null. */
  pattern: string | null;
  /** Skill keys (lower-cased) every candidate must list; may be empty. */
  skills: string[];
  /** An activity IRI, or null. */
  activity: string | null;
  /** The caller's id (left out of searches; sees their own card even unlisted), or null. */
  caller: string | null;
  /** `one` mode: the person asked for. */
  personId?: string;
  limit: number;
  offset: number;
}

/** One ranked person with the figures of their score. Counts are integers ≥ 0. */
export interface RankedRow {
  id: string;
  name: string;
  title: string | null;
  team: string | null;
  ask_me_about: string[];
  mentor: boolean;
  availability: Availability;
  /** Kudos whose recipient they are (on their posts, or to them directly). */
  kudos_received: number;
  /** The sum of their levels (1–5) of the asked skills. */
  asked_level: number;
  /** The best level (1–5) of a skill of theirs matching `q`, 0 for none; and its name. */
  q_level: number;
  q_skill: string | null;
  /** Endorsements of the asked skills (of all their skills when none is asked). */
  endorsements: number;
  /** Kudos on their readable posts in threads tagged with a focus skill. */
  thanked_focus: number;
  /** Their readable posts, replies among them, and kudos on them, on `activity`. */
  posts_here: number;
  answered_here: number;
  thanked_here: number;
  /** Their skills (names) that the activity's readable posts are tagged with. */
  activity_skills: string[];
  /** Whether `q` matches their name, title, team or an "ask me about" topic. */
  text_match: boolean;
  /** Days since their last readable post, or null when they have none. */
  idle_days: number | null;
  /** Recommendations: 2 helped on the activity, 1 lists a skill it is tagged with, else 0. */
  tier: number;
  score: number;
  total: number;
}

const READABLE = 'NOT po.deleted AND NOT po.removed AND NOT po.hidden';

/** What a person's free-text search matches: the expression `people_search` indexes. */
export const PERSON_TEXT = 'peerkit_person_text(p.name, p.title, p.team, p.ask_me_about)';

/**
 * The score of a `scored` row (docs/decisions.md §12). Recommendations add 2,000 to people
 * who helped on the activity and 1,000 to people listing one of its skills, so the three
 * groups come in order and the score still reads "higher first".
 */
const SCORE = `(
    10 * (asked_level + q_level)
  + 3 * endorsements
  + 2 * kudos_received
  + 3 * thanked_focus
  + 4 * posts_here + 3 * thanked_here
  + 5 * cardinality(activity_skills)
  + CASE WHEN text_match THEN 5 ELSE 0 END
  + CASE WHEN mentor THEN 1 ELSE 0 END
  + CASE WHEN idle_days IS NULL THEN 0 ELSE 3 * 30 / (30 + idle_days) END
  + 1000 * tier)`;

/** The `WHERE` of the candidates of each mode, over `people p` ($1 … $8 as in `rankPeople`). */
function candidatesWhere(mode: RankArgs['mode']): string {
  const notCaller = '($5::text IS NULL OR p.id <> $5)';
  switch (mode) {
    case 'one':
      return 'p.id = $6::text AND (p.listed OR p.id = $5::text)';
    case 'recommend':
      return `p.listed AND ${notCaller} AND $6::text IS NULL AND (
        p.id IN (SELECT id FROM here WHERE answered > 0 OR thanked > 0)
        OR p.id IN (SELECT s.person_id FROM person_skills s JOIN tags t ON t.key = s.skill_key)
        OR p.id IN (SELECT id FROM top_helpers))`;
    case 'all':
      return `p.listed AND ${notCaller} AND $6::text IS NULL AND (cardinality(p.ask_me_about) > 0
        OR EXISTS (SELECT 1 FROM person_skills s WHERE s.person_id = p.id))`;
    case 'search':
      return `p.listed AND ${notCaller} AND $6::text IS NULL
        AND (cardinality($2::text[]) = 0 OR p.id IN (
          SELECT s.person_id FROM person_skills s WHERE s.skill_key = ANY($2::text[])
          GROUP BY s.person_id HAVING count(*) = (SELECT count(*) FROM asked)))
        AND ($1::text IS NULL OR ${PERSON_TEXT} ILIKE $1 OR p.id IN (
          SELECT s.person_id FROM person_skills s WHERE s.skill ILIKE $1))`;
  }
}

/**
 * Ranks the people `args` asks for: a page of them, best first (score, then name and id),
 * each with the figures its reasons are built from and the `total` of candidates.
 */
export async function rankPeople(q: Queryable, args: RankArgs): Promise<RankedRow[]> {
  const recommend = args.mode === 'recommend';
  return q.query<RankedRow>(
    `WITH asked AS (SELECT DISTINCT unnest($2::text[]) AS key),
     tags AS (
       SELECT DISTINCT t.skill_key AS key FROM posts po JOIN post_tags t ON t.post_id = po.id
       WHERE po.activity = $3 AND ${READABLE}
     ),
     focus AS (
       SELECT key FROM asked UNION SELECT key FROM tags WHERE NOT EXISTS (SELECT 1 FROM asked)
     ),
     here AS (
       SELECT po.author_id AS id, count(*)::int AS posts,
         count(*) FILTER (WHERE po.parent_id IS NOT NULL)::int AS answered,
         COALESCE(sum(po.kudos), 0)::int AS thanked
       FROM posts po WHERE po.activity = $3 AND ${READABLE} GROUP BY po.author_id
     ),
     top_helpers AS (
       SELECT k.recipient_id AS id FROM kudos k
       WHERE $7::boolean AND k.recipient_id IS NOT NULL
       GROUP BY k.recipient_id ORDER BY count(*) DESC LIMIT 100
     ),
     candidates AS (SELECT p.* FROM people p WHERE ${candidatesWhere(args.mode)}),
     figures AS (
       SELECT c.id, c.name, c.title, c.team, c.ask_me_about, c.mentor, c.availability,
         (SELECT count(*)::int FROM kudos k WHERE k.recipient_id = c.id) AS kudos_received,
         COALESCE((SELECT sum(s.level)::int FROM person_skills s
           WHERE s.person_id = c.id AND s.skill_key IN (SELECT key FROM asked)), 0) AS asked_level,
         q_best.level AS q_level, q_best.skill AS q_skill,
         (SELECT count(*)::int FROM endorsements e WHERE e.person_id = c.id
           AND (cardinality($2::text[]) = 0 OR e.skill_key = ANY($2::text[]))) AS endorsements,
         (SELECT COALESCE(sum(po.kudos), 0)::int FROM posts po
           WHERE po.author_id = c.id AND po.kudos > 0 AND ${READABLE}
             AND EXISTS (SELECT 1 FROM post_tags t WHERE t.post_id IN (po.id, po.root_id)
               AND t.skill_key IN (SELECT key FROM focus))) AS thanked_focus,
         COALESCE(h.posts, 0) AS posts_here, COALESCE(h.answered, 0) AS answered_here,
         COALESCE(h.thanked, 0) AS thanked_here,
         ARRAY(SELECT s.skill FROM person_skills s JOIN tags t ON t.key = s.skill_key
           WHERE s.person_id = c.id ORDER BY s.level DESC, s.skill) AS activity_skills,
         ($1::text IS NOT NULL AND peerkit_person_text(c.name, c.title, c.team, c.ask_me_about)
           ILIKE $1) AS text_match,
         (SELECT extract(epoch FROM now() - max(po.created_at)) / 86400 FROM posts po
           WHERE po.author_id = c.id AND ${READABLE})::float8 AS idle_days,
         CASE WHEN NOT $7::boolean THEN 0
           WHEN COALESCE(h.answered, 0) > 0 OR COALESCE(h.thanked, 0) > 0 THEN 2
           WHEN EXISTS (SELECT 1 FROM person_skills s JOIN tags t ON t.key = s.skill_key
             WHERE s.person_id = c.id) THEN 1
           ELSE 0 END AS tier
       FROM candidates c
       LEFT JOIN here h ON h.id = c.id
       LEFT JOIN LATERAL (
         SELECT s.level, s.skill FROM person_skills s
         WHERE $1::text IS NOT NULL AND s.person_id = c.id AND s.skill ILIKE $1
         ORDER BY s.level DESC, s.skill LIMIT 1
       ) q_best0 ON TRUE
       CROSS JOIN LATERAL (SELECT COALESCE(q_best0.level, 0) AS level, q_best0.skill) q_best
     )
     SELECT f.*, ${SCORE}::float8 AS score, count(*) OVER ()::int AS total
     FROM figures f
     ORDER BY score DESC, name ASC, id ASC
     LIMIT $8 OFFSET $4`,
    [
      args.pattern,
      args.skills,
      args.activity,
      args.offset,
      args.caller,
      args.personId ?? null,
      recommend,
      args.limit,
    ],
  );
}

/**
 * Per person and focus skill, the kudos on their readable posts in threads tagged with it
 * (a post's thread: its own tags and its root's): the `thanked` reasons with a `skill`.
 * `keys` are skill keys; with none, the tags of `activity`'s readable posts.
 */
export async function thankedBySkill(
  q: Queryable,
  ids: string[],
  keys: string[],
  activity: string | null,
): Promise<{ person_id: string; skill: string; n: number }[]> {
  if (!ids.length || (!keys.length && !activity)) return [];
  return q.query(
    `WITH focus AS (
       SELECT DISTINCT unnest($2::text[]) AS key WHERE cardinality($2::text[]) > 0
       UNION SELECT DISTINCT t.skill_key FROM posts po JOIN post_tags t ON t.post_id = po.id
       WHERE cardinality($2::text[]) = 0 AND po.activity = $3 AND ${READABLE}
     )
     SELECT po.author_id AS person_id, min(t.skill) AS skill, sum(po.kudos)::int AS n
     FROM posts po
     JOIN LATERAL (SELECT DISTINCT ON (pt.skill_key) pt.skill_key, pt.skill FROM post_tags pt
       WHERE pt.post_id IN (po.id, po.root_id)) t ON TRUE
     WHERE po.author_id = ANY($1::text[]) AND po.kudos > 0 AND ${READABLE}
       AND t.skill_key IN (SELECT key FROM focus)
     GROUP BY po.author_id, t.skill_key
     ORDER BY n DESC, skill`,
    [ids, keys, activity],
  );
}
