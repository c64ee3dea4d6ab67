/**
 * Posts in the database: reading one, the state check every write about a post makes,
 * writing, deleting with placeholders, and a page of a thread. Routes shape answers from
 * what these return; no SQL about posts lives anywhere else.
 *
 * Deleting a post with replies leaves a placeholder (`deleted`, no author, empty body); a
 * deleted post without visible replies is `removed` from every answer, and so is a deleted
 * ancestor that loses its last reply that way.
 */
import type { Post } from '@peerkit/core/contract';
import { markdownToTree } from '@peerkit/core/markdown';
import type { Queryable } from '../db.js';
import type { PostEvents } from '../events.js';
import { iso, personSummary } from '../http.js';
import { HttpError } from '../problem.js';
import { forgetAnswer, QA_COLUMNS } from './qa.js';
import { MENTIONS_COLUMN, mentionedIds, setMentions, toMentions } from './mentions.js';
import { clearTags, setTags, TAGS_COLUMN } from './tags.js';

export interface PostRow {
  id: string;
  activity: string;
  parent_id: string | null;
  root_id: string;
  depth: number;
  author_id: string;
  author_name: string | null;
  author_title: string | null;
  author_team: string | null;
  body: string;
  created_at: Date | string;
  edited_at: Date | string | null;
  deleted: boolean;
  hidden: boolean;
  kudos: number;
  version: number;
  /** Skill tags in the order written (`TAGS_COLUMN`). */
  tags: string[];
  /** The people the body mentions, as `MENTIONS_COLUMN` reads them. */
  mentions: { id: string; name: string | null; title: string | null; team: string | null }[];
  /** Q&A (`QA_COLUMNS`, docs/decisions.md §18): a reply's acceptance, a root's question state. */
  accepted_at: Date | string | null;
  first_answered_at: Date | string | null;
  first_accepted_at: Date | string | null;
  accepted_count: number;
  highlighted_at: Date | string | null;
  reply_count?: number;
}

/** The columns of a `PostRow`, from `posts p LEFT JOIN people a ON a.id = p.author_id`. */
export const POST_COLUMNS = `p.id, p.activity, p.parent_id, p.root_id, p.depth, p.author_id,
  a.name AS author_name, a.title AS author_title, a.team AS author_team, p.body, p.created_at,
  p.edited_at, p.deleted, p.hidden, p.kudos, p.version, ${TAGS_COLUMN},
  ${MENTIONS_COLUMN}, ${QA_COLUMNS}`;

const REPLY_COUNT = `(SELECT count(*)::int FROM posts c WHERE c.parent_id = p.id AND NOT c.removed)`;

/**
 * A stored post as the contract shows it (a hidden body only to moderators), with its body
 * already parsed as `bodyTree` so a reader's page needs no Markdown parser (docs/decisions.md §5).
 */
export function toPost(row: PostRow, replyCount: number, moderator: boolean): Post {
  const concealed = row.deleted || (row.hidden && !moderator);
  const body = concealed ? '' : row.body;
  return {
    id: row.id,
    activity: row.activity,
    parentId: row.parent_id,
    depth: row.depth,
    author: row.deleted
      ? null
      : personSummary(row.author_id, row.author_name, row.author_title, row.author_team),
    body,
    bodyTree: markdownToTree(body),
    version: row.version,
    createdAt: iso(row.created_at),
    editedAt: row.edited_at ? iso(row.edited_at) : null,
    deleted: row.deleted,
    hidden: row.hidden,
    replyCount,
    kudos: row.kudos,
    tags: concealed ? [] : row.tags,
    mentions: concealed ? [] : toMentions(row.mentions),
    ...(row.parent_id === null
      ? {
          question: {
            askedAt: iso(row.created_at),
            firstAnsweredAt: row.first_answered_at ? iso(row.first_answered_at) : null,
            acceptedAt: row.first_accepted_at ? iso(row.first_accepted_at) : null,
            accepted: row.accepted_count > 0,
          },
        }
      : {}),
    accepted: !row.deleted && row.accepted_at !== null,
    highlighted: !concealed && row.highlighted_at !== null,
  };
}

/** One post still in the answers (placeholders included) with its reply count, or undefined. */
export async function loadPost(q: Queryable, id: string): Promise<PostRow | undefined> {
  const [row] = await q.query<PostRow>(
    `SELECT ${POST_COLUMNS}, ${REPLY_COUNT} AS reply_count
     FROM posts p LEFT JOIN people a ON a.id = p.author_id
     WHERE p.id = $1 AND NOT p.removed`,
    [id],
  );
  return row;
}

/**
 * Writes that refer to a post. Every one of them goes through {@link postForWrite}, so the
 * rules cannot drift apart; `accept` (an accepted answer) and `tag` (skill tags) are named
 * for the writes that come next.
 */
export type PostWrite =
  'reply' | 'edit' | 'delete' | 'report' | 'kudos' | 'resolve' | 'accept' | 'tag' | 'highlight';

/**
 * The post a write refers to, when it may still be written about (issue 15, item 5):
 * - no post has this id: 404 "no such post";
 * - the post was deleted outright (gone from every answer): 404 "… was deleted";
 * - the post was deleted and stays as a placeholder for its replies: 409 "… was deleted".
 * Who may write (author, moderator, not oneself) is the route's to check, after this.
 *
 * The row is locked until the caller's transaction ends (`FOR UPDATE`), so a version checked
 * against `If-Match` cannot change before the write: of two edits made from the same version
 * on PostgreSQL's pool, the second waits, then answers 412 (docs/decisions.md §2).
 */
export async function postForWrite(q: Queryable, id: string, write: PostWrite): Promise<PostRow> {
  const [row] = await q.query<PostRow & { removed: boolean }>(
    `SELECT ${POST_COLUMNS}, p.removed, ${REPLY_COUNT} AS reply_count
     FROM posts p LEFT JOIN people a ON a.id = p.author_id WHERE p.id = $1
     FOR UPDATE OF p`,
    [id],
  );
  const what = write === 'reply' ? 'the post replied to' : 'the post';
  if (!row) throw new HttpError(404, write === 'reply' ? `${what} does not exist` : 'no such post');
  if (row.removed) throw new HttpError(404, `${what} was deleted`);
  if (row.deleted) throw new HttpError(409, `${what} was deleted`);
  return row;
}

/**
 * Whether a post with this id was ever stored (any state): kudos on an activity IRI that
 * names an unknown post are kudos on that IRI alone.
 */
export async function postExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM posts WHERE id = $1', [id])).length > 0;
}

/**
 * Stores a new post (a reply when `parent` is given) with its tags and mentions; answers the
 * stored row and the ids of the people it mentions.
 */
export async function insertPost(
  q: Queryable,
  post: {
    id: string;
    activity: string;
    authorId: string;
    body: string;
    tags?: string[] | undefined;
    parent?: PostRow;
  },
): Promise<{ row: PostRow; mentioned: string[] }> {
  const { id, parent } = post;
  await q.query(
    `INSERT INTO posts (id, activity, parent_id, root_id, depth, author_id, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      post.activity,
      parent?.id ?? null,
      parent ? parent.root_id : id,
      parent ? parent.depth + 1 : 0,
      post.authorId,
      post.body,
    ],
  );
  if (post.tags?.length) await setTags(q, id, post.tags);
  const mentioned = await setMentions(q, id, mentionedIds(markdownToTree(post.body)));
  return { row: (await loadPost(q, id))!, mentioned };
}

/**
 * Changes what `change` gives (version + 1): a new body sets `edited_at` and its mentions,
 * tags replace the post's tags. Answers the stored row and the ids of the people the new body
 * mentions that the old one did not.
 */
export async function updatePost(
  q: Queryable,
  id: string,
  change: { body?: string | undefined; tags?: string[] | undefined },
): Promise<{ row: PostRow; mentioned: string[] }> {
  await q.query(
    `UPDATE posts SET body = COALESCE($2, body),
       edited_at = CASE WHEN $2::text IS NULL THEN edited_at ELSE now() END,
       version = version + 1 WHERE id = $1`,
    [id, change.body ?? null],
  );
  if (change.tags) await setTags(q, id, change.tags);
  const mentioned =
    change.body === undefined
      ? []
      : await setMentions(q, id, mentionedIds(markdownToTree(change.body)));
  return { row: (await loadPost(q, id))!, mentioned };
}

/** Hides or shows a post (version + 1 when it changes); answers the stored row. */
export async function setHidden(q: Queryable, row: PostRow, hidden: boolean): Promise<PostRow> {
  if (row.hidden !== hidden) {
    await q.query('UPDATE posts SET hidden = $2, version = version + 1 WHERE id = $1', [
      row.id,
      hidden,
    ]);
  }
  return (await loadPost(q, row.id))!;
}

/** Recounts a post's kudos; answers the stored row, or undefined when it is gone. */
export async function recountKudos(q: Queryable, id: string): Promise<PostRow | undefined> {
  await q.query(
    'UPDATE posts SET kudos = (SELECT count(*)::int FROM kudos WHERE post_id = $1) WHERE id = $1',
    [id],
  );
  return loadPost(q, id);
}

/**
 * Marks a deleted post removed when no visible reply is left under it, then its deleted
 * ancestors in turn. Answers the ids removed.
 */
async function prune(q: Queryable, id: string): Promise<string[]> {
  const removed: string[] = [];
  let current: string | null = id;
  while (current) {
    const [row]: { parent_id: string | null; deleted: boolean; live: number }[] = await q.query(
      `SELECT p.parent_id, p.deleted, ${REPLY_COUNT} AS live
       FROM posts p WHERE p.id = $1 AND NOT p.removed`,
      [current],
    );
    if (!row || !row.deleted || row.live > 0) break;
    await q.query('UPDATE posts SET removed = TRUE WHERE id = $1', [current]);
    removed.push(current);
    current = row.parent_id;
  }
  return removed;
}

/**
 * Deletes a post (the caller checked the right to; version + 1) and resolves its open
 * reports as `deleted` by `byId`. Publishes `post.deleted` for it and for every ancestor
 * removed with it; answers the placeholder if one stays.
 */
export async function deletePost(
  q: Queryable,
  events: PostEvents,
  row: PostRow,
  byId: string,
): Promise<Post | null> {
  await q.query(`UPDATE posts SET deleted = TRUE, body = '', version = version + 1 WHERE id = $1`, [
    row.id,
  ]);
  await clearTags(q, row.id);
  await forgetAnswer(q, row);
  await setMentions(q, row.id, []);
  await q.query(
    `UPDATE reports SET status = 'deleted', resolved_by = $2, resolved_at = now()
     WHERE post_id = $1 AND status = 'open'`,
    [row.id, byId],
  );
  const removed = await prune(q, row.id);
  const gone = removed.includes(row.id);
  const deleted = toPost(
    {
      ...row,
      deleted: true,
      body: '',
      tags: [],
      mentions: [],
      accepted_at: null,
      version: row.version + 1,
    },
    gone ? 0 : (row.reply_count ?? 0),
    false,
  );
  await events.publish(q, 'post.deleted', deleted);
  for (const ancestorId of removed.slice(1)) {
    const [a] = await q.query<PostRow>(
      `SELECT ${POST_COLUMNS} FROM posts p LEFT JOIN people a ON a.id = p.author_id WHERE p.id = $1`,
      [ancestorId],
    );
    if (a) await events.publish(q, 'post.deleted', toPost(a, 0, false));
  }
  return gone ? null : deleted;
}
