/**
 * Forwards stored statements to an upstream LRS through a durable queue (`lrs_outbox`):
 * a statement is queued in the transaction that stores it, so nothing is lost while the
 * upstream is down or the process restarts; it is marked sent only after the upstream
 * accepted it, so nothing is sent twice once the upstream is back (a crash between the
 * upstream's answer and our commit re-sends the same statement id, which an LRS treats as
 * the same statement: no duplicate). Instances sharing one PostgreSQL claim batches with a
 * lease and `FOR UPDATE SKIP LOCKED`, so they never send the same batch at once.
 *
 * Statements go exactly as stored, in the order stored (a voiding statement after its
 * target); when any of a batch has attachment parts this LRS holds (raw attachments, the
 * JWS of a signed statement), the request is `multipart/mixed` with those parts, as
 * Communication §1.5.2 wants, so the upstream can check hashes and signatures.
 */
import type { Db } from '../db.js';
import { attachmentsOf, multipartAnswer } from './attachments.js';
import { readAttachments } from './statements-data.js';

export interface ForwarderConfig {
  /** The upstream xAPI endpoint (the part before `/statements`). */
  url: string;
  key?: string;
  secret?: string;
  /** Poll interval when idle. */
  pollMs: number;
  /** First retry delay; doubles per attempt, at most a minute. */
  retryMs?: number;
}

const BATCH = 50;

export class Forwarder {
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = false;
  private again = false;
  private current?: Promise<void>;

  /** The upstream's statements resource. */
  private readonly endpoint: string;
  private readonly headers: Record<string, string>;

  constructor(
    private readonly db: Db,
    private readonly config: ForwarderConfig,
  ) {
    this.endpoint = `${config.url.replace(/\/+$/, '')}/statements`;
    this.headers = { 'x-experience-api-version': '1.0.3' };
    if (config.key !== undefined) {
      this.headers['authorization'] =
        `Basic ${Buffer.from(`${config.key}:${config.secret ?? ''}`).toString('base64')}`;
    }
  }

  start() {
    this.schedule(0);
  }

  /** Sends soon (statements were just queued). */
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
    this.schedule(busy || again ? 0 : this.config.pollMs);
  }

  /**
   * The body of a request carrying `statements` (an array, or one for `PUT`): JSON, or
   * `multipart/mixed` with the attachment parts this LRS holds for them.
   */
  private async encode(body: unknown): Promise<{ body: BodyInit; type: string }> {
    const list = (Array.isArray(body) ? body : [body]) as Record<string, unknown>[];
    const hashes = attachmentsOf(list).map((a) => String(a['sha2']));
    const parts = await readAttachments(this.db, hashes);
    if (!parts.length) return { body: JSON.stringify(body), type: 'application/json' };
    const multipart = multipartAnswer(body, parts);
    return {
      body: new Uint8Array(multipart.body) as Uint8Array<ArrayBuffer>,
      type: multipart.type,
    };
  }

  /** One request to the upstream: its status (0 when it never answered) and the error. */
  private async deliver(
    method: 'POST' | 'PUT',
    url: string,
    statements: unknown,
  ): Promise<{ status: number; error: string }> {
    try {
      const { body, type } = await this.encode(statements);
      const res = await fetch(url, {
        method,
        headers: { ...this.headers, 'content-type': type },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      await res.body?.cancel().catch(() => {});
      return { status: res.status, error: res.ok ? '' : `HTTP ${res.status}` };
    } catch (e) {
      return { status: 0, error: (e as Error).message || 'network error' };
    }
  }

  /** Sends one batch; answers whether there may be more to send now. */
  async sendOnce(): Promise<boolean> {
    const rows = await this.db.tx((q) =>
      q.query<{ seq: number; statement: unknown; attempts: number }>(
        `UPDATE lrs_outbox SET lease_until = now() + interval '30 seconds', attempts = attempts + 1
         WHERE seq IN (
           SELECT seq FROM lrs_outbox
           WHERE sent_at IS NULL AND next_attempt_at <= now()
             AND (lease_until IS NULL OR lease_until < now())
           ORDER BY seq LIMIT ${BATCH}
           FOR UPDATE SKIP LOCKED)
         RETURNING seq, statement, attempts`,
      ),
    );
    if (!rows.length) return false;
    rows.sort((a, b) => a.seq - b.seq);
    const statements = rows.map((r) =>
      typeof r.statement === 'string' ? JSON.parse(r.statement) : r.statement,
    );
    const { status, error } = await this.deliver('POST', this.endpoint, statements);
    if (status >= 200 && status < 300) {
      await this.markSent(
        rows.map((r) => r.seq),
        null,
      );
      return true;
    }
    if (status === 409 || status === 400) {
      // One statement spoils the batch: send each on its own so the rest get through.
      for (let i = 0; i < rows.length; i++) await this.sendOne(rows[i]!, statements[i]);
      return true;
    }
    await this.retryLater(rows, error);
    return false;
  }

  private async sendOne(row: { seq: number; attempts: number }, statement: { id: string }) {
    const { status, error } = await this.deliver(
      'PUT',
      `${this.endpoint}?statementId=${encodeURIComponent(statement.id)}`,
      statement,
    );
    if (status >= 200 && status < 300) await this.markSent([row.seq], null);
    // The upstream holds a different statement under this id, or refuses it for good:
    // retrying cannot help, so it is settled with the reason kept.
    else if (status === 409 || status === 400)
      await this.markSent([row.seq], `refused: HTTP ${status}`);
    // The claim that leased this row counted the attempt already.
    else await this.retryLater([row], error);
  }

  private async markSent(seqs: number[], note: string | null) {
    await this.db.query(
      `UPDATE lrs_outbox SET sent_at = now(), lease_until = NULL, last_error = $2
       WHERE seq = ANY($1::bigint[])`,
      [seqs, note],
    );
  }

  private async retryLater(rows: { seq: number; attempts: number }[], error: string) {
    const attempts = Math.max(...rows.map((r) => r.attempts));
    const base = this.config.retryMs ?? 1000;
    const delay = Math.min(base * 2 ** Math.min(attempts - 1, 10), 60_000);
    await this.db.query(
      `UPDATE lrs_outbox SET lease_until = NULL, last_error = $2,
         next_attempt_at = now() + ($3::int * interval '1 millisecond')
       WHERE seq = ANY($1::bigint[])`,
      [rows.map((r) => r.seq), error.slice(0, 500), delay],
    );
  }

  /** Queue state, for `/api/health`. */
  async pending(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM lrs_outbox WHERE sent_at IS NULL',
    );
    return row?.n ?? 0;
  }
}
