import { css } from 'lit';

/**
 * `<peer-reflection-card>` styles, on top of the core's `baseStyles`. The global tokens
 * (through the core's private `--_peer-*` layer) feed the public `--peer-reflection-*` hooks,
 * which feed private `--_r-*` variables; only the private layer is read by the rules below.
 */
export const reflectionStyles = css`
  :host {
    --_r-accent: var(--peer-reflection-accent, var(--_peer-accent));
    --_r-fg: var(--peer-reflection-color, var(--_peer-text));
    --_r-muted: var(--_peer-muted);
    --_r-bg: var(--peer-reflection-background, var(--_peer-surface));
    --_r-border: var(--peer-reflection-border-color, var(--_peer-border));
    --_r-subtle: color-mix(in srgb, var(--_peer-border) 45%, var(--_peer-surface));
    --_r-raised: color-mix(in srgb, var(--_peer-text) 6%, var(--_peer-surface));
    --_r-danger: var(--_peer-danger);
    --_r-radius: var(--peer-reflection-radius, var(--_peer-radius));
    --_r-gap: calc(var(--_peer-space) * 1.5);

    display: block;
    color: var(--_r-fg);
    background: var(--_r-bg);
  }

  [part~='base'],
  form,
  section {
    display: grid;
    gap: var(--_r-gap);
  }

  h2,
  h3,
  h4,
  p,
  dl,
  ul,
  blockquote {
    margin: 0;
  }

  [part~='heading'] {
    font-size: 1.25em;
  }

  h3 {
    font-size: 1.05em;
  }

  .prompt {
    display: grid;
    gap: 0.25rem;
  }

  label[part~='question'] {
    font-weight: 600;
  }

  .hint,
  .note,
  .status {
    color: var(--_r-muted);
    font-size: 0.9em;
  }

  textarea {
    inline-size: 100%;
    min-block-size: 4.5rem;
    padding: 0.5rem;
    border: 1px solid var(--_r-border);
    border-radius: var(--_r-radius);
    background: var(--_r-bg);
    color: inherit;
    resize: vertical;
  }

  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_r-subtle);
    border-radius: var(--_r-radius);
  }

  fieldset .hint {
    flex-basis: 100%;
  }

  .toolbar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .status.failed {
    color: var(--_r-danger);
  }

  .button,
  .notice .retry,
  select {
    min-block-size: 2.25rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_r-border);
    border-radius: var(--_r-radius);
    background: var(--_r-bg);
    color: inherit;
    cursor: pointer;
  }

  .link {
    padding: 0.25rem;
    border: 0;
    background: none;
    color: var(--_r-accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }

  [aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }

  .clash,
  .notice {
    display: grid;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_r-subtle);
    border-radius: var(--_r-radius);
    background: var(--_r-raised);
  }

  blockquote {
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_r-border);
    white-space: pre-wrap;
  }

  .list {
    display: grid;
    gap: 0.5rem;
    padding: 0;
    list-style: none;
  }

  .list > li {
    display: grid;
    gap: 0.25rem;
    padding-block: 0.5rem;
    border-block-start: 1px solid var(--_r-subtle);
  }

  dt {
    font-weight: 600;
  }

  dd {
    margin: 0 0 0.5rem;
    white-space: pre-wrap;
  }

  .skeleton {
    block-size: 6rem;
    border-radius: var(--_r-radius);
    background: var(--_r-raised);
  }
`;
