/**
 * `AutosaveController`: the reflection being written, never lost.
 *
 * - Every keystroke goes into the draft on this device at once (`model/drafts.ts`), and to
 *   the server `PAUSE_MS` after the last one, on blur, and when the browser is back online,
 *   as `PUT /reflections/{uuid}` with `If-Match` (docs/decisions.md §2) once the server has a
 *   version: one request in flight, the latest text sent after it.
 * - `status` says where the text is: `draft` (on this device only), `saving`, `saved`,
 *   `offline` (the network failed: it syncs when the browser is back online, and retries
 *   with backoff), `failed` (the server refused or failed: "Couldn't save" with a retry; a
 *   5xx or 429 is also retried with backoff).
 * - Two tabs on one reflection: every write is shared at once, through the `storage` event
 *   with other tabs and directly with other cards of this page on the same draft. A card
 *   that takes in another's edit shows it (the later edit wins) and says so (`elsewhere`);
 *   where it had typed something the other had not seen, its text is kept in `clashes`
 *   with a choice, so nothing typed is lost. A save the server refuses with 412 is merged
 *   with the `current` reflection (`mergeOnConflict`) and sent again.
 */
import type { ReactiveController } from 'lit';
import { hostHooks, type Reflection, type Visibility } from '@peerkit/core';
import { currentOnConflict } from '@peerkit/core/conflict';
import { messages as t } from '../messages.js';
import {
  changedPrompts,
  mergeOnConflict,
  parseDraft,
  savedOf,
  storeDraft,
  unsaved,
  loadDraft,
  type Answers,
  type Draft,
} from '../model/drafts.js';
import type { CardContext } from './context.js';
import { PAUSE_MS, SaveLoop } from './save-loop.js';

export type SaveStatus = 'idle' | 'draft' | 'saving' | 'saved' | 'offline' | 'failed';

/** The autosaves of this page, so cards on the same draft hear each other's writes. */
const inPage = new Set<AutosaveController>();

export interface AutosaveHooks {
  /** The server has `reflection`, saved from `sent` (whose `saved` is what it had before). */
  saved(reflection: Reflection, sent: Draft): void;
  /** The save body beyond activity, visibility and answers (a team card adds its team). */
  extra?(): Record<string, unknown>;
}

export class AutosaveController extends SaveLoop implements ReactiveController {
  draft: Draft | null = null;
  status: SaveStatus = 'idle';
  /** Another tab's or device's edit was taken in since the person last typed here. */
  elsewhere = false;
  /** Text this card had that a later edit replaced, by prompt id. */
  clashes: Answers = {};
  /** The error of the last failed save. */
  failure: unknown = null;
  /** This card's id in the drafts it writes. */
  readonly tab = crypto.randomUUID();

  #key: string | null = null;

  constructor(
    private readonly ctx: CardContext,
    private readonly hooks: AutosaveHooks,
  ) {
    super();
    ctx.host.addController(this);
  }

  hostConnected(): void {
    inPage.add(this);
    addEventListener('storage', this.#onStorage);
    // The page's one pair of online listeners (PeerElement), not a pair per card.
    hostHooks(this.ctx.host).online.add(this.#onOnline);
    if (this.draft && unsaved(this.draft)) this.schedule(0);
  }

  hostDisconnected(): void {
    inPage.delete(this);
    removeEventListener('storage', this.#onStorage);
    hostHooks(this.ctx.host).online.delete(this.#onOnline);
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
  }

  /** Reads the draft again when the activity, the person or the card changes. */
  hostUpdate(): void {
    const key = this.ctx.draftKey();
    if (key === this.#key) return;
    this.#key = key;
    clearTimeout(this.timer);
    this.draft = key ? loadDraft(key) : null;
    this.clashes = {};
    this.elsewhere = false;
    this.status = this.draft ? (unsaved(this.draft) ? 'draft' : 'saved') : 'idle';
    if (this.draft && unsaved(this.draft)) this.schedule(0);
  }

  /** Whether the draft holds text the server does not have yet. */
  get unsaved(): boolean {
    return !!this.draft && unsaved(this.draft);
  }

  /** The person typed in the answer to `prompt`. */
  input(prompt: string, text: string): void {
    const d = this.#current();
    this.#write({ ...d, answers: { ...d.answers, [prompt]: text } });
    this.elsewhere = false;
    this.#typed();
  }

  /** The person chose who can read it. */
  setVisibility(visibility: Visibility): void {
    this.#write({ ...this.#current(), visibility });
    this.#typed();
    this.schedule(0);
  }

  /** Settles a clash: the other text replaces this card's (`true`), or is dropped. */
  settle(prompt: string, useOther: boolean): void {
    const other = this.clashes[prompt];
    const { [prompt]: _, ...rest } = this.clashes;
    this.clashes = rest;
    if (useOther && other !== undefined) this.input(prompt, other);
    else this.ctx.host.requestUpdate();
  }

  /** Saves now (the field lost focus, or the person asked to retry). */
  flush(): void {
    void this.sync();
  }

  /** Leaves the reflection (saved) for a new one; its UUID is made with the first keystroke. */
  startNew(): void {
    if (this.unsaved) return;
    this.#write(null);
    this.status = 'idle';
    this.clashes = {};
    this.elsewhere = false;
  }

  /** Continues an earlier reflection here (refused while the current one is not saved). */
  open(r: Reflection): boolean {
    if (this.unsaved) return false;
    const saved = savedOf(r, this.ctx.prompts());
    const base = { id: r.id, visibility: r.visibility, answers: { ...saved.answers }, saved };
    this.#write({ ...base, rev: '', base: '', tab: this.tab });
    this.status = 'saved';
    this.clashes = {};
    this.elsewhere = false;
    return true;
  }

  /** The reflection with `id` was deleted: a draft of it goes too. */
  forget(id: string): void {
    if (this.draft?.id === id) {
      this.#write(null);
      this.status = 'idle';
    }
  }

  /** The save to send now, if the server does not have the draft and the browser is online. */
  protected next(): (() => Promise<void>) | void {
    const sent = this.draft;
    const client = this.ctx.client();
    if (!sent || !client || !unsaved(sent)) return;
    if (!this.ctx.online()) return this.#setStatus('offline');
    return async () => {
      this.#setStatus('saving');
      try {
        const body = {
          activity: this.ctx.activity(),
          visibility: sent.visibility,
          answers: this.ctx.prompts().map((p) => ({
            prompt: p.text,
            id: p.id,
            answer: sent.answers[p.id] ?? '',
          })),
          ...this.hooks.extra?.(),
        };
        const r = await client.saveReflection(sent.id, body, {
          ...(sent.saved ? { ifMatch: sent.saved.version } : {}),
        });
        this.#confirmed(sent, r);
      } catch (error) {
        this.#refused(sent, error);
      }
    };
  }

  /** What follows a save: another one when the draft still differs from the server's. */
  protected after(): number | undefined {
    if (!this.unsaved) return undefined;
    if (this.status === 'saved') return 0;
    // Another card's edit arrived while this save was out (`#adopt` dropped the timer, as
    // that card saves its own edits), and this answer made the draft differ from what the
    // server has once more: that card may be waiting on this one, so this card saves too
    // after the pause; whichever saves first settles both.
    return this.status === 'draft' ? PAUSE_MS : undefined;
  }

  #current(): Draft {
    return (
      this.draft ?? {
        id: crypto.randomUUID(),
        visibility: this.ctx.visibility(),
        answers: {},
        saved: null,
        rev: '',
        base: '',
        tab: this.tab,
      }
    );
  }

  /** Keeps `next` on this device and tells the other cards on it. */
  #write(next: Draft | null): void {
    const key = this.#key;
    if (!key) return;
    const d = next && {
      ...next,
      rev: crypto.randomUUID(),
      base: this.draft?.rev ?? '',
      tab: this.tab,
    };
    this.draft = d;
    storeDraft(key, d);
    for (const other of inPage) if (other !== this && other.#key === key) other.#adopt(d);
    this.ctx.host.requestUpdate();
  }

  #typed(): void {
    if (this.status !== 'saving') this.#setStatus(this.unsaved ? 'draft' : 'saved');
    this.schedule();
  }

  /** Another card's write of this draft (another tab, or a card of this page). */
  #adopt(incoming: Draft | null): void {
    const mine = this.draft;
    if (incoming?.rev === mine?.rev) return;
    clearTimeout(this.timer);
    const changed = changedPrompts(mine, incoming);
    // Made without seeing this card's last edit: this card's text is kept beside the later one.
    if (mine && incoming && incoming.base !== mine.rev && mine.tab === this.tab)
      for (const id of changed) if (mine.answers[id]?.trim()) this.clashes[id] = mine.answers[id]!;
    this.draft = incoming;
    if (this.status !== 'saving') this.status = this.#restingStatus();
    if (changed.length && incoming) {
      this.elsewhere = true;
      this.ctx.announce(t.elsewhere());
    }
    this.ctx.host.requestUpdate();
  }

  readonly #onStorage = (e: StorageEvent): void => {
    if (this.#key && e.key === this.#key) this.#adopt(parseDraft(e.newValue));
  };

  readonly #onOnline = (): void => {
    if (this.unsaved) void this.sync();
  };

  #confirmed(sent: Draft, r: Reflection): void {
    this.failures = 0;
    clearTimeout(this.retryTimer);
    this.failure = null;
    const saved = {
      version: r.version,
      answers: sent.answers,
      visibility: sent.visibility,
      at: r.updatedAt,
    };
    // Typed meanwhile, or taken in from another tab: kept, with the new version under it.
    const now = this.draft?.id === sent.id ? this.draft : null;
    if (now) this.#write({ ...now, saved });
    this.#setStatus(this.#restingStatus());
    this.hooks.saved(r, sent);
  }

  #refused(sent: Draft, error: unknown): void {
    const now = this.draft;
    if (!now || now.id !== sent.id) return;
    const current = currentOnConflict<Reflection>(error);
    if (current || isPreconditionFailed(error)) {
      // Saved elsewhere since (or deleted): merge and send again on top of what is there.
      const saved = current ? savedOf(current, this.ctx.prompts()) : null;
      const merged = saved ? mergeOnConflict(now, saved) : { answers: now.answers, clashes: {} };
      Object.assign(this.clashes, merged.clashes);
      if (saved && Object.keys(merged.answers).some((k) => merged.answers[k] !== now.answers[k]))
        this.elsewhere = true;
      this.#write({ ...now, answers: merged.answers, saved });
      // In flight: one more save after this one.
      void this.sync();
      return;
    }
    const peerError = this.ctx.fail(error);
    this.failure = peerError;
    const offline = peerError.kind === 'network' || !this.ctx.online();
    this.#setStatus(offline ? 'offline' : 'failed');
    if (offline || peerError.retryable) this.retry();
  }

  /** The status of the draft when nothing is being sent. */
  #restingStatus(): SaveStatus {
    return !this.draft ? 'idle' : unsaved(this.draft) ? 'draft' : 'saved';
  }

  #setStatus(status: SaveStatus): void {
    const was = this.status;
    this.status = status;
    this.ctx.host.requestUpdate();
    if (status !== was && status !== 'draft' && status !== 'idle')
      this.ctx.announce(this.statusText());
  }

  /** The status as the card says it ("Saved 10:42"). */
  statusText(): string {
    return statusWords(this.status, this.draft?.saved?.at ?? null, this.ctx.locale());
  }
}

/** A save status in words ("Saved 10:42", with `at` the server's time of the save). */
export function statusWords(status: SaveStatus, at: string | null, locale: string): string {
  if (status === 'saved') return at ? t.saved(timeOf(at, locale)) : '';
  const words: Partial<Record<SaveStatus, () => string>> = {
    draft: t.drafting,
    saving: t.saving,
    offline: t.offline,
    failed: t.failed,
  };
  return words[status]?.() ?? '';
}

function isPreconditionFailed(e: unknown): boolean {
  return (
    (e as { kind?: string; status?: number })?.kind === 'http' &&
    (e as { status?: number }).status === 412
  );
}

/** "10:42": a server time in the reader's time zone and locale. */
export function timeOf(iso: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return new Date(iso).toLocaleTimeString();
  }
}
