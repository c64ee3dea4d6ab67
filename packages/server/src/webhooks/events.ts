/**
 * Webhook events (issue 13): what the server tells the host so it can notify people (the kit
 * sends no email). An event is queued in `webhook_outbox` in the transaction of the write
 * that causes it, so it is sent if and only if the write commits; `webhooks/sender.ts` sends
 * it, signed the Standard Webhooks way.
 *
 * The body of every event, after Standard Webhooks' payload convention:
 * `{ id, type, timestamp, data }`, where `id` is also the `webhook-id` header (the same on every
 * retry: receivers drop an id they have seen) and `data` is a {@link WebhookData}.
 *
 * Types (`recipient` is whom to notify; nobody is told about their own action):
 * - `mention.created`: a post or an edit mentions `recipient` (docs/decisions.md §10);
 * - `reply.created`: someone replied to `recipient`'s post (`parent`), deeper than an answer;
 * - `answer.created`: someone replied directly to `recipient`'s root post (`question`). An
 *   answer is not also sent as `reply.created`;
 * - `answer.accepted`: `recipient`'s answer (`post`) was accepted under `question`;
 * - `report.created`: a post was reported (`report`); `recipient` is `null`: the moderators;
 * - `post.highlighted`: a moderator highlighted `recipient`'s post.
 */
import { randomUUID } from 'node:crypto';
import type { PersonSummary, Post } from '@peerkit/core/contract';
import type { Queryable } from '../db.js';

export type WebhookType =
  | 'mention.created'
  | 'reply.created'
  | 'answer.created'
  | 'answer.accepted'
  | 'report.created'
  | 'post.highlighted';

export interface WebhookData {
  /** The activity IRI of the thread. */
  activity: string;
  /** The post the event is about (the mentioning post, the reply, the answer…). */
  post: Post;
  /** Who did it. */
  actor: PersonSummary;
  /** Whom to notify; `null` for the moderators (`report.created`). */
  recipient: PersonSummary | null;
  /** `reply.created`: the post replied to. */
  parent?: Post;
  /** `answer.created`, `answer.accepted`: the question. */
  question?: Post;
  /** `report.created`: the report. */
  report?: { id: string; reason: string; note: string | null };
}

/** The NOTIFY channel that wakes every instance's sender when an event commits. */
export const WEBHOOK_CHANNEL = 'peerkit_webhooks';

/**
 * Queues webhook events inside a write's transaction. Without a configured receiver it
 * queues nothing (events are not kept for a receiver configured later).
 */
export class WebhookQueue {
  constructor(private readonly enabled: boolean) {}

  /** Queues one event (skipped when `recipient` is the actor: nobody is told of their own act). */
  async emit(q: Queryable, type: WebhookType, data: WebhookData): Promise<void> {
    if (!this.enabled) return;
    if (data.recipient && data.recipient.id === data.actor.id) return;
    const id = `evt_${randomUUID()}`;
    const body = JSON.stringify({ id, type, timestamp: new Date().toISOString(), data });
    await q.query('INSERT INTO webhook_outbox (event_id, type, body) VALUES ($1, $2, $3)', [
      id,
      type,
      body,
    ]);
    await q.query('SELECT pg_notify($1, $2)', [WEBHOOK_CHANNEL, '']);
  }

  /**
   * The events a new post causes: `mention.created` for each person it mentions (`mentioned`
   * ids), and `answer.created` (under a root post) or `reply.created` (deeper) for the author
   * of `parent`.
   */
  async postCreated(
    q: Queryable,
    post: Post,
    mentioned: readonly string[],
    parent: Post | undefined,
  ): Promise<void> {
    await this.mentioned(q, post, mentioned);
    if (!parent?.author || !post.author) return;
    const base = { activity: post.activity, post, actor: post.author, recipient: parent.author };
    if (parent.parentId === null)
      await this.emit(q, 'answer.created', { ...base, question: parent });
    else await this.emit(q, 'reply.created', { ...base, parent });
  }

  /**
   * `mention.created` for each of `mentioned` (ids the post's `mentions` name), by `actor`
   * (default the post's author; a moderator's edit names the moderator).
   */
  async mentioned(
    q: Queryable,
    post: Post,
    mentioned: readonly string[],
    actor: PersonSummary | null = post.author,
  ): Promise<void> {
    if (!actor) return;
    for (const id of mentioned) {
      const recipient = post.mentions?.find((m) => m.id === id);
      if (recipient) {
        await this.emit(q, 'mention.created', {
          activity: post.activity,
          post,
          actor,
          recipient,
        });
      }
    }
  }
}
