/**
 * Questions and answers in the database (docs/decisions.md §18). Every root post is a
 * question as far as the server is concerned (the widget's `mode` only changes how it is
 * shown): the root keeps when it was first answered (`first_answered_at`: the first direct
 * reply by someone other than its author), when an answer was first accepted
 * (`first_accepted_at`) and how many accepted answers it has now (`accepted_count`). A direct
 * reply may be accepted (`accepted_at`, `accepted_by`) by the question's author or a
 * moderator, several per question. A moderator may highlight any post (`highlighted_at`).
 *
 * Also the data of the expert ranking's `accepted` reason (docs/decisions.md §12):
 * {@link acceptedAnswers}, accepted answers per person, overall and per skill tag.
 */
import type { Queryable } from '../db.js';
import type { PostRow } from './posts.js';
import { skillKey } from '@peerkit/core/contract';

/** The Q&A columns of a `PostRow`, from `posts p`. */
export const QA_COLUMNS = `p.accepted_at, p.first_answered_at, p.first_accepted_at,
  p.accepted_count, p.highlighted_at`;

/**
 * Notes a new reply under `parent`. Answers whether it answers someone else's question (a
 * direct reply to a root post written by another person); the first such reply stamps the
 * question's `first_answered_at`.
 */
export async function noteReply(q: Queryable, parent: PostRow, authorId: string): Promise<boolean> {
  if (parent.parent_id !== null || parent.author_id === authorId) return false;
  await q.query(
    'UPDATE posts SET first_answered_at = now() WHERE id = $1 AND first_answered_at IS NULL',
    [parent.id],
  );
  return true;
}

/**
 * Accepts (or unaccepts) the direct reply `answer` as an answer to its question, by `byId`
 * (kept with an acceptance only).
 * The question counts its accepted answers and keeps the time of its first acceptance.
 * Answers whether anything changed (accepting an accepted answer changes nothing).
 */
export async function setAccepted(
  q: Queryable,
  answer: PostRow,
  accepted: boolean,
  byId: string,
): Promise<boolean> {
  if ((answer.accepted_at !== null) === accepted) return false;
  if (accepted) {
    await q.query('UPDATE posts SET accepted_at = now(), accepted_by = $2 WHERE id = $1', [
      answer.id,
      byId,
    ]);
  } else {
    await q.query('UPDATE posts SET accepted_at = NULL, accepted_by = NULL WHERE id = $1', [
      answer.id,
    ]);
  }
  await q.query(
    `UPDATE posts SET accepted_count = GREATEST(0, accepted_count + $2),
       first_accepted_at = CASE WHEN $2 > 0 THEN COALESCE(first_accepted_at, now())
         ELSE first_accepted_at END
     WHERE id = $1`,
    [answer.parent_id, accepted ? 1 : -1],
  );
  return true;
}

/**
 * A deleted answer no longer answers: if `row` was accepted, its question counts one fewer
 * (the time of the question's first acceptance stays, for reporting).
 */
export async function forgetAnswer(q: Queryable, row: PostRow): Promise<void> {
  if (row.accepted_at !== null) await setAccepted(q, row, false, '');
}

/** Highlights (or not) a post, by `byId`. Answers whether anything changed. */
export async function setHighlighted(
  q: Queryable,
  row: PostRow,
  highlighted: boolean,
  byId: string,
): Promise<boolean> {
  if ((row.highlighted_at !== null) === highlighted) return false;
  if (highlighted) {
    await q.query('UPDATE posts SET highlighted_at = now(), highlighted_by = $2 WHERE id = $1', [
      row.id,
      byId,
    ]);
  } else {
    await q.query('UPDATE posts SET highlighted_at = NULL, highlighted_by = NULL WHERE id = $1', [
      row.id,
    ]);
  }
  return true;
}

/** One row of {@link acceptedAnswers}. */
export interface AcceptedCount {
  personId: string;
  /** The skill (vocabulary spelling), or `null` for all their accepted answers. */
  skill: string | null;
  count: number;
}

/**
 * Accepted answers per person, for the expert ranking's `{ kind: 'accepted', count, skill }`
 * reason (docs/decisions.md §12): for each of `personIds`, one row with `skill: null` (all
 * their accepted answers that are still readable: not deleted, not hidden) and one row per
 * skill tag that the answer or its question carries ("answered 4 SQL questions"). With
 * `skill`, only that skill's rows (any spelling) and the overall row; with `activity`, only
 * answers in that thread. People with no accepted answer have no rows. Ordered by person,
 * then the overall row, then the largest count first.
 */
export async function acceptedAnswers(
  q: Queryable,
  args: { personIds: readonly string[]; skill?: string | null; activity?: string | null },
): Promise<AcceptedCount[]> {
  if (!args.personIds.length) return [];
  const rows = await q.query<{ person_id: string; skill: string | null; n: number }>(
    `WITH answers AS (
       SELECT a.id, a.author_id, a.root_id FROM posts a
       WHERE a.author_id = ANY($1::text[]) AND a.accepted_at IS NOT NULL
         AND NOT a.deleted AND NOT a.removed AND NOT a.hidden
         AND ($3::text IS NULL OR a.activity = $3)
     ), tagged AS (
       SELECT DISTINCT ans.id, ans.author_id, t.skill_key FROM answers ans
       JOIN post_tags t ON t.post_id = ans.id OR t.post_id = ans.root_id
       WHERE $2::text IS NULL OR t.skill_key = $2
     )
     SELECT * FROM (
       SELECT author_id AS person_id, NULL AS skill, count(*)::int AS n FROM answers
       GROUP BY author_id
       UNION ALL
       SELECT tg.author_id, (SELECT min(pt.skill) FROM post_tags pt
         WHERE pt.skill_key = tg.skill_key), count(*)::int FROM tagged tg
       GROUP BY tg.author_id, tg.skill_key
     ) u
     ORDER BY person_id, skill IS NOT NULL, n DESC, skill`,
    [args.personIds, args.skill ? skillKey(args.skill) : null, args.activity ?? null],
  );
  return rows.map((r) => ({ personId: r.person_id, skill: r.skill, count: r.n }));
}
