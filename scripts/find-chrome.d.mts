// Types for find-chrome.mjs, for the TypeScript tests that import it.

export declare const CHROME_FLAGS: readonly string[];
export declare function findChrome(): string | null;
export declare function ensureChrome(): string;
