/**
 * Sends the queued webhook events (`webhook_outbox`, `events.ts`) to `PEERKIT_WEBHOOK_URL`,
 * one `POST` per event, signed as Standard Webhooks (https://www.standardwebhooks.com/) says:
 *
 * - `webhook-id`: the event id (`evt_…`), the same on every retry;
 * - `webhook-timestamp`: seconds since the epoch when this attempt was sent (receivers refuse
 *   one more than 5 minutes away from their clock: a replayed request is stale);
 * - `webhook-signature`: `v1,` + base64 of HMAC-SHA256 over `<id>.<timestamp>.<body>` with the
 *   secret's key: a `whsec_<base64>` secret (the Standard Webhooks form) is that base64
 *   decoded; any other secret, its UTF-8 bytes.
 *
 * Delivery (the queue is `outbox.ts`'s, shared with the LRS forwarder): a 2xx answer marks the
 * event sent; anything else, or no answer within 15 s, retries it after 1 s, 2 s, 4 s… (at most
 * 10 minutes apart), across restarts, until it is accepted. Instances sharing one PostgreSQL
 * claim events with `FOR UPDATE SKIP LOCKED` and a lease longer than a request may take, so an
 * event is sent by one instance at a time and never again once accepted. (A crash between the
 * receiver's 2xx and our commit sends it once more, with the same `webhook-id`.)
 */
import { createHmac } from 'node:crypto';
import type { Db } from '../db.js';
import { deliver, OutboxWorker } from '../outbox.js';
import { WEBHOOK_CHANNEL } from './events.js';

export interface WebhookConfig {
  url: string;
  secret: string;
  /** Poll interval when idle, in ms (events also wake the sender as they commit). */
  pollMs: number;
  /** First retry delay in ms (doubles per attempt). Default 1 s. */
  retryMs?: number | undefined;
}

const BATCH = 20;

/** The HMAC key of a secret: `whsec_<base64>` decoded, else the secret's UTF-8 bytes. */
export function signingKey(secret: string): Buffer {
  return secret.startsWith('whsec_')
    ? Buffer.from(secret.slice('whsec_'.length), 'base64')
    : Buffer.from(secret, 'utf8');
}

/** The Standard Webhooks headers of one attempt to send `body` as event `id`. */
export function signedHeaders(
  key: Buffer,
  id: string,
  body: string,
  now = Date.now(),
): Record<string, string> {
  const timestamp = Math.floor(now / 1000).toString();
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${signature}`,
  };
}

export class WebhookSender extends OutboxWorker {
  private readonly key: Buffer;
  private unlisten?: () => Promise<void>;

  constructor(
    db: Db,
    private readonly config: WebhookConfig,
  ) {
    super(db, 'webhook_outbox', {
      pollMs: config.pollMs,
      retryMs: config.retryMs,
      maxRetryMs: 10 * 60_000,
      leaseSeconds: 60,
    });
    this.key = signingKey(config.secret);
  }

  /** Starts sending, and wakes whenever an event commits on any instance. */
  async listen(): Promise<void> {
    this.unlisten = await this.db.listen(WEBHOOK_CHANNEL, () => this.wake());
    this.start();
  }

  override async stop(): Promise<void> {
    await this.unlisten?.();
    await super.stop();
  }

  /** Sends one claimed batch, each event on its own; answers whether more may be due now. */
  async sendOnce(): Promise<boolean> {
    const rows = await this.claim<{ event_id: string; body: string }>('event_id, body', BATCH);
    rows.sort((a, b) => a.seq - b.seq);
    let allSent = rows.length > 0;
    for (const row of rows) {
      const { status, error } = await deliver(this.config.url, {
        method: 'POST',
        headers: signedHeaders(this.key, row.event_id, row.body),
        body: row.body,
      });
      if (status >= 200 && status < 300) await this.markSent([row.seq], null);
      else {
        allSent = false;
        await this.retryLater([row], error);
      }
    }
    return allSent;
  }
}
