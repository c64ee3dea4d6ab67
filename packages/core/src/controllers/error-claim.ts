/**
 * Tells the nearest `<peer-provider>` that its widget draws the provider's configuration
 * error itself, so the page says it once, in the widget where the reader looks (the
 * `peerErrorClaims` context of `@peerkit/core`). The claim is held while `drawn()` is true
 * after an update, and released when it stops being true, when the element leaves the page,
 * or when a different provider answers.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { peerErrorClaims, type PeerErrorClaims } from '../context.js';

export class ErrorClaim implements ReactiveController {
  #claims?: PeerErrorClaims;
  #release?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Whether the last render drew the configuration error. */
    private readonly drawn: () => boolean,
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: peerErrorClaims,
      subscribe: true,
      callback: (claims) => {
        if (claims === this.#claims) return;
        this.#drop();
        this.#claims = claims;
        host.requestUpdate();
      },
    });
  }

  hostUpdated(): void {
    if (this.drawn()) this.#release ??= this.#claims?.claim();
    else this.#drop();
  }

  hostDisconnected(): void {
    this.#drop();
    this.#claims = undefined;
  }

  #drop(): void {
    this.#release?.();
    this.#release = undefined;
  }
}
