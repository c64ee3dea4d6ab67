/**
 * Forwards stored statements to an upstream LRS through a durable queue (`lrs_outbox`):
 * a statement is queued in the transaction that stores it, so nothing is lost while the
 * upstream is down or the process restarts; it is marked sent only after the upstream
 * accepted it, so nothing is sent twice once the upstream is back (a crash between the
 * upstream's answer and our commit re-sends the same statement id, which an LRS treats as
 * the same statement: no duplicate). Instances sharing one PostgreSQL claim batches with a
 * lease and `FOR UPDATE SKIP LOCKED`, so they never send the same batch at once (the queue,
 * claims and backoff are `outbox.ts`'s, shared with the webhooks).
 *
 * Statements go exactly as stored, in the order stored (a voiding statement after its
 * target); when any of a batch has attachment parts this LRS holds (raw attachments, the
 * JWS of a signed statement), the request is `multipart/mixed` with those parts, as
 * Communication §1.5.2 wants, so the upstream can check hashes and signatures.
 */
import type { Db } from '../db.js';
import { deliver, OutboxWorker } from '../outbox.js';
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

/** The queue, its claims and backoff are `outbox.ts`'s, shared with the webhooks. */
export class Forwarder extends OutboxWorker {
  /** The upstream's statements resource. */
  private readonly endpoint: string;
  private readonly headers: Record<string, string>;

  constructor(db: Db, config: ForwarderConfig) {
    super(db, 'lrs_outbox', { pollMs: config.pollMs, retryMs: config.retryMs });
    this.endpoint = `${config.url.replace(/\/+$/, '')}/statements`;
    this.headers = { 'x-experience-api-version': '1.0.3' };
    if (config.key !== undefined) {
      this.headers['authorization'] =
        `Basic ${Buffer.from(`${config.key}:${config.secret ?? ''}`).toString('base64')}`;
    }
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
  private async deliver(method: 'POST' | 'PUT', url: string, statements: unknown) {
    const { body, type } = await this.encode(statements);
    return deliver(url, { method, headers: { ...this.headers, 'content-type': type }, body });
  }

  /** Sends one batch; answers whether there may be more to send now. */
  async sendOnce(): Promise<boolean> {
    const rows = await this.claim<{ statement: unknown }>('statement', BATCH);
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
}
