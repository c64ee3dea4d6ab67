/**
 * Browser storage that will not open (docs/decisions.md §7): the one report per page (`storage.ts`
 * is the `localStorage` wrapper, apart, so that the first paint carries only this part).
 *
 * Some browsers refuse storage: private-browsing modes, an enterprise policy, a sandboxed
 * frame, a full quota, a page that holds the same IndexedDB name at another version. The kit
 * then keeps working in memory for the life of the page, and says so once:
 *
 * - `pageStorage` is a `localStorage` wrapper (the discussion's drafts and guidelines
 *   acknowledgement): every read and write goes to `localStorage` while it works; when it throws
 *   (`SecurityError` on access, `QuotaExceededError` on a write) the value is kept in a
 *   `Map` for the page instead, and what was written there is read back from it.
 * - The xAPI outbox (`xapi/outbox.ts`) falls back from IndexedDB to a memory outbox the same
 *   way, through `storageFailed()`.
 * - The first fallback on the page becomes one `PeerError` of kind `'storage'` with a
 *   localised message, handed to whoever listens (`onStorageFailure`: `<peer-provider>` and
 *   `configure()` dispatch it as `peer-error`); a failure before anyone listens waits for the
 *   first listener. Later failures are not reported again.
 */
import { msg } from './l10n/localize.js';
import { PeerError } from './client/types.js';

export type StorageArea = 'localStorage' | 'indexedDB';

type Listener = (error: PeerError) => void;
const KEY = Symbol.for('peerkit.storage');
type Shared = { listeners: Set<Listener>; error?: PeerError; delivered: boolean };
const g = globalThis as { [KEY]?: Shared };
const shared: Shared = (g[KEY] ??= { listeners: new Set(), delivered: false });

/** The localised sentence the person reads (also the error's `message`). */
export function storageMessage(): string {
  return msg(
    "This browser won't let Peerkit save anything, so drafts and activity records last only until you leave this page.",
    { id: 'core.error.storage' },
  );
}

/**
 * Records that `area` would not work (`cause` is what the browser threw). The first failure on
 * the page is reported once to the listeners (or to the first one that comes).
 */
export function storageFailed(area: StorageArea, cause: unknown): void {
  if (shared.error) return;
  shared.error = new PeerError('storage', storageMessage(), {
    cause,
    problem: { type: `peerkit:storage/${area}`, title: `${area} is unavailable`, status: 0 },
  });
  deliver();
}

function deliver(): void {
  if (!shared.error || shared.delivered || !shared.listeners.size) return;
  shared.delivered = true;
  // Said once per page: by the first provider listening, however many there are.
  const [first] = shared.listeners;
  first!(shared.error);
}

/**
 * Has `listener` told of the page's storage failure (now, if it already happened), unless an
 * earlier listener was told already. Returns the unsubscribe.
 */
export function onStorageFailure(listener: Listener): () => void {
  shared.listeners.add(listener);
  deliver();
  return () => shared.listeners.delete(listener);
}
