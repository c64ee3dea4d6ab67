/**
 * Waiting for a condition in a browser test, the only way these tests wait.
 *
 * `@open-wc/testing`'s `waitUntil` gives up after 1,000 ms unless told otherwise. Nearly
 * everything these tests wait for involves a round trip to the reference server, a server
 * write or a lazily loaded chunk, which on a busy two-core CI machine can take longer than
 * that while the product is right (CI failed that way). So this one has the same signature
 * and a default that a slow machine does not reach, 10,000 ms (well inside mocha's 30 s per
 * test), and it can say what it saw last when it gives up. ESLint bans importing the other
 * one in tests (`eslint.config.js`).
 */

export interface WaitOptions {
  /** Give up after this many ms (default 10,000). */
  timeout?: number;
  /** Ask again after this many ms (default 50). */
  interval?: number;
  /** What to show when giving up: read once more then, and added to the message. */
  seen?: () => unknown;
}

/** The default timeout of `waitUntil`, in ms. */
export const WAIT_TIMEOUT = 10_000;

const show = (value: unknown) => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

/**
 * Resolves once `check()` (which may be async) returns something truthy. Rejects with
 * `Timeout: <message> (after <timeout> ms; last seen: <seen()>)` when `check()` is still
 * falsy on its first call after `options.timeout` ms (so a check that turns true just as
 * time runs out still counts), and at once with whatever `check()` throws.
 */
export async function waitUntil(
  check: () => unknown,
  message = 'the condition',
  options: WaitOptions = {},
): Promise<void> {
  const { timeout = WAIT_TIMEOUT, interval = 50, seen } = options;
  const end = performance.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (performance.now() >= end) {
      const last = seen ? `; last seen: ${show(seen())}` : '';
      throw new Error(`Timeout: ${message} (after ${timeout} ms${last})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}
