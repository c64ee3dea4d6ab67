/**
 * What the person typed survives a reload: drafts per thread, parent (or edited post) and
 * person, in `localStorage`. A draft also keeps the idempotency key of a post that failed,
 * so retrying it after a reload still cannot create a second post.
 *
 * Storage can be unavailable (private mode, a full quota, a sandboxed frame): every call
 * then quietly does nothing and the draft lives in memory only.
 */
export interface Draft {
  body: string;
  /** The idempotency key of an attempt that may have reached the server. */
  key?: string;
  /** The text that attempt sent (the key stands for that text only). */
  keyBody?: string;
}

const PREFIX = 'peerkit.discussion.v1.';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** `target` is the parent post id, `edit:<id>` for an edit, or `''` for a new root post. */
export function draftKey(activity: string, target: string, personId: string): string {
  return `${PREFIX}draft:${JSON.stringify([activity, target, personId])}`;
}

export function loadDraft(key: string): Draft | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as unknown;
    if (!value || typeof value !== 'object') return null;
    const { body, key: idem, keyBody } = value as Record<string, unknown>;
    if (typeof body !== 'string') return null;
    if (typeof idem !== 'string' || typeof keyBody !== 'string') return { body };
    return { body, key: idem, keyBody };
  } catch {
    return null;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  try {
    const store = storage();
    if (!store) return;
    if (!draft.body && !draft.key) store.removeItem(key);
    else store.setItem(key, JSON.stringify(draft));
  } catch {
    // Quota or privacy settings: the draft stays in memory.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // ignore
  }
}

function guidelinesKey(activity: string, personId: string): string {
  return `${PREFIX}guidelines:${JSON.stringify([activity, personId])}`;
}

/** Whether this person acknowledged the participation guidelines of this thread. */
export function guidelinesAcknowledged(activity: string, personId: string): boolean {
  try {
    return storage()?.getItem(guidelinesKey(activity, personId)) === '1';
  } catch {
    return false;
  }
}

export function acknowledgeGuidelines(activity: string, personId: string): void {
  try {
    storage()?.setItem(guidelinesKey(activity, personId), '1');
  } catch {
    // ignore
  }
}
