/**
 * What differs between the live subscriptions `live.ts` follows: the stream's path and
 * query, the schema of its events, and how polling (when the stream does not work) turns
 * the newest list into events. Part of the live chunk.
 */
import type * as z from 'zod/mini';
import type { Checks } from './checks.js';
import type { LiveHost } from './live.js';
import type {
  Post,
  PostEvent,
  Reflection,
  ReflectionEvent,
  ReflectionStreamQuery,
} from '../contract.js';

type Schema<T> = z.ZodMiniType<T>;

/** One kind of live subscription. */
export interface Feed<E> {
  path: string;
  query: Record<string, string>;
  /** The schema every streamed event is checked with. */
  schema(checks: Checks): Schema<E>;
  /** The newest state; what changed since the last poll, as events (none on a `baseline`). */
  poll(host: LiveHost, baseline: boolean, signal: AbortSignal): Promise<E[]>;
  /** An event that came on the stream, so a later poll does not repeat it. */
  saw(event: E): void;
  /** Nothing seen yet: the first poll is a baseline. */
  readonly empty: boolean;
}

/**
 * Remembers items by id with a fingerprint of what a reader sees; `changed` says whether an
 * item is new (`'new'`), changed (`'changed'`) or the same (`false`) as last time.
 */
class Seen {
  readonly #prints = new Map<string, string>();
  get size(): number {
    return this.#prints.size;
  }
  set(id: string, print: string): void {
    this.#prints.set(id, print);
  }
  changed(id: string, print: string): 'new' | 'changed' | false {
    const known = this.#prints.get(id);
    this.#prints.set(id, print);
    return known === undefined ? 'new' : known === print ? false : 'changed';
  }
}

const postPrint = (p: Post) =>
  `${p.editedAt}|${p.deleted}|${p.hidden}|${p.body.length}|${p.replyCount}`;

/** A thread's live posts (`GET /posts/stream`), polled as its newest 20 posts. */
export function postFeed(activity: string): Feed<PostEvent> {
  const seen = new Seen();
  return {
    path: '/posts/stream',
    query: { activity },
    schema: (checks) => checks.PostEvent,
    get empty() {
      return seen.size === 0;
    },
    saw: (event) => seen.set(event.post.id, postPrint(event.post)),
    async poll(host, baseline, signal) {
      const query = { activity, sort: 'newest', limit: 20 } as const;
      const page = await host.listPosts(query, { signal });
      const events: PostEvent[] = [];
      for (const post of [...page.items].reverse()) {
        const change = seen.changed(post.id, postPrint(post));
        if (baseline || !change) continue;
        const type =
          change === 'new' ? 'post.created' : post.deleted ? 'post.deleted' : 'post.updated';
        events.push({ type, post });
      }
      return events;
    },
  };
}

const reflectionPrint = (r: Reflection) =>
  [
    r.version,
    r.updatedAt,
    ...r.answers.flatMap((a) => (a.entries ?? []).map((e) => `${e.id}:${e.version}`)),
  ].join('|');

/**
 * A team's team reflections on an activity (`GET /reflections/stream`), polled as the team's
 * newest 5: a new or changed one becomes `reflection.saved` with the whole reflection.
 */
export function reflectionFeed(query: ReflectionStreamQuery): Feed<ReflectionEvent> {
  const seen = new Seen();
  return {
    path: '/reflections/stream',
    query: { activity: query.activity, team: query.team },
    schema: (checks) => checks.ReflectionEvent,
    get empty() {
      return seen.size === 0;
    },
    saw(event) {
      // An entry's change leaves the reflection's print unknown: the next poll sends it whole.
      if (event.type === 'reflection.saved')
        seen.set(event.reflection.id, reflectionPrint(event.reflection));
      else if (event.type !== 'reflection.deleted') seen.set(event.reflectionId, '');
    },
    async poll(host, baseline, signal) {
      const page = await host.listReflections(
        { ...query, scope: 'team', kind: 'team', limit: 5 },
        { signal },
      );
      const events: ReflectionEvent[] = [];
      for (const reflection of [...page.items].reverse()) {
        const change = seen.changed(reflection.id, reflectionPrint(reflection));
        if (!baseline && change) events.push({ type: 'reflection.saved', reflection });
      }
      return events;
    },
  };
}
