/**
 * `pageStorage`: the `localStorage` wrapper every widget keeps small strings with (the
 * discussion's drafts and guidelines acknowledgement; the kit keeps no locale: it reads
 * `<html lang>` each time), docs/decisions.md §7. Every read and write goes to
 * `localStorage` while it works; when it throws (`SecurityError` on access where storage is
 * blocked, `QuotaExceededError` on a write) the value is kept in a `Map` for the life of the
 * page instead, read back from there, and the failure is reported once per page
 * (`storage-failure.ts`: a `peer-error` of kind `storage`).
 */
import { storageFailed } from './storage-failure.js';

/** A key/value store for small strings: `localStorage` while it works, memory after. */
export interface PageStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Values written since `localStorage` failed (`null`: removed), read before `localStorage`. */
const memory = /* @__PURE__ */ new Map<string, string | null>();

function local(): Storage {
  // The getter itself throws a SecurityError where storage is blocked.
  const s = globalThis.localStorage;
  if (!s) throw new DOMException('localStorage is not available.', 'SecurityError');
  return s;
}

export const pageStorage: PageStorage = {
  getItem(key) {
    if (memory.has(key)) return memory.get(key) ?? null;
    try {
      return local().getItem(key);
    } catch (e) {
      storageFailed('localStorage', e);
      return null;
    }
  },
  setItem(key, value) {
    try {
      local().setItem(key, value);
      memory.delete(key);
    } catch (e) {
      storageFailed('localStorage', e);
      memory.set(key, value);
    }
  },
  removeItem(key) {
    try {
      local().removeItem(key);
      memory.delete(key);
    } catch (e) {
      storageFailed('localStorage', e);
      memory.set(key, null);
    }
  },
};
