/**
 * `@peerkit/core/conflict`: what an editor needs when its conditional write lost the race. An
 * entry of its own (not re-exported by the main entry), as `@peerkit/core/wording` is: only the
 * widgets that edit (the discussion's composers and reports, the reflection card's autosave)
 * import it, so it stays off the CDN module's first paint (docs/decisions.md §15).
 */
import { PeerError } from './types.js';

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
