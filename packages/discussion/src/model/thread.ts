/**
 * The thread as the widget holds it: every post loaded so far, in reading order.
 *
 * `GET /posts` pages by root posts (each root followed by its descendants), so the model
 * keeps roots in the server's order and children oldest first under their parent. Live
 * events and the person's own posts are merged in by id, so a page that arrives later
 * with a post we already show never doubles it.
 */
import type { Post, PostSort } from '@peerkit/core';

export class ThreadModel {
  readonly posts = new Map<string, Post>();
  private roots: string[] = [];
  private children = new Map<string, string[]>();
  private flat: Post[] | null = null;
  /** Cursor of the next page of roots, `null` once all are loaded. */
  nextCursor: string | null = null;
  /**
   * The posts people can read (not a deleted placeholder, not a hidden post): the server's
   * `total` of the last page (docs/decisions.md §3), kept current as posts are added, changed and
   * removed here.
   */
  total = 0;
  /** The thread's open questions (`PostPage.open`), `null` when the backend does not count them. */
  open: number | null = null;
  /** Whether at least one page arrived. */
  loaded = false;
  /**
   * The thread's stream position its first page was read at (`PostPage.eventId`): the live
   * subscription starts there, so nothing written since is missed (docs/decisions.md §22).
   */
  eventId: string | undefined;

  constructor(readonly sort: PostSort) {}

  get size(): number {
    return this.posts.size;
  }

  /** Adds a page from the server, after what is loaded. */
  addPage(page: {
    items: Post[];
    nextCursor: string | null;
    total: number;
    open?: number | undefined;
  }): Post[] {
    const added: Post[] = [];
    for (const post of page.items) {
      if (this.posts.has(post.id)) {
        this.posts.set(post.id, post);
        continue;
      }
      this.attach(post, 'end');
      added.push(post);
    }
    this.nextCursor = page.nextCursor;
    this.total = page.total;
    this.open = page.open ?? null;
    this.loaded = true;
    this.flat = null;
    return added;
  }

  /**
   * A post that was just written (by this person, or arriving live). Roots go where the
   * sort puts a new post (first for `newest`, else last); replies after their siblings.
   * Returns `false` when it is already known or its parent is not loaded.
   */
  insert(post: Post): boolean {
    if (this.posts.has(post.id)) {
      this.update(post);
      return false;
    }
    if (post.parentId && !this.posts.has(post.parentId)) return false;
    this.attach(post, this.sort === 'newest' ? 'start' : 'end');
    if (readable(post)) this.total += 1;
    this.countOpen(null, post);
    if (post.parentId) {
      const parent = this.posts.get(post.parentId)!;
      this.posts.set(parent.id, { ...parent, replyCount: parent.replyCount + 1 });
    }
    this.flat = null;
    return true;
  }

  /** Replaces a known post (an edit, a hide, a placeholder). */
  update(post: Post): boolean {
    const old = this.posts.get(post.id);
    if (!old) return false;
    this.total += Number(readable(post)) - Number(readable(old));
    this.countOpen(old, post);
    this.posts.set(post.id, post);
    this.flat = null;
    return true;
  }

  /**
   * A deleted post: kept as a placeholder while it has replies, else removed (and a deleted
   * parent left without replies goes with it, as the server prunes it too).
   */
  applyDeleted(id: string, placeholder: Post | null): void {
    const known = this.posts.get(id);
    if (!known) return;
    const kids = this.children.get(id) ?? [];
    if (placeholder && (placeholder.replyCount > 0 || kids.length > 0)) {
      this.update(placeholder);
      return;
    }
    this.remove(id);
  }

  /**
   * Removes a post and its replies (a whole tree, for a root: it left the view shown, a filter
   * it no longer meets); a deleted parent left without replies goes too, unless `pruneParent`
   * is `false`.
   */
  remove(id: string, pruneParent = true): void {
    const post = this.posts.get(id);
    if (!post) return;
    // Replies go with it (the server only removes a post without replies, but a live
    // event may arrive before the replies' own).
    for (const child of [...(this.children.get(id) ?? [])]) this.remove(child, false);
    this.posts.delete(id);
    this.children.delete(id);
    if (readable(post)) this.total = Math.max(0, this.total - 1);
    this.countOpen(post, null);
    if (post.parentId) this.detach(id, post.parentId, pruneParent);
    else {
      const at = this.roots.indexOf(id);
      if (at >= 0) this.roots.splice(at, 1);
    }
    this.flat = null;
  }

  /** Takes a removed reply off its parent, and a deleted parent left without replies with it. */
  private detach(id: string, parentId: string, pruneParent: boolean): void {
    const siblings = this.children.get(parentId);
    const at = siblings?.indexOf(id) ?? -1;
    if (siblings && at >= 0) siblings.splice(at, 1);
    const parent = this.posts.get(parentId);
    if (!parent) return;
    this.posts.set(parent.id, { ...parent, replyCount: Math.max(0, parent.replyCount - 1) });
    if (pruneParent && parent.deleted && (siblings?.length ?? 0) === 0) this.remove(parent.id);
  }

  private attach(post: Post, where: 'start' | 'end'): void {
    this.posts.set(post.id, post);
    if (post.parentId && this.posts.has(post.parentId)) {
      const siblings = this.children.get(post.parentId) ?? [];
      siblings.push(post.id);
      this.children.set(post.parentId, siblings);
    } else if (where === 'start') {
      this.roots.unshift(post.id);
    } else {
      this.roots.push(post.id);
    }
  }

  /** Every loaded post in reading order: each root, then its replies depth first. */
  list(): Post[] {
    if (this.flat) return this.flat;
    const out: Post[] = [];
    // Iterative depth-first walk: a 5,000-deep chain of replies must not overflow the stack.
    const stack = [...this.roots].reverse();
    while (stack.length) {
      const id = stack.pop()!;
      const post = this.posts.get(id);
      if (!post) continue;
      out.push(post);
      const kids = this.children.get(id);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    this.flat = out;
    return out;
  }

  /** Whether the person wrote any loaded post (so they have posted here before). */
  /**
   * An answer accepted or unaccepted (Q&A, docs/decisions.md §18): the answer replaces the
   * one shown, its question's `accepted` follows its answers, and `open` follows the question.
   */
  acceptance(answer: Post): void {
    this.update(answer);
    const question = answer.parentId ? this.posts.get(answer.parentId) : undefined;
    if (!question?.question) return;
    const accepted = (this.children.get(question.id) ?? []).some(
      (id) => this.posts.get(id)?.accepted,
    );
    if (accepted === question.question.accepted) return;
    this.update({ ...question, question: { ...question.question, accepted } });
  }

  /** Keeps `open` (the server's count at the last page) current as a post changes. */
  private countOpen(old: Post | null, post: Post | null): void {
    if (this.open === null) return;
    this.open = Math.max(0, this.open + Number(isOpen(post)) - Number(isOpen(old)));
  }

  hasPostBy(personId: string): boolean {
    for (const post of this.posts.values()) if (post.author?.id === personId) return true;
    return false;
  }
}

/** An open question (what `open` counts): a readable root post without an accepted answer. */
function isOpen(post: Post | null): boolean {
  return !!post?.question && !post.question.accepted && readable(post);
}

/** Whether people can read a post (what `total` counts): not deleted, not hidden. */
function readable(post: Post): boolean {
  return !post.deleted && !post.hidden;
}
