/**
 * Skill tags on posts (docs/decisions.md §11): table `post_tags (post_id, skill, skill_key,
 * position)`. A tag is compared by its key (`skillKey` of `@peerkit/core`: the name trimmed and lower-cased, as
 * `person_skills.skill_key`), and stored with the vocabulary's spelling: the name `GET /skills`
 * shows for that key when a person lists the skill, else the spelling already used on another
 * post, else the name as written (trimmed).
 */
import { skillKey } from '@peerkit/core/contract';
import type { Queryable } from '../db.js';

/**
 * The SQL of a post's tags in the order written, for a select list over `posts p`
 * (an empty array when it has none).
 */
export const TAGS_COLUMN = `ARRAY(SELECT pt.skill FROM post_tags pt WHERE pt.post_id = p.id
  ORDER BY pt.position) AS tags`;

/**
 * Replaces a post's tags with `names` (duplicates by key count once, the first kept).
 * Answers the tags as stored, in order.
 */
export async function setTags(q: Queryable, postId: string, names: string[]): Promise<string[]> {
  await q.query('DELETE FROM post_tags WHERE post_id = $1', [postId]);
  const seen = new Set<string>();
  const stored: string[] = [];
  for (const name of names) {
    const key = skillKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    const [row] = await q.query<{ skill: string }>(
      `INSERT INTO post_tags (post_id, skill, skill_key, position)
       VALUES ($1, COALESCE(
         (SELECT min(s.skill) FROM person_skills s WHERE s.skill_key = $2),
         (SELECT min(t.skill) FROM post_tags t WHERE t.skill_key = $2),
         $3), $2, $4)
       RETURNING skill`,
      [postId, key, name.trim(), stored.length],
    );
    stored.push(row!.skill);
  }
  return stored;
}

/** Removes a post's tags (it was deleted: its tags no longer describe anything readable). */
export async function clearTags(q: Queryable, postId: string): Promise<void> {
  await q.query('DELETE FROM post_tags WHERE post_id = $1', [postId]);
}
