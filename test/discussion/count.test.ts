/**
 * The heading counts the posts people can read (issue 15 #7): not a "This post was deleted"
 * placeholder kept for its replies, not a hidden post. The server's `total` counts the same.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { PeerDiscussion } from '@peerkit/discussion';
import { $, $$, api, mount, seedPost, unmountAll, waitForPost } from './helpers.js';
import { SEED, signIn, uniqueActivity } from '../support/server.js';

const count = (el: PeerDiscussion) => $(el, '[part~="heading"] .count')?.textContent?.trim();

describe('<peer-discussion> the post count', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('does not count a deleted post kept for its reply', async () => {
    const activity = uniqueActivity('count-deleted');
    const ana = await signIn(SEED.member);
    const first = await seedPost(ana, activity, 'A question, later deleted');
    await seedPost(await signIn(SEED.colleague), activity, 'An answer that stays', first.id);
    await seedPost(ana, activity, 'Another question');
    await api(ana, 'DELETE', `/posts/${first.id}`);
    const { el } = await mount({ activity, person: SEED.colleague });
    await waitForPost(el, 'An answer that stays');
    expect($$(el, '.placeholder').length).to.equal(1);
    expect(count(el)).to.equal('(2 posts)');
  });

  it('counts one post fewer when the person deletes a post that has replies', async () => {
    const activity = uniqueActivity('count-delete-ui');
    const ana = await signIn(SEED.member);
    const first = await seedPost(ana, activity, 'Mine, with a reply');
    await seedPost(await signIn(SEED.colleague), activity, 'A reply', first.id);
    const { el } = await mount({ activity, person: SEED.member });
    await waitForPost(el, 'A reply');
    expect(count(el)).to.equal('(2 posts)');
    $<HTMLButtonElement>(el, `article[data-id="${first.id}"] [data-action="delete"]`)!.click();
    await waitUntil(() => $(el, 'dialog#delete[open]'), 'the delete dialog');
    $$<HTMLButtonElement>(el, 'dialog#delete button')
      .find((b) => b.textContent?.trim() === 'Delete')!
      .click();
    await waitUntil(() => $(el, '.placeholder'), 'the placeholder');
    expect(count(el)).to.equal('(1 post)');
  });
});
