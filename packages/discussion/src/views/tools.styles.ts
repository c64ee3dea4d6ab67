import { css } from 'lit';

/**
 * Styles of the composer's tools (the guidelines step, the "Skills" field and its chips, the
 * `@` mention suggestions), adopted by the shadow root when the tools load (`controllers/compose-tools.ts`);
 * the combobox's own rules come from the core (`comboboxStyles`). They read the discussion's
 * private `--_d-*` layer; logical properties throughout, so right-to-left pages mirror.
 */
export const toolStyles = css`
  [part~='guidelines'] {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_d-accent);
    border-radius: var(--_d-radius);
    background: var(--_d-raised);
  }

  [part~='guidelines'] h3 {
    margin: 0;
    font-size: 1em;
  }

  [part~='guidelines'] ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .skills .chips {
    display: contents;
    list-style: none;
  }
  .skills .chips li {
    display: inline-flex;
  }
  [part~='tag-chip'] {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-block-size: 1.75rem;
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--_d-border);
    border-radius: 999px;
    background: var(--_d-raised);
    color: var(--_d-fg);
    font: inherit;
    font-size: 0.875em;
    cursor: pointer;
  }
  [part~='tag-chip']:focus-visible {
    outline: 2px solid var(--_peer-focus);
    outline-offset: 1px;
  }
  .combobox input {
    color: inherit;
    font: inherit;
  }
  [part~='mentions'] {
    max-block-size: 14rem;
    overflow-y: auto;
    border: 1px solid var(--_d-border);
    border-radius: calc(var(--_d-radius) / 2);
    background: var(--_d-bg);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  [part~='mentions'] [role='option'] {
    display: flex;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    cursor: pointer;
  }
  [part~='mentions'] [role='option'][aria-selected='true'] {
    background: var(--_d-accent);
    color: var(--_d-on-accent);
  }
  [part~='mentions'] .notice {
    border: 0;
  }
  [part~='mentions'] .status {
    margin: 0;
    padding: 0.5rem 0.75rem;
    color: var(--_d-muted);
  }
`;
