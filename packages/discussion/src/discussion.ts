import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { PeerElement, registerTranslations, type Post, type PostSort } from '@peerkit/core';
import { bdi, fill, slot } from '@peerkit/core/bidi';
import {
  Announcer,
  AttributeChecks,
  ErrorClaim,
  FocusRequest,
  InViewController,
  Ticker,
} from '@peerkit/core/controllers';
import type { AskController, AskRequest } from './controllers/ask.js';
import { canAccept } from './controllers/answers.js';
import type { ComposeTools } from './controllers/compose-tools.js';
import { ComposersController } from './controllers/composers.js';
import type { DiscussionContext } from './controllers/context.js';
import type { DialogsController } from './controllers/dialogs.js';
import { LazyPart } from './controllers/lazy.js';
import { FeedNavigation } from './controllers/feed-keys.js';
import type { FiltersController } from './controllers/filters.js';
import type { PostToggles } from './controllers/toggles.js';
import type { LiveController } from './controllers/live.js';
import { MarkdownReady } from './controllers/markdown-ready.js';
import { parserPending } from './markdown/parse.js';
import type { ReportsController } from './controllers/reports.js';
import { ThreadController } from './controllers/thread.js';
import { discussionStyles } from './discussion.styles.js';
import { messages } from './messages.js';
import {
  CONFIG_RULES,
  type DiscussionMode,
  MAX_DEPTH_DEFAULT,
  MAX_INDENT,
  PAGE_SIZE_DEFAULT,
  SORTS,
  tagsAttribute,
  type QaView,
} from './model/config.js';
import type { Composer } from './model/composer.js';
import { range } from './model/window.js';
import { renderComposer, type ComposerLabels } from './views/composer.js';
import { renderFeed } from './views/feed.js';
import { renderHeader } from './views/header.js';
import { renderLoadError, renderOffline, renderSkeleton } from './views/notices.js';
import { renderPost, type PostHandlers } from './views/post.js';

// Spanish messages, fetched only when the page's locale is Spanish.
registerTranslations('es', () => import('./l10n/locales/es.js'));

/**
 * A threaded discussion about one activity: read, post, reply, edit, delete, report, thank,
 * filter by skill tag or to the highlights, and (for moderators) highlight posts and work
 * through the reports, all from inside the page.
 *
 * @summary A threaded discussion with drafts, live updates, moderation and xAPI recording.
 *
 * @attr activity - IRI of what the discussion is about; defaults to the page's canonical URL.
 * @attr heading - The heading shown above the thread (default "Discussion").
 * @attr mode - `discussion` (default) or `qa`: each root post is a question; its author or a moderator accepts answers, and a "Show" menu lists the unanswered ones. Anything else: `discussion`, with a notice and a `peer-error`.
 * @attr sort - `oldest` (default), `newest` or `top` (by kudos); switchable in the widget. Anything else: `oldest`, with a notice and a `peer-error` of kind `config`.
 * @attr page-size - Root posts loaded per page (default 20, at most 100). Not an integer from 1: 20, with a notice and a `peer-error`.
 * @attr max-depth - Deepest reply level drawn indented (default 3, at most 8); deeper replies attach there. Not an integer from 0: 3, with a notice and a `peer-error`.
 * @attr tags - Skills preset as tags on new posts, comma-separated (`SQL, Data modelling`); the property is a `string[]`. More than 5, or one over 100 characters: none, with a notice and a `peer-error`.
 * @attr live - Receive new, edited and deleted posts as they happen.
 * @attr readonly - Show the thread without writing or reporting.
 *
 * @fires {PeerPostCreatedEvent} peer-post-created - A post or reply was published; `detail.post`.
 * @fires {PeerPostUpdatedEvent} peer-post-updated - A post was edited; `detail.post`.
 * @fires {PeerPostDeletedEvent} peer-post-deleted - A post was deleted; `detail.id`, `detail.placeholder`.
 * @fires {PeerMentionCreatedEvent} peer-mention-created - A post or an edit mentions people; `detail.post`, `detail.people` (those newly mentioned).
 * @fires {PeerAnswerAcceptedEvent} peer-answer-accepted - Q&A: an answer was accepted; `detail.post`.
 * @fires {PeerPostHighlightedEvent} peer-post-highlighted - A moderator highlighted a post or withdrew it; `detail.post`, `detail.highlighted`.
 * @fires {PeerPostReportedEvent} peer-post-reported - A post was reported; `detail.post`, `detail.reason`, `detail.note`.
 * @fires {PeerErrorEvent} peer-error - Something failed that the person should know about; `detail.error`.
 *
 * @slot guidelines - Participation guidelines shown before a person's first post.
 * @slot empty - What an empty thread says (default "Be the first to ask").
 *
 * @csspart base - The whole widget.
 * @csspart heading - The heading.
 * @csspart feed - The list of posts.
 * @csspart post - Each post (`<article>`).
 * @csspart avatar - The initials avatar of a post.
 * @csspart body - The text of a post.
 * @csspart actions - The row of kudos and buttons under a post.
 * @csspart tags - The list of a post's skill tags (buttons that filter the thread).
 * @csspart composer - Each editor (new post, reply, edit).
 * @csspart textarea - The text field of an editor.
 * @csspart counter - The character counter.
 * @csspart submit - The button that posts.
 * @csspart guidelines - The guidelines step.
 * @csspart skills - An editor's "Skills" field (label, chips, field, hint).
 * @csspart tag-chip - A chosen skill (a button that removes it).
 * @csspart combobox - The Skills field's combobox (also `combobox-label`, `combobox-input`, `listbox`, `option`).
 * @csspart combobox-status - Failed skill or `@` suggestions: "Suggestions could not be loaded." and its `retry` ("Try again").
 * @csspart mentions - The `@` suggestions under an editor's text.
 * @csspart mention-option - A person in the `@` suggestions.
 *
 * @cssproperty --peer-discussion-accent - Buttons and links (defaults to `--peer-color-accent`).
 * @cssproperty --peer-discussion-color - Text colour.
 * @cssproperty --peer-discussion-background - Background.
 * @cssproperty --peer-discussion-border-color - Borders of fields and buttons.
 * @cssproperty --peer-discussion-radius - Corner radius.
 * @cssproperty --peer-discussion-indent - Indent per reply level.
 * @cssproperty --peer-discussion-avatar-size - Size of the initials avatar.
 * @cssproperty --peer-discussion-raised - Background of raised surfaces (composer, notices, skeleton).
 * @cssproperty --peer-duration - Length of transitions (none under reduced motion).
 */
export class PeerDiscussion extends PeerElement {
  /** The core's tokens, base and notice styles (`PeerElement.styles`), then the discussion's. */
  static override styles = [...PeerElement.styles, ...discussionStyles];
  // Reactive properties declared statically rather than with decorators, as `<peer-kudos>`
  // does (no decorator helper in the chunk, no call per property).
  static override properties: PropertyDeclarations = {
    heading: {},
    mode: { reflect: true },
    sort: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    maxDepth: { type: Number, attribute: 'max-depth' },
    tags: { converter: tagsAttribute },
    live: { type: Boolean, reflect: true },
    readonly: { type: Boolean, reflect: true },
  };

  /** The heading shown above the thread. */
  heading = '';

  /** `discussion`, or `qa`: root posts are questions with accepted answers. */
  mode: DiscussionMode = 'discussion';

  /** Q&A mode: every question, or only the open ones (the "Show" menu). */
  private qaView: QaView = 'all';

  /** Order of root posts: `oldest`, `newest` or `top` (by kudos). */
  sort: PostSort = 'oldest';

  /** Root posts per page. */
  pageSize = PAGE_SIZE_DEFAULT;

  /** Deepest reply level drawn indented; deeper replies attach at this level. */
  maxDepth = MAX_DEPTH_DEFAULT;

  /** Skills preset as tags on new posts (attribute: comma-separated). */
  tags: string[] = [];

  /** Receive new, edited and deleted posts as they happen. */
  live = false;

  /** Show the thread without writing or reporting. */
  readonly = false;

  // ---------------------------------------------------------------------------------------
  // Controllers (the order matters: focus moves before a dialog opens on its own button)

  private readonly ctx: DiscussionContext = {
    host: this,
    client: () => this.peer?.client ?? null,
    me: () => this.me,
    recorder: () => this.peer?.recorder,
    thread: () => ({ activity: this.activityIri, heading: this.headingText }),
    locale: () => this.locale,
    online: () => this.online,
    canWrite: () => !this.readonly && this.signedIn,
    moderator: () => this.moderator,
    qa: () => this.mode === 'qa',
    fail: (error) => this.fail(error),
    announce: (text) => this.announcer.announce(text),
    focus: (find) => this.focusRequest.request(find),
    query: (selector) => this.renderRoot.querySelector(selector),
  };
  /** First: the checked attributes are usable before anything reads them. */
  private readonly checks = new AttributeChecks(this, CONFIG_RULES);
  /** Relative times ("3 minutes ago") move on once a minute. */
  protected readonly ticker = new Ticker(this, 60_000);
  private readonly focusRequest = new FocusRequest(this);
  private readonly announcer = new Announcer(this);
  /** The provider's configuration error is drawn here, so the provider does not draw it too. */
  protected readonly errorClaim = new ErrorClaim(this, () => !!this.peer?.error);
  private readonly thread: ThreadController = new ThreadController(this.ctx, () => ({
    sort: this.sort,
    pageSize: this.pageSize,
    filter: this.filters.value?.highlights
      ? 'highlighted'
      : this.mode === 'qa' && this.qaView === 'unanswered'
        ? 'unanswered'
        : undefined,
    tag: this.filters.value?.tag ?? undefined,
  }));
  /** The tag and highlights filters, loaded with the first tag or "Highlights" pressed. */
  private readonly filters: LazyPart<FiltersController> = new LazyPart(this, async () => {
    const { FiltersController } = await import('./controllers/actions.js');
    return new FiltersController(this.ctx, this.thread);
  });
  private readonly composers: ComposersController = new ComposersController(
    this.ctx,
    this.thread,
    () => this.tags,
    () => this.tools.get(),
  );
  /** The skills picker and `@` mentions, loaded when a composer is focused or has tags. */
  private readonly tools: LazyPart<ComposeTools> = new LazyPart<ComposeTools>(this, async () => {
    const { ComposeTools } = await import('./controllers/compose-tools.js');
    return new ComposeTools(this.ctx, this.composers);
  });
  /** `ask()`, loaded with its first call (controllers/actions.ts). */
  private readonly asking = new LazyPart<AskController>(this, async () => {
    const { AskController } = await import('./controllers/actions.js');
    return new AskController(
      this.ctx,
      this.thread,
      this.composers,
      () => this.readonly,
      () => this.tools.get(),
    );
  });
  /** The live stream, loaded when `live` is first set. */
  private readonly stream = new LazyPart<LiveController>(this, async () => {
    const { LiveController } = await import('./controllers/live.js');
    return new LiveController(this.ctx, this.thread, {
      enabled: () => this.live,
      editing: () => this.composers.editor?.target ?? null,
      onEditedElsewhere: (post) => this.composers.editedElsewhere(post),
    });
  });
  /** The report and delete dialogs, loaded with the first "Report" or "Delete" (controllers/actions.ts). */
  private readonly dialogs = new LazyPart<DialogsController>(this, async () => {
    const { DialogsController } = await import('./controllers/actions.js');
    return new DialogsController(this.ctx, this.thread, this.composers);
  });
  /** Accepting answers and highlighting posts, loaded with the first press (actions chunk). */
  private readonly toggles = new LazyPart<PostToggles>(this, async () => {
    const { PostToggles } = await import('./controllers/actions.js');
    return new PostToggles(this.ctx, this.thread);
  });
  /** The moderators' queue, loaded with the first "Reports". */
  private readonly reports = new LazyPart<ReportsController>(this, async () => {
    const { ReportsController } = await import('./controllers/actions.js');
    return new ReportsController(this.ctx, this.thread);
  });
  /** Only posts near the viewport draw their `<peer-kudos>` (one coalesced count request). */
  private readonly kudosInView = new InViewController(this, {
    targets: () => this.renderRoot.querySelectorAll('article[part~="post"]'),
    key: (el) => (el as HTMLElement).dataset.id,
  });
  /** Draws again when the Markdown parser arrives (preview, posts without a tree). */
  protected readonly markdownReady = new MarkdownReady(this);
  /** Page Up / Page Down between articles (ARIA feed). */
  protected readonly feedNavigation = new FeedNavigation(this);

  // ---------------------------------------------------------------------------------------
  // Lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The live stream's code comes with the first \`live\` (a chunk of its own).
    if (this.live && !this.stream.value) this.use(this.stream, () => undefined);
  }

  /** Loads the first page again (what the error state's **Try again** does). */
  async reload(): Promise<void> {
    await this.thread.reload();
    await this.updateComplete;
  }

  /**
   * Also waits for a lazy part under way (the Markdown parser for a preview or a post without
   * a tree; the dialogs; the moderators' queue; the filters; the accept and highlight toggles)
   * and for the render that follows its arrival, so `updateComplete` means drawn.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const pending = [
      parserPending(),
      this.dialogs.pending,
      this.reports.pending,
      this.filters.pending,
      this.toggles.pending,
      this.tools.pending,
    ].filter(Boolean);
    if (!pending.length) return done;
    await Promise.allSettled(pending);
    return super.getUpdateComplete();
  }

  /**
   * Addresses a question to `request.person` (docs/decisions.md §10): the new-post box gets a
   * mention of them and focus, so the person only writes the question. Resolves `true` once
   * the composer has focus; `false` when the thread cannot take a post (`readonly`, signed
   * out, the thread failed to load). The expert finder's "Ask" calls it on the discussions of
   * its activity.
   */
  async ask(request: AskRequest): Promise<boolean> {
    return (await this.asking.get()).ask(request);
  }

  /** The live stream's state, for tests and debugging (`off`, `open`, `reconnecting`). */
  private get liveStatus(): LiveController['status'] {
    return this.stream.value?.status ?? 'off';
  }

  /** Runs `then` with a lazily loaded part (loading it first); a failed load is reported. */
  private use<T>(part: LazyPart<T>, then: (value: T) => void): void {
    part.get().then(then, (error: unknown) => this.fail(error));
  }

  private get headingText(): string {
    return this.heading || messages.heading();
  }

  private onViewChange(e: Event): void {
    this.qaView = (e.target as HTMLSelectElement).value === 'unanswered' ? 'unanswered' : 'all';
    this.requestUpdate();
  }

  private onSortChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value as PostSort;
    if (!SORTS.includes(value)) return;
    this.sort = value;
    this.checks.clear('sort');
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const config = this.peer?.error;
    const queue = this.reports.value;
    const reportsOpen = !!queue?.open;
    return html`<section
      part="base"
      aria-labelledby="heading"
      @focusin=${(e: Event) =>
        (e.target as Element).closest('[data-composer]') && this.use(this.tools, String)}
    >
      ${this.renderHeader(reportsOpen)}
      ${reportsOpen ? nothing : (this.filters.value?.renderBar() ?? nothing)}
      ${config ? renderLoadError(config, this.online, null) : nothing} ${this.checks.render()}
      ${this.online ? nothing : renderOffline()}
      ${reportsOpen && this.ctx.moderator() ? queue!.render() : this.renderThread()}
      ${this.announcer.render()} ${this.dialogs.value?.render() ?? nothing}
    </section>`;
  }

  private renderHeader(reportsOpen: boolean): TemplateResult {
    return renderHeader(
      {
        heading: this.headingText,
        total: this.thread.status === 'complete' ? this.thread.model.total : null,
        locale: this.locale,
        sort: this.sort,
        showSort: !reportsOpen,
        showReports: this.ctx.moderator() && !this.readonly,
        reportsOpen,
        qa:
          this.mode === 'qa'
            ? {
                open: this.thread.status === 'complete' ? this.thread.model.open : null,
                view: this.qaView,
              }
            : null,
        highlights: !!this.filters.value?.highlights,
      },
      {
        sortChange: (e) => this.onSortChange(e),
        viewChange: (e) => this.onViewChange(e),
        toggleReports: () => this.use(this.reports, (r) => r.toggle()),
        toggleHighlights: () => this.use(this.filters, (f) => f.toggleHighlights()),
      },
    );
  }

  private renderThread(): TemplateResult {
    // The provider's configuration error is said once, above; every call would fail with it,
    // so there is no thread, skeleton or composer to draw.
    if (this.peer?.error) return html``;
    const thread = this.thread;
    if (!this.peer || thread.status === 'initial' || thread.status === 'pending')
      return renderSkeleton();
    if (thread.status === 'error' && thread.error)
      return renderLoadError(thread.error, this.online, () => void thread.reload());
    const list = thread.model.list();
    const { start, end } = range(list, thread.window);
    return renderFeed(
      {
        locale: this.locale,
        shown: list.slice(start, end),
        start,
        setsize: thread.model.nextCursor ? -1 : list.length,
        empty: list.length === 0,
        emptyText: this.filters.value?.emptyText() ?? null,
        hasMore: end < list.length || !!thread.model.nextCursor,
        moreLoading: thread.moreLoading,
        moreFailed: !!thread.moreError,
        incoming: this.stream.value?.incoming.length ?? 0,
        canWrite: this.ctx.canWrite(),
        composer: this.renderRootComposer(list.length === 0),
        post: (post, posinset) => this.renderPost(post, posinset, setsizeOf(thread)),
      },
      {
        showIncoming: () => this.stream.value?.showIncoming(),
        showEarlier: () => thread.showEarlier(),
        loadMore: () => thread.loadMore(),
      },
    );
  }

  private renderPost(post: Post, posinset: number, setsize: number): TemplateResult {
    const { editor, reply } = this.composers;
    const beyond = post.depth > Math.min(this.maxDepth, MAX_INDENT);
    const parent = beyond && post.parentId ? this.thread.model.posts.get(post.parentId) : null;
    return renderPost(
      post,
      {
        locale: this.locale,
        meId: this.meId,
        moderator: this.ctx.moderator(),
        canWrite: this.ctx.canWrite(),
        readonly: this.readonly,
        maxDepth: this.maxDepth,
        answering: beyond ? (parent?.author?.name ?? messages.inReplyDeleted()) : null,
        kudosShown: this.kudosInView.has(post.id),
        posinset,
        setsize,
        fresh: this.thread.fresh.has(post.id),
        editor: editor?.target === post.id ? this.renderComposer(editor) : null,
        replyBox: reply?.target === post.id ? this.renderComposer(reply, post) : null,
        qa: this.mode === 'qa',
        accept: this.mode === 'qa' && canAccept(this.ctx, this.thread, post),
        saving: !!this.toggles.value?.pending.has(post.id),
        tag: this.filters.value?.tag ?? null,
      },
      this.postHandlers,
    );
  }

  private readonly postHandlers: PostHandlers = {
    reply: (p) => this.composers.openReply(p),
    edit: (p) => this.composers.openEditor(p),
    askDelete: (p) => this.use(this.dialogs, (d) => d.askDelete(p)),
    askReport: (p) => this.use(this.dialogs, (d) => d.askReport(p)),
    accept: (p) => this.use(this.toggles, (t) => void t.accept(p)),
    tag: (p, tag) => this.use(this.filters, (f) => f.showTag(tag, p)),
    highlight: (p) => this.use(this.toggles, (t) => void t.highlight(p)),
  };

  private renderRootComposer(empty: boolean): TemplateResult | typeof nothing {
    if (this.readonly) return nothing;
    if (this.me === null) return html`<p class="notice signed-out">${messages.signedOut()}</p>`;
    return this.composers.root ? this.renderComposer(this.composers.root, null, empty) : nothing;
  }

  /**
   * A composer with its labels: an editor, a reply to `parent`, or the new-post box; with the
   * composer tools once loaded (they load for a composer with tags, and draw the guidelines
   * step, which the composers show only once they have loaded).
   */
  private renderComposer(c: Composer, parent: Post | null = null, empty = false): TemplateResult {
    const tools = this.tools.value;
    if (!tools && c.tags.length) this.use(this.tools, String);
    if (c.guidelines) return tools!.guidelines(c);
    return renderComposer(
      c,
      {
        locale: this.locale,
        labels: labelsOf(c, parent?.author?.name ?? '', empty),
        errorText: tools?.claims(c) ? null : this.composers.errorText(c),
        tools: tools?.render(c),
      },
      this.composers,
    );
  }
}

/** A composer's labels: an editor, a reply to `name`, or the new-post box (of an `empty` thread). */
function labelsOf(c: Composer, name: string, empty: boolean): ComposerLabels {
  return c.mode === 'edit'
    ? { label: messages.composerEdit(), submit: messages.save() }
    : c.mode === 'reply'
      ? {
          label: name ? fill(messages.composerReply(slot(0)), [bdi(name)]) : messages.reply(),
          submit: messages.postReply(),
        }
      : {
          label: empty ? messages.composerFirst() : messages.composerLabel(),
          submit: messages.post(),
        };
}

/** `aria-setsize`: the loaded posts, or -1 while more pages exist (the size is unknown). */
function setsizeOf(thread: ThreadController): number {
  return thread.model.nextCursor ? -1 : thread.model.list().length;
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-discussion': PeerDiscussion;
  }
}
