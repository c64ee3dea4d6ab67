import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  errorMessage,
  loadingLabel,
  retryLabel,
  formatNumber,
  formatRelativeTime,
  msg,
  PeerElement,
  PeerError,
  plural,
  POST_BODY_MAX,
  registerTranslations,
  REPORT_NOTE_MAX,
  str,
  toPeerError,
  type PeerClient,
  type Post,
  type PostEvent,
  type PostSort,
  type ReportItem,
  type ReportReason,
} from '@peerkit/core';
import { Composer, renderComposer, type ComposerHost } from './composer.js';
import { discussionStyles } from './discussion.styles.js';
import { acknowledgeGuidelines, draftKey, guidelinesAcknowledged } from './drafts.js';
import {
  PeerPostCreatedEvent,
  PeerPostDeletedEvent,
  PeerPostReportedEvent,
  PeerPostUpdatedEvent,
} from './events.js';
import { renderMarkdown } from './markdown.js';
import { domId, MAX_INDENT, postIri, renderPost, type PostHost } from './post.js';
import { ThreadModel } from './thread.js';

// Spanish messages, fetched only when the page's locale is Spanish.
registerTranslations('es', () => import('./l10n/locales/es.js'));

/** Most post elements drawn at once; older ones give way to a "Show earlier posts" button. */
export const WINDOW_MAX = 150;
const SORTS: PostSort[] = ['oldest', 'newest', 'top'];
/** Root posts per page: the default, and the most (the server's `limit` maximum). */
const PAGE_SIZE_DEFAULT = 20;
const PAGE_SIZE_MAX = 100;
const MAX_DEPTH_DEFAULT = 3;
/** The attributes whose values are checked; a bad value gets a notice and one `peer-error`. */
const CONFIG_ATTRS = ['sort', 'page-size', 'max-depth'] as const;
type ConfigAttr = (typeof CONFIG_ATTRS)[number];
/** What a bad value of each checked attribute gives way to. */
const CONFIG_FALLBACK: Record<ConfigAttr, string | number> = {
  sort: 'oldest',
  'page-size': PAGE_SIZE_DEFAULT,
  'max-depth': MAX_DEPTH_DEFAULT,
};
const REASONS: ReportReason[] = ['spam', 'harassment', 'off-topic', 'other'];

/** Threads already recorded as viewed during this page view (one statement each). */
const viewedThisPage = new Set<string>();

type Status = 'idle' | 'loading' | 'ready' | 'error';

/**
 * A threaded discussion about one activity: read, post, reply, edit, delete, report, thank,
 * and (for moderators) work through the reports, all from inside the page.
 *
 * @summary A threaded discussion with drafts, live updates, moderation and xAPI recording.
 *
 * @attr activity - IRI of what the discussion is about; defaults to the page's canonical URL.
 * @attr heading - The heading shown above the thread (default "Discussion").
 * @attr sort - `oldest` (default), `newest` or `top` (by kudos); switchable in the widget. Anything else: `oldest`, with a notice and a `peer-error` of kind `config`.
 * @attr page-size - Root posts loaded per page (default 20, at most 100). Not an integer from 1: 20, with a notice and a `peer-error`.
 * @attr max-depth - Deepest reply level drawn indented (default 3, at most 8); deeper replies attach there. Not an integer from 0: 3, with a notice and a `peer-error`.
 * @attr live - Receive new, edited and deleted posts as they happen.
 * @attr readonly - Show the thread without writing or reporting.
 *
 * @fires {PeerPostCreatedEvent} peer-post-created - A post or reply was published; `detail.post`.
 * @fires {PeerPostUpdatedEvent} peer-post-updated - A post was edited; `detail.post`.
 * @fires {PeerPostDeletedEvent} peer-post-deleted - A post was deleted; `detail.id`, `detail.placeholder`.
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
 * @csspart composer - Each editor (new post, reply, edit).
 * @csspart textarea - The text field of an editor.
 * @csspart counter - The character counter.
 * @csspart submit - The button that posts.
 * @csspart guidelines - The guidelines step.
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
export class PeerDiscussion extends PeerElement implements ComposerHost, PostHost {
  static override styles = discussionStyles;

  /** The heading shown above the thread. */
  @property() heading = '';

  /** Order of root posts: `oldest`, `newest` or `top` (by kudos). */
  @property({ reflect: true }) sort: PostSort = 'oldest';

  /** Root posts per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Deepest reply level drawn indented; deeper replies attach at this level. */
  @property({ type: Number, attribute: 'max-depth' }) maxDepth = 3;

  /** Receive new, edited and deleted posts as they happen. */
  @property({ type: Boolean, reflect: true }) live = false;

  /** Show the thread without writing or reporting. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private status: Status = 'idle';
  @state() private loadError: PeerError | null = null;
  @state() private moreLoading = false;
  @state() private moreError: PeerError | null = null;
  @state() private model = new ThreadModel('oldest');
  /** Window: the first post drawn (`null`: from the top) and how many. */
  @state() private windowStart: string | null = null;
  @state() private windowSize = WINDOW_MAX;
  /** Posts by others that arrived live, waiting behind the "new posts" button. */
  @state() private incoming: Post[] = [];
  @state() private fresh = new Set<string>();
  @state() private view: 'thread' | 'reports' = 'thread';
  @state() private announcement = '';
  @state() private rootComposer: Composer | null = null;
  @state() private replyComposer: Composer | null = null;
  @state() private editComposer: Composer | null = null;
  @state() private reportTarget: Post | null = null;
  @state() private reportReason: ReportReason | null = null;
  @state() private reportNote = '';
  @state() private reportPending = false;
  @state() private reportError: string | null = null;
  @state() private deleteTarget: Post | null = null;
  @state() private deletePending = false;
  @state() private deleteError: string | null = null;
  @state() private reports: ReportItem[] | null = null;
  @state() private reportsStatus: Status = 'idle';
  @state() private reportsError: PeerError | null = null;
  @state() private resolving = new Set<string>();
  /** The live stream's state (not drawn: a stream that fails falls back to polling). */
  private liveStatus: 'off' | 'open' | 'reconnecting' = 'off';
  /**
   * Attributes the host gave a value the element cannot use, with that value as given: each
   * is drawn as a notice (the element goes on with the default) until the host or the
   * person sets something else.
   */
  @state() private badConfig = new Map<ConfigAttr, string>();
  /** Set while a fallback is written back, so the `sort` reflection is not taken for the host's. */
  private writingFallback = false;

  private loadKey = '';
  private loadAbort: AbortController | null = null;
  private unsubscribe: (() => void) | null = null;
  private liveKey = '';
  private composerFor = '';
  private tick: ReturnType<typeof setInterval> | undefined;
  /** Where focus goes after the next render. */
  private focusAfter: (() => HTMLElement | null | undefined) | null = null;
  /** Whether the person had a post in this thread before (skips the guidelines). */
  private acknowledgedHere = new Set<string>();
  /**
   * Posts that came near the viewport: only they draw their `<peer-kudos>`, so the counts
   * of every visible post go out in one coalesced request, and a long page does not ask
   * for what nobody sees.
   */
  private seen = new Set<string>();
  private observed = new WeakSet<Element>();
  private io: IntersectionObserver | null = null;
  /** Set when the observer never reports (a hidden page): then every drawn post shows its kudos. */
  private ioSilent = false;
  private ioTimer: ReturnType<typeof setTimeout> | undefined;

  // ---------------------------------------------------------------------------------------
  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    // Relative times ("3 minutes ago") move on once a minute.
    this.tick = setInterval(() => this.requestUpdate(), 60_000);
    this.observed = new WeakSet();
    this.io = new IntersectionObserver(this.onIntersect, { rootMargin: '400px 0px' });
    if (this.hasUpdated) {
      this.loadKey = '';
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.tick);
    clearTimeout(this.ioTimer);
    this.io?.disconnect();
    this.io = null;
    // A removed element leaves no modal dialog behind in the page's top layer.
    for (const dialog of this.renderRoot.querySelectorAll('dialog'))
      if (dialog.open) dialog.close();
    this.reportTarget = null;
    this.deleteTarget = null;
    this.loadAbort?.abort();
    this.loadAbort = null;
    this.stopLive();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate?.(changed);
    this.checkConfig(changed);
    const client = this.client;
    const key = client ? `${this.activityIri}\n${this.sort}\n${this.pageSize}` : '';
    if (client && (key !== this.loadKey || this.loadedClient !== client)) {
      this.loadKey = key;
      this.loadedClient = client;
      void this.load();
    }
    const me = this.peer?.me;
    const writeKey = `${this.activityIri}\n${me?.id ?? ''}`;
    if (me && !this.readonly && this.composerFor !== writeKey) {
      this.composerFor = writeKey;
      this.rootComposer = new Composer('new', '', draftKey(this.activityIri, '', me.id));
      this.replyComposer = null;
      this.editComposer = null;
    } else if ((!me || this.readonly) && this.composerFor) {
      this.composerFor = '';
      this.rootComposer = null;
      this.replyComposer = null;
      this.editComposer = null;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated?.(changed);
    this.writingFallback = false;
    this.syncLive();
    this.observePosts();
    if (this.focusAfter) {
      const find = this.focusAfter;
      this.focusAfter = null;
      find()?.focus();
    }
    const report = this.renderRoot.querySelector<HTMLDialogElement>('dialog#report');
    if (report && this.reportTarget && !report.open) report.showModal();
    const del = this.renderRoot.querySelector<HTMLDialogElement>('dialog#delete');
    if (del && this.deleteTarget && !del.open) {
      del.showModal();
      // A destructive question starts on the safe answer.
      del.querySelector<HTMLElement>('[data-cancel]')?.focus();
    }
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // The host wrote a checked attribute again: its notice goes (`checkConfig` brings it
    // back if the new value is bad too). This catches a fix that happens to equal the
    // fallback (`page-size="ten"`, then `page-size="20"`), which changes no property.
    const attr = name as ConfigAttr;
    if (!this.writingFallback && this.badConfig.has(attr) && this.badConfig.get(attr) !== value) {
      const next = new Map(this.badConfig);
      next.delete(attr);
      this.badConfig = next;
    }
  }

  /**
   * Keeps `sort`, `page-size` and `max-depth` usable: a value the element cannot use gives
   * way to the default, and the host hears of it once per bad value (a notice in the widget
   * and a `peer-error` of kind `config`). A value above the documented maximum is capped
   * with a console warning only. A removed attribute quietly means the default.
   */
  private checkConfig(changed: PropertyValues<this>): void {
    const bad = new Map(this.badConfig);
    const errors: PeerError[] = [];
    const flag = (attr: ConfigAttr, value: string) => {
      if (bad.get(attr) === value) return;
      bad.set(attr, value);
      const text = configText(attr, value);
      errors.push(
        new PeerError('config', text, {
          problem: {
            type: `peerkit:config/${attr}`,
            title: text,
            status: 0,
            attribute: attr,
            value,
            fallback: String(CONFIG_FALLBACK[attr]),
          },
        }),
      );
    };
    const sort = this.sort as PostSort | null | undefined;
    if (sort == null || !SORTS.includes(sort)) {
      if (sort == null) bad.delete('sort');
      else flag('sort', String(sort));
      this.writingFallback = true;
      this.sort = 'oldest';
    } else if (changed.has('sort')) bad.delete('sort');

    // Whole numbers from `min`; above `max` they are capped (a console warning, no notice).
    const whole = (
      attr: 'page-size' | 'max-depth',
      prop: 'pageSize' | 'maxDepth',
      min: number,
      max: number,
      fallback: number,
    ) => {
      const value = this[prop] as number | null | undefined;
      if (value == null || !Number.isInteger(value) || value < min) {
        if (value == null) bad.delete(attr);
        else flag(attr, this.given(attr, value));
        this[prop] = fallback;
      } else if (changed.has(prop)) {
        bad.delete(attr);
        if (value > max) {
          capped(attr, value, max);
          this[prop] = max;
        }
      }
    };
    whole('page-size', 'pageSize', 1, PAGE_SIZE_MAX, PAGE_SIZE_DEFAULT);
    whole('max-depth', 'maxDepth', 0, MAX_INDENT, MAX_DEPTH_DEFAULT);

    if (bad.size !== this.badConfig.size || [...bad].some(([k, v]) => this.badConfig.get(k) !== v))
      this.badConfig = bad;
    // After this update, so a host that answers by changing an attribute starts a new one.
    if (errors.length)
      void this.updateComplete.then(() => {
        for (const error of errors) this.fail(error);
      });
  }

  /** A numeric attribute's value as the host wrote it (`"ten"`, not `NaN`), else the property's. */
  private given(attr: ConfigAttr, value: number): string {
    const written = this.getAttribute(attr);
    return written !== null && Object.is(Number(written), value) ? written : String(value);
  }

  private loadedClient: PeerClient | null = null;

  private get client(): PeerClient | null {
    return this.peer?.client ?? null;
  }

  /** The locale for dates and numbers. @internal */
  override get locale(): string {
    return super.locale;
  }

  /** @internal */
  override get meId(): string | null {
    return this.peer?.me?.id ?? null;
  }

  /** @internal */
  override get moderator(): boolean {
    return this.peer?.me?.roles.includes('moderator') ?? false;
  }

  /** @internal */
  get canWrite(): boolean {
    return !this.readonly && !!this.peer?.me;
  }

  // ---------------------------------------------------------------------------------------
  // Loading

  /** Loads the first page again (the "Retry" of the error state). */
  async reload(): Promise<void> {
    this.loadKey = '';
    this.requestUpdate();
    await this.updateComplete;
  }

  private async load(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    const activity = this.activityIri;
    this.status = 'loading';
    this.loadError = null;
    this.incoming = [];
    this.model = new ThreadModel(this.sort);
    this.windowStart = null;
    this.windowSize = WINDOW_MAX;
    try {
      const page = await client.listPosts(
        { activity, sort: this.sort, limit: this.pageSize },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      const model = new ThreadModel(this.sort);
      model.addPage(page);
      this.model = model;
      this.status = 'ready';
      this.recordView(activity);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.status = 'error';
      this.loadError = toPeerError(error);
      this.fail(this.loadError);
    }
  }

  private recordView(activity: string): void {
    if (viewedThisPage.has(activity)) return;
    viewedThisPage.add(activity);
    void this.peer?.recorder
      .record({
        verb: 'viewed',
        object: { id: activity, type: 'discussion', name: this.headingText },
      })
      .catch(() => undefined);
  }

  private async loadMore(): Promise<void> {
    const client = this.client;
    const list = this.model.list();
    const { start, end } = this.range(list);
    if (end < list.length) {
      // Posts already loaded but not drawn: draw the next ones.
      this.growWindow(
        start,
        Math.min(list.length, end + Math.max(this.pageSize, 20)) - start,
        list[end],
      );
      return;
    }
    if (!client || !this.model.nextCursor || this.moreLoading) return;
    this.moreLoading = true;
    this.moreError = null;
    const model = this.model;
    try {
      const page = await client.listPosts(
        {
          activity: this.activityIri,
          sort: this.sort,
          limit: this.pageSize,
          cursor: model.nextCursor!,
        },
        { signal: this.loadAbort?.signal },
      );
      if (model !== this.model) return;
      const added = model.addPage(page);
      this.model = model;
      this.requestUpdate('model');
      const after = model.list();
      const first = added[0];
      const newEnd = first ? after.indexOf(first) + added.length : after.length;
      this.growWindow(start, Math.max(newEnd - start, end - start), first);
    } catch (error) {
      if (model !== this.model) return;
      this.moreError = toPeerError(error);
      this.fail(this.moreError);
    } finally {
      this.moreLoading = false;
    }
  }

  /** Draws `size` posts from `start`, moving the top down past `WINDOW_MAX`; focuses `focus`. */
  private growWindow(start: number, size: number, focus?: Post): void {
    const list = this.model.list();
    let first = start;
    if (size > WINDOW_MAX) {
      first = start + (size - WINDOW_MAX);
      size = WINDOW_MAX;
    }
    this.windowStart = first > 0 ? (list[first]?.id ?? null) : null;
    this.windowSize = size;
    if (focus) this.focusPost(focus.id);
  }

  private showEarlier(): void {
    const list = this.model.list();
    const { start, end } = this.range(list);
    const step = Math.max(this.pageSize, 20);
    const first = Math.max(0, start - step);
    const size = Math.min(WINDOW_MAX, end - first);
    this.windowStart = first > 0 ? (list[first]?.id ?? null) : null;
    this.windowSize = size;
    const target = list[start - 1];
    if (target) this.focusPost(target.id);
  }

  /** The drawn slice of the thread. */
  private range(list: Post[]): { start: number; end: number } {
    let start = 0;
    if (this.windowStart) {
      const i = list.findIndex((p) => p.id === this.windowStart);
      start = i < 0 ? 0 : i;
    }
    return { start, end: Math.min(list.length, start + this.windowSize) };
  }

  /** Makes sure a post is drawn (moving the window to it) and focuses it after render. */
  private reveal(id: string, focus = true): void {
    const list = this.model.list();
    const i = list.findIndex((p) => p.id === id);
    if (i < 0) return;
    const { start, end } = this.range(list);
    if (i >= start && i < end) {
      if (end - start < this.windowSize)
        this.windowSize = Math.min(WINDOW_MAX, this.windowSize + 1);
    } else if (i < start) {
      this.windowStart = i > 0 ? list[i]!.id : null;
    } else {
      const first = Math.max(0, i + 1 - WINDOW_MAX, Math.min(start, i));
      this.windowStart = first > 0 ? list[first]!.id : null;
      this.windowSize = Math.min(WINDOW_MAX, i + 1 - first);
    }
    if (focus) this.focusPost(id);
  }

  private focusPost(id: string): void {
    this.focusAfter = () => this.postElement(id);
  }

  private postElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(domId('p', id))}`);
  }

  // ---------------------------------------------------------------------------------------
  // Kudos of visible posts

  private observePosts(): void {
    const io = this.io;
    if (!io || this.ioSilent) return;
    let added = false;
    for (const article of this.renderRoot.querySelectorAll('article[part~="post"]')) {
      if (this.observed.has(article)) continue;
      this.observed.add(article);
      io.observe(article);
      added = true;
    }
    if (added && this.ioTimer === undefined && this.seen.size === 0) {
      // An observer reports at once on a visible page; a hidden one never renders, so
      // after a moment every drawn post shows its kudos anyway.
      this.ioTimer = setTimeout(() => {
        if (this.seen.size === 0 && this.isConnected) {
          this.ioSilent = true;
          this.requestUpdate();
        }
      }, 1500);
    }
  }

  private onIntersect = (entries: IntersectionObserverEntry[]): void => {
    let more = false;
    for (const entry of entries) {
      const id = (entry.target as HTMLElement).dataset.id;
      if (!id) continue;
      if (entry.isIntersecting && !this.seen.has(id)) {
        this.seen.add(id);
        more = true;
      }
      if (entry.isIntersecting) this.io?.unobserve(entry.target);
    }
    if (more) this.requestUpdate();
  };

  /** Whether the post's `<peer-kudos>` is drawn yet. @internal */
  kudosShown(id: string): boolean {
    return this.ioSilent || this.seen.has(id);
  }

  // ---------------------------------------------------------------------------------------
  // Live

  private syncLive(): void {
    const client = this.client;
    const key =
      this.live && client && this.isConnected && this.status === 'ready' ? this.activityIri : '';
    if (key === this.liveKey && (this.unsubscribe || !key)) return;
    this.stopLive();
    this.liveKey = key;
    if (!key || !client) return;
    this.liveStatus = 'reconnecting';
    this.unsubscribe = client.subscribePosts(key, {
      onEvent: (event) => this.onLiveEvent(event),
      onOpen: () => {
        this.liveStatus = 'open';
      },
      onError: () => {
        this.liveStatus = 'reconnecting';
      },
    });
  }

  private stopLive(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.liveKey = '';
    this.liveStatus = 'off';
  }

  private onLiveEvent(event: PostEvent): void {
    const post = event.post;
    if (post.activity !== this.activityIri) return;
    const model = this.model;
    switch (event.type) {
      case 'post.created': {
        if (model.posts.has(post.id)) {
          model.update(post);
        } else if (post.author?.id && post.author.id === this.meId) {
          // Our own post from another tab or window: no need to hold it back.
          if (model.insert(post)) this.reveal(post.id, false);
        } else if (
          !this.incoming.some((p) => p.id === post.id) &&
          // A reply under a post not loaded here belongs to a page the reader has not
          // opened; it is not news for this view.
          (!post.parentId ||
            model.posts.has(post.parentId) ||
            this.incoming.some((p) => p.id === post.parentId))
        ) {
          this.incoming = [...this.incoming, post];
          return;
        } else {
          return;
        }
        break;
      }
      case 'post.updated': {
        const i = this.incoming.findIndex((p) => p.id === post.id);
        if (i >= 0) {
          this.incoming = this.incoming.map((p) => (p.id === post.id ? post : p));
          return;
        }
        if (this.editComposer?.target === post.id) return;
        model.update(post);
        break;
      }
      case 'post.deleted': {
        if (this.incoming.some((p) => p.id === post.id)) {
          this.incoming = this.incoming.filter((p) => p.id !== post.id);
          return;
        }
        model.applyDeleted(post.id, post);
        break;
      }
    }
    this.requestUpdate('model');
  }

  private showIncoming(): void {
    const posts = this.incoming;
    this.incoming = [];
    let first: Post | null = null;
    const added = new Set<string>();
    for (const post of posts) {
      if (this.model.insert(post)) {
        added.add(post.id);
        first ??= post;
      }
    }
    this.fresh = added;
    this.requestUpdate('model');
    if (first) {
      // The first new post in reading order gets focus, so the reader goes on from there.
      const list = this.model.list();
      const firstInOrder = list.find((p) => added.has(p.id)) ?? first;
      this.reveal(firstInOrder.id, true);
    }
    this.announce(
      plural(added.size, this.locale, {
        one: () => msg('1 new post shown.', { id: 'discussion.live.shown.one' }),
        other: () =>
          msg(str`${formatNumber(added.size, this.locale)} new posts shown.`, {
            id: 'discussion.live.shown',
          }),
      }),
    );
  }

  // ---------------------------------------------------------------------------------------
  // Connectivity

  protected override backOnline(): void {
    if (this.status === 'error') void this.reload();
  }

  // ---------------------------------------------------------------------------------------
  // Writing (ComposerHost)

  /** @internal */
  composerInput(c: Composer, value: string): void {
    c.input(value);
    this.requestUpdate();
  }

  /** @internal */
  composerTogglePreview(c: Composer): void {
    c.preview = !c.preview;
    this.requestUpdate();
  }

  /** @internal */
  composerCancel(c: Composer): void {
    if (c.pending) return;
    if (c.mode === 'reply') {
      // The draft stays: opening the reply again brings the text back.
      this.replyComposer = null;
      this.focusAfter = () =>
        this.postElement(c.target)?.querySelector<HTMLElement>('[data-action="reply"]');
    } else if (c.mode === 'edit') {
      c.discard();
      this.editComposer = null;
      this.focusAfter = () =>
        this.postElement(c.target)?.querySelector<HTMLElement>('[data-action="edit"]');
    }
  }

  /** @internal */
  composerAgree(c: Composer): void {
    const me = this.peer?.me;
    if (me) {
      acknowledgeGuidelines(this.activityIri, me.id);
      this.acknowledgedHere.add(`${this.activityIri}\n${me.id}`);
    }
    c.guidelines = false;
    this.requestUpdate();
    void this.submit(c);
  }

  /** @internal */
  composerBackFromGuidelines(c: Composer): void {
    c.guidelines = false;
    this.requestUpdate();
    this.focusAfter = () => this.textareaOf(c);
  }

  /** @internal */
  composerSubmit(c: Composer): void {
    void this.submit(c);
  }

  private textareaOf(c: Composer): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector<HTMLTextAreaElement>(
      `[data-composer="${c.uid}"] textarea`,
    );
  }

  private needsGuidelines(): boolean {
    const me = this.peer?.me;
    if (!me) return false;
    if (this.acknowledgedHere.has(`${this.activityIri}\n${me.id}`)) return false;
    if (guidelinesAcknowledged(this.activityIri, me.id)) return false;
    return !this.model.hasPostBy(me.id);
  }

  private async submit(c: Composer): Promise<void> {
    const client = this.client;
    if (!client || c.pending || !this.canWrite) return;
    if (c.blank) {
      c.invalid = msg('Write something first.', { id: 'discussion.invalid.blank' });
      this.requestUpdate();
      this.focusAfter = () => this.textareaOf(c);
      return;
    }
    if (c.over) {
      c.invalid = msg(
        str`Posts can be up to ${formatNumber(POST_BODY_MAX, this.locale)} characters. Shorten it a little.`,
        { id: 'discussion.invalid.long' },
      );
      this.requestUpdate();
      this.focusAfter = () => this.textareaOf(c);
      return;
    }
    if (c.mode !== 'edit' && this.needsGuidelines()) {
      c.guidelines = true;
      c.preview = false;
      this.requestUpdate();
      this.focusAfter = () =>
        this.renderRoot.querySelector<HTMLElement>(`[data-composer="${c.uid}"] h3`);
      return;
    }
    c.pending = true;
    c.error = null;
    this.requestUpdate();
    const body = c.body;
    try {
      if (c.mode === 'edit') {
        const post = await client.updatePost(c.target, { body });
        c.saved();
        this.model.update(post);
        this.editComposer = null;
        this.requestUpdate('model');
        this.focusPost(post.id);
        this.announce(msg('Your post was updated.', { id: 'discussion.saved.edit' }));
        this.dispatchEvent(new PeerPostUpdatedEvent({ post }));
        this.record('edited', post);
      } else {
        const key = c.attemptKey();
        const parentId = c.mode === 'reply' ? c.target : undefined;
        const post = await client.createPost(
          { activity: this.activityIri, body, ...(parentId ? { parentId } : {}) },
          { idempotencyKey: key },
        );
        c.saved();
        this.model.insert(post);
        this.fresh = new Set([post.id]);
        this.requestUpdate('model');
        if (c.mode === 'reply') {
          this.replyComposer = null;
          this.reveal(post.id, true);
          this.announce(msg('Your reply was posted.', { id: 'discussion.saved.reply' }));
          this.record('replied', post);
        } else {
          this.reveal(post.id, false);
          this.focusAfter = () => this.textareaOf(c);
          this.announce(msg('Your post was published.', { id: 'discussion.saved.post' }));
          this.record('commented', post);
        }
        this.dispatchEvent(new PeerPostCreatedEvent({ post }));
      }
    } catch (error) {
      const e = toPeerError(error);
      c.pending = false;
      c.error = e;
      this.requestUpdate();
      this.announce(this.errorMessage(e));
      this.fail(e);
    }
  }

  private record(
    verb: 'commented' | 'replied' | 'edited' | 'deleted' | 'reported' | 'moderated',
    post: Post,
    extra?: string,
  ): void {
    const recorder = this.peer?.recorder;
    if (!recorder) return;
    const thread = { id: this.activityIri, type: 'discussion' as const, name: this.headingText };
    const parentPost = post.parentId ? { id: postIri(post.parentId), type: 'post' as const } : null;
    void recorder
      .record({
        verb,
        object: { id: postIri(post.id), type: 'post' },
        ...(verb === 'commented' || verb === 'replied' || verb === 'edited'
          ? { result: { response: post.body } }
          : extra
            ? { result: { response: extra } }
            : {}),
        parent: parentPost ?? thread,
        grouping: parentPost ? [thread] : undefined,
      })
      .catch(() => undefined);
  }

  /**
   * What a failed write means here: the discussion's own words where it knows more (the
   * text is kept, the server's reason for a 400, a post that is gone), else the kit's
   * (`errorMessage`: sign-in, permission, rate limit, conflict, an unreadable answer).
   * @internal
   */
  errorMessage(error: PeerError): string {
    if (error.kind === 'network' || !this.online) {
      return msg('Could not reach the server. Your text is kept; try again.', {
        id: 'discussion.error.network',
      });
    }
    if (error.kind === 'http' && error.status === 400) {
      const detail = error.details.problem?.detail ?? error.details.problem?.title;
      return detail
        ? msg(str`The server did not accept it: ${detail}`, { id: 'discussion.error.invalid' })
        : msg('The server did not accept it.', { id: 'discussion.error.invalid.plain' });
    }
    if (error.kind === 'http' && error.status === 404) {
      return msg('That post no longer exists.', { id: 'discussion.error.gone' });
    }
    if (error.kind === 'http' && (error.status ?? 0) >= 500) {
      return msg('Something went wrong on the server. Your text is kept; try again.', {
        id: 'discussion.error.server',
      });
    }
    return errorMessage(error);
  }

  // ---------------------------------------------------------------------------------------
  // Post actions (PostHost)

  /** @internal */
  authorOf(id: string | null): string | null {
    if (!id) return null;
    const post = this.model.posts.get(id);
    return post?.author?.name ?? msg('a deleted post', { id: 'discussion.in-reply.deleted' });
  }

  /** @internal */
  reply(post: Post): void {
    const me = this.peer?.me;
    if (!me || !this.canWrite) return;
    if (this.replyComposer?.target !== post.id) {
      if (this.replyComposer?.pending) return;
      this.replyComposer = new Composer(
        'reply',
        post.id,
        draftKey(this.activityIri, post.id, me.id),
      );
    }
    this.focusAfter = () => this.textareaOf(this.replyComposer!);
  }

  /** @internal */
  edit(post: Post): void {
    const me = this.peer?.me;
    if (!me || !this.canWrite) return;
    if (this.editComposer?.target !== post.id) {
      if (this.editComposer?.pending) return;
      this.editComposer = new Composer(
        'edit',
        post.id,
        draftKey(this.activityIri, `edit:${post.id}`, me.id),
        post.body,
      );
    }
    this.focusAfter = () => this.textareaOf(this.editComposer!);
  }

  /** @internal */
  askDelete(post: Post): void {
    this.deleteTarget = post;
    this.deleteError = null;
  }

  /** @internal */
  askReport(post: Post): void {
    this.reportTarget = post;
    this.reportReason = null;
    this.reportNote = '';
    this.reportError = null;
  }

  private closeDelete(): void {
    const target = this.deleteTarget;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog#delete')?.close();
    this.deleteTarget = null;
    if (target) {
      this.focusAfter = () =>
        this.postElement(target.id)?.querySelector<HTMLElement>('[data-action="delete"]');
    }
  }

  private async confirmDelete(): Promise<void> {
    const client = this.client;
    const target = this.deleteTarget;
    if (!client || !target || this.deletePending) return;
    this.deletePending = true;
    this.deleteError = null;
    try {
      const placeholder = await client.deletePost(target.id);
      const list = this.model.list();
      const next = list[list.findIndex((p) => p.id === target.id) + 1];
      this.model.applyDeleted(target.id, placeholder);
      this.requestUpdate('model');
      if (this.editComposer?.target === target.id) this.editComposer = null;
      if (this.replyComposer?.target === target.id) this.replyComposer = null;
      this.renderRoot.querySelector<HTMLDialogElement>('dialog#delete')?.close();
      this.deleteTarget = null;
      const stays = this.model.posts.has(target.id);
      this.focusAfter = () =>
        (stays ? this.postElement(target.id) : next && this.postElement(next.id)) ??
        this.renderRoot.querySelector<HTMLElement>('[part~="heading"]');
      this.announce(msg('Your post was deleted.', { id: 'discussion.saved.delete' }));
      this.dispatchEvent(new PeerPostDeletedEvent({ id: target.id, placeholder }));
      this.record('deleted', target);
    } catch (error) {
      const e = toPeerError(error);
      this.deleteError = this.errorMessage(e);
      this.fail(e);
    } finally {
      this.deletePending = false;
    }
  }

  private closeReport(): void {
    const target = this.reportTarget;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog#report')?.close();
    this.reportTarget = null;
    if (target) {
      this.focusAfter = () =>
        this.postElement(target.id)?.querySelector<HTMLElement>('[data-action="report"]');
    }
  }

  private async sendReport(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.client;
    const target = this.reportTarget;
    if (!client || !target || this.reportPending) return;
    if (!this.reportReason) {
      this.reportError = msg('Choose a reason.', { id: 'discussion.report.need-reason' });
      this.focusAfter = () =>
        this.renderRoot.querySelector<HTMLElement>('dialog#report input[type="radio"]');
      return;
    }
    const note = this.reportNote.trim();
    if (this.reportReason === 'other' && !note) {
      this.reportError = msg('Tell the moderators what is wrong.', {
        id: 'discussion.report.need-note',
      });
      this.focusAfter = () => this.renderRoot.querySelector<HTMLElement>('dialog#report textarea');
      return;
    }
    this.reportPending = true;
    this.reportError = null;
    const reason = this.reportReason;
    try {
      await client.reportPost(target.id, { reason, ...(note ? { note } : {}) });
      this.closeReport();
      this.announce(
        msg('Thank you. The moderators will look at this post.', { id: 'discussion.saved.report' }),
      );
      this.dispatchEvent(
        new PeerPostReportedEvent({ post: target, reason, ...(note ? { note } : {}) }),
      );
      this.record('reported', target, reason);
    } catch (error) {
      const pe = toPeerError(error);
      this.reportError =
        pe.kind === 'http' && pe.status === 409
          ? msg('You already reported this post.', { id: 'discussion.report.already' })
          : this.errorMessage(pe);
      this.fail(pe);
    } finally {
      this.reportPending = false;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Moderation

  private async openReports(): Promise<void> {
    this.view = this.view === 'reports' ? 'thread' : 'reports';
    if (this.view === 'reports') await this.loadReports();
  }

  private async loadReports(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.reportsStatus = 'loading';
    this.reportsError = null;
    try {
      const page = await client.listReports({
        activity: this.activityIri,
        status: 'open',
        limit: 100,
      });
      this.reports = page.items;
      this.reportsStatus = 'ready';
    } catch (error) {
      this.reportsError = toPeerError(error);
      this.reportsStatus = 'error';
      this.fail(this.reportsError);
    }
  }

  private async resolve(item: ReportItem, action: 'keep' | 'hide' | 'delete'): Promise<void> {
    const client = this.client;
    if (!client || this.resolving.has(item.id)) return;
    this.resolving = new Set([...this.resolving, item.id]);
    try {
      const done = await client.resolveReport(item.id, { action });
      // The decision goes to the LRS too: learning teams see moderation next to the posts.
      this.record('moderated', done.post, action);
      const list = this.reports ?? [];
      const index = list.findIndex((r) => r.id === item.id);
      // Other open reports of the same post are settled by the same decision.
      this.reports = list.filter(
        (r) => r.id !== item.id && (action === 'keep' || r.post.id !== item.post.id),
      );
      if (action === 'delete')
        this.model.applyDeleted(done.post.id, done.post.deleted ? done.post : null);
      else this.model.update(done.post);
      this.requestUpdate('model');
      this.announce(
        action === 'keep'
          ? msg('Report closed; the post stays.', { id: 'discussion.resolved.keep' })
          : action === 'hide'
            ? msg('Report closed; the post is hidden.', { id: 'discussion.resolved.hide' })
            : msg('Report closed; the post is deleted.', { id: 'discussion.resolved.delete' }),
      );
      this.focusAfter = () => {
        const items = this.renderRoot.querySelectorAll<HTMLElement>('.report');
        const next = items[Math.min(index, items.length - 1)];
        return (
          next?.querySelector<HTMLElement>('button') ??
          this.renderRoot.querySelector<HTMLElement>('#reports-heading')
        );
      };
    } catch (error) {
      const e = toPeerError(error);
      this.announce(this.errorMessage(e));
      this.fail(e);
    } finally {
      const next = new Set(this.resolving);
      next.delete(item.id);
      this.resolving = next;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Misc handlers

  private onSortChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value as PostSort;
    if (!SORTS.includes(value)) return;
    this.sort = value;
    // The person chose an order: a notice about the host's `sort` has nothing left to say.
    if (this.badConfig.has('sort')) {
      const next = new Map(this.badConfig);
      next.delete('sort');
      this.badConfig = next;
    }
  }

  private onFeedKeydown(e: KeyboardEvent): void {
    // ARIA feed pattern: Page Down / Page Up move between posts.
    if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
    const articles = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="post"]')];
    const path = e.composedPath();
    const current = articles.findIndex((a) => path.includes(a));
    if (current < 0) return;
    const next = articles[current + (e.key === 'PageDown' ? 1 : -1)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }

  private announce(text: string): void {
    // A changed string is announced again even when the words repeat.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private get headingText(): string {
    return this.heading || msg('Discussion', { id: 'discussion.heading' });
  }

  // ---------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const config = this.peer?.error;
    return html`<section part="base" aria-labelledby="heading">
      ${this.renderHeader()} ${config ? this.renderMessage(config, null) : nothing}
      ${this.renderConfigNotice()}
      ${
        !this.online
          ? html`<p class="notice" role="status">
              ${msg(
                'You are offline. You can keep writing; posting works again once you are back online.',
                {
                  id: 'discussion.offline',
                },
              )}
            </p>`
          : nothing
      }
      ${this.view === 'reports' && this.moderator ? this.renderReports() : this.renderThread()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.renderReportDialog()} ${this.renderDeleteDialog()}
    </section>`;
  }

  private renderHeader(): TemplateResult {
    const total = this.model.total;
    return html`<header>
      <h2 id="heading" part="heading" tabindex="-1">
        ${this.headingText}
        ${
          this.status === 'ready' && total > 0
            ? html`<span class="count"
                >${plural(total, this.locale, {
                  one: () => msg('(1 post)', { id: 'discussion.count.one' }),
                  other: () =>
                    msg(str`(${formatNumber(total, this.locale)} posts)`, {
                      id: 'discussion.count',
                    }),
                })}</span
              >`
            : nothing
        }
      </h2>
      <div class="toolbar">
        ${
          this.view === 'thread'
            ? html`<label for="sort">${msg('Sort by', { id: 'discussion.sort.label' })}</label>
                <select id="sort" .value=${this.sort} @change=${this.onSortChange}>
                  <option value="oldest" ?selected=${this.sort === 'oldest'}>
                    ${msg('Oldest first', { id: 'discussion.sort.oldest' })}
                  </option>
                  <option value="newest" ?selected=${this.sort === 'newest'}>
                    ${msg('Newest first', { id: 'discussion.sort.newest' })}
                  </option>
                  <option value="top" ?selected=${this.sort === 'top'}>
                    ${msg('Most thanked', { id: 'discussion.sort.top' })}
                  </option>
                </select>`
            : nothing
        }
        ${
          this.moderator && !this.readonly
            ? html`<button
                type="button"
                class="button"
                aria-pressed=${this.view === 'reports' ? 'true' : 'false'}
                @click=${this.openReports}
              >
                ${msg('Reports', { id: 'discussion.reports' })}
              </button>`
            : nothing
        }
      </div>
    </header>`;
  }

  /** Attributes that held a value the element could not use, and what it uses instead. */
  private renderConfigNotice(): TemplateResult | typeof nothing {
    const bad = CONFIG_ATTRS.filter((attr) => this.badConfig.has(attr));
    if (!bad.length) return nothing;
    return html`<div class="notice config" role="status">
      ${bad.map((attr) => html`<p>${configText(attr, this.badConfig.get(attr)!)}</p>`)}
    </div>`;
  }

  private renderMessage(error: PeerError, retry: (() => void) | null): TemplateResult {
    const offline = error.kind === 'network' && !this.online;
    return html`<div class="notice error" role="alert">
      <p>
        ${
          offline
            ? msg(
                'You are offline, so the discussion cannot load. It will load when you are back online.',
                {
                  id: 'discussion.load.offline',
                },
              )
            : error.kind === 'config'
              ? errorMessage(error)
              : msg('The discussion could not be loaded.', { id: 'discussion.load.error' })
        }
      </p>
      ${
        retry
          ? html`<button type="button" class="button" @click=${retry}>${retryLabel()}</button>`
          : nothing
      }
    </div>`;
  }

  private renderThread(): TemplateResult {
    // The provider's configuration error is said once, above; every call would fail with it,
    // so there is no thread, skeleton or composer to draw.
    if (this.peer?.error) return html``;
    if (!this.peer || this.status === 'idle' || this.status === 'loading') {
      return this.renderSkeleton();
    }
    if (this.status === 'error' && this.loadError) {
      return this.renderMessage(this.loadError, () => void this.reload());
    }
    const list = this.model.list();
    const { start, end } = this.range(list);
    const shown = list.slice(start, end);
    const setsize = this.model.nextCursor ? -1 : list.length;
    const hasMore = end < list.length || !!this.model.nextCursor;
    return html`
      ${this.renderRootComposer(list.length === 0)}
      ${
        this.incoming.length
          ? html`<button type="button" class="button primary new-posts" @click=${this.showIncoming}>
              ${plural(this.incoming.length, this.locale, {
                one: () => msg('Show 1 new post', { id: 'discussion.live.new.one' }),
                other: () =>
                  msg(str`Show ${formatNumber(this.incoming.length, this.locale)} new posts`, {
                    id: 'discussion.live.new',
                  }),
              })}
            </button>`
          : nothing
      }
      ${
        list.length === 0
          ? html`<div class="notice empty">
              <slot name="empty">
                <p>
                  <strong>${msg('Be the first to ask', { id: 'discussion.empty' })}</strong>
                  ${
                    this.canWrite
                      ? msg('Questions, answers and tips about this page appear here.', {
                          id: 'discussion.empty.hint',
                        })
                      : nothing
                  }
                </p>
              </slot>
            </div>`
          : html`
              ${
                start > 0
                  ? html`<div class="more">
                      <button
                        type="button"
                        class="button"
                        data-action="earlier"
                        @click=${this.showEarlier}
                      >
                        ${msg(str`Show earlier posts (${formatNumber(start, this.locale)})`, {
                          id: 'discussion.earlier',
                        })}
                      </button>
                    </div>`
                  : nothing
              }
              <div
                role="feed"
                part="feed"
                aria-labelledby="heading"
                aria-busy=${this.moreLoading ? 'true' : 'false'}
                @keydown=${this.onFeedKeydown}
              >
                ${repeat(
                  shown,
                  (post) => post.id,
                  (post, i) =>
                    renderPost(this, post, {
                      posinset: start + i + 1,
                      setsize,
                      fresh: this.fresh.has(post.id),
                      editor:
                        this.editComposer?.target === post.id
                          ? this.renderEditor(this.editComposer)
                          : null,
                      replyBox:
                        this.replyComposer?.target === post.id
                          ? this.renderReplyBox(this.replyComposer, post)
                          : null,
                    }),
                )}
              </div>
              ${
                this.moreError
                  ? html`<div class="notice error" role="alert">
                      <p>
                        ${msg('More posts could not be loaded.', { id: 'discussion.more.error' })}
                      </p>
                    </div>`
                  : nothing
              }
              ${
                hasMore
                  ? html`<div class="more">
                      <button
                        type="button"
                        class="button"
                        data-action="more"
                        aria-disabled=${this.moreLoading ? 'true' : 'false'}
                        @click=${this.loadMore}
                      >
                        ${
                          this.moreLoading
                            ? loadingLabel()
                            : this.moreError
                              ? retryLabel()
                              : msg('Load more posts', { id: 'discussion.more' })
                        }
                      </button>
                    </div>`
                  : nothing
              }
            `
      }
    `;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div class="loading" aria-busy="true">
      <p class="visually-hidden" role="status">
        ${msg('Loading the discussion…', { id: 'discussion.loading' })}
      </p>
      ${[0, 1, 2].map(
        () =>
          html`<div class="skeleton" aria-hidden="true">
            <span class="circle"></span><span class="short"></span><span></span
            ><span class="medium"></span>
          </div>`,
      )}
    </div>`;
  }

  private renderRootComposer(empty: boolean): TemplateResult | typeof nothing {
    if (this.readonly) return nothing;
    const me = this.peer?.me;
    if (me === null) {
      return html`<p class="notice">
        ${msg('Sign in to join the discussion.', { id: 'discussion.signed-out' })}
      </p>`;
    }
    if (!this.rootComposer) return nothing;
    return renderComposer(
      this,
      this.rootComposer,
      {
        label: empty
          ? msg('Ask a question or share a tip', { id: 'discussion.composer.first' })
          : msg('Write a post', { id: 'discussion.composer.label' }),
        submit: msg('Post', { id: 'discussion.post' }),
      },
      () => this.renderGuidelines(),
    );
  }

  private renderReplyBox(c: Composer, parent: Post): TemplateResult {
    const name = parent.author?.name ?? '';
    return renderComposer(
      this,
      c,
      {
        label: name
          ? msg(str`Reply to ${name}`, { id: 'discussion.composer.reply' })
          : msg('Reply', { id: 'discussion.reply' }),
        submit: msg('Post reply', { id: 'discussion.post.reply' }),
      },
      () => this.renderGuidelines(),
    );
  }

  private renderEditor(c: Composer): TemplateResult {
    return renderComposer(
      this,
      c,
      {
        label: msg('Edit your post', { id: 'discussion.composer.edit' }),
        submit: msg('Save', { id: 'discussion.save' }),
      },
      () => this.renderGuidelines(),
    );
  }

  private renderGuidelines(): TemplateResult {
    return html`<slot name="guidelines">
      <ul>
        <li>${msg('Be kind and assume good intent.', { id: 'discussion.guidelines.kind' })}</li>
        <li>
          ${msg('Stay on topic: questions, answers and tips about this page.', {
            id: 'discussion.guidelines.topic',
          })}
        </li>
        <li>
          ${msg('Share no passwords, personal data or confidential figures.', {
            id: 'discussion.guidelines.private',
          })}
        </li>
        <li>
          ${msg(
            'Your name is shown with everything you post. Report anything that breaks these rules.',
            {
              id: 'discussion.guidelines.name',
            },
          )}
        </li>
      </ul>
    </slot>`;
  }

  private renderReports(): TemplateResult {
    let body: TemplateResult;
    if (this.reportsStatus === 'loading') {
      body = html`<p role="status">
        ${msg('Loading reports…', { id: 'discussion.reports.loading' })}
      </p>`;
    } else if (this.reportsStatus === 'error' && this.reportsError) {
      body = this.renderMessage(this.reportsError, () => void this.loadReports());
    } else if ((this.reports ?? []).length === 0) {
      body = html`<p class="notice">
        ${msg('No open reports. All clear.', { id: 'discussion.reports.empty' })}
      </p>`;
    } else {
      body = html`<ul class="reports">
        ${repeat(
          this.reports ?? [],
          (r) => r.id,
          (r) => this.renderReport(r),
        )}
      </ul>`;
    }
    return html`<section aria-labelledby="reports-heading">
      <h3 id="reports-heading" tabindex="-1">
        ${msg('Reported posts', { id: 'discussion.reports.heading' })}
      </h3>
      ${body}
    </section>`;
  }

  /** One open report: who reported what, the post, and the moderator's three decisions. */
  private renderReport(r: ReportItem): TemplateResult {
    const busy = this.resolving.has(r.id);
    const hid = domId('rh', r.id);
    const decision = (action: 'keep' | 'hide' | 'delete', label: string) =>
      html`<button
        type="button"
        class=${action === 'delete' ? 'button danger' : 'button'}
        data-resolve=${action}
        aria-describedby=${hid}
        ?disabled=${busy}
        @click=${() => this.resolve(r, action)}
      >
        ${label}
      </button>`;
    return html`<li class="report" data-report=${r.id} aria-labelledby=${hid}>
      <p id=${hid}>
        <strong>${this.reasonLabel(r.reason)}</strong>
        ${msg(str`reported by ${r.reporter.name}`, { id: 'discussion.reports.by' })}
        <time datetime=${r.createdAt}>${formatRelativeTime(r.createdAt, this.locale)}</time>
      </p>
      ${r.note ? html`<p>${msg(str`Note: ${r.note}`, { id: 'discussion.reports.note' })}</p>` : nothing}
      <p>${msg(str`Post by ${r.post.author?.name ?? '—'}:`, { id: 'discussion.reports.post' })}</p>
      <blockquote>
        ${
          r.post.deleted
            ? html`<p class="placeholder">
                ${msg('This post was deleted.', { id: 'discussion.deleted' })}
              </p>`
            : renderMarkdown(r.post.body)
        }
      </blockquote>
      <div class="toolbar">
        ${decision('keep', msg('Keep', { id: 'discussion.resolve.keep' }))}
        ${decision('hide', msg('Hide', { id: 'discussion.resolve.hide' }))}
        ${decision('delete', msg('Delete', { id: 'discussion.delete' }))}
      </div>
    </li>`;
  }

  private reasonLabel(reason: ReportReason): string {
    switch (reason) {
      case 'spam':
        return msg('Spam', { id: 'discussion.reason.spam' });
      case 'harassment':
        return msg('Harassment', { id: 'discussion.reason.harassment' });
      case 'off-topic':
        return msg('Off topic', { id: 'discussion.reason.off-topic' });
      default:
        return msg('Something else', { id: 'discussion.reason.other' });
    }
  }

  /**
   * Escape (`cancel`) and a close the browser makes end a dialog through `close()`. Only the
   * dialog on screen now counts, not one removed earlier whose close event arrives late.
   */
  private dialogEvents(id: string, open: () => boolean, close: () => void) {
    return {
      cancel: (e: Event) => {
        e.preventDefault();
        close();
      },
      close: (e: Event) => {
        if (open() && e.target === this.renderRoot.querySelector(`dialog#${id}`)) close();
      },
    };
  }

  private renderReportDialog(): TemplateResult | typeof nothing {
    const target = this.reportTarget;
    if (!target) return nothing;
    const report = this.dialogEvents(
      'report',
      () => !!this.reportTarget,
      () => this.closeReport(),
    );
    return html`<dialog
      id="report"
      aria-labelledby="report-heading"
      @cancel=${report.cancel}
      @close=${report.close}
    >
      <form @submit=${this.sendReport} novalidate>
        <h3 id="report-heading">
          ${msg(str`Report the post by ${target.author?.name ?? ''}`, { id: 'discussion.report.heading' })}
        </h3>
        <fieldset>
          <legend>${msg('What is wrong with it?', { id: 'discussion.report.legend' })}</legend>
          ${REASONS.map(
            (r) =>
              html`<label>
                <input
                  type="radio"
                  name="reason"
                  value=${r}
                  .checked=${this.reportReason === r}
                  @change=${() => {
                    this.reportReason = r;
                    this.reportError = null;
                  }}
                />
                ${this.reasonLabel(r)}
              </label>`,
          )}
        </fieldset>
        <label for="report-note">
          ${
            this.reportReason === 'other'
              ? msg('Note for the moderators (required)', { id: 'discussion.report.note.required' })
              : msg('Note for the moderators (optional)', { id: 'discussion.report.note' })
          }
        </label>
        <textarea
          id="report-note"
          maxlength=${REPORT_NOTE_MAX}
          .value=${this.reportNote}
          ?required=${this.reportReason === 'other'}
          @input=${(e: Event) => {
            this.reportNote = (e.target as HTMLTextAreaElement).value;
            this.reportError = null;
          }}
        ></textarea>
        ${this.reportError ? html`<p class="error-text" role="alert">${this.reportError}</p>` : nothing}
        <div class="toolbar">
          <button
            type="submit"
            class="button primary"
            aria-disabled=${this.reportPending ? 'true' : 'false'}
          >
            ${
              this.reportPending
                ? msg('Sending…', { id: 'discussion.report.sending' })
                : msg('Send report', { id: 'discussion.report.send' })
            }
          </button>
          <button type="button" class="button" @click=${this.closeReport}>
            ${msg('Cancel', { id: 'discussion.cancel' })}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private renderDeleteDialog(): TemplateResult | typeof nothing {
    const target = this.deleteTarget;
    if (!target) return nothing;
    const del = this.dialogEvents(
      'delete',
      () => !!this.deleteTarget,
      () => this.closeDelete(),
    );
    return html`<dialog
      id="delete"
      aria-labelledby="delete-heading"
      aria-describedby="delete-text"
      @cancel=${del.cancel}
      @close=${del.close}
    >
      <h3 id="delete-heading">${msg('Delete this post?', { id: 'discussion.delete.heading' })}</h3>
      <p id="delete-text">
        ${
          target.replyCount > 0
            ? msg('The replies stay; the post is replaced by a note that it was deleted.', {
                id: 'discussion.delete.with-replies',
              })
            : msg('This cannot be undone.', { id: 'discussion.delete.final' })
        }
      </p>
      ${this.deleteError ? html`<p class="error-text" role="alert">${this.deleteError}</p>` : nothing}
      <div class="toolbar">
        <button
          type="button"
          class="button danger"
          aria-disabled=${this.deletePending ? 'true' : 'false'}
          @click=${this.confirmDelete}
        >
          ${msg('Delete', { id: 'discussion.delete' })}
        </button>
        <button type="button" class="button" data-cancel @click=${this.closeDelete}>
          ${msg('Cancel', { id: 'discussion.cancel' })}
        </button>
      </div>
    </dialog>`;
  }
}

/** The notice (and the `peer-error` message) for an attribute that held `value`. */
function configText(attr: ConfigAttr, value: string): string {
  switch (attr) {
    case 'sort':
      return msg(str`sort="${value}" is not one of oldest, newest, top; using oldest.`, {
        id: 'discussion.config.sort',
      });
    case 'page-size':
      return msg(str`page-size="${value}" is not a whole number of 1 or more; using 20.`, {
        id: 'discussion.config.page-size',
      });
    case 'max-depth':
      return msg(str`max-depth="${value}" is not a whole number of 0 or more; using 3.`, {
        id: 'discussion.config.max-depth',
      });
  }
}

/**
 * A value above a documented maximum still says what the host meant, so it is capped with a
 * warning for the developer's console, not a notice for the people reading the thread.
 */
function capped(attr: ConfigAttr, value: number, max: number): void {
  console.warn(
    `<peer-discussion>: ${attr}="${value}" is above the maximum of ${max}; using ${max}.`,
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'peer-discussion': PeerDiscussion;
  }
}
