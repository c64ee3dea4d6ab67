/**
 * The live stream: while `live` is set and the first page is drawn, the thread's events
 * come in over the client's subscription (which falls back to polling by itself).
 *
 * - A new post by someone else waits behind the "Show N new posts" button (a reader's place
 *   does not move under them); the person's own post from another tab goes in at once.
 * - A new thread (a root post) joins only a view it belongs in: under a tag filter, one
 *   tagged with it; in Highlights, a highlighted one; in Q&A's Unanswered, any (it has no
 *   answer yet); as `GET /posts` would list it (decisions §19). A reply joins the tree it is in.
 * - The subscription starts at the first page's `eventId`, so a post written between reading
 *   the page and opening the stream still arrives (docs/decisions.md §22); an event for a post
 *   the page already shows updates it in place (never to an older version), so nothing is
 *   shown or counted twice.
 * - An edit or a delete applies in place; an edit of the post being edited here goes to the
 *   editor instead (`onEditedElsewhere`), which says so before anything is overwritten.
 */
import type { ReactiveController } from 'lit';
import { skillKey, type Post, type PostEvent } from '@peerkit/core';
import { messages } from '../messages.js';
import type { ThreadModel } from '../model/thread.js';
import type { DiscussionContext } from './context.js';
import type { ThreadController } from './thread.js';

export interface LiveOptions {
  /** Whether the host asked for live updates. */
  enabled(): boolean;
  /** The post being edited here, if any: its live edits go to `onEditedElsewhere`. */
  editing(): string | null;
  onEditedElsewhere(post: Post): void;
}

export class LiveController implements ReactiveController {
  /** Posts by others that arrived live, waiting behind the "new posts" button. */
  incoming: Post[] = [];
  /** The stream's state (not drawn: a stream that fails falls back to polling by itself). */
  status: 'off' | 'open' | 'reconnecting' = 'off';
  private key = '';
  private unsubscribe: (() => void) | null = null;
  /** The model the incoming posts belong to: a reload drops them. */
  private model: ThreadModel | null = null;

  constructor(
    private readonly ctx: DiscussionContext,
    private readonly thread: ThreadController,
    private readonly options: LiveOptions,
  ) {
    ctx.host.addController(this);
  }

  hostUpdate(): void {
    if (this.model !== this.thread.model) {
      this.model = this.thread.model;
      this.incoming = [];
    }
  }

  hostUpdated(): void {
    const client = this.ctx.client();
    const key =
      this.options.enabled() &&
      client &&
      this.ctx.host.isConnected &&
      this.thread.status === 'complete'
        ? this.ctx.thread().activity
        : '';
    if (key === this.key && (this.unsubscribe || !key)) return;
    this.stop();
    this.key = key;
    if (!key || !client) return;
    this.status = 'reconnecting';
    // From the first page's position: what was written since it was read comes too.
    this.unsubscribe = client.subscribePosts(
      key,
      {
        onEvent: (event) => this.onEvent(event),
        onOpen: () => {
          this.status = 'open';
        },
        onError: () => {
          this.status = 'reconnecting';
        },
      },
      { lastEventId: this.thread.model.eventId },
    );
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.key = '';
    this.status = 'off';
  }

  private onEvent(event: PostEvent): void {
    const post = event.post;
    if (post.activity !== this.ctx.thread().activity) return;
    // An event replayed from before the page was read (the stream's resume window on
    // PostgreSQL) may be older than the post shown: never go back.
    if ((this.thread.model.posts.get(post.id)?.version ?? 0) > post.version) return;
    const changed =
      event.type === 'post.created'
        ? this.created(post)
        : event.type === 'post.updated'
          ? this.updated(post)
          : this.deleted(post);
    if (changed) this.thread.changed();
    else this.ctx.host.requestUpdate();
  }

  /**
   * Whether a new post belongs in the view the reader has: a reply, when its tree is (its
   * parent is loaded or waiting); a root post, when it meets the view's filter and tag. The
   * element asks only `highlighted` and `unanswered` (which any new thread meets).
   */
  private belongs(post: Post): boolean {
    if (post.parentId) return true;
    const { filter, tag } = this.thread.query();
    if (tag !== undefined && !post.tags?.some((t) => skillKey(t) === skillKey(tag))) return false;
    if (filter === 'highlighted') return !!post.highlighted;
    return true;
  }

  /** Returns whether the thread itself changed. */
  private created(post: Post): boolean {
    const model = this.thread.model;
    if (model.posts.has(post.id)) return model.update(post);
    if (!this.belongs(post)) return false;
    if (post.author?.id && post.author.id === this.ctx.me()?.id) {
      // Our own post from another tab or window: no need to hold it back.
      if (model.insert(post)) this.thread.reveal(post.id, false);
      return true;
    }
    const waiting = (id: string) => this.incoming.some((p) => p.id === id);
    // A reply under a post not loaded here belongs to a page the reader has not opened;
    // it is not news for this view.
    if (
      !waiting(post.id) &&
      (!post.parentId || model.posts.has(post.parentId) || waiting(post.parentId))
    )
      this.incoming = [...this.incoming, post];
    return false;
  }

  private updated(post: Post): boolean {
    if (this.incoming.some((p) => p.id === post.id)) {
      this.incoming = this.incoming.map((p) => (p.id === post.id ? post : p));
      return false;
    }
    if (this.options.editing() === post.id) this.options.onEditedElsewhere(post);
    return this.thread.model.update(post);
  }

  private deleted(post: Post): boolean {
    if (this.incoming.some((p) => p.id === post.id)) {
      this.incoming = this.incoming.filter((p) => p.id !== post.id);
      return false;
    }
    this.thread.model.applyDeleted(post.id, post);
    return true;
  }

  /** "Show N new posts": inserts them, highlights them and focuses the first in reading order. */
  showIncoming(): void {
    const model = this.thread.model;
    const added = new Set<string>();
    for (const post of this.incoming) if (model.insert(post)) added.add(post.id);
    this.incoming = [];
    this.thread.fresh = added;
    const first = model.list().find((p) => added.has(p.id));
    if (first) this.thread.reveal(first.id, true);
    this.thread.changed();
    this.ctx.announce(messages.newShown(added.size, this.ctx.locale()));
  }
}
