/**
 * The one notice view every widget and the provider draw: an error, the offline state or a
 * status line, with an optional retry button. A plain function of its props (no `this`), so a
 * widget calls it from `render()` and a controller from its own `render()`.
 *
 * ```ts
 * renderNotice({ kind: 'error', message: t.loadFailed(), retry: () => this.counts.retry(), part: 'status' })
 * ```
 *
 * Markup: `<div class="notice {kind} {name}" part="{part}" role="alert|status">` holding one `<p>`
 * per message line, then `<button type="button" class="retry" part="retry">`.
 * Live region: an `error` is `role="alert"`, `offline` and `status` are `role="status"`;
 * `live: false` draws none, for a widget that says the same thing through its `Announcer`,
 * or one repeated per item on a page (200 kudos buttons must not make 200 alerts).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { retryLabel } from './l10n/labels.js';

export type NoticeKind = 'error' | 'offline' | 'status';

export interface NoticeProps {
  kind: NoticeKind;
  /** The localised text; several lines are drawn as one paragraph each. */
  message: string | readonly string[];
  /** Draws a retry button that calls it (with the click). */
  retry?: (event: Event) => void;
  /** The retry button's text (default: the kit's localised "Try again"). */
  retryLabel?: string;
  /** An extra class naming what the notice is about (`config`: attributes it could not use). */
  name?: string;
  /** The `part` name of the notice (the retry button is always `part="retry"`). */
  part?: string;
  /** `false`: not a live region (see above). Default `true`. */
  live?: boolean;
}

export function renderNotice(props: NoticeProps): TemplateResult {
  const lines = typeof props.message === 'string' ? [props.message] : props.message;
  const live = props.live === false ? nothing : props.kind === 'error' ? 'alert' : 'status';
  const name = props.name ? ` ${props.name}` : '';
  return html`<div class="notice ${props.kind}${name}" part=${props.part ?? nothing} role=${live}>
    ${lines.map((line) => html`<p>${line}</p> `)}
    ${
      props.retry
        ? html`<button type="button" class="retry" part="retry" @click=${props.retry}>
            ${props.retryLabel ?? retryLabel()}
          </button>`
        : nothing
    }
  </div>`;
}

/**
 * The notice's styles (part of `PeerElement.styles`). They read the core's private
 * `--_peer-*` tokens; a widget restyles `.notice` in its own sheet (a compact inline line in
 * `<peer-kudos>`, a raised box in `<peer-discussion>`).
 */
export const noticeStyles = css`
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_peer-space) * 0.5) calc(var(--_peer-space) * 2);
    margin: 0;
    padding: var(--_peer-space) calc(var(--_peer-space) * 1.5);
    border: 1px solid var(--_peer-border);
    border-radius: var(--_peer-radius);
    background: var(--_peer-surface);
  }
  .notice.error {
    border-color: var(--_peer-danger);
    color: var(--_peer-danger);
  }
  .notice p {
    margin: 0;
  }
  .notice .retry {
    padding: calc(var(--_peer-space) * 0.5) var(--_peer-space);
    border: 1px solid var(--_peer-accent);
    border-radius: var(--_peer-radius);
    background: var(--_peer-surface);
    color: var(--_peer-accent);
    cursor: pointer;
  }
`;
