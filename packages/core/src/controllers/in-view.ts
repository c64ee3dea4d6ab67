/**
 * `InViewController`: which of the host's drawn items have come near the viewport, so a
 * widget draws expensive parts (a post's `<peer-kudos>`, which asks the server) only for
 * what a person can see. An `IntersectionObserver` (as Lit's labs
 * `intersection-controller.ts`) watches what `targets()` returns after each update; once an
 * item has been in view, `has(key)` stays true and the host re-renders.
 *
 * A page whose rendering is paused (a background tab) gets no reports at all; when the
 * observer has reported nothing `fallbackMs` after the first item was observed, every item
 * counts as seen (`has()` is always true), so a page opened in the background still shows its
 * content when looked at. A report that items are out of view (a widget far below the fold,
 * or under a `display: none` ancestor) is a report: those items wait until they come near.
 *
 * ```ts
 * private inView = new InViewController(this, {
 *   targets: () => this.renderRoot.querySelectorAll('article[data-id]'),
 *   key: (el) => (el as HTMLElement).dataset.id,
 * });
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface InViewOptions {
  /** The elements to watch, read after every update. */
  targets: () => Iterable<Element>;
  /** The key `has()` is asked with; an element without one is not watched. */
  key: (el: Element) => string | undefined;
  /** How far outside the viewport counts as in view (CSS margin, default `400px 0px`). */
  rootMargin?: string;
  /**
   * After how long without a single report from the observer everything counts as seen (ms,
   * default 1,500).
   */
  fallbackMs?: number;
}

export class InViewController implements ReactiveController {
  readonly #seen = new Set<string>();
  #observed = new WeakSet<Element>();
  #io?: IntersectionObserver;
  #timer?: ReturnType<typeof setTimeout>;
  /** The observer has called back at least once (in view or not). */
  #reported = false;
  /** The observer never reported (a paused page): everything counts as seen. */
  #silent = false;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: InViewOptions,
  ) {
    host.addController(this);
  }

  /** Whether the item with `key` has been near the viewport (or the page never reported). */
  has(key: string): boolean {
    return this.#silent || this.#seen.has(key);
  }

  hostConnected(): void {
    this.#observed = new WeakSet();
    this.#io = new IntersectionObserver(this.#onIntersect, {
      rootMargin: this.options.rootMargin ?? '400px 0px',
    });
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#io?.disconnect();
    this.#io = undefined;
  }

  hostUpdated(): void {
    const io = this.#io;
    if (!io) return;
    let added = false;
    for (const el of this.options.targets()) {
      const key = this.options.key(el);
      if (key === undefined || this.#seen.has(key) || this.#observed.has(el)) continue;
      this.#observed.add(el);
      io.observe(el);
      added = true;
    }
    if (added && this.#timer === undefined && !this.#reported && !this.#silent) {
      this.#timer = setTimeout(() => {
        if (!this.#reported && this.#io) {
          this.#silent = true;
          this.host.requestUpdate();
        }
      }, this.options.fallbackMs ?? 1500);
    }
  }

  readonly #onIntersect = (entries: IntersectionObserverEntry[]): void => {
    this.#reported = true;
    let more = false;
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      this.#io?.unobserve(entry.target);
      const key = this.options.key(entry.target);
      if (key === undefined || this.#seen.has(key)) continue;
      this.#seen.add(key);
      more = true;
    }
    if (more) this.host.requestUpdate();
  };
}
