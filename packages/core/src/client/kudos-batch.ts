/**
 * Coalesced kudos counts: `kudos(activity)` calls made by many elements in one frame become
 * one request (docs/decisions.md §4): `GET /kudos?activity=…&activity=…` while the URL fits
 * `maxUrlLength` (6,000 characters: proxies cut at 8 KB) and `KUDOS_BATCH_MAX` (200)
 * activities, else one `POST /kudos/query` with the activities in the body (a safe,
 * idempotent query, up to `KUDOS_QUERY_MAX` = 2,000 per request). So 200 or 2,000
 * `<peer-kudos>` on a page cost one counts request.
 */
import type { KudosCount } from '../contract.js';
import { KUDOS_BATCH_MAX, KUDOS_QUERY_MAX } from '../limits.js';
import { PeerError, type CallOptions } from './types.js';
import { aborted } from './http.js';

interface Waiter {
  resolve(value: KudosCount): void;
  reject(error: PeerError): void;
  signal?: AbortSignal;
}

/** One counts request: `GET` with the activities in the query, or `POST /kudos/query`. */
export type KudosFetch = (
  activities: string[],
  method: 'GET' | 'POST',
  options: CallOptions,
) => Promise<{ items: KudosCount[] }>;

export class KudosBatcher {
  private queue = new Map<string, Waiter[]>();
  private scheduled = false;

  constructor(
    /** `${endpoint}/kudos?`: what a GET's URL starts with. */
    private readonly base: () => string,
    private readonly maxUrlLength: number,
    private readonly send: KudosFetch,
  ) {}

  get(activity: string, options?: CallOptions): Promise<KudosCount> {
    return new Promise<KudosCount>((resolve, reject) => {
      const signal = options?.signal;
      if (signal?.aborted) return reject(aborted(signal));
      const list = this.queue.get(activity) ?? [];
      // The abort listener goes when the count settles: a host may pass one long-lived
      // signal to many calls.
      const onAbort = () => reject(aborted(signal!));
      const off = () => signal?.removeEventListener('abort', onAbort);
      list.push({
        resolve: (count) => (off(), resolve(count)),
        reject: (error) => (off(), reject(error)),
        signal,
      });
      this.queue.set(activity, list);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (!this.scheduled) this.schedule();
    });
  }

  /** One frame: whichever of the next animation frame or a 16 ms timer comes first (frames stop in background tabs). */
  private schedule(): void {
    this.scheduled = true;
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(raf);
      clearTimeout(timer);
      this.scheduled = false;
      this.flush();
    };
    const raf = requestAnimationFrame(run);
    const timer = setTimeout(run, 16);
  }

  /**
   * The requests for `activities`: one GET when the URL fits and there are at most
   * `KUDOS_BATCH_MAX`, else POST queries of up to `KUDOS_QUERY_MAX` each.
   */
  plan(activities: string[]): { method: 'GET' | 'POST'; activities: string[] }[] {
    const url =
      this.base().length +
      activities.reduce((n, a) => n + `activity=${encodeURIComponent(a)}&`.length, 0);
    if (activities.length <= KUDOS_BATCH_MAX && url <= this.maxUrlLength)
      return activities.length ? [{ method: 'GET', activities }] : [];
    const out: { method: 'POST'; activities: string[] }[] = [];
    for (let i = 0; i < activities.length; i += KUDOS_QUERY_MAX)
      out.push({ method: 'POST', activities: activities.slice(i, i + KUDOS_QUERY_MAX) });
    return out;
  }

  private flush(): void {
    const queue = this.queue;
    this.queue = new Map();
    // Callers that already aborted are not asked for.
    const live = [...queue.entries()].filter(([, ws]) => ws.some((w) => !w.signal?.aborted));
    for (const { method, activities } of this.plan(live.map(([a]) => a))) {
      const controller = new AbortController();
      const waiters = activities.flatMap((a) => queue.get(a)!.filter((w) => !w.signal?.aborted));
      let pending = waiters.length;
      const onAbort = () => {
        if (--pending === 0) controller.abort();
      };
      for (const w of waiters) w.signal?.addEventListener('abort', onAbort, { once: true });
      const sent = this.send(activities, method, { signal: controller.signal });
      void sent
        .finally(() => {
          for (const w of waiters) w.signal?.removeEventListener('abort', onAbort);
        })
        .catch(() => {});
      sent.then(
        (list) => {
          const byActivity = new Map(list.items.map((k) => [k.activity, k]));
          for (const a of activities) {
            const count = byActivity.get(a);
            for (const w of queue.get(a)!) {
              if (count) w.resolve(count);
              else w.reject(new PeerError('validation', `The server's answer left out ${a}.`));
            }
          }
        },
        (error: PeerError) => {
          for (const a of activities) for (const w of queue.get(a)!) w.reject(error);
        },
      );
    }
  }
}
