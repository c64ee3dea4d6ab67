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
import { queryPrepared, type Queryable } from '../db.js';
import type { SkillRow } from './people.js';
import { idleDays, rankFromStored } from './ranking-fast.js';

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
  email: string | null;
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
  /** Their readable accepted answers (Q&A), and those in threads tagged with a focus skill. */
  accepted: number;
  accepted_focus: number;
  /** Their readable posts, replies among them, and kudos on them, on `activity`. */
  posts_here: number;
  answered_here: number;
  thanked_here: number;
  /** Their skills (names) that the activity's readable posts are tagged with. */
  activity_skills: string[];
  /** Whether `q` matches their name, title, team or an "ask me about" topic. */
  text_match: boolean;
  /** Days since their last post (`people.last_post_at`), or null when they have none. */
  idle_days: number | null;
  /** Recommendations: 2 helped on the activity, 1 lists a skill it is tagged with, else 0. */
  tier: number;
  score: number;
  total: number;
  /** `total` is a lower bound: a free-text search counts exactly up to `Q_TOTAL_EXACT`. */
  total_is_lower_bound?: boolean;
  /** Their skills, when the ranking read them with the page (`ranking-fast.ts`). */
  skills?: SkillRow[];
}

const READABLE = 'NOT po.deleted AND NOT po.removed AND NOT po.hidden';

/**
 * What a person's free-text search matches: name, title, team and topics, in a column a
 * trigger keeps (migration 14), which `people_search_text` indexes (trigrams).
 */
export const PERSON_TEXT = 'p.search_text';

/** Days since `c.last_post_at` (`idleDays`). */
const IDLE_DAYS = idleDays('c');

/**
 * The terms of the score (docs/decisions.md §12) read from a candidate row alone (its
 * counters, asked skills, `q` match, mentoring, recency): the whole score of anyone with no
 * figure in `thanked`, `accepted`, `here` or `activity_skills` (`SOURCES`).
 */
const BASE_SCORE = `(
    10 * (asked_level + q_level)
  + 3 * endorsements
  + 2 * kudos_received
  + CASE WHEN text_match THEN 5 ELSE 0 END
  + CASE WHEN mentor THEN 1 ELSE 0 END
  + CASE WHEN idle_days IS NULL THEN 0 ELSE 3 * 30 / (30 + idle_days) END)`;

/**
 * The score of a `figures` row (docs/decisions.md §12): `BASE_SCORE` and the terms of
 * posts, kudos and the activity. Recommendations add 2,000 to people who helped on the
 * activity and 1,000 to people listing one of its skills, so the three groups come in order
 * and the score still reads "higher first".
 */
const SCORE = `(
    10 * (asked_level + q_level)
  + 3 * endorsements
  + 2 * kudos_received
  + 3 * thanked_focus
  + 4 * accepted + 4 * accepted_focus
  + 4 * posts_here + 3 * thanked_here
  + 5 * cardinality(activity_skills)
  + CASE WHEN text_match THEN 5 ELSE 0 END
  + CASE WHEN mentor THEN 1 ELSE 0 END
  + CASE WHEN idle_days IS NULL THEN 0 ELSE 3 * 30 / (30 + idle_days) END
  + 1000 * tier)`;

const NOT_ASKED = '0 AS a_level, 0 AS a_endorsements';

/** A candidate's columns the base score reads (`rankPeople`'s `base`). */
const COLUMNS = 'p.id, p.name, p.kudos_received, p.mentor, p.endorsements, p.last_post_at';

/** Whether `q` ($1) matches the candidate's free text. */
const TEXT_MATCH = `($1::text IS NOT NULL AND ${PERSON_TEXT} ILIKE $1) AS text_match`;

/**
 * The candidates of each mode, as rows of `COLUMNS`, the asked skills' level and
 * endorsements (`a_level`, `a_endorsements`) and `text_match` ($1 … $8 as in `rankPeople`):
 * a search starts from the smaller side (the people listing the asked skills, else the
 * trigram index of the free text and of skill names, each person's text matched once),
 * recommendations from the activity's helpers, its skills and the top helpers.
 */
function candidatesSql(args: RankArgs): string {
  const listed = '($5::text IS NULL OR p.id <> $5) AND $6::text IS NULL AND p.listed';
  const textMatch = `(${PERSON_TEXT} ILIKE $1 OR p.id IN (SELECT id FROM q_skills))`;
  switch (args.mode) {
    case 'one':
      return `SELECT ${COLUMNS}, ${NOT_ASKED}, ${TEXT_MATCH} FROM people p
        WHERE p.id = $6::text AND (p.listed OR p.id = $5::text)`;
    case 'recommend':
      return `SELECT ${COLUMNS}, ${NOT_ASKED}, ${TEXT_MATCH} FROM (
          SELECT id FROM here WHERE answered > 0 OR thanked > 0
          UNION SELECT s.person_id FROM tags t JOIN person_skills s ON s.skill_key = t.key
          UNION SELECT id FROM top_helpers) m
        JOIN people p ON p.id = m.id WHERE ${listed}`;
    case 'all':
      return `SELECT ${COLUMNS}, ${NOT_ASKED}, ${TEXT_MATCH} FROM people p
        WHERE ${listed} AND (cardinality(p.ask_me_about) > 0
          OR EXISTS (SELECT 1 FROM person_skills s WHERE s.person_id = p.id))`;
    case 'search':
      if (args.skills.length)
        return `SELECT ${COLUMNS}, a.level AS a_level, a.endorsements AS a_endorsements,
            ${TEXT_MATCH}
          FROM asked_skills a JOIN people p ON p.id = a.id
          WHERE a.n = (SELECT count(*) FROM asked) AND ${listed}
            AND ($1::text IS NULL OR ${textMatch})`;
      return `SELECT ${COLUMNS}, ${NOT_ASKED}, TRUE AS text_match FROM people p
          WHERE ${listed} AND ${PERSON_TEXT} ILIKE $1
        UNION ALL SELECT ${COLUMNS}, ${NOT_ASKED}, FALSE FROM q_skills qs
          JOIN people p ON p.id = qs.id WHERE ${listed} AND NOT ${PERSON_TEXT} ILIKE $1`;
  }
}

/**
 * What the figures are read from, before the candidates ($1 … $8 as in `rankPeople`): the
 * asked skills, skills matching `q`, the activity's tags (focus: the asked skills, else
 * those), kudos in threads tagged with a focus skill, the activity's helpers, top helpers.
 */
const SOURCES = {
  asked: `SELECT DISTINCT unnest($2::text[]) AS key`,
  asked_skills: `SELECT s.person_id AS id, count(*) AS n, sum(s.level)::int AS level,
     sum(s.endorsements)::int AS endorsements
   FROM person_skills s WHERE s.skill_key IN (SELECT key FROM asked) GROUP BY s.person_id`,
  q_skills: `SELECT DISTINCT ON (s.person_id) s.person_id AS id, s.level, s.skill FROM person_skills s
   WHERE $1::text IS NOT NULL AND s.skill ILIKE $1
   ORDER BY s.person_id, s.level DESC, s.skill`,
  tags: `SELECT DISTINCT t.skill_key AS key FROM posts po JOIN post_tags t ON t.post_id = po.id
   WHERE po.activity = $3 AND ${READABLE}`,
  focus: `SELECT key FROM asked UNION SELECT key FROM tags WHERE NOT EXISTS (SELECT 1 FROM asked)`,
  thanked: `SELECT x.author_id AS id, sum(x.kudos)::int AS n FROM (
     SELECT po.id, po.author_id, po.kudos FROM post_tags t JOIN posts po ON po.root_id = t.post_id
     WHERE t.skill_key IN (SELECT key FROM focus) AND po.kudos > 0 AND ${READABLE}
     UNION
     SELECT po.id, po.author_id, po.kudos FROM post_tags t JOIN posts po ON po.id = t.post_id
     WHERE t.skill_key IN (SELECT key FROM focus) AND po.kudos > 0 AND ${READABLE}
   ) x GROUP BY x.author_id`,
  activity_skills: `SELECT s.person_id AS id, array_agg(s.skill ORDER BY s.level DESC, s.skill) AS skills
   FROM tags t JOIN person_skills s ON s.skill_key = t.key GROUP BY s.person_id`,
  here: `SELECT po.author_id AS id, count(*)::int AS posts,
     count(*) FILTER (WHERE po.parent_id IS NOT NULL)::int AS answered,
     COALESCE(sum(po.kudos), 0)::int AS thanked
   FROM posts po WHERE po.activity = $3 AND ${READABLE} GROUP BY po.author_id`,
  accepted: `SELECT po.author_id AS id, count(*)::int AS n,
     count(*) FILTER (WHERE EXISTS (SELECT 1 FROM post_tags t
       WHERE t.post_id IN (po.id, po.root_id) AND t.skill_key IN (SELECT key FROM focus)))::int
       AS focus
   FROM posts po WHERE po.accepted_at IS NOT NULL AND ${READABLE} GROUP BY po.author_id`,
  top_helpers: `SELECT p.id FROM people p WHERE $7::boolean AND p.listed AND p.kudos_received > 0
   ORDER BY p.kudos_received DESC LIMIT 100`,
};

/**
 * The sources a query cannot read anything from, as empty relations of the same columns, so
 * the planner does not plan them (planning the whole query costs as much as running a
 * skill search on PGlite): `q_skills` without `q`, the activity's without an activity,
 * the top helpers outside recommendations, focus kudos without a focus.
 */
const EMPTY: Record<string, string> = {
  q_skills: 'SELECT NULL::text AS id, 0 AS level, NULL::text AS skill WHERE FALSE',
  tags: 'SELECT NULL::text AS key WHERE $3::text IS NOT NULL',
  thanked: 'SELECT NULL::text AS id, 0 AS n WHERE FALSE',
  activity_skills: "SELECT NULL::text AS id, '{}'::text[] AS skills WHERE FALSE",
  here: 'SELECT NULL::text AS id, 0 AS posts, 0 AS answered, 0 AS thanked WHERE FALSE',
  top_helpers: 'SELECT NULL::text AS id WHERE $7::boolean AND FALSE',
};

/** The sources `args` cannot read anything from (`EMPTY`). */
function emptySources(args: RankArgs): Set<string> {
  const empty = new Set<string>();
  if (args.pattern === null) empty.add('q_skills');
  if (args.activity === null) for (const n of ['tags', 'here', 'activity_skills']) empty.add(n);
  if (args.mode !== 'recommend') empty.add('top_helpers');
  if (!args.skills.length && args.activity === null) empty.add('thanked');
  return empty;
}

/** The `WITH` list of `SOURCES`, `EMPTY` standing for those in `empty`. */
function figureSources(empty: Set<string>): string {
  const ctes = Object.entries(SOURCES).map(
    ([name, sql]) => `${name} AS (${empty.has(name) ? EMPTY[name] : sql})`,
  );
  return `WITH ${ctes.join(',\n')},`;
}

/**
 * The per-source figures of a short-listed person (`c`), and the joins they are read
 * through: an empty source is a constant rather than a join, which keeps the planner's
 * join search small. `tier` is 0 without the activity's sources, whatever the mode.
 */
function figureColumns(empty: Set<string>): { columns: string; joins: string } {
  const has = (name: string) => !empty.has(name);
  const here = has('here');
  const columns = [
    has('q_skills') ? 'qs.skill AS q_skill' : 'NULL::text AS q_skill',
    has('thanked') ? 'COALESCE(th.n, 0) AS thanked_focus' : '0 AS thanked_focus',
    'COALESCE(ac.n, 0) AS accepted, COALESCE(ac.focus, 0) AS accepted_focus',
    here
      ? `COALESCE(h.posts, 0) AS posts_here, COALESCE(h.answered, 0) AS answered_here,
         COALESCE(h.thanked, 0) AS thanked_here`
      : '0 AS posts_here, 0 AS answered_here, 0 AS thanked_here',
    has('activity_skills')
      ? "COALESCE(acs.skills, '{}') AS activity_skills"
      : "'{}'::text[] AS activity_skills",
    here
      ? `CASE WHEN NOT $7::boolean THEN 0
           WHEN COALESCE(h.answered, 0) > 0 OR COALESCE(h.thanked, 0) > 0 THEN 2
           WHEN acs.id IS NOT NULL THEN 1
           ELSE 0 END AS tier`
      : '0 AS tier',
  ];
  const joins = [
    has('q_skills') ? 'LEFT JOIN q_skills qs ON qs.id = c.id' : '',
    has('thanked') ? 'LEFT JOIN thanked th ON th.id = c.id' : '',
    here ? 'LEFT JOIN activity_skills acs ON acs.id = c.id LEFT JOIN here h ON h.id = c.id' : '',
    'LEFT JOIN accepted ac ON ac.id = c.id',
  ];
  return { columns: columns.join(',\n'), joins: joins.join('\n') };
}

/**
 * Ranks the people `args` asks for: a page of them, best first (score, then name and id),
 * each with the figures its reasons are built from and the `total` of candidates.
 *
 * Only a short list gets its figures read (a three-letter `q` has thousands of candidates):
 * everyone with a figure in the post-based sources (`involved`, a few people per thread),
 * and of the others the first `offset + limit` by `BASE_SCORE`, which is their whole score,
 * so the page is the one ranking every candidate in full would give (same ties: name, id).
 * It runs as a prepared statement (`queryPrepared`, one per set of `EMPTY` sources): the
 * generic plan PostgreSQL settles on ran a search with an activity 2–3× faster than one
 * planned for its parameters, and it is not planned again (docs/decisions.md §12).
 */
export async function rankPeople(q: Queryable, args: RankArgs): Promise<RankedRow[]> {
  const stored = await rankFromStored(q, args);
  if (stored) return stored;
  const empty = emptySources(args);
  const { columns, joins } = figureColumns(empty);
  const involved = ['thanked', 'accepted', 'here', 'activity_skills'].filter((n) => !empty.has(n));
  return queryPrepared<RankedRow>(
    q,
    `${figureSources(empty)}
     candidates AS (${candidatesSql(args)}),
     involved AS (${involved.map((n) => `SELECT id FROM ${n}`).join(' UNION ')}),
     base AS (
       SELECT c.id, c.name, c.text_match, c.a_level AS asked_level,
         ${empty.has('q_skills') ? '0' : 'COALESCE(qs.level, 0)'} AS q_level,
         c.kudos_received, c.mentor,
         CASE WHEN cardinality($2::text[]) = 0 THEN c.endorsements
           ELSE c.a_endorsements END AS endorsements,
         ${IDLE_DAYS} AS idle_days
       FROM candidates c ${empty.has('q_skills') ? '' : 'LEFT JOIN q_skills qs ON qs.id = c.id'}
     ),
     short AS (
       (SELECT b.* FROM base b WHERE b.id NOT IN (SELECT id FROM involved)
        ORDER BY ${BASE_SCORE} DESC, b.name ASC, b.id ASC LIMIT $8::bigint + $4::bigint)
       UNION ALL SELECT b.* FROM base b WHERE b.id IN (SELECT id FROM involved)
     ),
     figures AS (
       SELECT c.id, c.name, c.title, c.team, c.email, c.ask_me_about, c.mentor, c.availability,
         c.kudos_received, b.asked_level, b.q_level, b.endorsements, b.text_match, b.idle_days,
         ${columns}
       FROM short b JOIN people c ON c.id = b.id
       ${joins}
     )
     SELECT f.*, ${SCORE}::float8 AS score, (SELECT count(*) FROM candidates)::int AS total
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
      args.mode === 'recommend',
      args.limit,
    ],
  );
}

/**
 * Per person and focus skill, the kudos on their readable posts in threads tagged with it
 * (a post's thread: its own tags and its root's): the `thanked` reasons with a `skill`.
 * `keys` are skill keys; with none, the tags of `activity`'s readable posts. A prepared
 * statement, as `skillsOf`.
 */
export async function thankedBySkill(
  q: Queryable,
  ids: string[],
  keys: string[],
  activity: string | null,
): Promise<{ person_id: string; skill: string; n: number }[]> {
  if (!ids.length || (!keys.length && !activity)) return [];
  return queryPrepared(
    q,
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
