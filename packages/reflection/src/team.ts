/**
 * The team card (`mode="team"`), loaded with the mode as a chunk of its own: one reflection the
 * whole team fills in (docs/decisions.md §13). The team's open team reflection on the activity
 * is found (`GET /reflections?scope=shared&team=&kind=team`) or made on the first words
 * (`PUT /reflections/{uuid}` with `team`; a 409 naming the one another member made first is
 * adopted). Each member writes their own entries (`PUT /reflections/{id}/entries/{uuid}`,
 * `If-Match` on the entry's version), so two members typing at once never overwrite each
 * other; everyone's entries are drawn with their author, and arrive live through
 * `subscribeReflections`, so a team in a meeting sees each other's answers appear.
 *
 * My entries are kept on this device at every keystroke, like the personal card's draft
 * (`pageStorage`, key `…draft:[activity, person, "team:<team>"]`), and synced after a pause,
 * on blur and when back online, with the same status words. The lessons of the team's earlier
 * (closed) reflections on the activity are listed under the card.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import {
  hostHooks,
  formatDateTime,
  msg,
  pageStorage,
  PeerError,
  str,
  type ReflectionPage,
  type PeerClient,
  type Reflection,
  type ReflectionEntry,
  type ReflectionEvent,
} from '@peerkit/core';
import { currentOnConflict } from '@peerkit/core/conflict';
import { lessonsOf } from '@peerkit/core/contract';
import { LoadController } from '@peerkit/core/controllers';
import { statusWords, type SaveStatus } from './controllers/autosave.js';
import type { CardContext } from './controllers/context.js';
import { SaveLoop } from './controllers/save-loop.js';
import { draftKey } from './model/drafts.js';
import type { Prompt } from './model/prompts.js';
import { renderStatus } from './views/form.js';
import { messages as m } from './messages.js';

export const teamMessages = {
  noTeam: () =>
    msg('You are not in a team, so there is no team card to fill in.', {
      id: 'reflection.team.none',
    }),
  yours: () => msg('Your addition', { id: 'reflection.team.yours' }),
  by: (name: string) => msg(str`— ${name}`, { id: 'reflection.team.by' }),
  earlier: () => msg("The team's earlier lessons", { id: 'reflection.team.earlier' }),
  failed: () => msg('The team reflection could not be loaded.', { id: 'reflection.team.failed' }),
  who: () =>
    msg('Everyone in your team can read this reflection and add to it.', {
      id: 'reflection.team.who',
    }),
};
const t = teamMessages;

/** One of my entries: its UUID, my text, and what the server has (`version`, `saved` text). */
interface MyEntry {
  id: string;
  text: string;
  version: number | null;
  saved: string | null;
}

interface TeamDraft {
  /** The team reflection the entries belong to (made here when none was open). */
  reflectionId: string | null;
  entries: Record<string, MyEntry>;
}

const unsent = (e: MyEntry) => e.text !== (e.saved ?? '');

export interface TeamHooks {
  /** The team this card is for (`team` attribute, else the signed-in person's). */
  team(): string | null;
  me(): string | null;
  /** A save of my entries was confirmed; `r` is the reflection with them. */
  saved(r: Reflection, mine: Record<string, string>): void;
}

export class TeamCard extends SaveLoop implements ReactiveController {
  status: SaveStatus = 'idle';
  savedAt: string | null = null;
  elsewhere = false;
  draft: TeamDraft = { reflectionId: null, entries: {} };
  readonly load: LoadController<ReflectionPage, readonly [PeerClient, string, string]>;
  #key: string | null = null;
  #stream: string | null = null;
  #unsubscribe?: () => void;

  constructor(
    private readonly ctx: CardContext,
    private readonly hooks: TeamHooks,
  ) {
    super();
    ctx.host.addController(this);
    this.load = new LoadController(ctx.host, {
      args: () => {
        const client = ctx.client();
        const team = hooks.team();
        return client && team ? ([client, ctx.activity(), team] as const) : undefined;
      },
      task: ([client, activity, team], { signal }) =>
        client.listReflections({ activity, team, scope: 'shared', kind: 'team' }, { signal }),
    });
  }

  /** The team's open reflection on the activity, if any. */
  get open(): Reflection | null {
    return this.load.value?.items.find((r) => !r.closed) ?? null;
  }

  hostConnected(): void {
    addEventListener('storage', this.#onStorage);
    // The page's one pair of online listeners (PeerElement), not a pair per card.
    hostHooks(this.ctx.host).online.add(this.#onOnline);
  }

  hostDisconnected(): void {
    removeEventListener('storage', this.#onStorage);
    hostHooks(this.ctx.host).online.delete(this.#onOnline);
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#stream = null;
  }

  hostUpdate(): void {
    const me = this.hooks.me();
    const team = this.hooks.team();
    const key = me && team ? draftKey(this.ctx.activity(), me, `team:${team}`) : null;
    if (key === this.#key) return;
    this.#key = key;
    this.draft = (key && parseTeamDraft(pageStorage.getItem(key))) || {
      reflectionId: null,
      entries: {},
    };
    this.status = Object.values(this.draft.entries).some(unsent) ? 'draft' : 'idle';
    if (this.status === 'draft') this.schedule(0);
  }

  /**
   * Listens to the team's stream while the card is on the page, once the team's list is in:
   * from the list's `eventId`, so what a member wrote after it was read still arrives
   * (docs/decisions.md §22).
   */
  hostUpdated(): void {
    const client = this.ctx.client();
    const team = this.hooks.team();
    const page = this.load.status === 'complete' && this.load.value;
    const stream =
      client && team && page && this.ctx.host.isConnected ? `${this.ctx.activity()}|${team}` : null;
    if (stream === this.#stream) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#stream = stream;
    if (!client || !team || !page || !stream) return;
    this.#unsubscribe = client.subscribeReflections(
      { activity: this.ctx.activity(), team },
      { onEvent: (e) => this.#apply(e) },
      { lastEventId: page.eventId },
    );
  }

  input(prompt: string, text: string): void {
    const e = this.draft.entries[prompt] ?? {
      id: crypto.randomUUID(),
      text: '',
      version: null,
      saved: null,
    };
    this.draft.entries[prompt] = { ...e, text };
    this.#store();
    this.elsewhere = false;
    if (this.status !== 'saving') this.#setStatus('draft');
    this.schedule();
  }

  flush(): void {
    void this.sync();
  }

  /** The save to send now: my entries the server does not have, once the team's list is in. */
  protected next(): (() => Promise<void>) | void {
    const client = this.ctx.client();
    const team = this.hooks.team();
    const pending = Object.entries(this.draft.entries).filter(([, e]) => unsent(e));
    if (!client || !team || !pending.length || this.load.status !== 'complete') return;
    if (!this.ctx.online()) return this.#setStatus('offline');
    return () => this.#save(client, team, pending);
  }

  /** Another save at once when entries typed meanwhile wait, unless a retry is set. */
  protected after(): number | undefined {
    return this.status === 'draft' && !this.retryTimer ? 0 : undefined;
  }

  async #save(client: PeerClient, team: string, pending: [string, MyEntry][]): Promise<void> {
    this.#setStatus('saving');
    try {
      const r = await this.#ensure(client, team);
      for (const [prompt, e] of pending) await this.#send(client, r, prompt, e);
      this.failures = 0;
      this.savedAt = new Date().toISOString();
      const settled = Object.values(this.draft.entries).every((e) => !unsent(e));
      this.#setStatus(settled ? 'saved' : 'draft');
      this.hooks.saved(this.open ?? r, mineOf(this.draft));
    } catch (error) {
      this.#refused(error);
    }
  }

  /** The open team reflection, made now (under the draft's UUID) when there is none. */
  async #ensure(client: PeerClient, team: string): Promise<Reflection> {
    const open = this.open;
    if (open) return this.#use(open);
    const id = (this.draft.reflectionId ??= crypto.randomUUID());
    this.#store();
    try {
      const r = await client.saveReflection(id, {
        activity: this.ctx.activity(),
        visibility: this.ctx.visibility() === 'public' ? 'public' : 'team',
        team,
        answers: this.ctx.prompts().map((p) => ({ id: p.id, prompt: p.text, answer: '' })),
      });
      return this.#use(this.#remember(r));
    } catch (error) {
      // Another member made the team's reflection first: write into that one.
      const current = error instanceof PeerError && error.status === 409 ? currentOf(error) : null;
      if (!current) throw error;
      return this.#use(this.#remember(current));
    }
  }

  /** Makes `r` the draft's reflection; entries saved into another one start again under new ids. */
  #use(r: Reflection): Reflection {
    if (this.draft.reflectionId !== r.id) {
      for (const [k, e] of Object.entries(this.draft.entries))
        if (e.version !== null)
          this.draft.entries[k] = { ...e, id: crypto.randomUUID(), version: null, saved: null };
      this.draft.reflectionId = r.id;
      this.#store();
    }
    return r;
  }

  async #send(client: PeerClient, r: Reflection, prompt: string, e: MyEntry): Promise<void> {
    try {
      const saved = await client.saveReflectionEntry(
        r.id,
        e.id,
        { prompt, text: e.text },
        e.version !== null ? { ifMatch: e.version } : {},
      );
      this.#confirmedEntry(r.id, saved, e.text);
    } catch (error) {
      // The same entry saved from another tab: the later edit (this one) goes on top of it.
      const current = currentOnConflict<ReflectionEntry>(error);
      if (!current) throw error;
      this.draft.entries[prompt] = { ...e, version: current.version, saved: current.text };
      // In flight: one more save after this one.
      void this.sync();
    }
  }

  #confirmedEntry(reflectionId: string, saved: ReflectionEntry, sent: string): void {
    const now = this.draft.entries[saved.prompt];
    if (now && now.id === saved.id)
      this.draft.entries[saved.prompt] = { ...now, version: saved.version, saved: sent };
    this.#store();
    this.#applyEntry(reflectionId, saved);
  }

  #refused(error: unknown): void {
    const e = this.ctx.fail(error);
    const offline = e.kind === 'network' || !this.ctx.online();
    this.#setStatus(offline ? 'offline' : 'failed');
    if (offline || e.retryable) this.retry();
  }

  // ---------------------------------------------------------------------------------------
  // What others wrote, live

  #apply(e: ReflectionEvent): void {
    if (e.type === 'entry.saved') this.#applyEntry(e.reflectionId, e.entry);
    else if (e.type === 'entry.deleted') this.#dropEntry(e.reflectionId, e.entryId);
    else if (e.type === 'reflection.saved') {
      // A replayed save (every save is a new version) may be older than the one the list
      // holds: never go back.
      const known = this.load.value?.items.find((x) => x.id === e.reflection.id);
      if (!known || known.version < e.reflection.version) this.#remember(e.reflection);
    } else this.#forget(e.id);
    this.ctx.host.requestUpdate();
  }

  /** Keeps `r` in the list (the open one first). */
  #remember(r: Reflection): Reflection {
    const page = this.load.value;
    if (page) {
      const rest = page.items.filter((x) => x.id !== r.id);
      page.items = r.closed ? [...rest, r] : [r, ...rest];
    }
    this.ctx.host.requestUpdate();
    return r;
  }

  #forget(id: string): void {
    const page = this.load.value;
    if (page) page.items = page.items.filter((x) => x.id !== id);
  }

  #applyEntry(reflectionId: string, entry: ReflectionEntry): void {
    const r = this.load.value?.items.find((x) => x.id === reflectionId);
    const answer = r?.answers.find((a) => a.id === entry.prompt);
    if (!answer) return;
    const list = answer.entries ?? [];
    const at = list.findIndex((x) => x.id === entry.id);
    if (at >= 0 && list[at]!.version > entry.version) return;
    answer.entries = at >= 0 ? list.map((x, i) => (i === at ? entry : x)) : [...list, entry];
    const mine = this.draft.entries[entry.prompt];
    // My own entry, saved from another tab: the later edit is shown here too.
    if (mine?.id === entry.id && (mine.version ?? 0) < entry.version && !unsent(mine)) {
      this.draft.entries[entry.prompt] = {
        ...mine,
        text: entry.text,
        saved: entry.text,
        version: entry.version,
      };
      if (entry.text !== mine.text) this.elsewhere = true;
      this.#store();
    }
  }

  #dropEntry(reflectionId: string, entryId: string): void {
    const r = this.load.value?.items.find((x) => x.id === reflectionId);
    for (const a of r?.answers ?? []) a.entries = a.entries?.filter((x) => x.id !== entryId);
  }

  readonly #onStorage = (e: StorageEvent): void => {
    if (!this.#key || e.key !== this.#key) return;
    const d = parseTeamDraft(e.newValue);
    if (!d) return;
    const changed = Object.entries(d.entries).some(
      ([k, v]) => this.draft.entries[k]?.text !== v.text,
    );
    this.draft = d;
    if (changed) {
      this.elsewhere = true;
      this.ctx.announce(m.elsewhere());
    }
    this.ctx.host.requestUpdate();
  };

  readonly #onOnline = (): void => {
    if (Object.values(this.draft.entries).some(unsent)) void this.sync();
  };

  #store(): void {
    if (this.#key) pageStorage.setItem(this.#key, JSON.stringify(this.draft));
    this.ctx.host.requestUpdate();
  }

  #setStatus(status: SaveStatus): void {
    const was = this.status;
    this.status = status;
    this.ctx.host.requestUpdate();
    if (status !== was && status !== 'draft') this.ctx.announce(this.statusText());
  }

  statusText(): string {
    return statusWords(this.status, this.savedAt, this.ctx.locale());
  }

  // ---------------------------------------------------------------------------------------
  // Drawing

  render(uid: string, prompts: readonly Prompt[]): TemplateResult {
    if (!this.hooks.team()) return html`<p class="note">${t.noTeam()}</p>`;
    const drawn = this.load.render<TemplateResult>({
      initial: () => html`<div class="skeleton"></div>`,
      pending: () =>
        this.load.value ? this.#card(uid, prompts) : html`<div class="skeleton"></div>`,
      complete: () => this.#card(uid, prompts),
      error: () =>
        html`<div class="notice error" part="notice">
          <p>${t.failed()}</p>
          <button type="button" class="retry" part="retry" @click=${() => this.load.retry()}>
            ${m.retry()}
          </button>
        </div>`,
    });
    return drawn ?? html``;
  }

  #card(uid: string, prompts: readonly Prompt[]): TemplateResult {
    const open = this.open;
    return html`<form part="form" @submit=${(e: Event) => e.preventDefault()} novalidate>
        ${this.elsewhere ? html`<p part="elsewhere" class="note">${m.elsewhere()}</p>` : nothing}
        ${prompts.map((p) => this.#prompt(uid, p, open))}
        <p class="hint" part="who">${t.who()}</p>
        <div class="toolbar">
          ${renderStatus({ status: this.status, statusText: this.statusText() }, { retry: () => this.flush() })}
        </div>
      </form>
      ${this.#earlier(uid)}`;
  }

  #prompt(uid: string, p: Prompt, open: Reflection | null): TemplateResult {
    const id = `${uid}-${p.id}`;
    const me = this.hooks.me();
    const mine = this.draft.entries[p.id];
    const others = (open?.answers.find((a) => a.id === p.id)?.entries ?? []).filter(
      (e) => e.id !== mine?.id && e.author.id !== me && e.text.trim(),
    );
    return html`<div class="prompt" part="prompt" data-prompt=${p.id}>
      <label for=${id} part="question">${p.text}</label>
      ${p.hint ? html`<p class="hint" id="${id}-hint" part="hint">${p.hint}</p>` : nothing}
      ${
        others.length
          ? html`<ul class="entries" part="entries">
              ${others.map(
                (e) =>
                  html`<li part="entry" data-author=${e.author.id}>
                    <span dir="auto">${e.text}</span>
                    <span class="hint">${t.by(e.author.name)}</span>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <textarea
        id=${id}
        part="answer"
        dir="auto"
        rows="2"
        placeholder=${t.yours()}
        aria-describedby=${p.hint ? `${id}-hint` : nothing}
        .value=${mine?.text ?? ''}
        @input=${(e: Event) => this.input(p.id, (e.target as HTMLTextAreaElement).value)}
        @blur=${() => this.flush()}
      ></textarea>
    </div>`;
  }

  /** The lessons of the team's earlier (closed) reflections on the activity. */
  #earlier(uid: string): TemplateResult | typeof nothing {
    const closed = this.load.value?.items.filter((r) => r.closed) ?? [];
    const lessons = lessonsOf(closed);
    if (!lessons.length) return nothing;
    const locale = this.ctx.locale();
    return html`<section part="team-lessons" aria-labelledby="${uid}-team-lessons">
      <h3 id="${uid}-team-lessons">${t.earlier()}</h3>
      <ul class="list">
        ${lessons.map(
          (l) =>
            html`<li part="lesson">
              <blockquote dir="auto">${l.text}</blockquote>
              <span class="hint"
                >${t.by(l.author.name)}, ${formatDateTime(l.updatedAt, locale)}</span
              >
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

/** My entries' texts by prompt. */
function mineOf(d: TeamDraft): Record<string, string> {
  return Object.fromEntries(Object.entries(d.entries).map(([k, e]) => [k, e.text]));
}

function currentOf(error: PeerError): Reflection | null {
  const c = error.details.problem?.['current'] as Reflection | undefined;
  return c && typeof c.id === 'string' ? c : null;
}

function parseTeamDraft(raw: string | null): TeamDraft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as TeamDraft;
    if (!d || typeof d.entries !== 'object') return null;
    const entries: Record<string, MyEntry> = {};
    for (const [k, e] of Object.entries(d.entries ?? {}))
      if (e && typeof e.id === 'string' && typeof e.text === 'string') entries[k] = e;
    return { reflectionId: typeof d.reflectionId === 'string' ? d.reflectionId : null, entries };
  } catch {
    return null;
  }
}
