/**
 * The `peer-error` events of kind `config` fired on the document during each test (the core's
 * `AttributeChecks` says there that an attribute holds a value it cannot use).
 *
 * Call `configErrors()` inside the `describe`, before its own `afterEach`: it registers the
 * listener in a `beforeEach` and removes it in an `afterEach`, and returns the list, emptied
 * before each test.
 */
import type { PeerErrorEvent } from '@peerkit/core';

export function configErrors(): PeerErrorEvent[] {
  const errors: PeerErrorEvent[] = [];
  const listen = (e: PeerErrorEvent) => {
    if (e.detail.error.kind === 'config') errors.push(e);
  };
  beforeEach(() => {
    errors.length = 0;
    document.addEventListener('peer-error', listen);
  });
  afterEach(() => document.removeEventListener('peer-error', listen));
  return errors;
}
