/**
 * `SearchController`: what `<peer-expert-finder>` lists, and its pages.
 *
 * The search is the committed text (Enter, or a picked person) and the skill filters (chips);
 * with neither, it is the recommendations for the activity (`GET /people?activity=` alone,
 * decisions §12). The first page loads through the core's `LoadController` (a newer search
 * aborts the older one, a failure is an error with retry, back online runs it again); "Show
 * more" appends the next page (`more()`), aborting with the next search.
 */
import type { ReactiveController } from 'lit';
import {
  toPeerError,
  type Expert,
  type ExpertPage,
  type PeerClient,
  type PeerError,
} from '@peerkit/core';
import { LoadController, type LoadHost } from '@peerkit/core/controllers';

export interface SearchInput {
  client: PeerClient;
  query: string;
  /** The skill filters, in the order they were added. */
  skills: readonly string[];
  activity: string;
  limit: number;
}

export interface SearchOptions {
  /** What to search now; `undefined` while it cannot (no provider yet). */
  input: () => SearchInput | undefined;
  /** A first page came back. */
  onResults: (input: SearchInput, page: ExpertPage) => void;
}

type Args = readonly [PeerClient, string, string, string, number];

export class SearchController implements ReactiveController {
  /** The people listed (every page loaded so far). */
  items: Expert[] = [];
  nextCursor: string | null = null;
  /** "Show more" is loading, or failed. */
  moreStatus: 'idle' | 'pending' | 'error' = 'idle';
  moreError?: PeerError;

  readonly first: LoadController<ExpertPage, Args>;
  #moreAbort?: AbortController;
  #input?: SearchInput;

  constructor(
    private readonly host: LoadHost,
    private readonly options: SearchOptions,
  ) {
    host.addController(this);
    this.first = new LoadController<ExpertPage, Args>(host, {
      args: () => {
        const i = options.input();
        // The skills as one string, so an equal list is equal args (Object.is per element).
        return i
          ? ([i.client, i.query, i.skills.join('\n'), i.activity, i.limit] as const)
          : undefined;
      },
      task: (_args, { signal }) => {
        const input = options.input()!;
        this.#input = input;
        this.#moreAbort?.abort();
        this.moreStatus = 'idle';
        return input.client.listPeople(this.#query(input, null), { signal });
      },
      onComplete: (page) => {
        this.items = page.items;
        this.nextCursor = page.nextCursor;
        if (this.#input) options.onResults(this.#input, page);
      },
    });
  }

  hostDisconnected(): void {
    this.#moreAbort?.abort();
    if (this.moreStatus === 'pending') this.moreStatus = 'idle';
  }

  /** Whether this is the recommendations (no text, no filters). */
  get recommending(): boolean {
    const i = this.#input ?? this.options.input();
    return !!i && !i.query && i.skills.length === 0;
  }

  /** Appends the next page; resolves when it has settled (never rejects). */
  async more(): Promise<void> {
    const input = this.#input;
    const cursor = this.nextCursor;
    if (!input || !cursor || this.moreStatus === 'pending') return;
    const abort = (this.#moreAbort = new AbortController());
    this.moreStatus = 'pending';
    this.moreError = undefined;
    this.host.requestUpdate();
    try {
      const page = await input.client.listPeople(this.#query(input, cursor), {
        signal: abort.signal,
      });
      if (abort !== this.#moreAbort) return;
      const seen = new Set(this.items.map((p) => p.id));
      this.items = [...this.items, ...page.items.filter((p) => !seen.has(p.id))];
      this.nextCursor = page.nextCursor;
      this.moreStatus = 'idle';
    } catch (error) {
      if (abort !== this.#moreAbort) return;
      const e = toPeerError(error);
      if (e.kind === 'aborted') return;
      this.moreStatus = 'error';
      this.moreError = e;
    }
    this.host.requestUpdate();
  }

  #query(i: SearchInput, cursor: string | null) {
    return {
      activity: i.activity,
      limit: i.limit,
      ...(i.query ? { q: i.query } : {}),
      ...(i.skills.length ? { skill: [...i.skills] } : {}),
      ...(cursor ? { cursor } : {}),
    };
  }
}
