/**
 * Loads the contract schemas (`schemas.ts`, with zod) on demand. The REST client starts the
 * load when it is made, so the chunk downloads beside the first request, and awaits it before
 * it checks a request body or parses an answer: nothing reaches a widget unchecked.
 */
import { PeerError } from './types.js';

export type Checks = typeof import('./schemas.js');

let loading: Promise<Checks> | undefined;

/** The schemas, once loaded. A failed load is a `network` error and is tried again next time. */
export function loadChecks(): Promise<Checks> {
  loading ??= import('./schemas.js').catch((e: unknown) => {
    loading = undefined;
    throw new PeerError('network', 'Could not load the contract checks.', { cause: e });
  });
  return loading;
}
