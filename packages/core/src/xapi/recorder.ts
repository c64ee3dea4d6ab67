/**
 * `XapiRecorder`: turns what widgets tell it (`StatementInput`) into xAPI 1.0.3 statements,
 * keeps them in a durable IndexedDB outbox and delivers them in batches.
 *
 * - Statement: id `crypto.randomUUID()`, timestamp, actor from `/me` (an `account` whose
 *   `homePage` is the endpoint's origin and whose `name` is the person id), verb and type
 *   IRIs from the vocabulary, context with the page as parent (unless given), the Peerkit
 *   profile as category, `language` = locale, `platform` "Peerkit".
 * - Delivery: up to 50 statements per POST, at the latest 2 s after the first one queued;
 *   backoff with jitter (honouring `Retry-After`) on network errors, 429 and 5xx; a 409
 *   counts as delivered (the LRS already has that id); a batch answered 400 is retried one
 *   statement at a time and a statement refused on its own goes to the dead-letter store
 *   and is reported, so it never blocks the rest.
 * - A `keepalive` flush when the page is hidden or left.
 * - Two tabs or recorders on one outbox never send the same statement: each send holds a
 *   Web Lock named after the target, and reads the outbox afresh inside it.
 * - The outbox is bounded; what does not fit is reported through `onError`, never dropped silently.
 */
import type { Me, Statement } from '../contract.js';
import { PeerError } from '../client/types.js';
import { configError, toPeerError } from '../client/errors.js';
import { parseRetryAfter } from '../client/rest-client.js';
import { Problem } from '../contract.js';
import { ACTIVITY_TYPES, PROFILE_CATEGORY, VERBS } from './vocabulary.js';
import type { Recorder, StatementInput } from './types.js';
import { Outbox } from './outbox.js';
import { pageIri } from '../page.js';

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

/** keepalive requests may carry at most 64 KiB in flight per page; stay under it. */
const KEEPALIVE_BYTES = 60_000;

export class XapiRecorder implements Recorder {
  readonly url: string;
  locale: string;
  private readonly outbox: Outbox;
  private readonly o: Required<
    Omit<XapiRecorderOptions, 'authorization' | 'onError' | 'credentials'>
  > &
    XapiRecorderOptions;
  private timer?: ReturnType<typeof setTimeout>;
  private timerAt = 0;
  private retryAt = 0;
  private failures = 0;
  private chain: Promise<void> = Promise.resolve();
  private overflowReported = false;
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
    this.outbox = new Outbox(this.o.dbName, this.url);
    if (this.o.flushOnHide) {
      addEventListener('pagehide', this.onPageHide);
      document.addEventListener('visibilitychange', this.onHide);
    }
    // Whatever an earlier page left behind goes out soon.
    this.schedule(this.o.intervalMs);
  }

  /** Builds a statement from what the widget says (exported for tests and custom recorders). */
  build(input: StatementInput, me: Me): Statement {
    const lang = this.locale || 'en';
    const activity = (a: { id: string; type: keyof typeof ACTIVITY_TYPES; name?: string }) => ({
      objectType: 'Activity' as const,
      id: a.id,
      definition: { type: ACTIVITY_TYPES[a.type], ...(a.name ? { name: { [lang]: a.name } } : {}) },
    });
    const title = document.title.trim();
    const parent = input.parent
      ? activity(input.parent)
      : activity({ id: pageIri(), type: 'page', name: title || undefined });
    const verb = VERBS[input.verb];
    return {
      id: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
      actor: {
        objectType: 'Agent',
        name: me.name,
        account: { homePage: this.o.homePage, name: me.id },
      },
      verb: { id: verb.id, display: { en: verb.display } },
      object: activity(input.object),
      ...(input.result ? { result: input.result } : {}),
      context: {
        contextActivities: {
          parent: [parent],
          ...(input.grouping?.length ? { grouping: input.grouping.map(activity) } : {}),
          category: [{ ...PROFILE_CATEGORY }],
        },
        language: lang,
        platform: 'Peerkit',
        ...(input.extensions ? { extensions: input.extensions } : {}),
      },
    };
  }

  async record(input: StatementInput): Promise<void> {
    if (this.disposed) return;
    const me = await this.o.me().catch(() => null);
    // Nobody signed in: there is no learner to attribute the statement to.
    if (!me) return;
    const statement = this.build(input, me);
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
  flush(options: { keepalive?: boolean } = {}): Promise<void> {
    if (options.keepalive) return this.withLock(() => this.drain(true, true));
    return this.run(true);
  }

  /** Sends serialised: one drain at a time per recorder, and one per outbox across tabs (the lock). */
  private run(force: boolean): Promise<void> {
    const next = this.chain.then(() => this.withLock(() => this.drain(force, false)));
    this.chain = next.catch(() => {});
    return next;
  }

  /** Statements the LRS refused, kept apart (for a host to inspect or export). */
  deadLetters() {
    return this.outbox.dead();
  }

  /** How many statements wait in the outbox. */
  pending(): Promise<number> {
    return this.outbox.count();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onHide);
    void this.outbox.close();
  }

  /** Makes sure a drain runs `delay` ms from now (or sooner, if one is already due sooner). */
  private schedule(delay: number): void {
    if (this.disposed) return;
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
    if (this.disposed && !keepalive) return;
    if (!keepalive && Date.now() < this.retryAt) return this.schedule(0);
    for (;;) {
      let batch = await this.outbox.peek(this.o.batchSize);
      if (!batch.length) return;
      // After a failure, what waits goes out as soon as the LRS lets us.
      if (!force && this.failures === 0 && batch.length < this.o.batchSize) {
        const age = Date.now() - Math.floor(batch[0]!.seq / 1000);
        if (age < this.o.intervalMs) return this.schedule(this.o.intervalMs - age);
      }
      if (keepalive) batch = fitKeepalive(batch);
      const outcome = await this.send(batch, keepalive);
      if (outcome === 'wait') return;
      if (keepalive) return; // one request's worth while the page goes away
    }
  }

  /** One POST; returns 'wait' when delivery must pause (network, 429, 5xx, auth). */
  private async send(
    batch: Awaited<ReturnType<Outbox['peek']>>,
    keepalive: boolean,
  ): Promise<'sent' | 'wait'> {
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

  private async oneByOne(
    batch: Awaited<ReturnType<Outbox['peek']>>,
    keepalive: boolean,
  ): Promise<'sent' | 'wait'> {
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
    let problem: Problem | undefined;
    try {
      const parsed = Problem.safeParse(JSON.parse(text));
      if (parsed.success) problem = parsed.data;
    } catch {
      // an LRS that answers text
    }
    const kind = res.status === 401 || res.status === 403 ? 'auth' : 'http';
    const error = new PeerError(
      kind,
      problem?.detail ?? problem?.title ?? `The LRS answered ${res.status}.`,
      {
        status: res.status,
        problem,
        retryAfter: parseRetryAfter(res.headers.get('retry-after')),
      },
    );
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
