/**
 * The reader's clock does not decide what time it is (issue 15 #3): with the browser's clock
 * off from the server's, a post made a moment ago reads as made now, neither in the future
 * (clock behind) nor ten minutes ago (clock ahead).
 * Relative times go through the core's `formatRelativeTime`, which measures from the server's
 * clock (`serverNow()`, estimated from the `Date` of every answer).
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { mount, seedPost, unmountAll, waitForPost } from './helpers.js';
import { SEED, signIn, uniqueActivity } from '../support/server.js';

describe('<peer-discussion> with the browser clock off', () => {
  failOnLitWarnings();
  const realNow = Date.now;
  afterEach(() => {
    Date.now = realNow;
    unmountAll();
  });

  for (const [off, label] of [
    [-150_000, '150 s behind: not "in 2 minutes"'],
    [600_000, '10 minutes ahead: not "10 minutes ago"'],
  ] as const) {
    it(`says a post made a moment ago was made now (${label})`, async () => {
      const activity = uniqueActivity('clock');
      await seedPost(await signIn(SEED.colleague), activity, 'Just posted');
      Date.now = () => realNow.call(Date) + off;
      const { el } = await mount({ activity });
      const post = await waitForPost(el, 'Just posted');
      const when = post.querySelector('time')!.textContent!.trim();
      expect(when).not.to.match(/^in |minute/);
      expect(when).to.match(/now|second/);
    });
  }
});
