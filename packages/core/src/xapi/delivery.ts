/**
 * The delivery half of `XapiRecorder`, loaded on the first `record()` (or on the first
 * drain, `intervalMs` after the recorder was made, for what an earlier page left behind):
 * the IndexedDB outbox (`idb`), batching, the cross-tab Web Lock, backoff, the one-by-one
 * retry of a refused batch, the keepalive flush, and statement building with the vocabulary.
 * It stays out of the first paint; `XapiRecorder` keeps the `Recorder` interface.
 */
import type { Me, Statement } from '../contract.js';
import { PeerError } from '../client/types.js';
import { configError, toPeerError } from '../client/errors.js';
import { Outbox, type DeadEntry, type OutboxEntry } from './outbox.js';
import type { XapiRecorderOptions } from './recorder.js';
import type { StatementInput } from './types.js';
import { buildStatement } from './statement.js';

export type DeliveryOptions = Required<
  Omit<XapiRecorderOptions, 'authorization' | 'onError' | 'credentials'>
> &
  XapiRecorderOptions;

/** keepalive requests may carry at most 64 KiB in flight per page; stay under it. */
const KEEPALIVE_BYTES = 60_000;

export class Delivery {
  private readonly outbox: Outbox;
  private timer?: ReturnType<typeof setTimeout>;
  private timerAt = 0;
  private retryAt = 0;
  private failures = 0;
  private chain: Promise<void> = Promise.resolve();
  private overflowReported = false;

  constructor(
    private readonly o: DeliveryOptions,
    private readonly url: string,
    /** Whether the recorder was disposed (then only a keepalive flush still sends). */
    private readonly disposed: () => boolean,
    /** When the first drain is due (ms since epoch): `intervalMs` after the recorder was made. */
    firstDrainAt: number,
    /**
     * The `PeerError` an error answer amounts to (given by the recorder, which loads the
     * contract schemas beside this chunk).
     */
    private readonly lrsError: (res: Response, text: string) => PeerError,
    /** Reports storage the browser refused (given by the recorder: once per page). */
    storageFailed: (cause: unknown) => void = () => {},
  ) {
    this.outbox = new Outbox(o.dbName, url, storageFailed);
    // Whatever an earlier page left behind goes out soon.
    this.schedule(Math.max(0, firstDrainAt - Date.now()));
  }

  /** A statement from what a widget says (`statement.ts`), for this recorder's actor home page. */
  build(input: StatementInput, me: Me, locale: string): Statement {
    return buildStatement(input, me, locale, this.o.homePage);
  }

  /** Puts a statement in the outbox (unless it is full) and schedules a batch. */
  async queue(statement: Statement): Promise<void> {
    const queued = await this.outbox.count();
    if (queued >= this.o.maxOutbox) {
      if (!this.overflowReported) {
        this.overflowReported = true;
        this.o.onError?.(
          configError(
            'outbox-full',
            String(this.o.maxOutbox),
            `The xAPI outbox is full (${this.o.maxOutbox}); new statements are not kept.`,
          ),
        );
      }
      return;
    }
    await this.outbox.add(statement);
    this.schedule(queued + 1 >= this.o.batchSize ? 0 : this.o.intervalMs);
  }

  /** Sends everything queued now (in batches), unless the LRS asked us to wait. */
  flush(keepalive: boolean): Promise<void> {
    if (keepalive) return this.withLock(() => this.drain(true, true));
    return this.run(true);
  }

  dead(): Promise<DeadEntry[]> {
    return this.outbox.dead();
  }

  count(): Promise<number> {
    return this.outbox.count();
  }

  dispose(): void {
    clearTimeout(this.timer);
    void this.outbox.close();
  }

  /** Sends serialised: one drain at a time per recorder, and one per outbox across tabs (the lock). */
  private run(force: boolean): Promise<void> {
    const next = this.chain.then(() => this.withLock(() => this.drain(force, false)));
    this.chain = next.catch(() => {});
    return next;
  }

  /** Makes sure a drain runs `delay` ms from now (or sooner, if one is already due sooner). */
  private schedule(delay: number): void {
    if (this.disposed()) return;
    const at = Math.max(Date.now() + delay, this.retryAt);
    if (this.timer !== undefined && this.timerAt <= at) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run(false).catch((e: unknown) => this.o.onError?.(toPeerError(e)));
    }, at - Date.now());
  }

  private async withLock(fn: () => Promise<void>): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return fn();
    await locks.request(`peerkit-xapi ${this.url}`, fn);
  }

  /**
   * Sends batches until the outbox is empty or the LRS asks us to wait. Unless `force`d
   * (an explicit flush, the page going away), a part batch waits until its oldest statement
   * has waited `intervalMs`, so statements recorded in a burst go out in full batches.
   */
  private async drain(force: boolean, keepalive: boolean): Promise<void> {
    if (this.disposed() && !keepalive) return;
    if (!keepalive && Date.now() < this.retryAt) return this.schedule(0);
    for (;;) {
      let batch = await this.outbox.peek(this.o.batchSize);
      if (!batch.length) return;
      const hold = await this.holdBack(batch, force);
      if (hold === 'signed-out') return;
      if (hold > 0) return this.schedule(hold);
      if (keepalive) batch = fitKeepalive(batch);
      const outcome = await this.send(batch, keepalive);
      if (outcome === 'wait') return;
      if (keepalive) return; // one request's worth while the page goes away
    }
  }

  /**
   * Why `batch` should not go out yet: `'signed-out'` (no token for the proxy: the statements
   * wait for a page that has one, rather than go out in a request certain to be refused with
   * 401), else the ms until a part batch has waited `intervalMs` (0: send now). After a
   * failure, what waits goes out as soon as the LRS lets us.
   */
  private async holdBack(batch: OutboxEntry[], force: boolean): Promise<'signed-out' | number> {
    if (this.o.mode === 'proxy' && !(await this.o.authorization?.())) return 'signed-out';
    if (force || this.failures > 0 || batch.length >= this.o.batchSize) return 0;
    const age = Date.now() - Math.floor(batch[0]!.seq / 1000); // the outbox's clock (outbox.ts)
    return Math.max(0, this.o.intervalMs - age);
  }

  /** One POST; returns 'wait' when delivery must pause (network, 429, 5xx, auth). */
  private async send(batch: OutboxEntry[], keepalive: boolean): Promise<'sent' | 'wait'> {
    const result = await this.post(
      batch.map((e) => e.statement),
      keepalive,
    );
    if (result.ok || result.status === 409) {
      if (result.status === 409 && batch.length > 1) return this.oneByOne(batch, keepalive);
      await this.outbox.remove(batch.map((e) => e.id));
      this.delivered();
      return 'sent';
    }
    if (result.error.retryable || result.error.kind === 'auth') {
      this.backOff(result.error);
      return 'wait';
    }
    // A refusal (400, 413, …): find the statement that caused it.
    if (batch.length > 1) return this.oneByOne(batch, keepalive);
    await this.outbox.bury(batch[0]!, result.status, result.error.message);
    this.o.onError?.(result.error);
    return 'sent';
  }

  private async oneByOne(batch: OutboxEntry[], keepalive: boolean): Promise<'sent' | 'wait'> {
    for (const entry of batch) {
      if ((await this.send([entry], keepalive)) === 'wait') return 'wait';
    }
    return 'sent';
  }

  private delivered(): void {
    this.failures = 0;
    this.retryAt = 0;
    this.overflowReported = false;
  }

  private backOff(error: PeerError): void {
    this.failures++;
    const step = Math.min(this.o.maxBackoffMs, this.o.backoffMs * 2 ** (this.failures - 1));
    const jittered = step / 2 + Math.random() * (step / 2);
    const wait =
      error.details.retryAfter !== undefined
        ? Math.max(error.details.retryAfter * 1000, 0)
        : jittered;
    this.retryAt = Date.now() + wait;
    if (this.failures === 1) this.o.onError?.(error); // once per streak of failures
    this.schedule(wait);
  }

  private async post(
    statements: Statement[],
    keepalive: boolean,
  ): Promise<{ ok: true; status: number } | { ok: false; status: number; error: PeerError }> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'X-Experience-API-Version': '1.0.3',
    };
    let res: Response;
    try {
      const auth = await this.o.authorization?.();
      if (auth) headers['Authorization'] = auth;
      res = await fetch(this.url, {
        method: 'POST',
        headers,
        body: JSON.stringify(statements),
        keepalive,
        credentials: this.o.credentials ?? 'same-origin',
      });
    } catch (e) {
      return {
        ok: false,
        status: 0,
        error: new PeerError('network', 'The LRS could not be reached.', { cause: e }),
      };
    }
    let text = '';
    try {
      text = await res.text();
    } catch {
      // the body does not matter for a success; an error keeps its status
    }
    if (res.ok || res.status === 409) return { ok: true, status: res.status };
    const error = this.lrsError(res, text);
    return { ok: false, status: res.status, error };
  }
}

function fitKeepalive<T extends { statement: Statement }>(batch: T[]): T[] {
  const out: T[] = [];
  let bytes = 2;
  for (const entry of batch) {
    bytes += JSON.stringify(entry.statement).length + 1;
    if (out.length && bytes > KEEPALIVE_BYTES) break;
    out.push(entry);
  }
  return out;
}
