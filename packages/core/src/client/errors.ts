import { PeerError, type PeerErrorKind } from './types.js';

/** Turns anything thrown into a `PeerError` (a `PeerError` passes through unchanged). */
export function toPeerError(error: unknown): PeerError {
  if (error instanceof PeerError) return error;
  // A PeerError from another copy of the kit on the page.
  if (error instanceof Error && error.name === 'PeerError' && 'kind' in error) {
    const e = error as Error & { kind: PeerErrorKind; details?: PeerError['details'] };
    return new PeerError(e.kind, e.message, { ...e.details, cause: error });
  }
  if (isAbort(error)) return new PeerError('aborted', 'The request was aborted.', { cause: error });
  if (error instanceof TypeError)
    return new PeerError('network', error.message || 'Network error', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new PeerError('validation', message || 'Unexpected error', { cause: error });
}

export function isAbort(error: unknown): boolean {
  return (
    (error instanceof DOMException &&
      (error.name === 'AbortError' || error.name === 'TimeoutError')) ||
    (error instanceof Error && error.name === 'AbortError')
  );
}

/** A config error whose message the widgets can localise (see `l10n/messages.ts`). */
export function configError(code: string, value: string, message: string): PeerError {
  return new PeerError('config', message, {
    problem: { type: `peerkit:config/${code}`, title: message, status: 0, value },
  });
}
