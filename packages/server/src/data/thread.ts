/**
 * A page of a thread (`GET /posts`): its root posts in the sort's order past a cursor, each
 * with all its descendants, and the `total` of readable posts, in one round trip. Filters
 * narrow the roots (a skill tag, docs/decisions.md §11; the Q&A filters, §18); replies always
 * come with their root, accepted answers first under their question. The page also counts
 * the thread's open questions.
 */
import type { PostFilter } from '@peerkit/core/contract';
import type { Queryable } from '../db.js';
import { POST_COLUMNS, type PostRow } from './posts.js';
import { skillKey } from '@peerkit/core/contract';

/**
 * How each sort pages its roots: the order, the condition past a cursor (parameters from
 * `$3`) and the cursor fields that fill it.
 */
export const SORTS = {
  oldest: { order: 'seq ASC', after: 'seq > $3', keys: ['s'] },
  newest: { order: 'seq DESC', after: 'seq < $3', keys: ['s'] },
  top: { order: 'kudos DESC, seq DESC', after: '(kudos, seq) < ($3, $4)', keys: ['k', 's'] },
  // open questions first (`a` = 0: no accepted answer), newest first within each group
  unanswered: {
    order: '(accepted_count > 0) ASC, seq DESC',
    after: '((accepted_count > 0)::int > $3 OR ((accepted_count > 0)::int = $3 AND seq < $4))',
    keys: ['a', 's'],
  },
} as const;

export type ThreadRow = PostRow & {
  root_seq: number;
  root_kudos: number;
  root_answered: number;
  root_rank: number;
};

/** What narrows the roots of a page. */
export interface ThreadFilter {
  /** A skill tag: roots whose tree holds a readable post with it (any spelling). */
  tag?: string | undefined;
  /** A Q&A filter (docs/decisions.md §18); `mine` needs `callerId`. */
  filter?: PostFilter | undefined;
  /** The reader, for `mine`. */
  callerId?: string | undefined;
}

/**
 * The posts a reader can read in a thread (docs/decisions.md §3): neither deleted placeholders
 * nor posts gone from the answers, and hidden posts only for moderators (who read them).
 */
const readable = (alias: string, moderator: boolean) =>
  `NOT ${alias}.removed AND NOT ${alias}.deleted${moderator ? '' : ` AND NOT ${alias}.hidden`}`;

/**
 * The SQL conditions a root `x` must meet for `filter`, each parameter pushed onto `params`
 * (placeholders numbered after what it already holds).
 */
function rootConditions(filter: ThreadFilter, moderator: boolean, params: unknown[]): string[] {
  const conditions: string[] = [];
  if (filter.tag !== undefined) {
    params.push(skillKey(filter.tag));
    conditions.push(`EXISTS (SELECT 1 FROM post_tags pt JOIN posts d ON d.id = pt.post_id
      WHERE pt.skill_key = $${params.length} AND d.root_id = x.id AND ${readable('d', moderator)})`);
  }
  const view = filter.filter;
  if (view === 'unanswered' || view === 'answered') {
    // a deleted or hidden question is nobody's open question
    const hidden = moderator ? '' : ' AND NOT x.hidden';
    const count = view === 'answered' ? 'x.accepted_count > 0' : 'x.accepted_count = 0';
    conditions.push(`NOT x.deleted${hidden} AND ${count}`);
  } else if (view === 'mine') {
    params.push(filter.callerId ?? '');
    conditions.push(`x.author_id = $${params.length}`);
  } else if (view === 'highlighted') {
    conditions.push(`EXISTS (SELECT 1 FROM posts h WHERE h.root_id = x.id
      AND h.highlighted_at IS NOT NULL AND ${readable('h', moderator)})`);
  }
  return conditions;
}

/** The thread's open questions: readable root posts without an accepted answer (`$1`). */
const openSql = (moderator: boolean) => `SELECT count(*)::int FROM posts o
  WHERE o.activity = $1 AND o.parent_id IS NULL AND o.accepted_count = 0
    AND ${readable('o', moderator)}`;

/** `count(*)` of the readable posts of the thread under roots meeting `conditions`. */
function totalSql(conditions: string[], moderator: boolean): string {
  const join = conditions.length ? 'JOIN posts x ON x.id = t.root_id' : '';
  const where = conditions.map((c) => ` AND ${c}`).join('');
  return `SELECT count(*)::int FROM posts t ${join}
    WHERE t.activity = $1 AND ${readable('t', moderator)}${where}`;
}

/**
 * One page of a thread in one round trip: up to `limit` roots past the cursor (`after`:
 * the values of the sort's cursor keys) with all their descendants, oldest first under
 * each root, plus a row more when another page follows; the `total` of readable posts
 * under the roots the filter keeps; and `eventId`, the thread's newest event (`post_events`,
 * 0 when none).
 *
 * The event id is read in the same statement as the rows, so from the same snapshot: every
 * event up to it is in the rows (a write stores its post and its event in one transaction),
 * and a reader resuming from it (`Last-Event-ID`, docs/decisions.md §22) gets what came later.
 * On PostgreSQL a write may commit out of id order: one still open when the page was read may
 * hold an event with a lower id than it. That write was open when the newest event was
 * written, so `EventLog.since`'s replay window sends it again. Read after the rows, in a
 * statement of its own, the id could be newer than the rows and a post written in between
 * would be lost; so an empty page still answers its id from this one statement (the
 * one-row `head` every page row joins).
 */
export async function threadPage(
  q: Queryable,
  page: {
    activity: string;
    sort: keyof typeof SORTS;
    limit: number;
    after: number[] | undefined;
    moderator: boolean;
    filter?: ThreadFilter;
  },
): Promise<{ rows: ThreadRow[]; total: number; open: number; eventId: number }> {
  const { order, after } = SORTS[page.sort];
  const filter = page.filter ?? {};
  const params: unknown[] = [page.activity, page.limit + 1, ...(page.after ?? [])];
  const conditions = rootConditions(filter, page.moderator, params);
  const where = [...(page.after ? [after] : []), ...conditions].map((c) => ` AND ${c}`).join('');
  const rows = await q.query<ThreadRow & { total: number; open: number; event_id: number }>(
    `WITH roots AS (
       SELECT x.id, x.seq, x.kudos, (x.accepted_count > 0)::int AS answered,
         row_number() OVER (ORDER BY ${order}) AS rank
       FROM posts x
       WHERE x.activity = $1 AND x.parent_id IS NULL AND NOT x.removed${where}
       ORDER BY ${order}
       LIMIT $2
     )
     SELECT ${POST_COLUMNS}, r.seq AS root_seq, r.kudos AS root_kudos,
       r.answered AS root_answered, r.rank AS root_rank, h.total, h.open, h.event_id
     FROM (SELECT (${totalSql(conditions, page.moderator)}) AS total,
         (${openSql(page.moderator)}) AS open,
         (SELECT coalesce(max(e.seq), 0) FROM post_events e WHERE e.activity = $1) AS event_id
       ) h
     LEFT JOIN (roots r
       JOIN posts p ON p.root_id = r.id AND NOT p.removed
       LEFT JOIN people a ON a.id = p.author_id) ON true
     ORDER BY r.rank, (p.depth = 1 AND p.accepted_at IS NOT NULL) DESC, p.seq`,
    params,
  );
  const head = rows[0]!;
  return {
    rows: rows.filter((r) => r.id !== null),
    total: head.total,
    open: head.open,
    eventId: Number(head.event_id),
  };
}
