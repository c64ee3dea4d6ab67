/**
 * The moderators' queue: the "Reports" toggle, the open reports of this thread, and a
 * moderator's decision on one (keep, hide, delete), which settles every open report of the
 * same post and goes to the LRS next to the posts.
 */
import type { TemplateResult } from 'lit';
import type { PeerClient, ReportItem } from '@peerkit/core';
import { LoadController } from '@peerkit/core/controllers';
import { currentOnConflict } from '@peerkit/core/conflict';
import { writeErrorText } from '../messages.js';
import { more } from '../more-messages.js';
import { renderLoadError } from '../views/notices.js';
import { renderReports, type Resolution } from '../views/reports.js';
import { recordPost } from '../xapi.js';
import type { DiscussionContext } from './context.js';
import type { ThreadController } from './thread.js';

/** Not itself a controller: its queue is a core `LoadController` on the element. */
export class ReportsController {
  /** Whether the queue is on screen instead of the thread. */
  open = false;
  /** The open reports, as loaded and then settled one by one. */
  items: ReportItem[] = [];
  /** Reports whose decision is being sent. */
  resolving = new Set<string>();
  /**
   * Reports whose post changed since the moderator saw it (a decision answered 412): the queue
   * shows the post as it is now, and says so, until the next decision on it.
   */
  changed = new Set<string>();

  /** The queue loads each time it is opened (and again online after a failure). */
  readonly load = new LoadController<ReportItem[], readonly [PeerClient, string]>(this.ctx.host, {
    args: () => {
      const client = this.ctx.client();
      return this.open && client ? [client, this.ctx.thread().activity] : undefined;
    },
    task: async ([client, activity], { signal }) =>
      (await client.listReports({ activity, status: 'open', limit: 100 }, { signal })).items,
    onComplete: (items) => {
      this.items = items;
    },
  });

  constructor(
    private readonly ctx: DiscussionContext,
    private readonly thread: ThreadController,
  ) {}

  /** The queue (this controller and its view load on the first "Reports"). */
  render(): TemplateResult {
    const load = this.load;
    return renderReports(
      {
        locale: this.ctx.locale(),
        status: load.status,
        items: this.items,
        resolving: this.resolving,
        changed: this.changed,
        loadError: load.error ?? null,
        error: (error) => renderLoadError(error, this.ctx.online(), () => void load.retry()),
      },
      { resolve: (item, action) => void this.resolve(item, action) },
    );
  }

  toggle(): void {
    this.open = !this.open;
    this.ctx.host.requestUpdate();
  }

  async resolve(item: ReportItem, action: Resolution): Promise<void> {
    const client = this.ctx.client();
    if (!client || this.resolving.has(item.id)) return;
    this.resolving = new Set([...this.resolving, item.id]);
    this.ctx.host.requestUpdate();
    try {
      // The decision is on the post as the moderator saw it (docs/decisions.md §2).
      const done = await client.resolveReport(item.id, { action }, { ifMatch: item.post.version });
      recordPost(this.ctx.recorder(), this.ctx.thread(), 'moderated', done.post, action);
      const index = this.items.findIndex((r) => r.id === item.id);
      // Every open report of the post is settled by the same decision, keep included: the
      // server closes them all (`data/reports.ts`), so none stays to be decided again.
      this.items = this.items.filter((r) => r.post.id !== item.post.id);
      const model = this.thread.model;
      if (action === 'delete')
        model.applyDeleted(done.post.id, done.post.deleted ? done.post : null);
      else model.update(done.post);
      this.ctx.announce(more.resolved(action));
      this.ctx.focus(() => {
        const items = this.ctx.host.renderRoot.querySelectorAll<HTMLElement>('.report');
        const next = items[Math.min(index, items.length - 1)];
        return next?.querySelector<HTMLElement>('button') ?? this.ctx.query('#reports-heading');
      });
    } catch (error) {
      const current = currentOnConflict<ReportItem>(error);
      if (current) this.changedSince(item, current);
      else this.ctx.announce(writeErrorText(this.ctx.fail(error), this.ctx.online()));
    } finally {
      const next = new Set(this.resolving);
      next.delete(item.id);
      this.resolving = next;
      this.ctx.host.requestUpdate();
    }
  }

  /** The post changed since the moderator saw it: show it as it is now, so they decide again. */
  private changedSince(item: ReportItem, current: ReportItem): void {
    // Other open reports of the same post showed the same old text.
    const same = this.items.filter((r) => r.post.id === item.post.id).map((r) => r.id);
    this.items = this.items.map((r) =>
      r.id === item.id ? current : r.post.id === item.post.id ? { ...r, post: current.post } : r,
    );
    this.changed = new Set([...this.changed, ...same]);
    this.thread.model.update(current.post);
    this.ctx.announce(more.reportChanged());
  }
}
