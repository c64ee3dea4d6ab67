/**
 * `XapiRecorder`: turns what widgets tell it (`StatementInput`) into xAPI 1.0.3 statements,
 * keeps them in a durable IndexedDB outbox and delivers them in batches.
 *
 * - Statement (`statement.ts`, built in the delivery chunk): id `crypto.randomUUID()`, timestamp, actor from `/me` (an `account` whose
 *   `homePage` is the endpoint's origin and whose `name` is the person id), verb and type
 *   IRIs from the vocabulary, context with the page as parent (unless given), the Peerkit
 *   profile as category, `language` = locale, `platform` "Peerkit".
 * - Delivery (`delivery.ts`, with the outbox and `idb`, loaded on the first `record()` or the
 *   first drain, `intervalMs` after the recorder is made, so it is not part of the first
 *   paint): up to 50 statements per POST, at the latest 2 s after the first one queued;
 *   backoff with jitter (honouring `Retry-After`) on network errors, 429 and 5xx; a 409
 *   counts as delivered (the LRS already has that id); a batch answered 400 is retried one
 *   statement at a time and a statement refused on its own goes to the dead-letter store
 *   and is reported, so it never blocks the rest.
 * - A `keepalive` flush when the page is hidden or left (once delivery has loaded; before
 *   that nothing was recorded on this page, and what an earlier page left stays durable).
 * - Two tabs or recorders on one outbox never send the same statement: each send holds a
 *   Web Lock named after the target, and reads the outbox afresh inside it.
 * - The outbox is bounded; what does not fit is reported through `onError`, never dropped silently.
 */
import type { Me, Statement } from '../contract.js';
import { loadChecks } from '../client/checks.js';
import { toPeerError } from '../client/errors.js';
import type { PeerError } from '../client/types.js';
import { storageFailed } from '../storage-failure.js';
import type { Recorder, StatementInput } from './types.js';
import type { Delivery } from './delivery.js';
import type { DeadEntry } from './outbox.js';

export type XapiMode = 'proxy' | 'direct';

export interface XapiRecorderOptions {
  /** `proxy`: `endpoint` is the REST endpoint, statements go to `{endpoint}/xapi/statements`. `direct`: `endpoint` is the LRS, statements go to `{endpoint}/statements`. */
  mode: XapiMode;
  endpoint: string;
  /** The `Authorization` header value (`Bearer …` for proxy, the LRS's credentials for direct). */
  authorization?: () => string | null | Promise<string | null>;
  credentials?: RequestCredentials;
  /** The signed-in person (the statement's actor). */
  me: () => Promise<Me | null>;
  /** The actor's account `homePage`: the origin of the Peerkit endpoint. */
  homePage: string;
  locale: string;
  /** Called with every failure the page should hear about (a refused statement, an overflow). */
  onError?: (error: PeerError) => void;
  /** IndexedDB database name (default `peerkit-xapi`). */
  dbName?: string;
  batchSize?: number;
  /** Longest wait before a queued statement is sent (default 2,000 ms). */
  intervalMs?: number;
  /** Most statements the outbox holds (default 5,000). */
  maxOutbox?: number;
  /** First backoff step (default 1,000 ms), doubling to `maxBackoffMs` (default 60 s). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Listen to `pagehide`/`visibilitychange` for a keepalive flush (default true). */
  flushOnHide?: boolean;
}

export class XapiRecorder implements Recorder {
  readonly url: string;
  locale: string;
  private readonly o: Required<
    Omit<XapiRecorderOptions, 'authorization' | 'onError' | 'credentials'>
  > &
    XapiRecorderOptions;
  private delivery?: Promise<Delivery>;
  private loaded?: Delivery;
  private readonly firstDrainAt: number;
  private readonly startTimer: ReturnType<typeof setTimeout>;
  private disposed = false;
  private readonly onHide = () => {
    if (document.visibilityState === 'hidden') void this.flush({ keepalive: true }).catch(() => {});
  };
  private readonly onPageHide = () => void this.flush({ keepalive: true }).catch(() => {});

  constructor(options: XapiRecorderOptions) {
    this.o = {
      dbName: 'peerkit-xapi',
      batchSize: 50,
      intervalMs: 2_000,
      maxOutbox: 5_000,
      backoffMs: 1_000,
      maxBackoffMs: 60_000,
      flushOnHide: true,
      ...options,
    };
    this.locale = options.locale;
    const base = options.endpoint.replace(/\/+$/, '');
    this.url = options.mode === 'proxy' ? `${base}/xapi/statements` : `${base}/statements`;
    if (this.o.flushOnHide) {
      addEventListener('pagehide', this.onPageHide);
      document.addEventListener('visibilitychange', this.onHide);
    }
    // Whatever an earlier page left behind goes out soon: delivery loads for it by then.
    this.firstDrainAt = Date.now() + this.o.intervalMs;
    this.startTimer = setTimeout(
      () => void this.load().catch((e: unknown) => this.o.onError?.(toPeerError(e))),
      this.o.intervalMs,
    );
  }

  /**
   * Builds a statement from what the widget says (for tests and custom recorders). The
   * builder lives in the delivery chunk, so it is not part of a widget's first paint.
   */
  async build(input: StatementInput, me: Me): Promise<Statement> {
    return (await this.load()).build(input, me, this.locale);
  }

  async record(input: StatementInput): Promise<void> {
    if (this.disposed) return;
    // Delivery loads while `/me` is asked (both are usually answered from cache).
    const delivery = this.load();
    const me = await this.o.me().catch(() => null);
    // Nobody signed in: there is no learner to attribute the statement to.
    if (!me) return;
    const d = await delivery;
    await d.queue(d.build(input, me, this.locale));
  }

  /** Sends everything queued now (in batches), unless the LRS asked us to wait. */
  async flush(options: { keepalive?: boolean } = {}): Promise<void> {
    if (options.keepalive) {
      // The page is going away: no module loads now. Without delivery loaded, nothing was
      // recorded on this page; what an earlier page left waits in the outbox for the next.
      return this.loaded?.flush(true);
    }
    return (await this.load()).flush(false);
  }

  /** Statements the LRS refused, kept apart (for a host to inspect or export). */
  async deadLetters(): Promise<DeadEntry[]> {
    return (await this.load()).dead();
  }

  /** How many statements wait in the outbox. */
  async pending(): Promise<number> {
    return (await this.load()).count();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.startTimer);
    removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onHide);
    this.loaded?.dispose();
  }

  /**
   * Loads the delivery module once, with the contract schemas it checks an LRS's problem
   * details with (a failed load, e.g. offline, is tried again next time).
   */
  private load(): Promise<Delivery> {
    this.delivery ??= Promise.all([import('./delivery.js'), loadChecks()]).then(
      ([{ Delivery }, checks]) => {
        const delivery = new Delivery(
          this.o,
          this.url,
          () => this.disposed,
          this.firstDrainAt,
          (res, text) => checks.problemError(res, text, `The LRS answered ${res.status}.`),
          (cause) => storageFailed('indexedDB', cause),
        );
        this.loaded = delivery;
        if (this.disposed) delivery.dispose();
        return delivery;
      },
      (error: unknown) => {
        this.delivery = undefined;
        throw error;
      },
    );
    return this.delivery;
  }
}
