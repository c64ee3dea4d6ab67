/**
 * Every xAPI statement `<peer-discussion>` makes, in one place (verbs and activity types
 * from the Peerkit profile, `@peerkit/core`'s vocabulary). A statement that cannot be queued
 * is never the reader's problem: failures are swallowed here (the recorder reports storage
 * trouble itself).
 */
import type { Post, Recorder } from '@peerkit/core';

/** The IRI a post is known by (kudos, xAPI); the reference server uses the same scheme. */
export const postIri = (id: string): string => `urn:peerkit:post:${id}`;

/** The thread a statement happens in: the discussion's activity and its heading. */
export interface ThreadRef {
  activity: string;
  heading: string;
}

export type PostVerb =
  | 'commented'
  | 'replied'
  | 'asked'
  | 'answered'
  | 'edited'
  | 'deleted'
  | 'reported'
  | 'moderated'
  | 'accepted'
  | 'withdrew-acceptance'
  | 'highlighted'
  | 'withdrew-highlight';

/**
 * The verb of a new post (the discussion README's statements table): in Q&A mode (`qa`) a
 * root post is `asked`, a direct reply to a question by someone other than its asker is
 * `answered` (docs/decisions.md §18: what counts as a first answer); otherwise a root post is
 * `commented` and a reply `replied`. `posts` holds the loaded thread, where the parent is.
 */
export function writeVerb(qa: boolean, post: Post, posts: ReadonlyMap<string, Post>): PostVerb {
  if (!post.parentId) return qa ? 'asked' : 'commented';
  const question = posts.get(post.parentId);
  return qa && post.depth === 1 && question?.author?.id !== post.author?.id
    ? 'answered'
    : 'replied';
}

/** The verbs whose result is the post's body. */
const WRITES: readonly PostVerb[] = ['commented', 'replied', 'asked', 'answered', 'edited'];

/** Threads already recorded as viewed during this page view (one statement each). */
const viewedThisPage = new Set<string>();

/** `viewed` the discussion, once per thread and page view. */
export function recordViewed(recorder: Recorder | undefined, thread: ThreadRef): void {
  if (!recorder || viewedThisPage.has(thread.activity)) return;
  viewedThisPage.add(thread.activity);
  void recorder
    .record({
      verb: 'viewed',
      object: { id: thread.activity, type: 'discussion', name: thread.heading },
    })
    .catch(() => undefined);
}

/**
 * A statement about a post: its body as the result of a write (`commented`, `replied`,
 * `asked`, `answered`, `edited`), else `extra` (the report's reason, the moderator's action).
 * A reply's context parent is the post it answers (for `answered`, `accepted` and
 * `withdrew-acceptance`: the question), grouped under the thread; a root post's parent is
 * the thread (xAPI 1.0.3 §4.1.6.2: `parent` is the direct parent, `grouping` further up).
 */
export function recordPost(
  recorder: Recorder | undefined,
  thread: ThreadRef,
  verb: PostVerb,
  post: Post,
  extra?: string,
): void {
  if (!recorder) return;
  const threadObject = { id: thread.activity, type: 'discussion' as const, name: thread.heading };
  const parentPost = post.parentId ? { id: postIri(post.parentId), type: 'post' as const } : null;
  const writes = WRITES.includes(verb);
  void recorder
    .record({
      verb,
      object: { id: postIri(post.id), type: 'post' },
      ...(writes
        ? { result: { response: post.body } }
        : extra
          ? { result: { response: extra } }
          : {}),
      parent: parentPost ?? threadObject,
      grouping: parentPost ? [threadObject] : undefined,
    })
    .catch(() => undefined);
}
