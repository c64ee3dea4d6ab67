import { css } from 'lit';

/**
 * `<peer-kudos>` styles, on top of the core's `baseStyles`. The global tokens (through the
 * core's private `--_peer-*` layer) feed the public `--peer-kudos-*` hooks, which feed
 * private `--_k-*` variables; only the private layer is read by the rules below. The values
 * popover's own rules load with it (`pickerStyles` in `popover.ts`).
 */
export const kudosStyles = css`
  :host {
    --_k-accent: var(--peer-kudos-accent, var(--_peer-accent));
    --_k-on-accent: var(--peer-kudos-on-accent, var(--_peer-on-accent));
    --_k-fg: var(--peer-kudos-color, var(--_peer-text));
    --_k-muted: var(--peer-kudos-muted-color, var(--_peer-muted));
    --_k-bg: var(--peer-kudos-background, var(--_peer-surface));
    --_k-border: var(--peer-kudos-border-color, var(--_peer-border));
    --_k-danger: var(--_peer-danger);
    --_k-radius: var(--peer-kudos-radius, 999px);
    --_k-panel-radius: var(--_peer-radius);
    --_k-gap: var(--peer-kudos-gap, var(--_peer-space));
    --_k-pad-block: calc(var(--_peer-space) * 0.5);
    --_k-pad-inline: calc(var(--_peer-space) * 1.5);
    --_k-icon-size: var(--peer-kudos-icon-size, 1.1em);
    --_k-duration: 160ms;

    display: inline-block;
    position: relative;
    color: var(--_k-fg);
    vertical-align: middle;
  }

  [part~='base'] {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_k-gap);
  }

  /* Fonts, box sizing, the focus ring and reduced motion come from the core's baseStyles. */
  button {
    cursor: pointer;
  }

  [part~='button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-block-size: 2rem;
    padding: var(--_k-pad-block) var(--_k-pad-inline);
    border: 1px solid var(--_k-border);
    border-radius: var(--_k-radius);
    background: var(--_k-bg);
    /* Only the border eases: a colour caught mid-fade would fail contrast for a moment. */
    transition: border-color var(--_k-duration) ease;
  }

  [part~='button']:hover:not([aria-disabled='true']) {
    border-color: var(--_k-accent);
  }

  [part~='button'][aria-pressed='true'] {
    background: var(--_k-accent);
    border-color: var(--_k-accent);
    color: var(--_k-on-accent);
  }

  [part~='button'][aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--_k-muted);
    border-style: dashed;
  }

  [part~='icon'] {
    inline-size: var(--_k-icon-size);
    block-size: var(--_k-icon-size);
    flex: none;
    fill: currentColor;
  }

  [aria-pressed='true'] [part~='icon'] {
    animation: pop calc(var(--_k-duration) * 2) ease-out;
  }

  @keyframes pop {
    50% {
      transform: scale(1.3);
    }
  }

  [part~='count'] {
    font-variant-numeric: tabular-nums;
    min-inline-size: 1ch;
  }

  button[part~='count'] {
    padding: 0.125rem 0.25rem;
    border: 0;
    border-radius: 0.25rem;
    background: none;
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
  }

  [part~='values'] {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--_k-muted);
    font-size: 0.875em;
  }

  [part~='value-chip'] {
    padding: 0 0.5em;
    border: 1px solid var(--_k-border);
    border-radius: var(--_k-radius);
  }

  [part~='value-chip'].mine {
    border-color: var(--_k-accent);
    color: var(--_k-fg);
    font-weight: 600;
  }

  [part~='givers'],
  [part~='status'] {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.875em;
    color: var(--_k-muted);
  }

  /* The core's notice, as one compact line under the button. */
  [part~='status'] {
    display: block;
    padding: 0;
    border: 0;
    background: none;
  }

  [part~='status'] p {
    display: inline;
  }

  [part~='status'].error {
    color: var(--_k-danger);
  }

  .link,
  [part~='status'] .retry {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_k-fg);
    text-decoration: underline;
  }

  .skeleton {
    display: inline-block;
    inline-size: 2ch;
    block-size: 1em;
    border-radius: 0.25rem;
    background: color-mix(in srgb, var(--_k-muted) 25%, transparent);
    /* The core's shared pulse keyframes. */
    animation: pulse 1.2s ease-in-out infinite;
  }

  @media (forced-colors: active) {
    [part~='button'][aria-pressed='true'] {
      border-width: 3px;
    }
  }
`;
