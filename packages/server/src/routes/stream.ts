/**
 * The live stream of a thread: `GET /posts/stream?activity=`, server-sent events resumable
 * with `Last-Event-ID` (the events themselves are stored by `events.ts`).
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { StoredEvent } from '../events.js';
import { ActivityQuery, allowRead, parseQuery, type AppEnv, type Deps } from '../http.js';
import { HttpError } from '../problem.js';

/** `GET /posts/stream?activity=`: server-sent events, resumable with `Last-Event-ID`. */
export function streamRoute(deps: Deps) {
  const { config, events } = deps;
  const app = new Hono<AppEnv>();
  const open = new Set<{ abort(): void }>();

  app.get('/', async (c) => {
    allowRead(c, config);
    const { activity } = parseQuery(c, ActivityQuery);
    const header = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    let lastId: number | undefined;
    if (header !== undefined && header !== '') {
      if (!/^\d{1,15}$/.test(header)) throw new HttpError(400, 'Last-Event-ID is not an event id');
      lastId = Number(header);
    }
    c.header('cache-control', 'no-cache, no-transform');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      const buffered: StoredEvent[] = [];
      let live = false;
      // Ids already sent on this connection. On PostgreSQL two transactions may commit
      // their events out of id order, so a lower id arriving later (even lower than the
      // reader's Last-Event-ID) is still sent; the resume replays a short window for the
      // same reason (`PostEvents.since`).
      const sentIds = new Set<number>();
      if (lastId !== undefined) sentIds.add(lastId);
      let chain = Promise.resolve();
      const send = (e: StoredEvent) => {
        if (sentIds.has(e.id)) return;
        sentIds.add(e.id);
        if (sentIds.size > 10_000) sentIds.delete(sentIds.values().next().value!);
        chain = chain
          .then(() => stream.writeSSE({ id: String(e.id), data: JSON.stringify(e.event) }))
          .catch(() => {});
      };
      const unsubscribe = events.subscribe(activity, (e) => (live ? send(e) : buffered.push(e)));
      let wake: () => void = () => {};
      const handle = {
        abort() {
          stream.abort();
          wake();
        },
      };
      open.add(handle);
      stream.onAbort(() => {
        unsubscribe();
        open.delete(handle);
        wake();
        // The reader went away mid-stream: the chunked answer can never be completed, so
        // the socket is of no further use (and would otherwise hold a graceful close).
        const socket = (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)
          ?.incoming?.socket;
        setTimeout(() => socket?.destroy(), 0);
      });
      try {
        await stream.write(`retry: 3000\n: connected\n\n`);
        if (lastId !== undefined) {
          for (let afterSeq = 0; ;) {
            const page = await events.since(activity, lastId, { afterSeq });
            for (const e of page) send(e);
            if (page.length < 500 || stream.aborted) break;
            afterSeq = page.at(-1)!.id;
          }
        } else {
          // Start from now, but give the client an id to resume from.
          const latest = await events.latestId(activity);
          await stream.write(`id: ${latest}\n: ready\n\n`);
        }
        for (const e of buffered.splice(0)) send(e);
        live = true;
        while (!stream.aborted) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, config.heartbeatMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          if (stream.aborted) break;
          await chain;
          await stream.write(': ping\n\n');
        }
      } finally {
        unsubscribe();
        open.delete(handle);
      }
    });
  });

  return {
    app,
    /** Ends every open stream (graceful shutdown). */
    closeAll() {
      for (const h of [...open]) h.abort();
    },
  };
}
