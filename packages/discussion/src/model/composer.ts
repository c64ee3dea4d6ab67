/**
 * The state of one open editor (the new-post box, a reply, an edit): what the person typed
 * (saved as a draft on every input), the idempotency key of the write in flight or failed
 * (reused by every retry), the preview toggle and the guidelines step before a first post.
 * No DOM: the view draws it, the composers controller changes it.
 */
import { POST_BODY_MAX, textLength, type PeerError, type Post } from '@peerkit/core';
import { clearDraft, loadDraft, saveDraft } from './drafts.js';

export type ComposerMode = 'new' | 'reply' | 'edit';

let composerIds = 0;

export class Composer {
  readonly uid = `c${++composerIds}`;
  body = '';
  /** Idempotency key of the write in flight or failed; cleared once saved. */
  key: string | undefined;
  /** The text `key` was made for: a retry of that text reuses it, changed text gets a new one. */
  keyBody: string | undefined;
  preview = false;
  pending = false;
  error: PeerError | null = null;
  /** A validation message (blank, too long), shown until the person types. */
  invalid: string | null = null;
  /** Showing the participation guidelines before the first post. */
  guidelines = false;
  /** For an edit: the post's `version` the text started from (sent as `If-Match`). */
  version: number | undefined;
  /** For an edit: the post as changed elsewhere since `version`, until the person chooses. */
  conflict: Post | null = null;
  /** The skill tags chosen (docs/decisions.md §11): sent as `tags` on create and edit. */
  tags: string[];

  constructor(
    readonly mode: ComposerMode,
    /** The parent post id (reply), the edited post id (edit), or `''` (new). */
    readonly target: string,
    /** Where the draft lives, `null` for no persistence. */
    readonly storeKey: string | null,
    initial = '',
    /** For an edit: the version of the post as opened. */
    version?: number,
    /** The tags it starts with (and goes back to once saved): the post's, or the host's preset. */
    readonly preset: readonly string[] = [],
  ) {
    const draft = storeKey ? loadDraft(storeKey) : null;
    this.body = draft?.body ?? initial;
    this.tags = [...(draft?.tags ?? preset)];
    // A draft kept from an earlier visit started from the version it records.
    this.version = draft?.body !== undefined ? (draft.version ?? version) : version;
    this.key = draft?.key;
    this.keyBody = draft?.keyBody;
  }

  /** Characters as the server counts them: Unicode code points (`textLength`, docs/decisions.md §1). */
  get length(): number {
    return textLength(this.body);
  }

  get over(): boolean {
    return this.length > POST_BODY_MAX;
  }

  /** How many characters past `POST_BODY_MAX` (0 or less when within it). */
  get overBy(): number {
    return this.length - POST_BODY_MAX;
  }

  get blank(): boolean {
    return this.body.trim().length === 0;
  }

  input(value: string): void {
    this.body = value;
    this.invalid = null;
    this.persist();
  }

  /**
   * The idempotency key for this attempt. A retry of the same text reuses the key of the
   * failed attempt, so it can never create a second post even if the first one reached the
   * server; text changed since then is a new write (the server would refuse the old key for
   * a different body) and gets a new key.
   */
  attemptKey(): string {
    if (!this.key || this.keyBody !== this.body) {
      this.key = crypto.randomUUID();
      this.keyBody = this.body;
    }
    this.persist();
    return this.key;
  }

  saved(): void {
    this.body = '';
    this.tags = [...this.preset];
    this.key = undefined;
    this.keyBody = undefined;
    this.error = null;
    this.pending = false;
    this.preview = false;
    this.guidelines = false;
    this.conflict = null;
    if (this.storeKey) clearDraft(this.storeKey);
  }

  /**
   * The post changed elsewhere (a 412 on save, or a live edit): `current` is the post now.
   * Nothing is overwritten until the person chooses `loadNewer()` or `keepMine()`.
   */
  changedElsewhere(current: Post): void {
    if (current.version === this.version) return;
    this.conflict = current;
    this.error = null;
  }

  /** Takes the newer text into the editor, and edits from its version. */
  loadNewer(): void {
    const current = this.conflict;
    if (!current) return;
    this.conflict = null;
    this.version = current.version;
    this.input(current.body);
  }

  /** Keeps the person's text; the next save replaces the newer version on purpose. */
  keepMine(): void {
    if (!this.conflict) return;
    this.version = this.conflict.version;
    this.conflict = null;
    this.persist();
  }

  /** Forget the draft (an edit cancelled, a reply discarded). */
  discard(): void {
    if (this.storeKey) clearDraft(this.storeKey);
  }

  /** Saves the draft (what the person typed, the key, the version, the tags). */
  persist(): void {
    if (this.storeKey)
      saveDraft(this.storeKey, {
        body: this.body,
        key: this.key,
        keyBody: this.keyBody,
        tags: this.tags,
        ...(this.version !== undefined ? { version: this.version } : {}),
      });
  }
}
