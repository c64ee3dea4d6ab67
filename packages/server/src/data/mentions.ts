/**
 * Mentions (docs/decisions.md §10): the people a post's body names with `mention:` links,
 * found in its parsed tree (`markdownToTree` makes `{ type: 'mention', id }` nodes) and kept
 * in `post_mentions (post_id, person_id, position)` so `Post.mentions` can show their current
 * names and the webhooks can tell them. Only people the server knows are kept; the body keeps
 * every link as written.
 */
import type { MarkdownNode, PersonSummary } from '@peerkit/core/contract';
import { POST_MENTIONS_MAX } from '@peerkit/core/contract';
import type { Queryable } from '../db.js';
import { personSummary } from '../http.js';
import { HttpError } from '../problem.js';

/** The person ids a tree mentions, each once, in the order they first appear. */
export function mentionedIds(tree: readonly MarkdownNode[]): string[] {
  const ids = new Set<string>();
  const walk = (nodes: readonly MarkdownNode[]) => {
    for (const node of nodes) {
      if (node.type === 'mention') ids.add(node.id);
      else if ('children' in node) walk(node.children);
      else if (node.type === 'table')
        for (const cell of [...node.head, ...node.rows.flat()]) walk(cell);
    }
  };
  walk(tree);
  return [...ids];
}

/**
 * The SQL of a post's mentions (people the server knows, in the order written) as a JSON
 * array of `{ id, name, title, team }`, for a select list over `posts p`.
 */
export const MENTIONS_COLUMN = `COALESCE((SELECT json_agg(json_build_object('id', pe.id,
  'name', pe.name, 'title', pe.title, 'team', pe.team) ORDER BY m.position)
  FROM post_mentions m JOIN people pe ON pe.id = m.person_id WHERE m.post_id = p.id),
  '[]'::json) AS mentions`;

/** A mentions column as the contract shows it. */
export function toMentions(
  rows: { id: string; name: string | null; title: string | null; team: string | null }[] | null,
): PersonSummary[] {
  return (rows ?? []).map((r) => personSummary(r.id, r.name, r.title, r.team));
}

/**
 * Replaces the mentions of a post with the known people among `ids` (400 past
 * `POST_MENTIONS_MAX` people). Answers the ids that were not mentioned before (whom a
 * notification is for).
 */
export async function setMentions(q: Queryable, postId: string, ids: string[]): Promise<string[]> {
  if (ids.length > POST_MENTIONS_MAX) {
    throw new HttpError(400, `a post may mention at most ${POST_MENTIONS_MAX} people`, {
      errors: [{ path: 'body', message: `mentions more than ${POST_MENTIONS_MAX} people` }],
    });
  }
  const before = await q.query<{ person_id: string }>(
    'DELETE FROM post_mentions WHERE post_id = $1 RETURNING person_id',
    [postId],
  );
  if (!ids.length) return [];
  const known = await q.query<{ id: string }>('SELECT id FROM people WHERE id = ANY($1::text[])', [
    ids,
  ]);
  const knownIds = new Set(known.map((r) => r.id));
  const kept = ids.filter((id) => knownIds.has(id));
  for (const [position, id] of kept.entries()) {
    await q.query('INSERT INTO post_mentions (post_id, person_id, position) VALUES ($1, $2, $3)', [
      postId,
      id,
      position,
    ]);
  }
  const had = new Set(before.map((r) => r.person_id));
  return kept.filter((id) => !had.has(id));
}
