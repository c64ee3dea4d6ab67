/**
 * Posts that came near the viewport: only they draw their `<peer-kudos>`, so the counts of
 * every visible post go out in one coalesced request, and a long page does not ask for
 * what nobody sees. A hidden page never reports intersections: after a moment every drawn
 * post shows its kudos anyway.
 */
import type { ReactiveController } from 'lit';
import type { DiscussionHost } from './context.js';

export class KudosInView implements ReactiveController {
  private seen = new Set<string>();
  private observed = new WeakSet<Element>();
  private io: IntersectionObserver | null = null;
  private silent = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: DiscussionHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observed = new WeakSet();
    this.io = new IntersectionObserver(this.onIntersect, { rootMargin: '400px 0px' });
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.io?.disconnect();
    this.io = null;
  }

  /** Whether the post's `<peer-kudos>` is drawn yet. */
  shown(id: string): boolean {
    return this.silent || this.seen.has(id);
  }

  hostUpdated(): void {
    const io = this.io;
    if (!io || this.silent) return;
    let added = false;
    for (const article of this.host.renderRoot.querySelectorAll('article[part~="post"]')) {
      if (this.observed.has(article)) continue;
      this.observed.add(article);
      io.observe(article);
      added = true;
    }
    if (added && this.timer === undefined && this.seen.size === 0) {
      this.timer = setTimeout(() => {
        if (this.seen.size === 0 && this.host.isConnected) {
          this.silent = true;
          this.host.requestUpdate();
        }
      }, 1500);
    }
  }

  private onIntersect = (entries: IntersectionObserverEntry[]): void => {
    let more = false;
    for (const entry of entries) {
      const id = (entry.target as HTMLElement).dataset.id;
      if (!id || !entry.isIntersecting) continue;
      if (!this.seen.has(id)) {
        this.seen.add(id);
        more = true;
      }
      this.io?.unobserve(entry.target);
    }
    if (more) this.host.requestUpdate();
  };
}
