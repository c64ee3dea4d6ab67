/**
 * `InViewController`: which of the host's drawn items have come near the viewport, so a
 * widget draws expensive parts (a post's `<peer-kudos>`, which asks the server) only for
 * what a person can see. An `IntersectionObserver` (as Lit's labs
 * `intersection-controller.ts`) watches what `targets()` returns after each update; once an
 * item has been in view, `has(key)` stays true and the host re-renders.
 *
 * A hidden page (a background tab) never reports intersections; when nothing has been seen
 * `fallbackMs` after the first item was observed, every item counts as seen (`has()` is
 * always true), so a page opened in the background still shows its content when looked at.
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
  /** After how long with nothing seen everything counts as seen (ms, default 1,500). */
  fallbackMs?: number;
}

export class InViewController implements ReactiveController {
  readonly #seen = new Set<string>();
  #observed = new WeakSet<Element>();
  #io?: IntersectionObserver;
  #timer?: ReturnType<typeof setTimeout>;
  /** The observer never reported (a hidden page): everything counts as seen. */
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
    if (added && this.#timer === undefined && this.#seen.size === 0 && !this.#silent) {
      this.#timer = setTimeout(() => {
        if (this.#seen.size === 0 && this.#io) {
          this.#silent = true;
          this.host.requestUpdate();
        }
      }, this.options.fallbackMs ?? 1500);
    }
  }

  readonly #onIntersect = (entries: IntersectionObserverEntry[]): void => {
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
