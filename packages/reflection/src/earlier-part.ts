/**
 * What `<peer-reflection-card>` draws below its form: my earlier reflections (the list, its
 * controller, the delete dialog) and the export. One chunk (one request), loaded as the
 * personal card first renders, so the three questions paint and take typing without waiting
 * for it; until it arrives the list shows the card's loading state.
 */
import { nothing, type TemplateResult } from 'lit';
import type { PeerClient, Reflection } from '@peerkit/core';
import { EarlierController } from './controllers/earlier.js';
import type { CardContext } from './controllers/context.js';
import { messages as t } from './messages.js';
import { moreMessages as more } from './more-messages.js';
import { renderDeleteDialog } from './views/dialog.js';
import { renderEarlier, renderExport } from './views/earlier.js';

/** What the card gives the part below its form. */
export interface BelowHooks {
  /** The list's load arguments (`undefined`: not now), as `LoadController`'s `args`. */
  args(): readonly unknown[] | undefined;
  /** The id of the reflection in the writing form (left out of the list). */
  writing(): string | null;
  /** The writing form holds unsaved text (editing another is refused). */
  busy(): boolean;
  edit(r: Reflection): void;
  /** A reflection was deleted: the form forgets it if it is open. */
  deleted(r: Reflection): void;
  skeleton(): TemplateResult;
  notice(message: string, retry: () => void): TemplateResult;
  /** `actions.ts` (the export). */
  actions(): Promise<typeof import('./actions.js')>;
}

export class Below {
  readonly earlier: EarlierController;
  /** The export's choice (all my reflections, or this activity's) and whether it runs. */
  #exportAll = false;
  #exporting = false;

  constructor(
    private readonly ctx: CardContext,
    private readonly on: BelowHooks,
  ) {
    this.earlier = new EarlierController(
      ctx,
      () => on.args(),
      (r) => on.deleted(r),
    );
  }

  /** The list and the export. */
  render(uid: string): TemplateResult[] | TemplateResult {
    const e = this.earlier;
    const list =
      e.first.render<TemplateResult>({
        initial: () => this.on.skeleton(),
        pending: () => (e.first.value ? this.#list(uid) : this.on.skeleton()),
        complete: () => this.#list(uid),
        error: () =>
          this.on.notice(this.ctx.online() ? more.loadFailed() : more.loadOffline(), () =>
            e.first.retry(),
          ),
      }) ?? this.on.skeleton();
    return [list, this.#export(uid)];
  }

  dialog(): TemplateResult | typeof nothing {
    const e = this.earlier;
    if (!e.deleting) return nothing;
    return renderDeleteDialog(
      { pending: e.deletePending, error: e.deleteError },
      { confirm: () => void e.confirmDelete(), dismiss: () => e.closeDelete() },
    );
  }

  #list(uid: string): TemplateResult {
    const e = this.earlier;
    return renderEarlier(
      {
        uid,
        items: e.items(this.on.writing()),
        locale: this.ctx.locale(),
        open: e.open,
        hasMore: !!e.next,
        moreFailed: !!e.moreError,
        moreLoading: e.moreLoading,
        busy: this.on.busy(),
      },
      {
        toggle: (id) => e.toggle(id),
        edit: (r) => this.on.edit(r),
        askDelete: (r) => e.askDelete(r),
        more: () => void e.loadMore(),
      },
    );
  }

  #export(uid: string): TemplateResult {
    return renderExport(
      { uid, all: this.#exportAll, pending: this.#exporting },
      {
        all: (all) => {
          this.#exportAll = all;
          this.ctx.host.requestUpdate();
        },
        download: (format) => void this.#download(format),
      },
    );
  }

  /** Downloads my reflections (`actions.ts` → `export.ts`), then says so. */
  async #download(format: 'markdown' | 'json'): Promise<void> {
    const client: PeerClient | null = this.ctx.client();
    if (!client || this.#exporting) return;
    this.#exporting = true;
    this.ctx.host.requestUpdate();
    try {
      const { exportReflections } = await this.on.actions();
      const label = { private: t.private, team: t.team, public: t.public };
      const words = {
        title: more.exportTitle(),
        visibility: (r: Reflection) => more.exportVisibility(label[r.visibility]()),
      };
      const activity = this.#exportAll ? null : this.ctx.activity();
      await exportReflections(client, activity, format, words, this.ctx.locale());
      this.ctx.announce(more.exported());
    } catch (error) {
      this.ctx.fail(error);
      this.ctx.announce(more.exportFailed());
    } finally {
      this.#exporting = false;
      this.ctx.host.requestUpdate();
    }
  }
}
