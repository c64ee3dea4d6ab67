/**
 * `Announcer`: the element's polite live region. `announce(text)` puts `text` in a visually
 * hidden `role="status"` region that `render()` draws; screen readers read it without moving
 * focus. The same words announced twice in a row are read again: the second time the region
 * gets a different string (a no-break space appended), which is what makes a live region
 * speak (an unchanged text node is not a change).
 *
 * Draw `announcer.render()` once in the element's template, where it is always present
 * (a live region added together with its text is often not read).
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

export class Announcer implements ReactiveController {
  /** The words the region holds now. */
  text = '';
  /** What is drawn for them (the words, or the same words with names isolated). */
  #content: unknown = '';
  /** Set when the words repeat the previous ones: a no-break space makes them a change. */
  #again = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Says `text` politely; an empty string clears the region. `content` is what to draw for
   * those words when it is not plain text (e.g. a name in a `<bdi>`, see `fill()`).
   */
  announce(text: string, content: unknown = text): void {
    this.#again = !!text && this.text === text && !this.#again;
    this.text = text;
    this.#content = content;
    this.host.requestUpdate();
  }

  /** The live region. */
  render() {
    return html`<span class="visually-hidden" role="status" aria-live="polite"
      >${this.#content}${this.#again ? '\u00a0' : ''}</span
    >`;
  }
}
