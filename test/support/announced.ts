/**
 * Waiting for what a live region says. An announcement can come a little after the state a
 * test waited for (the expert finder words an endorsement with its later parts, which may
 * still be loading on a busy machine), so a test waits for the words themselves rather than
 * reading the region once; a timeout fails with what the region said instead.
 */
import { waitUntil, WAIT_TIMEOUT } from './wait.js';

/**
 * Resolves once `read()` contains `words`; otherwise fails after `timeout` ms (default
 * `WAIT_TIMEOUT`, 10,000) with a message showing what `read()` returned last.
 */
export async function untilSaid(
  read: () => string,
  words: string,
  timeout = WAIT_TIMEOUT,
): Promise<void> {
  await waitUntil(() => read().includes(words), `the live region to say "${words}"`, {
    timeout,
    seen: read,
  });
}
