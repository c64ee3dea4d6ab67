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

/**
 * What a conditional write found instead of the version it started from: the resource as it is
 * now, when the server refused the write with 412 Precondition Failed (RFC 9110 §13.1.1; the
 * server sends it as `problem.current`, docs/decisions.md §2). `null` for any other failure
 * (and for a 412 without `current`: the resource is gone or the caller may not read it).
 */
export function currentOnConflict<T extends { id: string }>(error: unknown): T | null {
  if (!(error instanceof PeerError) || error.kind !== 'http' || error.status !== 412) return null;
  const current = error.details.problem?.['current'] as T | undefined;
  return current && typeof current === 'object' && typeof current.id === 'string' ? current : null;
}
