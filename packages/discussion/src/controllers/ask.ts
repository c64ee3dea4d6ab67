/**
 * `ask()` (docs/decisions.md §10): another part of the page (the expert finder's "Ask")
 * addresses a question to a person through this thread. The root composer gets a mention of
 * them (`[@Name](mention:<id>)`, written with `mentionMarkdown`), focus moves into it with the
 * caret after the mention, and the person writes the rest. A skill becomes a tag chip of the
 * new-post box (docs/decisions.md §11), so the post is tagged with it.
 */
import type { ReactiveController } from 'lit';
import { mentionMarkdown, type PersonSummary } from '@peerkit/core';
import { messages } from '../messages.js';
import type { ComposeTools } from './compose-tools.js';
import type { ComposersController } from './composers.js';
import type { DiscussionContext } from './context.js';
import type { ThreadController } from './thread.js';

/** What `ask()` is given: whom to ask, and about which skill (a tag of the post). */
export interface AskRequest {
  person: PersonSummary;
  skill?: string;
}

/** How long `ask()` waits for the person and the first page before giving up, in ms. */
const READY_MS = 10_000;

export class AskController implements ReactiveController {
  private waiting: (() => void)[] = [];

  constructor(
    private readonly ctx: DiscussionContext,
    private readonly thread: ThreadController,
    private readonly composers: ComposersController,
    private readonly readonly: () => boolean,
    /** The composer tools (loaded on demand), which add the skill as a tag. */
    private readonly tools: () => Promise<ComposeTools>,
  ) {
    ctx.host.addController(this);
  }

  hostUpdated(): void {
    if (this.ready()) for (const done of this.waiting.splice(0)) done();
  }

  hostDisconnected(): void {
    for (const done of this.waiting.splice(0)) done();
  }

  /**
   * Opens the root composer with a mention of `request.person` (and `request.skill` as a tag,
   * unless already there or the post has five) and focuses it. Resolves
   * `false`, writing nothing, when the thread cannot take a post: `readonly`, signed out (the
   * element then says to sign in), the thread failed to load, or nothing settled in 10 s.
   */
  async ask(request: AskRequest): Promise<boolean> {
    if (this.readonly()) return false;
    await this.settle();
    if (this.ctx.me() === null) {
      this.ctx.announce(messages.signedOut());
      this.ctx.query('.notice.signed-out')?.scrollIntoView({ block: 'nearest' });
      return false;
    }
    const c = this.composers.root;
    if (!c || !this.ctx.canWrite() || this.thread.status !== 'complete') return false;
    const mention = mentionMarkdown(request.person);
    if (!c.body.includes(mention)) {
      c.input(c.blank ? `${mention} ` : `${mention} ${c.body}`);
      c.preview = false;
    }
    if (request.skill) (await this.tools()).add(c, request.skill);
    this.ctx.host.requestUpdate();
    await this.ctx.host.updateComplete;
    const textarea = this.ctx.query<HTMLTextAreaElement>(`[data-composer="${c.uid}"] textarea`);
    if (!textarea) return false;
    textarea.focus();
    const end = textarea.value.indexOf(mention) + mention.length + 1;
    textarea.setSelectionRange(end, end);
    return true;
  }

  /** Whether the person is known and the first page has settled (drawn or failed). */
  private ready(): boolean {
    const status = this.thread.status;
    return this.ctx.me() !== undefined && status !== 'initial' && status !== 'pending';
  }

  /** Waits (at most 10 s) until {@link ready}. */
  private settle(): Promise<void> {
    if (this.ready()) return Promise.resolve();
    return new Promise((done) => {
      const timer = setTimeout(done, READY_MS);
      this.waiting.push(() => {
        clearTimeout(timer);
        done();
      });
    });
  }
}
