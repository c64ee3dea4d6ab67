/**
 * What the person typed survives a reload: drafts per thread, parent (or edited post) and
 * person, in `localStorage`. A draft also keeps the idempotency key of a post that failed,
 * so retrying it after a reload still cannot create a second post.
 *
 * Storage goes through core's `pageStorage`: where the browser refuses `localStorage`
 * (private mode, a full quota, a sandboxed frame) drafts live in memory for the life of the
 * page, so they still survive moving around inside it, and the kit says once (a `peer-error`
 * of kind `storage`) that they will not survive a reload.
 */
import { pageStorage } from '@peerkit/core';

export interface Draft {
  body: string;
  /** The idempotency key of an attempt that may have reached the server. */
  key?: string;
  /** The text that attempt sent (the key stands for that text only). */
  keyBody?: string;
  /** For an edit: the post's `version` the text started from (sent as `If-Match`). */
  version?: number;
  /** The skill tags chosen (docs/decisions.md §11). */
  tags?: string[];
}

const PREFIX = 'peerkit.discussion.v1.';

/** `target` is the parent post id, `edit:<id>` for an edit, or `''` for a new root post. */
export function draftKey(activity: string, target: string, personId: string): string {
  return `${PREFIX}draft:${JSON.stringify([activity, target, personId])}`;
}

export function loadDraft(key: string): Draft | null {
  const raw = pageStorage.getItem(key);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    if (!value || typeof value !== 'object') return null;
    const { body, key: idem, keyBody, version, tags } = value as Record<string, unknown>;
    if (typeof body !== 'string') return null;
    const base: Draft = Number.isInteger(version) ? { body, version: version as number } : { body };
    // Checked as any write is, by the contract's `PostTags`, when it is sent.
    if (Array.isArray(tags)) base.tags = tags as string[];
    if (typeof idem !== 'string' || typeof keyBody !== 'string') return base;
    return { ...base, key: idem, keyBody };
  } catch {
    return null;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  if (!draft.body && !draft.key && !draft.tags?.length) pageStorage.removeItem(key);
  else pageStorage.setItem(key, JSON.stringify(draft));
}

export function clearDraft(key: string): void {
  pageStorage.removeItem(key);
}

function guidelinesKey(activity: string, personId: string): string {
  return `${PREFIX}guidelines:${JSON.stringify([activity, personId])}`;
}

/** Whether this person acknowledged the participation guidelines of this thread. */
export function guidelinesAcknowledged(activity: string, personId: string): boolean {
  return pageStorage.getItem(guidelinesKey(activity, personId)) === '1';
}

export function acknowledgeGuidelines(activity: string, personId: string): void {
  pageStorage.setItem(guidelinesKey(activity, personId), '1');
}
