/**
 * Live streams: server-sent events resumable with `Last-Event-ID`, one route per event log
 * (`events.ts`): a thread's (`GET /posts/stream?activity=`, `postStreamRoute`) and a team's
 * reflections' (`GET /reflections/stream?activity=&team=`, in `routes/reflections.ts`).
 */
import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { EventLog, StoredEvent } from '../events.js';
import {
  ActivityQuery,
  allowRead,
  parseQuery,
  type AppEnv,
  type Ctx,
  type Deps,
  type ServerConfig,
} from '../http.js';
import { HttpError } from '../problem.js';

/** The reader's `Last-Event-ID` (header, or `?lastEventId=`), or undefined; 400 if malformed. */
function lastEventIdOf(c: Ctx): number | undefined {
  const header = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  if (header === undefined || header === '') return undefined;
  if (!/^\d{1,15}$/.test(header)) throw new HttpError(400, 'Last-Event-ID is not an event id');
  return Number(header);
}

/**
 * The reader went away mid-stream: the chunked answer can never be completed, so the socket
 * is of no further use (and would otherwise hold a graceful close).
 */
function dropSocket(c: Ctx): void {
  const socket = (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming
    ?.socket;
  setTimeout(() => socket?.destroy(), 0);
}

/**
 * What a resuming reader missed since `lastId`, in pages of 500; a new reader gets the
 * latest id instead, to resume from.
 */
async function catchUp<E>(
  stream: SSEStreamingApi,
  events: EventLog<E>,
  activity: string,
  lastId: number | undefined,
  send: (e: StoredEvent<E>) => void,
): Promise<void> {
  if (lastId === undefined) {
    const latest = await events.latestId(activity);
    await stream.write(`id: ${latest}\n: ready\n\n`);
    return;
  }
  for (let afterSeq = 0; ;) {
    const page = await events.since(activity, lastId, { afterSeq });
    for (const e of page) send(e);
    if (page.length < 500 || stream.aborted) break;
    afterSeq = page.at(-1)!.id;
  }
}

/** `GET /posts/stream?activity=`: a thread's events, for whoever may read the thread. */
export function postStreamRoute(deps: Deps) {
  const { config, events } = deps;
  return streamRoute(config, async (c) => {
    allowRead(c, config);
    return { log: events, stream: parseQuery(c, ActivityQuery).activity };
  });
}

/** What a stream request reads: the log, and the stream in it (checked for the caller). */
export type StreamOf<E> = (c: Ctx) => Promise<{ log: EventLog<E>; stream: string }>;

/**
 * `GET /`: server-sent events of the stream `streamOf` names (it checks the caller and the
 * query, throwing the problem otherwise), resumable with `Last-Event-ID`.
 */
export function streamRoute<E>(config: ServerConfig, streamOf: StreamOf<E>) {
  const app = new Hono<AppEnv>();
  const open = new Set<{ abort(): void }>();

  app.get('/', async (c) => {
    const { log: events, stream: activity } = await streamOf(c);
    const lastId = lastEventIdOf(c);
    c.header('cache-control', 'no-cache, no-transform');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      const buffered: StoredEvent<E>[] = [];
      let live = false;
      // Ids already sent on this connection. On PostgreSQL two transactions may commit
      // their events out of id order, so a lower id arriving later (even lower than the
      // reader's Last-Event-ID) is still sent; the resume replays a short window for the
      // same reason (`EventLog.since`).
      const sentIds = new Set<number>();
      if (lastId !== undefined) sentIds.add(lastId);
      let chain = Promise.resolve();
      const send = (e: StoredEvent<E>) => {
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
        dropSocket(c);
      });
      try {
        await stream.write(`retry: 3000\n: connected\n\n`);
        await catchUp(stream, events, activity, lastId, send);
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
