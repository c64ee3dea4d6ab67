/**
 * Draws the host again when the lazily loaded Markdown parser arrives, so a preview or a
 * post without `bodyTree` that was drawn as plain text becomes Markdown.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onParserReady } from '../markdown/parse.js';

export class MarkdownReady implements ReactiveController {
  #stop: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#stop = onParserReady(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = null;
  }
}
