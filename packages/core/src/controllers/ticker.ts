/**
 * `Ticker`: re-renders the host every `ms` milliseconds while it is in the page, so relative
 * times ("3 minutes ago") move on. The timer starts on connect and stops on disconnect: a
 * removed element costs nothing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Ticker implements ReactiveController {
  #timer?: ReturnType<typeof setInterval>;

  /** @param ms The period in milliseconds (relative times: 60,000, once a minute). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ms: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    clearInterval(this.#timer);
    this.#timer = setInterval(() => this.host.requestUpdate(), this.ms);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
