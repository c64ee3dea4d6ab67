import { PeerError } from '@peerkit/core';

/**
 * What a conditional write found instead of the version it started from: the resource as it is
 * now, when the server refused the write with 412 Precondition Failed (RFC 9110 §13.1.1; the
 * server sends it as `problem.current`, docs/decisions.md §2). `null` for any other failure.
 */
export function currentOnConflict<T extends { id: string }>(error: unknown): T | null {
  if (!(error instanceof PeerError) || error.kind !== 'http' || error.status !== 412) return null;
  const current = error.details.problem?.['current'] as T | undefined;
  return current && typeof current === 'object' && typeof current.id === 'string' ? current : null;
}
