/**
 * Focus after the next render, and the polite live region's text (a repeated message is
 * changed by a no-break space so it is read again).
 */
import type { ReactiveController } from 'lit';
import type { DiscussionHost } from './context.js';

export class FocusAfterUpdate implements ReactiveController {
  private find: (() => HTMLElement | null | undefined) | null = null;

  constructor(private readonly host: DiscussionHost) {
    host.addController(this);
  }

  request(find: () => HTMLElement | null | undefined): void {
    this.find = find;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const find = this.find;
    this.find = null;
    find?.()?.focus();
  }
}

export class LiveRegion {
  text = '';

  constructor(private readonly host: DiscussionHost) {}

  announce(text: string): void {
    this.text = this.text === text ? `${text}\u00a0` : text;
    this.host.requestUpdate();
  }
}
