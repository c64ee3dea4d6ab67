import { css, unsafeCSS } from 'lit';
import { comboboxStyles } from '@peerkit/core/controllers';

/**
 * `<peer-expert-finder>` and `<peer-person-card>` styles, on top of the core's `baseStyles`:
 * the public `--peer-experts-*` hooks feed private `--_x-*` variables; the combobox's own rules
 * come from the core (`comboboxStyles`). Logical properties throughout, so right-to-left pages
 * mirror.
 */
export const expertFinderStyles = [
  comboboxStyles,
  // The avatars' twelve hues (`views/card.ts`), one rule each, built from numbers only.
  unsafeCSS(
    Array.from({ length: 12 }, (_, i) => `.avatar[data-hue='${i}']{--_hue:${i * 30}}`).join(''),
  ),
  css`
    :host {
      --_x-card-bg: var(--peer-experts-card-background, var(--_peer-surface));
      --_x-card-border: var(--peer-experts-card-border, var(--_peer-border));
      --_x-meter: var(--peer-experts-meter-color, var(--_peer-accent));
      --_x-gap: var(--peer-experts-gap, calc(var(--_peer-space) * 1.5));
    }
    section {
      display: grid;
      gap: var(--_peer-space);
    }
    h2 {
      margin: 0;
      font-size: 1.25em;
    }
    .hint,
    .meta,
    .why,
    .topics {
      color: var(--_peer-muted);
    }
    .hint {
      margin: 0;
      font-size: 0.875em;
    }
    .chips {
      display: contents;
      list-style: none;
    }
    .chips li {
      display: inline;
    }
    [part~='chip'] {
      border: 1px solid var(--_peer-accent);
      border-radius: 999px;
      background: var(--_peer-surface);
      color: var(--_peer-accent);
      padding: 0 var(--_peer-space);
      cursor: pointer;
    }
    .list {
      display: grid;
      gap: var(--_x-gap);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: grid;
      gap: calc(var(--_peer-space) * 0.75);
      padding: calc(var(--_peer-space) * 1.5);
      border: 1px solid var(--_x-card-border);
      border-radius: var(--_peer-radius);
      background: var(--_x-card-bg);
    }
    .card p {
      margin: 0;
    }
    .card-head {
      display: flex;
      gap: var(--_peer-space);
      align-items: flex-start;
    }
    .avatar {
      flex: none;
      display: inline-grid;
      place-items: center;
      inline-size: 2.5rem;
      block-size: 2.5rem;
      border-radius: 50%;
      background: hsl(var(--_hue, 210) 50% 28%);
      color: #fff;
      font-weight: 600;
    }
    .name {
      margin: 0;
      font-size: 1.05em;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_peer-space) * 0.5);
      font-size: 0.875em;
    }
    .availability::before {
      content: '● ';
    }
    .availability.available::before {
      color: var(--_peer-success);
    }
    .availability.busy::before {
      color: var(--_peer-danger);
    }
    .badge {
      padding: 0 calc(var(--_peer-space) * 0.75);
      border: 1px solid currentColor;
      border-radius: 999px;
    }
    .skills {
      display: grid;
      gap: calc(var(--_peer-space) * 0.5);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .skill {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_peer-space) * 0.75);
    }
    .skill-name {
      font-weight: 600;
    }
    .level,
    .count {
      font-size: 0.875em;
      color: var(--_peer-muted);
    }
    meter {
      inline-size: 5rem;
      accent-color: var(--_x-meter);
    }
    button {
      cursor: pointer;
    }
    .endorse,
    .ask,
    .more,
    .link {
      padding: calc(var(--_peer-space) * 0.25) var(--_peer-space);
      border: 1px solid var(--_peer-accent);
      border-radius: var(--_peer-radius);
      background: var(--_peer-surface);
      color: var(--_peer-accent);
      justify-self: start;
      text-decoration: none;
    }
    .endorse[aria-pressed='true'] {
      background: var(--_peer-accent);
      color: var(--_peer-on-accent);
    }
    .failed {
      color: var(--_peer-danger);
    }
    .sub {
      margin: 0 0 var(--_peer-space);
      font-size: 1em;
    }
    .skeleton-list {
      display: grid;
      gap: var(--_x-gap);
    }
    .skeleton {
      grid-template-columns: auto 1fr;
      align-items: center;
    }
    .skeleton .bar {
      block-size: 0.9em;
      border-radius: 4px;
      /* The core's shared pulse keyframes; its reduced-motion rule stills it. */
      animation: pulse 1.2s ease-in-out infinite;
    }
    .skeleton .bar,
    .skeleton .avatar {
      background: color-mix(in srgb, var(--_peer-muted) 25%, transparent);
    }
    .skeleton .bar.short {
      grid-column: 2;
      inline-size: 60%;
    }
  `,
];
