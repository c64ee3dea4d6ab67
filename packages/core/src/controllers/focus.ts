/**
 * `FocusRequest`: moves focus to an element of the host's shadow root after the next update,
 * once the element exists (a reply composer just opened, the first post of a page just
 * loaded, the button a popover closed back to). A newer request replaces an older one.
 *
 * ```ts
 * this.focus.request(() => this.renderRoot.querySelector('textarea'));
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FocusRequest implements ReactiveController {
  #find?: () => HTMLElement | null | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Focuses what `find()` returns after the next update (requested now). */
  request(find: () => HTMLElement | null | undefined): void {
    this.#find = find;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const find = this.#find;
    if (!find) return;
    this.#find = undefined;
    find()?.focus();
  }

  hostDisconnected(): void {
    this.#find = undefined;
  }
}
