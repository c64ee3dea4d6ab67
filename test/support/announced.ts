/**
 * Waiting for what a live region says. An announcement can come a little after the state a
 * test waited for (the expert finder words an endorsement with its later parts, which may
 * still be loading on a busy machine), so a test waits for the words themselves rather than
 * reading the region once; a timeout fails with what the region said instead.
 */
import { expect, waitUntil } from '@open-wc/testing';

/**
 * Resolves once `read()` contains `words`; otherwise fails after `timeout` ms (default 5,000)
 * with an assertion showing what `read()` returned last.
 */
export async function untilSaid(read: () => string, words: string, timeout = 5_000): Promise<void> {
  try {
    await waitUntil(() => read().includes(words), `said "${words}"`, { timeout });
  } catch {
    expect(read(), 'what the live region says').to.contain(words);
  }
}
