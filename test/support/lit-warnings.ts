/**
 * Fails a test when Lit issues a dev-mode warning during it (a reactive property shadowed
 * by a class field, an update scheduled during an update, several Lit versions, …). The
 * notice that Lit is in dev mode itself is expected in tests and ignored.
 *
 * Import this module first in a test file and call `failOnLitWarnings()` inside the
 * `describe`. Lit records every warning it issued in `globalThis.litIssuedWarnings` and
 * issues each only once per page, so warnings issued at import time are caught as well.
 */
type G = { litIssuedWarnings?: Set<string> };

const seen = new Set<string>();
const warned: string[] = [];

const isDevModeNotice = (text: string) =>
  text === 'dev-mode' || /lit\.dev\/msg\/dev-mode\b/.test(text) || /^Lit is in dev mode/.test(text);
const isLitWarning = (text: string) =>
  /lit\.dev\/msg\//.test(text) || /^Lit\b/.test(text) || /Multiple versions of Lit/.test(text);

// Catch warnings that bypass the set (and keep the real console output).
const original = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (isLitWarning(text) && !isDevModeNotice(text)) warned.push(text);
  original(...args);
};

/** Lit warnings (other than the dev-mode notice) issued since the last call. */
export function takeLitWarnings(): string[] {
  const fresh: string[] = [];
  for (const w of (globalThis as G).litIssuedWarnings ?? []) {
    if (seen.has(w)) continue;
    seen.add(w);
    // Entries may be codes pre-registered to silence a warning; only full messages count.
    if (!isDevModeNotice(w) && /lit\.dev\/msg\//.test(w)) fresh.push(w);
  }
  for (const w of warned.splice(0)) if (!fresh.includes(w)) fresh.push(w);
  return fresh;
}

/** Registers an `afterEach` in the current suite that fails on new Lit warnings. */
export function failOnLitWarnings(): void {
  afterEach(function () {
    const warnings = takeLitWarnings();
    if (warnings.length) throw new Error(`Lit dev-mode warning(s):\n${warnings.join('\n')}`);
  });
}
