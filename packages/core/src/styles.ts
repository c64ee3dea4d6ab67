/**
 * Design tokens and shared styles.
 *
 * Layers: public `--peer-*` tokens (set by the host on the page or on an element) feed
 * private `--_peer-*` variables declared on `:host`, which the element styles use. The
 * defaults inherit the host's font and follow the page's `color-scheme` through
 * `light-dark()`, so a dark page gets the dark palette and a light one the light palette.
 *
 * | token | what | default |
 * | --- | --- | --- |
 * | `--peer-font-family` | font | inherited from the host |
 * | `--peer-font-size` | base size | inherited |
 * | `--peer-color-text` | text | near black / near white |
 * | `--peer-color-muted` | secondary text | AA on the surface |
 * | `--peer-color-surface` | background of cards and inputs | white / dark grey |
 * | `--peer-color-border` | borders | |
 * | `--peer-color-accent` | buttons, links, focus | blue |
 * | `--peer-color-on-accent` | text on the accent | |
 * | `--peer-color-danger` / `--peer-color-success` | error / saved states | |
 * | `--peer-radius` | corner radius | `0.5rem` |
 * | `--peer-space` | base spacing unit | `0.5rem` |
 * | `--peer-density` | multiplier on spacing (0.75 compact, 1.25 roomy) | `1` |
 * | `--peer-color-scheme` | `light`, `dark` or `light dark` | the page's |
 *
 * Composing: every element's `static styles` is `[...PeerElement.styles, ownStyles]` (the
 * tokens, `baseStyles` and the notice view's styles, then the element's own sheet, which may
 * override them); the provider, which is not a `PeerElement`, uses the same list.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    color-scheme: var(--peer-color-scheme, inherit);
    --_peer-font-family: var(--peer-font-family, inherit);
    --_peer-font-size: var(--peer-font-size, inherit);
    --_peer-text: var(--peer-color-text, light-dark(#1f1f1f, #e8eaed));
    --_peer-muted: var(--peer-color-muted, light-dark(#545b62, #bdc1c6));
    --_peer-surface: var(--peer-color-surface, light-dark(#ffffff, #202124));
    --_peer-border: var(--peer-color-border, light-dark(#8a9199, #80868b));
    --_peer-accent: var(--peer-color-accent, light-dark(#0b57d0, #a8c7fa));
    --_peer-on-accent: var(--peer-color-on-accent, light-dark(#ffffff, #062e6f));
    --_peer-danger: var(--peer-color-danger, light-dark(#b3261e, #f2b8b5));
    --_peer-success: var(--peer-color-success, light-dark(#146c2e, #6dd58c));
    --_peer-radius: var(--peer-radius, 0.5rem);
    --_peer-space: calc(var(--peer-space, 0.5rem) * var(--peer-density, 1));
    --_peer-focus: var(--peer-focus-color, var(--_peer-accent));
  }
`;

export const baseStyles = css`
  ${tokens}
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_peer-font-family);
    font-size: var(--_peer-font-size);
    line-height: 1.5;
    color: var(--_peer-text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_peer-focus);
    outline-offset: 2px;
  }
  /* The one visually-hidden rule: read by assistive technology, not drawn. */
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  /* The loading skeletons' pulse (kudos, the expert finder), once for every widget. */
  @keyframes pulse {
    50% {
      opacity: 0.4;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
