import { css, unsafeCSS } from 'lit';
import { composerStyles } from './views/composer.styles.js';

/**
 * `<peer-discussion>` styles. Global `--peer-*` tokens feed the public `--peer-discussion-*`
 * hooks declared on `:host`, which feed private `--_d-*` variables; only the private layer
 * is read by the rules below.
 */
export const discussionStyles = [
  css`
    :host {
      --_d-accent: var(--peer-discussion-accent, var(--_peer-accent));
      --_d-on-accent: var(--_peer-on-accent);
      --_d-fg: var(--peer-discussion-color, var(--_peer-text));
      --_d-muted: var(--_peer-muted);
      --_d-bg: var(--peer-discussion-background, var(--_peer-surface));
      --_d-raised: var(
        --peer-discussion-raised,
        color-mix(in srgb, var(--_peer-text) 6%, var(--_peer-surface))
      );
      --_d-border: var(--peer-discussion-border-color, var(--_peer-border));
      --_d-subtle-border: color-mix(in srgb, var(--_peer-border) 45%, var(--_peer-surface));
      --_d-danger: var(--_peer-danger);
      --_d-success: var(--_peer-success);
      --_d-radius: var(--peer-discussion-radius, var(--_peer-radius));
      --_d-gap: calc(var(--_peer-space) * 1.5);
      --_d-indent: var(--peer-discussion-indent, 1.5rem);
      --_d-avatar: var(--peer-discussion-avatar-size, 2.25rem);
      --_d-duration: var(--peer-duration, 160ms);

      display: block;
      color: var(--_d-fg);
      background: var(--_d-bg);
    }

    /* Box sizing, fonts of fields, the focus ring, .visually-hidden and reduced motion come
       from the core's baseStyles (PeerElement.styles). */
    button {
      cursor: pointer;
    }

    button:disabled,
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.7;
    }

    [part~='base'] {
      display: grid;
      gap: var(--_d-gap);
    }

    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_d-gap);
    }

    [part~='heading'] {
      margin: 0;
      font-size: 1.25em;
      line-height: 1.3;
    }

    .count {
      color: var(--_d-muted);
      font-weight: normal;
      font-size: 0.8em;
    }

    .open-count {
      margin: 0;
      color: var(--_d-muted);
      font-size: 0.875em;
    }

    .accepted-mark,
    .highlight-mark {
      color: var(--_d-accent);
      font-size: 0.875em;
      font-weight: 600;
    }

    .accepted-mark::before {
      content: '✓ ' / '';
    }

    .highlight-mark::before {
      content: '★ ' / '';
    }

    .tags {
      grid-column: 2;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .toolbar,
    .tags {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }

    /* The core notice's retry button looks like the discussion's other buttons. */
    .button,
    .notice .retry,
    select {
      display: inline-flex;
      align-items: center;
      gap: 0.375em;
      min-block-size: 2.25rem;
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--_d-border);
      border-radius: var(--_d-radius);
      background: var(--_d-bg);
    }

    .button.primary {
      background: var(--_d-accent);
      border-color: var(--_d-accent);
      color: var(--_d-on-accent);
      font-weight: 600;
    }

    .button.link {
      border-color: transparent;
      background: transparent;
      padding-inline: 0.375rem;
      min-block-size: 2rem;
      text-decoration: underline;
      text-underline-offset: 0.2em;
    }

    .button.danger {
      border-color: var(--_d-danger);
      color: var(--_d-danger);
    }

    .button:hover:not(:disabled),
    .notice .retry:hover {
      border-color: var(--_d-accent);
    }

    /* Over the core's notice rules (flex, wrapped, no margin; an error's border danger). */
    .notice {
      gap: 0.5rem 1rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_d-subtle-border);
      border-radius: var(--_d-radius);
      background: var(--_d-raised);
    }

    /* Attributes the element could not use: one line each, above the thread. */
    .notice.config {
      flex-direction: column;
      align-items: flex-start;
      gap: 0.25rem;
    }

    .empty {
      text-align: center;
      padding: 1.5rem 1rem;
    }

    .empty strong {
      display: block;
      font-size: 1.1em;
    }

    [part~='feed'] {
      display: grid;
      gap: 0;
    }

    .new-posts {
      justify-self: center;
      position: sticky;
      inset-block-start: 0.5rem;
      z-index: 1;
    }

    [part~='post'] {
      --_depth: 0;
      position: relative;
      display: grid;
      grid-template-columns: var(--_d-avatar) 1fr;
      gap: 0.25rem 0.75rem;
      margin-inline-start: calc(var(--_d-indent) * var(--_depth));
      padding-block: 0.75rem;
      padding-inline: 0.5rem;
      border-block-start: 1px solid var(--_d-subtle-border);
      content-visibility: auto;
      contain-intrinsic-size: auto 7rem;
    }

    [part~='post'][data-depth='1'] {
      --_depth: 1;
    }

    [part~='post'][data-depth='2'] {
      --_depth: 2;
    }

    [part~='post'][data-depth='3'] {
      --_depth: 3;
    }

    [part~='post'][data-depth='4'] {
      --_depth: 4;
    }

    [part~='post'][data-depth='5'] {
      --_depth: 5;
    }

    [part~='post'][data-depth='6'] {
      --_depth: 6;
    }

    [part~='post'][data-depth='7'] {
      --_depth: 7;
    }

    [part~='post'][data-depth='8'] {
      --_depth: 8;
    }

    [part~='post'][data-depth]:not([data-depth='0']) {
      border-inline-start: 2px solid var(--_d-subtle-border);
    }

    [part~='post']:focus-visible {
      outline-offset: -2px;
    }

    [part~='post'].fresh {
      animation: fresh 1.2s ease-out;
    }

    @keyframes fresh {
      from {
        background: color-mix(in srgb, var(--_d-accent) 18%, transparent);
      }
    }

    @media (prefers-reduced-motion: reduce) {
      [part~='post'].fresh {
        animation: none;
      }
      * {
        transition: none !important;
      }
    }

    [part~='avatar'] {
      display: grid;
      place-items: center;
      inline-size: var(--_d-avatar);
      block-size: var(--_d-avatar);
      border-radius: 50%;
      background: var(--_d-raised);
      color: var(--_d-fg);
      font-size: 0.85em;
      font-weight: 700;
      grid-row: span 3;
    }

    [part~='avatar'][data-hue] {
      background: light-dark(hsl(var(--_hue) 60% 88%), hsl(var(--_hue) 35% 28%));
    }

    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.125rem 0.5rem;
      min-inline-size: 0;
    }

    .author {
      font-weight: 600;
    }

    button.author {
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }

    button.author:hover {
      text-decoration: underline;
    }

    .meta .title,
    .meta time,
    .meta .edited,
    .meta .hidden-mark,
    .in-reply {
      color: var(--_d-muted);
      font-size: 0.875em;
    }

    .in-reply {
      margin: 0;
    }

    [part~='body'] {
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }

    [part~='body'] > :first-child {
      margin-block-start: 0;
    }

    [part~='body'] > :last-child {
      margin-block-end: 0;
    }

    [part~='body'] p,
    [part~='body'] ul,
    [part~='body'] ol,
    [part~='body'] blockquote,
    [part~='body'] pre {
      margin-block: 0.5em;
    }

    [part~='body'] pre {
      overflow-x: auto;
      padding: 0.5rem 0.75rem;
      border-radius: calc(var(--_d-radius) / 2);
      background: var(--_d-raised);
    }

    [part~='body'] code {
      font-family: var(--peer-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
      font-size: 0.9em;
    }

    [part~='body'] blockquote {
      margin-inline: 0;
      padding-inline-start: 0.75rem;
      border-inline-start: 3px solid var(--_d-subtle-border);
      color: var(--_d-muted);
    }

    [part~='body'] a {
      color: var(--_d-accent);
    }

    [part~='body'] .mention {
      font-weight: 600;
    }

    [part~='body'] button.mention {
      padding: 0;
      border: 0;
      background: none;
      color: var(--_d-accent);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }

    [part~='body'] button.mention:hover {
      text-decoration: underline;
    }

    [part~='body'] .raw {
      white-space: pre-wrap;
    }

    [part~='body'] .table {
      overflow-x: auto;
    }

    [part~='body'] table {
      border-collapse: collapse;
    }

    [part~='body'] th,
    [part~='body'] td {
      border: 1px solid var(--_d-subtle-border);
      padding: 0.25rem 0.5rem;
    }

    .placeholder {
      color: var(--_d-muted);
      font-style: italic;
    }

    [part~='actions'] {
      grid-column: 2;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }

    .kudos-slot {
      display: inline-block;
      min-inline-size: 4rem;
      min-block-size: 2rem;
    }

    .reply-slot {
      grid-column: 1 / -1;
    }
  `,
  composerStyles,
  // The avatars' twelve hues (`avatarHue`, `@peerkit/core/person-card`), one rule each, built
  // from numbers only, as the expert finder's.
  unsafeCSS(
    Array.from(
      { length: 12 },
      (_, i) => `[part~='avatar'][data-hue='${i}']{--_hue:${i * 30}}`,
    ).join(''),
  ),
];
