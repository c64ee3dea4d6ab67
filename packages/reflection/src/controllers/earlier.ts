/**
 * `EarlierController`: my earlier reflections on this activity, newest first
 * (`GET /reflections?activity=&scope=mine`), `PAGE_SIZE` at a time with "Show more", which
 * of them is expanded, and deleting one after a confirm dialog (`DELETE /reflections/{id}`;
 * `showModal()` once drawn, the safe answer focused, focus back where it makes sense after).
 * The first page is the card's first load: its `LoadController` gives the loading, error and
 * offline states, the retry, and the run again once back online.
 */
import type { ReactiveController } from 'lit';
import type { Page, PeerClient, PeerError, Reflection } from '@peerkit/core';
import { LoadController } from '@peerkit/core/controllers';
import { moreMessages as more } from '../more-messages.js';
import type { CardContext } from './context.js';

/** Reflections per page of the list. */
export const PAGE_SIZE = 5;

export class EarlierController implements ReactiveController {
  /** The pages loaded after the first. */
  more: Reflection[] = [];
  next: string | null = null;
  moreLoading = false;
  moreError: PeerError | null = null;
  /** Ids of the expanded reflections. */
  readonly open = new Set<string>();
  /** The reflection the delete dialog asks about (`null`: closed), the write, its error. */
  deleting: Reflection | null = null;
  deletePending = false;
  deleteError: string | null = null;
  /** Ids deleted here (gone from the list at once). */
  readonly #gone = new Set<string>();

  readonly first: LoadController<Page<Reflection>>;

  constructor(
    private readonly ctx: CardContext,
    args: () => readonly unknown[] | undefined,
    private readonly onDeleted: (r: Reflection) => void,
  ) {
    ctx.host.addController(this);
    this.first = new LoadController(ctx.host, {
      args,
      task: ([client, activity], { signal }) =>
        (client as PeerClient).listReflections(
          { activity: activity as string, scope: 'mine', limit: PAGE_SIZE },
          { signal },
        ),
      onComplete: (page) => {
        this.more = [];
        this.next = page.nextCursor;
      },
    });
  }

  hostUpdated(): void {
    const dialog = this.#dialog();
    if (dialog && this.deleting && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-cancel]')?.focus();
    }
  }

  hostDisconnected(): void {
    this.#dialog()?.close();
    this.deleting = null;
  }

  /** Every reflection loaded, without `except` (the one in the writing form). */
  items(except: string | null): Reflection[] {
    const all = [...(this.first.value?.items ?? []), ...this.more];
    return all.filter((r) => r.id !== except && !this.#gone.has(r.id));
  }

  toggle(id: string): void {
    if (!this.open.delete(id)) this.open.add(id);
    this.ctx.host.requestUpdate();
  }

  async loadMore(): Promise<void> {
    const client = this.ctx.client();
    if (!client || !this.next || this.moreLoading) return;
    this.moreLoading = true;
    this.moreError = null;
    this.ctx.host.requestUpdate();
    try {
      const page = await client.listReflections({
        activity: this.ctx.activity(),
        scope: 'mine',
        limit: PAGE_SIZE,
        cursor: this.next,
      });
      this.more = [...this.more, ...page.items];
      this.next = page.nextCursor;
    } catch (error) {
      this.moreError = this.ctx.fail(error);
    } finally {
      this.moreLoading = false;
      this.ctx.host.requestUpdate();
    }
  }

  /** Reloads the list (a reflection left the writing form, or came back). */
  reload(): void {
    void this.first.run();
  }

  askDelete(r: Reflection): void {
    this.deleting = r;
    this.deleteError = null;
    this.ctx.host.requestUpdate();
  }

  /** Closes the dialog; focus goes back to the reflection's Delete button. */
  closeDelete(): void {
    const r = this.deleting;
    this.#dialog()?.close();
    this.deleting = null;
    if (r) this.ctx.focus(() => this.#query(`[data-delete="${r.id}"]`));
    this.ctx.host.requestUpdate();
  }

  async confirmDelete(): Promise<void> {
    const client = this.ctx.client();
    const r = this.deleting;
    if (!client || !r || this.deletePending) return;
    this.deletePending = true;
    this.deleteError = null;
    this.ctx.host.requestUpdate();
    try {
      await client.deleteReflection(r.id);
      this.#gone.add(r.id);
      this.#dialog()?.close();
      this.deleting = null;
      this.ctx.focus(() => this.#query('[part~="earlier"] h3, [part~="heading"]'));
      this.ctx.announce(more.deleted());
      this.onDeleted(r);
    } catch (error) {
      const e = this.ctx.fail(error);
      // Already gone (deleted in another tab): what the person asked for is done.
      if (e.kind === 'http' && e.status === 404) {
        this.#gone.add(r.id);
        this.deleting = null;
        this.#dialog()?.close();
        this.onDeleted(r);
        return;
      }
      this.deleteError = more.deleteFailed();
    } finally {
      this.deletePending = false;
      this.ctx.host.requestUpdate();
    }
  }

  #query(selector: string): HTMLElement | null {
    return this.ctx.query(selector);
  }

  #dialog(): HTMLDialogElement | null {
    return this.ctx.query<HTMLDialogElement>('dialog#delete');
  }
}
