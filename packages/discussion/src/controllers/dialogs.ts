/**
 * The two confirm dialogs (report a post, delete a post): the post each is about, the
 * write in flight and its error, `showModal()` once drawn, and focus back on the button
 * that opened it when it closes. A removed element leaves no modal dialog in the page's
 * top layer.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { REPORT_NOTE_MAX, textLength, type Post, type ReportReason } from '@peerkit/core';
import { PeerPostDeletedEvent, PeerPostReportedEvent } from '../events.js';
import { writeErrorText } from '../messages.js';
import { more } from '../more-messages.js';
import {
  renderDeleteDialog,
  renderReportDialog,
  type DeleteDialogHandlers,
  type ReportDialogHandlers,
} from '../views/dialogs.js';
import { recordPost } from '../xapi.js';
import type { ComposersController } from './composers.js';
import type { DiscussionContext } from './context.js';
import type { ThreadController } from './thread.js';

/** One dialog's state: the post it is about (`null`: closed), the write, its error. */
class ConfirmState {
  target: Post | null = null;
  pending = false;
  error: string | null = null;
}

export class DialogsController implements ReactiveController {
  readonly del = new ConfirmState();
  readonly report = Object.assign(new ConfirmState(), {
    reason: null as ReportReason | null,
    note: '',
  });

  constructor(
    private readonly ctx: DiscussionContext,
    private readonly thread: ThreadController,
    private readonly composers: ComposersController,
  ) {
    ctx.host.addController(this);
  }

  hostUpdated(): void {
    const report = this.dialog('report');
    if (report && this.report.target && !report.open) report.showModal();
    const del = this.dialog('delete');
    if (del && this.del.target && !del.open) {
      del.showModal();
      // A destructive question starts on the safe answer.
      del.querySelector<HTMLElement>('[data-cancel]')?.focus();
    }
  }

  hostDisconnected(): void {
    this.dialog('report')?.close();
    this.dialog('delete')?.close();
    this.report.target = null;
    this.del.target = null;
  }

  /** The open dialog, if any (this controller and its views load on first use). */
  render(): TemplateResult {
    const { report, del } = this;
    return html`${
      report.target
        ? renderReportDialog({ ...report, target: report.target }, this.reportHandlers)
        : nothing
    }
    ${del.target ? renderDeleteDialog({ ...del, target: del.target }, this.deleteHandlers) : nothing}`;
  }

  askDelete(post: Post): void {
    this.del.target = post;
    this.del.error = null;
    this.ctx.host.requestUpdate();
  }

  askReport(post: Post): void {
    Object.assign(this.report, { target: post, reason: null, note: '', error: null });
    this.ctx.host.requestUpdate();
  }

  private dialog(id: 'report' | 'delete'): HTMLDialogElement | null {
    return this.ctx.query<HTMLDialogElement>(`dialog#${id}`);
  }

  /** Closes a dialog and puts focus back on the post's button that opened it. */
  private close(id: 'report' | 'delete', state: ConfirmState): void {
    const target = state.target;
    this.dialog(id)?.close();
    state.target = null;
    if (target) this.ctx.focus(() => this.thread.actionOf(target.id, id));
    this.ctx.host.requestUpdate();
  }

  /**
   * Escape (`cancel`) and a close the browser makes end a dialog through `close()`. Only the
   * dialog on screen now counts, not one removed earlier whose close event arrives late.
   */
  private events(id: 'report' | 'delete', state: ConfirmState) {
    return {
      cancel: (e: Event) => {
        e.preventDefault();
        this.close(id, state);
      },
      closed: (e: Event) => {
        if (state.target && e.target === this.dialog(id)) this.close(id, state);
      },
      dismiss: () => this.close(id, state),
    };
  }

  readonly deleteHandlers: DeleteDialogHandlers = {
    ...this.events('delete', this.del),
    confirm: () => void this.confirmDelete(),
  };

  readonly reportHandlers: ReportDialogHandlers = {
    ...this.events('report', this.report),
    reason: (reason) => {
      this.report.reason = reason;
      this.report.error = null;
      this.ctx.host.requestUpdate();
    },
    note: (value) => {
      this.report.note = value;
      this.report.error = null;
      this.ctx.host.requestUpdate();
    },
    send: (e) => {
      e.preventDefault();
      void this.sendReport();
    },
  };

  private async confirmDelete(): Promise<void> {
    const client = this.ctx.client();
    const target = this.del.target;
    if (!client || !target || this.del.pending) return;
    this.del.pending = true;
    this.del.error = null;
    this.ctx.host.requestUpdate();
    try {
      const placeholder = await client.deletePost(target.id);
      const list = this.thread.model.list();
      const next = list[list.findIndex((p) => p.id === target.id) + 1];
      this.thread.model.applyDeleted(target.id, placeholder);
      this.composers.closeFor(target.id);
      this.dialog('delete')?.close();
      this.del.target = null;
      const stays = this.thread.model.posts.has(target.id);
      this.ctx.focus(
        () =>
          (stays ? this.thread.postElement(target.id) : next && this.thread.postElement(next.id)) ??
          this.ctx.query('[part~="heading"]'),
      );
      this.ctx.announce(more.savedDelete());
      this.ctx.host.dispatchEvent(new PeerPostDeletedEvent({ id: target.id, placeholder }));
      recordPost(this.ctx.recorder(), this.ctx.thread(), 'deleted', target);
    } catch (error) {
      this.del.error = writeErrorText(this.ctx.fail(error), this.ctx.online());
    } finally {
      this.del.pending = false;
      this.ctx.host.requestUpdate();
    }
  }

  /** Whether the report can go: a reason, and a note for "something else"; else says why. */
  private reportReady(): boolean {
    const { reason, note } = this.report;
    const long = textLength(note.trim()) > REPORT_NOTE_MAX;
    if (reason && (reason !== 'other' || note.trim()) && !long) return true;
    this.report.error = !reason
      ? more.reportNeedReason()
      : long
        ? more.reportNoteLong(this.ctx.locale())
        : more.reportNeedNote();
    const field = reason ? 'dialog#report textarea' : 'dialog#report input[type="radio"]';
    this.ctx.focus(() => this.ctx.query(field));
    this.ctx.host.requestUpdate();
    return false;
  }

  private async sendReport(): Promise<void> {
    const client = this.ctx.client();
    const target = this.report.target;
    if (!client || !target || this.report.pending || !this.reportReady()) return;
    const reason = this.report.reason!;
    const note = this.report.note.trim();
    this.report.pending = true;
    this.report.error = null;
    this.ctx.host.requestUpdate();
    try {
      await client.reportPost(target.id, { reason, ...(note ? { note } : {}) });
      this.close('report', this.report);
      this.ctx.announce(more.savedReport());
      this.ctx.host.dispatchEvent(
        new PeerPostReportedEvent({ post: target, reason, ...(note ? { note } : {}) }),
      );
      recordPost(this.ctx.recorder(), this.ctx.thread(), 'reported', target, reason);
    } catch (error) {
      const e = this.ctx.fail(error);
      this.report.error =
        e.kind === 'http' && e.status === 409
          ? more.reportAlready()
          : writeErrorText(e, this.ctx.online());
    } finally {
      this.report.pending = false;
      this.ctx.host.requestUpdate();
    }
  }
}
