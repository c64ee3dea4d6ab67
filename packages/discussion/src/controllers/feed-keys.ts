/**
 * Keyboard movement in the ARIA feed (https://www.w3.org/WAI/ARIA/apg/patterns/feed/):
 * Page Down / Page Up move focus to the next / previous article from wherever focus is
 * inside one (its buttons, its editor). The pure part picks the target index.
 */
import type { ReactiveController } from 'lit';
import type { DiscussionHost } from './context.js';

/** The article to move to from `current` for `key`, or `null` (not a feed key, or an end). */
export function feedTarget(key: string, current: number, count: number): number | null {
  if ((key !== 'PageDown' && key !== 'PageUp') || current < 0) return null;
  const next = current + (key === 'PageDown' ? 1 : -1);
  return next >= 0 && next < count ? next : null;
}

export class FeedNavigation implements ReactiveController {
  constructor(private readonly host: DiscussionHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.keydown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.keydown);
  }

  private readonly keydown = (e: KeyboardEvent): void => {
    if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
    const articles = [
      ...this.host.renderRoot.querySelectorAll<HTMLElement>('article[part~="post"]'),
    ];
    const path = e.composedPath();
    const target = feedTarget(
      e.key,
      articles.findIndex((a) => path.includes(a)),
      articles.length,
    );
    if (target === null) return;
    e.preventDefault();
    articles[target]!.focus();
  };
}
