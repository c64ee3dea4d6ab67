import { css } from 'lit';

/**
 * The rules of the parts that load after the first paint (`parts.ts`: the question form, the own
 * card and its editing), adopted into the finder's shadow root when they load.
 */
export const partsStyles = css`
  .edit,
  [part~='ask-send'],
  [part~='save'] {
    padding: calc(var(--_peer-space) * 0.25) var(--_peer-space);
    border: 1px solid var(--_peer-accent);
    border-radius: var(--_peer-radius);
    background: var(--_peer-surface);
    color: var(--_peer-accent);
    justify-self: start;
  }
  .form-error {
    color: var(--_peer-danger);
  }
  .ask-form,
  .profile-form {
    display: grid;
    gap: calc(var(--_peer-space) * 0.5);
  }
  .ask-form textarea,
  .profile-form input:not([type='checkbox']),
  .profile-form select {
    padding: calc(var(--_peer-space) * 0.5);
    border: 1px solid var(--_peer-border);
    border-radius: var(--_peer-radius);
    background: var(--_peer-surface);
  }
  .actions {
    display: flex;
    gap: var(--_peer-space);
  }
  .own {
    border-inline-start: 4px solid var(--_peer-accent);
    border-radius: var(--_peer-radius);
  }
  .own-label {
    margin: 0 0 calc(var(--_peer-space) * 0.5);
    padding-inline-start: var(--_peer-space);
    color: var(--_peer-muted);
    font-size: 0.875em;
    font-weight: 600;
  }
`;
