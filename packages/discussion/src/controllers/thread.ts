/**
 * The thread's loading and paging, and the drawn window.
 *
 * The first page loads whenever the client, activity, sort or page size change (the old
 * request aborted); "Load more" asks for the next page of roots, or first draws posts that
 * are loaded but not drawn. The window (`model/window.ts`) keeps at most `WINDOW_MAX`
 * articles in the DOM; every change that adds a post says where focus goes.
 */
import type { ReactiveController } from 'lit';
import { toPeerError, type PeerClient, type PeerError, type PostSort } from '@peerkit/core';
import { ThreadModel } from '../model/thread.js';
import { FULL_WINDOW, earlier, grow, range, reveal, type DrawnWindow } from '../model/window.js';
import { domId } from '../views/ids.js';
import { recordViewed } from '../xapi.js';
import type { DiscussionContext } from './context.js';

export type LoadStatus = 'initial' | 'pending' | 'complete' | 'error';

/** What the first page depends on. */
export interface ThreadArgs {
  client: PeerClient | null;
  activity: string;
  sort: PostSort;
  pageSize: number;
}

export class ThreadController implements ReactiveController {
  model = new ThreadModel('oldest');
  window: DrawnWindow = FULL_WINDOW;
  status: LoadStatus = 'initial';
  error: PeerError | null = null;
  moreLoading = false;
  moreError: PeerError | null = null;
  /** Posts just added by this person or shown from the live stream (highlighted once). */
  fresh = new Set<string>();
  private args: ThreadArgs | null = null;
  private abort: AbortController | null = null;

  constructor(private readonly ctx: DiscussionContext) {
    ctx.host.addController(this);
  }

  hostConnected(): void {
    // Back in the page: load again (what happened meanwhile was not heard).
    if (!this.args) return;
    this.args = { ...this.args, client: null };
    this.ctx.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = null;
  }

  /** Loads the first page when what it depends on changed (call from `willUpdate`). */
  sync(args: ThreadArgs): void {
    const old = this.args;
    if (!args.client) return;
    if (
      old &&
      old.client === args.client &&
      old.activity === args.activity &&
      old.sort === args.sort &&
      old.pageSize === args.pageSize
    )
      return;
    this.args = args;
    void this.load(args);
  }

  /** Loads the first page again (the "Retry" of the error state). */
  reload(): void {
    if (this.args) void this.load(this.args);
  }

  private async load(args: ThreadArgs): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.status = 'pending';
    this.error = null;
    this.model = new ThreadModel(args.sort);
    this.window = FULL_WINDOW;
    this.ctx.host.requestUpdate();
    try {
      const page = await args.client!.listPosts(
        { activity: args.activity, sort: args.sort, limit: args.pageSize },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      const model = new ThreadModel(args.sort);
      model.addPage(page);
      this.model = model;
      this.status = 'complete';
      recordViewed(this.ctx.recorder(), this.ctx.thread());
    } catch (error) {
      if (abort.signal.aborted) return;
      this.status = 'error';
      this.error = this.ctx.fail(error);
    }
    this.ctx.host.requestUpdate();
  }

  /** Draws loaded posts not drawn yet, else loads the next page of roots. */
  async loadMore(): Promise<void> {
    const list = this.model.list();
    const { start, end } = range(list, this.window);
    const step = Math.max(this.args?.pageSize ?? 0, 20);
    if (end < list.length) {
      this.window = grow(list, start, Math.min(list.length, end + step) - start);
      this.focusPost(list[end]!.id);
      this.ctx.host.requestUpdate();
      return;
    }
    const args = this.args;
    const model = this.model;
    if (!args?.client || !model.nextCursor || this.moreLoading) return;
    this.moreLoading = true;
    this.moreError = null;
    this.ctx.host.requestUpdate();
    try {
      const page = await args.client.listPosts(
        {
          activity: args.activity,
          sort: args.sort,
          limit: args.pageSize,
          cursor: model.nextCursor,
        },
        { signal: this.abort?.signal },
      );
      if (model !== this.model) return;
      const added = model.addPage(page);
      const after = model.list();
      const first = added[0];
      const newEnd = first ? after.indexOf(first) + added.length : after.length;
      this.window = grow(after, start, Math.max(newEnd - start, end - start));
      if (first) this.focusPost(first.id);
    } catch (error) {
      if (model !== this.model) return;
      this.moreError = this.ctx.fail(toPeerError(error));
    } finally {
      this.moreLoading = false;
      this.ctx.host.requestUpdate();
    }
  }

  /** "Show earlier posts": draws a page more above the window, focusing the post above it. */
  showEarlier(): void {
    const step = Math.max(this.args?.pageSize ?? 0, 20);
    const next = earlier(this.model.list(), this.window, step);
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
