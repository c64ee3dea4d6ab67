/**
 * The thread's loading and paging, and the drawn window.
 *
 * Two core `LoadController`s: the first page runs whenever the client, activity, sort or
 * page size change (the old request aborted; again when the browser comes back online after
 * a failure, and when the element comes back into the page, since it heard nothing while
 * away); "Load more" runs the next page of roots, after first drawing posts that are loaded
 * but not drawn. The window (`model/window.ts`) keeps at most `WINDOW_MAX` articles in the
 * DOM; every change that adds a post says where focus goes.
 */
import type { ReactiveController } from 'lit';
import type { PeerClient, PeerError, PostFilter, PostPage, PostSort } from '@peerkit/core';
import { LoadController } from '@peerkit/core/controllers';
import { ThreadModel } from '../model/thread.js';
import { FULL_WINDOW, earlier, grow, range, reveal, type DrawnWindow } from '../model/window.js';
import { domId } from '../views/ids.js';
import { recordViewed } from '../xapi.js';
import type { DiscussionContext } from './context.js';

/** What the thread is asked with, besides the activity. */
export interface ThreadQuery {
  sort: PostSort;
  pageSize: number;
  /** The view's `filter` (`unanswered` in Q&A, `highlighted`), `undefined` for all posts. */
  filter: PostFilter | undefined;
  /** Only the trees holding a post with this skill tag (`tag=`), with `filter` if both. */
  tag: string | undefined;
}

type FirstArgs = readonly [
  PeerClient,
  string,
  PostSort,
  number,
  PostFilter | undefined,
  string | undefined,
];
type MoreArgs = readonly [PeerClient, ThreadModel, string];

export class ThreadController implements ReactiveController {
  model = new ThreadModel('oldest');
  window: DrawnWindow = FULL_WINDOW;
  /** Posts just added by this person or shown from the live stream (highlighted once). */
  fresh = new Set<string>();
  /** Left the page: the thread loads again on return. */
  private away = false;
  /** The window when "Load more" was pressed, grown once the page arrives. */
  private from = { start: 0, end: 0 };

  readonly first = new LoadController<ThreadModel, FirstArgs>(this.ctx.host, {
    args: () => {
      const client = this.ctx.client();
      const { sort, pageSize, filter, tag } = this.query();
      return client ? [client, this.ctx.thread().activity, sort, pageSize, filter, tag] : undefined;
    },
    task: async ([client, activity, sort, limit, filter, tag], { signal }) => {
      this.more.reset();
      const page = await client.listPosts({ activity, sort, limit, filter, tag }, { signal });
      const model = new ThreadModel(sort);
      model.addPage(page);
      model.eventId = page.eventId;
      return model;
    },
    onComplete: (model) => {
      this.model = model;
      this.window = FULL_WINDOW;
      recordViewed(this.ctx.recorder(), this.ctx.thread());
    },
  });

  readonly more = new LoadController<PostPage, MoreArgs>(this.ctx.host, {
    autoRun: false,
    args: () => {
      const client = this.ctx.client();
      const cursor = this.model.nextCursor;
      return client && cursor ? [client, this.model, cursor] : undefined;
    },
    task: ([client, , cursor], { signal }) => {
      const { sort, pageSize, filter, tag } = this.query();
      const activity = this.ctx.thread().activity;
      return client.listPosts({ activity, sort, limit: pageSize, cursor, filter, tag }, { signal });
    },
    onComplete: (page) => this.addPage(page),
  });

  constructor(
    private readonly ctx: DiscussionContext,
    /** What the thread is asked with now (the view's filter and tag read it too). */
    readonly query: () => ThreadQuery,
  ) {
    ctx.host.addController(this);
  }

  hostConnected(): void {
    if (!this.away) return;
    this.away = false;
    this.first.reset();
  }

  hostDisconnected(): void {
    this.away = true;
  }

  get status() {
    return this.first.status;
  }

  get error(): PeerError | undefined {
    return this.first.error;
  }

  get moreLoading(): boolean {
    return this.more.status === 'pending';
  }

  get moreError(): PeerError | undefined {
    return this.more.status === 'error' ? this.more.error : undefined;
  }

  /** Loads the first page again (the "Retry" of the error state). */
  reload(): Promise<void> {
    return this.first.run();
  }

  private get step(): number {
    return Math.max(this.query().pageSize, 20);
  }

  /** Draws loaded posts not drawn yet, else loads the next page of roots. */
  loadMore(): void {
    const list = this.model.list();
    const { start, end } = range(list, this.window);
    if (end < list.length) {
      this.window = grow(list, start, Math.min(list.length, end + this.step) - start);
      this.focusPost(list[end]!.id);
      return;
    }
    if (!this.model.nextCursor || this.moreLoading) return;
    this.from = { start, end };
    void this.more.run();
  }

  private addPage(page: PostPage): void {
    const { start, end } = this.from;
    const added = this.model.addPage(page);
    const after = this.model.list();
    const first = added[0];
    const newEnd = first ? after.indexOf(first) + added.length : after.length;
    this.window = grow(after, start, Math.max(newEnd - start, end - start));
    if (first) this.focusPost(first.id);
  }

  /** "Show earlier posts": draws a page more above the window, focusing the post above it. */
  showEarlier(): void {
    const next = earlier(this.model.list(), this.window, this.step);
    this.window = next.window;
    if (next.focus) this.focusPost(next.focus);
    this.ctx.host.requestUpdate();
  }

  /** Makes sure a post is drawn (moving the window to it), and focuses it when asked. */
  reveal(id: string, focus = true): void {
    this.window = reveal(this.model.list(), this.window, id);
    if (focus) this.focusPost(id);
    this.ctx.host.requestUpdate();
  }

  /** The model changed in place (a post inserted, updated or removed). */
  changed(): void {
    this.ctx.host.requestUpdate();
  }

  focusPost(id: string): void {
    this.ctx.focus(() => this.postElement(id));
  }

  /** The drawn `<article>` of a post. */
  postElement(id: string): HTMLElement | null {
    return this.ctx.query<HTMLElement>(`#${CSS.escape(domId('p', id))}`);
  }

  /** A button of a drawn post (`data-action="reply"`, …), for focus to return to. */
  actionOf(id: string, action: string): HTMLElement | null {
    return this.postElement(id)?.querySelector<HTMLElement>(`[data-action="${action}"]`) ?? null;
  }
}
