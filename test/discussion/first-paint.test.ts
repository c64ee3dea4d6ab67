/**
 * Reading a thread needs no Markdown parser (docs/decisions.md §5): posts arrive parsed
 * (`Post.bodyTree`) and are drawn from the tree; the parser loads only for the composer's
 * preview, or for a host's `PeerClient` that sends no tree.
 *
 * `<peer-discussion>` is imported only once the resource timings are cleared and the buffer
 * is large enough to hold every module the page fetches from then on.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';

import { SEED, signIn, uniqueActivity } from '../support/server.js';

type Helpers = typeof import('./helpers.js');
let h: Helpers;

/** Whether the page fetched a module of the Markdown parser (`marked`, or core's tree). */
const parserFetched = () =>
  performance.getEntriesByType('resource').some((e) => /\/marked[/.]|markdown\/tree/.test(e.name));

describe('<peer-discussion> Markdown on the first paint', () => {
  failOnLitWarnings();
  before(async () => {
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(10_000);
    h = await import('./helpers.js');
  });
  afterEach(() => h.unmountAll());

  it('draws a thread with its Markdown without loading the parser; the preview loads it', async function () {
    this.timeout(20_000);
    const activity = uniqueActivity('first-paint');
    await h.seedPost(await signIn(SEED.colleague), activity, 'Bars **always** start at _zero_.');
    const { el } = await h.mount({ activity });
    const post = h.article(el, 'start at');
    expect(post.querySelector('[part~="body"] strong')?.textContent).to.equal('always');
    expect(post.querySelector('[part~="body"] em')?.textContent).to.equal('zero');
    expect(parserFetched(), 'the Markdown parser was fetched for reading').to.equal(false);

    h.type(h.rootTextarea(el), 'A **bold** preview');
    h.$$<HTMLButtonElement>(el, '[part~="composer"] button')
      .find((b) => b.textContent?.includes('Preview'))!
      .click();
    await waitUntil(() => h.$(el, '.preview strong'), 'the preview draws Markdown');
    expect(h.$(el, '.preview strong')!.textContent).to.equal('bold');
    expect(parserFetched()).to.equal(true);
  });

  it("shows Markdown from a host's own client that sends no parsed tree", async () => {
    const activity = uniqueActivity('no-tree');
    const token = await signIn(SEED.colleague);
    await h.seedPost(token, activity, 'A list:\n\n- one\n- **two**');
    const { providerFor, hostClient } = await import('../support/provider.js');
    // A host's client for another backend: the same posts, without `bodyTree`.
    const client = hostClient(token, ({ bodyTree: _, ...post }) => post);
    const { provider } = await providerFor({ person: SEED.colleague });
    provider.client = client;
    const el = document.createElement('peer-discussion');
    el.setAttribute('activity', activity);
    provider.append(el);
    document.body.append(provider);
    try {
      await h.settled(el);
      await waitUntil(() => h.article(el, 'A list').querySelector('li strong'), 'parsed here');
      expect(h.article(el, 'A list').querySelectorAll('li').length).to.equal(2);
    } finally {
      provider.remove();
    }
  });
});
