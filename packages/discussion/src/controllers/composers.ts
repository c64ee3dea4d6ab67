/**
 * The composers: the new-post box, one reply box and one editor at a time, the
 * guidelines step before a person's first post in a thread, and the write itself (with the
 * composer's idempotency key, so a retry never makes a second post).
 *
 * Drafts live in `model/drafts.ts` (per thread, target and person); a reply box that is
 * closed keeps its draft, an edit that is cancelled drops it.
 */
import type { ReactiveController } from 'lit';
import type { Post } from '@peerkit/core';
import { currentOnConflict } from '@peerkit/core/conflict';
import { PeerMentionCreatedEvent, PeerPostCreatedEvent, PeerPostUpdatedEvent } from '../events.js';
import { messages, writeErrorText } from '../messages.js';
import { Composer } from '../model/composer.js';
import { acknowledgeGuidelines, draftKey, guidelinesAcknowledged } from '../model/drafts.js';
import type { ComposerHandlers } from '../views/composer.js';
import { recordPost } from '../xapi.js';
import type { DiscussionContext } from './context.js';
import type { ThreadController } from './thread.js';

export class ComposersController implements ReactiveController, ComposerHandlers {
  root: Composer | null = null;
  reply: Composer | null = null;
  editor: Composer | null = null;
  /** Thread and person the composers were made for (`''`: none, signed out or readonly). */
  private madeFor = '';
  /** Threads whose guidelines the person agreed to during this page view. */
  private agreedHere = new Set<string>();

  constructor(
    private readonly ctx: DiscussionContext,
    private readonly thread: ThreadController,
    /** The host's `tags` preset for new posts. */
    private readonly preset: () => string[],
    /** Loads the composer tools (they draw the guidelines step). */
    private readonly tools: () => Promise<unknown>,
  ) {
    ctx.host.addController(this);
  }

  /**
   * Makes the new-post box for the signed-in writer of this thread (again when the host's
   * `tags` preset changes; the draft's own tags win), or drops every composer.
   */
  hostUpdate(): void {
    const me = this.ctx.me();
    const activity = this.ctx.thread().activity;
    const tags = this.preset();
    const key = me && this.ctx.canWrite() ? `${activity}\n${me.id}\n${tags}` : '';
    if (key === this.madeFor) return;
    this.madeFor = key;
    this.root =
      me && key
        ? new Composer('new', '', draftKey(activity, '', me.id), '', undefined, tags)
        : null;
    this.reply = null;
    this.editor = null;
  }

  /** Opens (or goes back to) the reply box under `post`. */
  openReply(post: Post): void {
    const me = this.ctx.me();
    if (!me || !this.ctx.canWrite()) return;
    if (this.reply?.target !== post.id) {
      if (this.reply?.pending) return;
      this.reply = new Composer('reply', post.id, draftKey(this.activity, post.id, me.id));
    }
    this.focusText(this.reply);
  }

  /** Opens (or goes back to) the editor of the person's own `post`. */
  openEditor(post: Post): void {
    const me = this.ctx.me();
    if (!me || !this.ctx.canWrite()) return;
    if (this.editor?.target !== post.id) {
      if (this.editor?.pending) return;
      const key = draftKey(this.activity, `edit:${post.id}`, me.id);
      this.editor = new Composer('edit', post.id, key, post.body, post.version, post.tags);
    }
    this.focusText(this.editor);
  }

  /** A live edit of a post: the open editor of that post says so before anything is saved. */
  editedElsewhere(post: Post): void {
    // A save in flight is answered by the server itself (with a 412 if it is stale).
    if (this.editor?.target !== post.id || this.editor.pending) return;
    this.editor.changedElsewhere(post);
    this.ctx.host.requestUpdate();
  }

  loadNewer(c: Composer): void {
    c.loadNewer();
    this.focusText(c);
    this.ctx.host.requestUpdate();
  }

  keepMine(c: Composer): void {
    c.keepMine();
    this.focusText(c);
    this.ctx.host.requestUpdate();
  }

  /** The post was deleted: its reply box and editor close. */
  closeFor(id: string): void {
    if (this.editor?.target === id) this.editor = null;
    if (this.reply?.target === id) this.reply = null;
  }

  input(c: Composer, value: string): void {
    c.input(value);
    this.ctx.host.requestUpdate();
  }

  togglePreview(c: Composer): void {
    c.preview = !c.preview;
    this.ctx.host.requestUpdate();
  }

  cancel(c: Composer): void {
    if (c.pending) return;
    if (c.mode === 'reply') {
      // The draft stays: opening the reply again brings the text back.
      this.reply = null;
      this.ctx.focus(() => this.thread.actionOf(c.target, 'reply'));
    } else if (c.mode === 'edit') {
      c.discard();
      this.editor = null;
      this.ctx.focus(() => this.thread.actionOf(c.target, 'edit'));
    }
    this.ctx.host.requestUpdate();
  }

  agree(c: Composer): void {
    const me = this.ctx.me();
    if (me) {
      acknowledgeGuidelines(this.activity, me.id);
      this.agreedHere.add(`${this.activity}\n${me.id}`);
    }
    c.guidelines = false;
    this.ctx.host.requestUpdate();
    void this.submit(c);
  }

  back(c: Composer): void {
    c.guidelines = false;
    this.focusText(c);
    this.ctx.host.requestUpdate();
  }

  /** `peer-mention-created` for the people `post` mentions that `before` did not. */
  private mentioned(post: Post, before: readonly { id: string }[]): void {
    const people = (post.mentions ?? []).filter((p) => !before.some((b) => b.id === p.id));
    if (people.length) this.ctx.host.dispatchEvent(new PeerMentionCreatedEvent({ post, people }));
  }

  /** The wording of a composer's failed write. */
  errorText(c: Composer): string | null {
    return c.error ? writeErrorText(c.error, this.ctx.online()) : null;
  }

  private get activity(): string {
    return this.ctx.thread().activity;
  }

  private focusText(c: Composer): void {
    this.ctx.focus(() => this.ctx.query(`[data-composer="${c.uid}"] textarea`));
  }

  private needsGuidelines(): boolean {
    const me = this.ctx.me();
    if (!me) return false;
    if (this.agreedHere.has(`${this.activity}\n${me.id}`)) return false;
    if (guidelinesAcknowledged(this.activity, me.id)) return false;
    return !this.thread.model.hasPostBy(me.id);
  }

  /** Whether `c` may be sent now; else says why (blank, too long, guidelines first). */
  private ready(c: Composer): boolean {
    if (c.blank || c.over) {
      c.invalid = c.blank ? messages.invalidBlank() : messages.invalidLong(this.ctx.locale());
      this.focusText(c);
      return false;
    }
    if (c.mode !== 'edit' && this.needsGuidelines()) {
      // The step is drawn by the composer tools (their chunk, usually loaded by now).
      this.tools().then(
        () => {
          c.guidelines = true;
          c.preview = false;
          this.ctx.focus(() => this.ctx.query(`[data-composer="${c.uid}"] h3`));
        },
        (error: unknown) => (c.error = this.ctx.fail(error)),
      );
      return false;
    }
    return true;
  }

  async submit(c: Composer): Promise<void> {
    const client = this.ctx.client();
    if (!client || c.pending || !this.ctx.canWrite()) return;
    if (!this.ready(c)) {
      this.ctx.host.requestUpdate();
      return;
    }
    c.pending = true;
    c.error = null;
    this.ctx.host.requestUpdate();
    try {
      if (c.mode === 'edit') await this.saveEdit(c);
      else await this.create(c);
    } catch (error) {
      c.pending = false;
      const current = currentOnConflict<Post>(error);
      if (c.mode === 'edit' && current) {
        // Not a failure to report: the editor asks which text to keep (its notice is an alert).
        c.changedElsewhere(current);
        this.thread.model.update(current);
      } else {
        c.error = this.ctx.fail(error);
        this.ctx.announce(writeErrorText(c.error, this.ctx.online()));
      }
    }
    this.ctx.host.requestUpdate();
  }

  private async saveEdit(c: Composer): Promise<void> {
    const options = c.version !== undefined ? { ifMatch: c.version } : {};
    const before = this.thread.model.posts.get(c.target)?.mentions ?? [];
    const post = await this.ctx
      .client()!
      .updatePost(c.target, { body: c.body, tags: c.tags }, options);
    c.saved();
    this.mentioned(post, before);
    this.thread.model.update(post);
    this.editor = null;
    this.thread.focusPost(post.id);
    this.ctx.announce(messages.savedEdit());
    this.ctx.host.dispatchEvent(new PeerPostUpdatedEvent({ post }));
    recordPost(this.ctx.recorder(), this.ctx.thread(), 'edited', post);
  }

  private async create(c: Composer): Promise<void> {
    const parentId = c.mode === 'reply' ? c.target : undefined;
    const post = await this.ctx
      .client()!
      .createPost(
        { activity: this.activity, body: c.body, tags: c.tags, ...(parentId ? { parentId } : {}) },
        { idempotencyKey: c.attemptKey() },
      );
    c.saved();
    this.thread.model.insert(post);
    this.thread.fresh = new Set([post.id]);
    if (c.mode === 'reply') {
      this.reply = null;
      this.thread.reveal(post.id, true);
      this.ctx.announce(messages.savedReply());
    } else {
      this.thread.reveal(post.id, false);
      this.focusText(c);
      this.ctx.announce(messages.savedPost());
    }
    this.ctx.host.dispatchEvent(new PeerPostCreatedEvent({ post }));
    this.mentioned(post, []);
    recordPost(
      this.ctx.recorder(),
      this.ctx.thread(),
      c.mode === 'reply' ? 'replied' : 'commented',
      post,
    );
  }
}
