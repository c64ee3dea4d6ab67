/**
 * The one guarded `define()`: registers a tag unless it is taken, and warns in development
 * when another version of Peerkit took it (two copies of a widget on one page).
 */
import { VERSION } from './version.js';

/** True unless a bundler replaced `process.env.NODE_ENV` with `"production"`. */
export const DEV: boolean = (() => {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
})();

type Versioned = CustomElementConstructor & { peerkitVersion?: string };

export function define(tag: string, ctor: CustomElementConstructor): void {
  const taken = customElements.get(tag) as Versioned | undefined;
  if (taken) {
    if (DEV && taken !== ctor) {
      const theirs = taken.peerkitVersion ?? 'another library';
      if (theirs !== VERSION) {
        console.warn(
          `[peerkit] <${tag}> is already defined by ${theirs === 'another library' ? theirs : `Peerkit ${theirs}`}; ` +
            `Peerkit ${VERSION} keeps that definition. Load one copy of Peerkit per page.`,
        );
      }
    }
    return;
  }
  customElements.define(tag, ctor);
}
