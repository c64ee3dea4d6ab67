import { css } from 'lit';

/**
 * Styles of the composers, the skeleton, the dialogs and the
 * moderators' queue (the second half of `discussion.styles.ts`, same private `--_d-*` layer).
 */
export const composerStyles = css`
  [part~='composer'] {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_d-subtle-border);
    border-radius: var(--_d-radius);
    background: var(--_d-bg);
  }

  [part~='composer'] label {
    font-weight: 600;
  }

  [part~='textarea'] {
    inline-size: 100%;
    min-block-size: 6rem;
    resize: vertical;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_d-border);
    border-radius: calc(var(--_d-radius) / 2);
    background: var(--_d-bg);
  }

  [part~='textarea'][aria-invalid='true'] {
    border-color: var(--_d-danger);
  }

  .composer-foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }

  .composer-foot .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .hint,
  [part~='counter'] {
    color: var(--_d-muted);
    font-size: 0.875em;
  }

  [part~='counter'].over {
    color: var(--_d-danger);
    font-weight: 600;
  }

  .preview {
    min-block-size: 6rem;
    padding: 0.5rem 0.75rem;
    border: 1px dashed var(--_d-border);
    border-radius: calc(var(--_d-radius) / 2);
    overflow-wrap: anywhere;
  }

  .error-text {
    color: var(--_d-danger);
    margin: 0;
  }

  .skeleton {
    display: grid;
    grid-template-columns: var(--_d-avatar) 1fr;
    gap: 0.5rem 0.75rem;
    padding-block: 0.75rem;
  }

  .skeleton span {
    display: block;
    border-radius: 0.25rem;
    background: var(--_d-raised);
    block-size: 0.9rem;
  }

  .skeleton .short {
    inline-size: 30%;
  }

  .skeleton .medium {
    inline-size: 70%;
  }

  .skeleton .circle {
    inline-size: var(--_d-avatar);
    block-size: var(--_d-avatar);
    border-radius: 50%;
    grid-row: span 3;
  }

  .skeleton span {
    /* The core's shared pulse keyframes (to 0.4); its reduced-motion rule stills it. */
    animation: pulse 1.4s ease-in-out infinite;
  }

  .more {
    display: flex;
    justify-content: center;
    padding-block: 0.5rem;
  }

  dialog {
    max-inline-size: min(32rem, calc(100vw - 2rem));
    padding: 1rem 1.25rem;
    border: 1px solid var(--_d-border);
    border-radius: var(--_d-radius);
    background: var(--_d-bg);
    color: var(--_d-fg);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }

  dialog h3 {
    margin-block: 0 0.75rem;
  }

  dialog form {
    display: grid;
    gap: 0.75rem;
  }

  fieldset {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_d-subtle-border);
    border-radius: calc(var(--_d-radius) / 2);
  }

  .reports {
    display: grid;
    gap: var(--_d-gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .report {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_d-subtle-border);
    border-radius: var(--_d-radius);
  }

  .report blockquote {
    margin: 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_d-subtle-border);
  }
`;
