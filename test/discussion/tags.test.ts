/**
 * Skill tags on posts (docs/decisions.md §11, §19): each tag is a button; a click narrows the
 * thread to the trees holding that tag (`GET /posts?tag=`), says so in a visible bar and the
 * live region, and **Clear** brings the whole thread back with focus on the tag again. The
 * tag combines with the Q&A "Show" menu. Real Chromium against the real server.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { Post } from '@peerkit/core';
import type { PeerDiscussion } from '@peerkit/discussion';
import { SEED, chaos, signIn, uniqueActivity } from '../support/server.js';
import { hostClient, place, providerFor } from '../support/provider.js';
import {
  $,
  activeElement,
  api,
  article,
  articles,
  mount,
  unmountAll,
  waitForPost,
} from './helpers.js';

const tagged = (token: string, activity: string, body: string, tags: string[], parentId?: string) =>
  api<Post>(token, 'POST', '/posts', { activity, body, tags, ...(parentId ? { parentId } : {}) });

/** Ben asks about SQL (answered by Ana, who tags her answer), Ana asks about Kubernetes. */
async function taggedThread(activity: string) {
  const [ana, ben] = await Promise.all([signIn(SEED.member), signIn(SEED.colleague)]);
  const sql = await tagged(ben, activity, 'How do I join two tables?', ['SQL']);
  const answer = await tagged(ana, activity, 'Use an inner join', ['SQL', 'Joins'], sql.id);
  await tagged(ana, activity, 'How do I drain a node?', ['Kubernetes']);
  return { sql, answer };
}

const tagOf = (post: HTMLElement, tag: string) =>
  post.querySelector<HTMLButtonElement>(`[data-tag="${tag}"]`);
const bar = (el: PeerDiscussion) => $(el, '[data-action="clear-tag"]')?.closest('.notice');
const said = (el: PeerDiscussion) =>
  el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')?.textContent ?? '';
const bodies = (el: PeerDiscussion) =>
  articles(el).map((a) => a.querySelector('[part~="body"]')!.textContent!.trim());

for (const mode of ['discussion', 'qa']) {
  describe(`<peer-discussion mode="${mode}"> skill tags`, () => {
    failOnLitWarnings();
    afterEach(unmountAll);

    it('draws tags as buttons; a click shows only that tag, said aloud; Clear brings all back', async function () {
      this.timeout(30_000);
      const activity = uniqueActivity('tags');
      await taggedThread(activity);
      const { el } = await mount({ activity, person: SEED.member, attrs: { mode } });
      await waitForPost(el, 'drain a node');
      const answer = article(el, 'inner join');
      expect(
        [...answer.querySelectorAll('.tags button')].map((b) => b.textContent!.trim()),
      ).to.deep.equal(['SQL', 'Joins']);
      expect(answer.querySelector('.tags')!.getAttribute('aria-label')).to.equal('Tags');
      const sql = tagOf(answer, 'SQL')!;
      expect(sql.getAttribute('aria-pressed')).to.equal('false');

      sql.click();
      await waitUntil(() => bar(el), 'the filter bar is drawn');
      await waitUntil(
        () => !bodies(el).some((b) => b.includes('drain a node')),
        'the Kubernetes question left the thread',
      );
      await waitForPost(el, 'join two tables');
      expect(bar(el)!.textContent).to.contain('Showing posts tagged SQL');
      await waitUntil(() => said(el).includes('Showing posts tagged SQL'), 'announced');
      expect(activeElement()).to.equal($(el, '[data-action="clear-tag"]'));
      expect(tagOf(article(el, 'inner join'), 'SQL')!.getAttribute('aria-pressed')).to.equal(
        'true',
      );
      await expect(el).to.be.accessible();

      $<HTMLButtonElement>(el, '[data-action="clear-tag"]')!.click();
      await waitForPost(el, 'drain a node');
      expect(bar(el)).to.equal(undefined);
      await waitUntil(
        () => activeElement() === tagOf(article(el, 'inner join'), 'SQL'),
        'focus back on the tag that was clicked',
      );
      expect(bodies(el)).to.have.length(3);
    });

    it('says when a tag has no posts in the view shown, and keeps Clear through a failed load', async function () {
      this.timeout(30_000);
      const activity = uniqueActivity('tags-empty');
      const { answer } = await taggedThread(activity);
      if (mode === 'qa') {
        await api(await signIn(SEED.colleague), 'PUT', `/posts/${answer.id}/acceptance`);
      }
      const faults = await chaos([]);
      try {
        const { el } = await mount({
          activity,
          endpoint: faults.endpoint,
          person: SEED.member,
          attrs: { mode },
        });
        await waitForPost(el, 'drain a node');
        // The next thread request fails: the error state, with the bar and its Clear.
        await faults.set([
          { match: { method: 'GET', path: '^/posts$' }, action: 'status', status: 500 },
        ]);
        tagOf(article(el, 'inner join'), 'SQL')!.click();
        await waitUntil(() => $(el, '.notice.error .retry'), 'the error state with a retry');
        expect(bar(el)!.textContent).to.contain('Showing posts tagged SQL');
        $<HTMLButtonElement>(el, '.notice.error .retry')!.click();
        await waitForPost(el, 'join two tables');
        expect(bodies(el).some((b) => b.includes('drain'))).to.equal(false);
        if (mode === 'qa') {
          // Combined with "Show: Unanswered": the SQL question is answered, so nothing is left.
          const view = $<HTMLSelectElement>(el, '#view')!;
          view.value = 'unanswered';
          view.dispatchEvent(new Event('change'));
          await waitUntil(() => $(el, '.notice.empty'), 'the empty state');
          expect($(el, '.notice.empty')!.textContent!.trim()).to.equal('No posts tagged SQL yet.');
          await expect(el).to.be.accessible();
          view.value = 'all';
          view.dispatchEvent(new Event('change'));
          await waitForPost(el, 'join two tables');
        }
      } finally {
        await faults.clear();
      }
    });
  });
}

describe('<peer-discussion> tags spelled otherwise', () => {
  failOnLitWarnings();
  const placed: HTMLElement[] = [];
  afterEach(() => placed.splice(0).forEach((box) => box.remove()));

  it("draws a post's tag pressed when the filter is the same skill in another case", async function () {
    this.timeout(30_000);
    const activity = uniqueActivity('tags-spelling');
    await taggedThread(activity);
    const token = await signIn(SEED.member);
    // A host's own backend that keeps each tag as written: the answer says "sql".
    const client = hostClient(token, (post) =>
      post.body.includes('inner join') ? { ...post, tags: ['sql', 'Joins'] } : post,
    );
    const { provider } = await providerFor({ person: SEED.member });
    provider.client = client;
    const el = document.createElement('peer-discussion');
    el.setAttribute('activity', activity);
    provider.append(el);
    place(provider, placed);
    await waitForPost(el, 'drain a node');
    tagOf(article(el, 'join two tables'), 'SQL')!.click();
    await waitUntil(
      () => bar(el) && !bodies(el).some((b) => b.includes('drain a node')),
      'the SQL filter applied',
    );
    await waitForPost(el, 'inner join');
    expect(tagOf(article(el, 'inner join'), 'sql')!.getAttribute('aria-pressed')).to.equal('true');
    expect(tagOf(article(el, 'inner join'), 'Joins')!.getAttribute('aria-pressed')).to.equal(
      'false',
    );
  });
});

describe('<peer-discussion live> under a tag filter', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('holds back only new threads tagged with it: others posted meanwhile stay out', async function () {
    this.timeout(40_000);
    const activity = uniqueActivity('tags-live');
    await taggedThread(activity);
    const { el } = await mount({ activity, person: SEED.member, attrs: { live: true } });
    await waitForPost(el, 'drain a node');
    tagOf(article(el, 'inner join'), 'SQL')!.click();
    await waitUntil(
      () => bar(el) && !bodies(el).some((b) => b.includes('drain a node')),
      'the SQL filter applied',
      { timeout: 10_000 },
    );
    await waitUntil(
      () => (el as unknown as { liveStatus: string }).liveStatus === 'open',
      'the live stream open',
      { timeout: 10_000 },
    );

    // Ben starts a Kubernetes thread, then an SQL one: the stream brings them in that order.
    const ben = await signIn(SEED.colleague);
    await tagged(ben, activity, 'Pods keep restarting', ['Kubernetes']);
    await tagged(ben, activity, 'Which index helps this join?', ['sql']);
    await waitUntil(() => $(el, '.new-posts'), 'the "new posts" button', { timeout: 15_000 });
    expect($(el, '.new-posts')!.textContent!.trim()).to.equal('Show 1 new post');
    $<HTMLButtonElement>(el, '.new-posts')!.click();
    await waitForPost(el, 'Which index helps');
    expect(bodies(el).some((b) => b.includes('Pods keep restarting'))).to.equal(false);
    expect(bar(el)!.textContent).to.contain('Showing posts tagged SQL');
  });
});
