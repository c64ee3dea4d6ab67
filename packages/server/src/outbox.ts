/**
 * A durable outbox, drained by a worker: what the LRS forwarder (`xapi/forwarder.ts`) and the
 * webhooks (`webhooks/sender.ts`) share. Rows are queued in the transaction of the write that
 * causes them, so nothing is lost while the receiver is down or the process restarts; a row
 * is marked sent only after the receiver accepted it.
 *
 * Claiming (`claim`) leases due rows with `FOR UPDATE SKIP LOCKED`, so instances sharing one
 * PostgreSQL never hold the same row at once; a lease that ran out (a crashed instance) makes
 * the row due again. A failed row waits `retryMs × 2^(attempts − 1)`, at most `maxRetryMs`.
 *
 * Every outbox table has the same bookkeeping columns: `seq BIGSERIAL PRIMARY KEY`,
 * `attempts INT`, `next_attempt_at TIMESTAMPTZ`, `lease_until TIMESTAMPTZ`,
 * `sent_at TIMESTAMPTZ`, `last_error TEXT`, and an index on `(next_attempt_at, seq) WHERE
 * sent_at IS NULL`.
 */
import type { Db } from './db.js';

/** The outbox tables (names are never taken from input). */
export type OutboxTable = 'lrs_outbox' | 'webhook_outbox';

export interface OutboxTiming {
  /** How often to look for due rows when idle, in ms. */
  pollMs: number;
  /** First retry delay in ms; doubles per attempt. Default 1 s. */
  retryMs?: number | undefined;
  /** Longest retry delay in ms. Default 1 minute. */
  maxRetryMs?: number | undefined;
  /** How long a claim holds its rows, in seconds: longer than a delivery may take. */
  leaseSeconds?: number | undefined;
}

/** A claimed row: its sequence number and attempts so far (this one included). */
export interface Claimed {
  seq: number;
  attempts: number;
}

export abstract class OutboxWorker {
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = false;
  private again = false;
  private current?: Promise<void>;
  /** The shortest retry delay set since the last tick: the next tick comes no later. */
  private soonest = Infinity;

  constructor(
    protected readonly db: Db,
    private readonly table: OutboxTable,
    private readonly timing: OutboxTiming,
  ) {}

  /** Delivers one claimed batch; answers whether there may be more to send now. */
  abstract sendOnce(): Promise<boolean>;

  start() {
    this.schedule(0);
  }

  /** Sends soon (rows were just queued). */
  wake() {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.tick();
    }, ms);
    this.timer.unref?.();
  }

  private async tick() {
    if (this.running || this.stopped) return;
    this.running = true;
    let busy = false;
    try {
      busy = await this.sendOnce();
    } catch {
      busy = false;
    } finally {
      this.running = false;
    }
    const again = this.again;
    this.again = false;
    const retry = this.soonest;
    this.soonest = Infinity;
    this.schedule(busy || again ? 0 : Math.min(this.timing.pollMs, retry));
  }

  /**
   * Leases up to `batch` due rows (oldest first) and counts the attempt; answers them with
   * `columns` (trusted SQL) besides `seq` and `attempts`.
   */
  protected claim<R>(columns: string, batch: number): Promise<(R & Claimed)[]> {
    const lease = this.timing.leaseSeconds ?? 30;
    return this.db.tx((q) =>
      q.query<R & Claimed>(
        `UPDATE ${this.table} SET lease_until = now() + interval '${lease} seconds',
           attempts = attempts + 1
         WHERE seq IN (
           SELECT seq FROM ${this.table}
           WHERE sent_at IS NULL AND next_attempt_at <= now()
             AND (lease_until IS NULL OR lease_until < now())
           ORDER BY seq LIMIT ${batch}
           FOR UPDATE SKIP LOCKED)
         RETURNING seq, attempts, ${columns}`,
      ),
    );
  }

  /** Settles rows: sent (`note` null) or given up with the reason kept. */
  protected async markSent(seqs: number[], note: string | null) {
    await this.db.query(
      `UPDATE ${this.table} SET sent_at = now(), lease_until = NULL, last_error = $2
       WHERE seq = ANY($1::bigint[])`,
      [seqs, note],
    );
  }

  /** Releases rows to be tried again after the backoff of their attempts. */
  protected async retryLater(rows: Claimed[], error: string) {
    const attempts = Math.max(...rows.map((r) => r.attempts));
    const base = this.timing.retryMs ?? 1000;
    const delay = Math.min(
      base * 2 ** Math.min(attempts - 1, 20),
      this.timing.maxRetryMs ?? 60_000,
    );
    this.soonest = Math.min(this.soonest, delay);
    await this.db.query(
      `UPDATE ${this.table} SET lease_until = NULL, last_error = $2,
         next_attempt_at = now() + ($3::int * interval '1 millisecond')
       WHERE seq = ANY($1::bigint[])`,
      [rows.map((r) => r.seq), error.slice(0, 500), delay],
    );
  }

  /** Rows not sent yet, for `/api/health`. */
  async pending(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.table} WHERE sent_at IS NULL`,
    );
    return row?.n ?? 0;
  }
}

/**
 * One HTTP request to a receiver, never throwing: its status (0 when it never answered) and
 * an error text when it failed. The answer's body is discarded.
 */
export async function deliver(
  url: string,
  init: { method: 'POST' | 'PUT'; headers: Record<string, string>; body: BodyInit },
): Promise<{ status: number; error: string }> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    await res.body?.cancel().catch(() => {});
    return { status: res.status, error: res.ok ? '' : `HTTP ${res.status}` };
  } catch (e) {
    return { status: 0, error: (e as Error).message || 'network error' };
  }
}
