/**
 * Highlights (docs/decisions.md §19): a moderator highlights a post from its actions (a
 * toggle), the post says "★ Recognised by the community team" (the star silent), the host
 * hears `peer-post-highlighted`, the LRS gets `highlighted` and `withdrew-highlight`; the
 * "Highlights" toggle of the header lists the highlighted posts (`filter=highlighted`), in
 * both modes, with its empty state. Real Chromium, real server.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { PeerDiscussion } from '@peerkit/discussion';
import { SEED, XAPI_BASIC, chaos, signIn, uniqueActivity } from '../support/server.js';
import {
  $,
  $$,
  activeElement,
  api,
  article,
  articles,
  mount,
  seedPost,
  unmountAll,
  waitForPost,
} from './helpers.js';

const PROFILE = 'https://w3id.org/xapi/peerkit/verbs/';

/** The statements the real LRS holds with `verb` about post `id`. */
async function statements(verb: string, id: string): Promise<unknown[]> {
  const q = new URLSearchParams({ verb: PROFILE + verb, activity: `urn:peerkit:post:${id}` });
  const res = await fetch(`/api/xapi/statements?${q}`, {
    headers: { authorization: XAPI_BASIC, 'x-experience-api-version': '1.0.3' },
  });
  expect(res.ok, `GET statements ${res.status}`).to.equal(true);
  return ((await res.json()) as { statements: unknown[] }).statements;
}

const toggleOf = (post: HTMLElement) =>
  post.querySelector<HTMLButtonElement>('[data-action="highlight"]');
const highlightsView = (el: PeerDiscussion) =>
  $<HTMLButtonElement>(el, 'header [data-view="highlights"]')!;
const said = (el: PeerDiscussion) =>
  el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')?.textContent ?? '';

/** Ana's tip, Ben's reply to it, and Ben's unrelated question. */
async function thread(activity: string) {
  const [ana, ben] = await Promise.all([signIn(SEED.member), signIn(SEED.colleague)]);
  const tip = await seedPost(ana, activity, 'Tip: pin the dashboard');
  const reply = await seedPost(ben, activity, 'Thanks, that saved me time', tip.id);
  await seedPost(ben, activity, 'Where is the style guide?');
  return { tip, reply };
}

describe('<peer-discussion> highlights', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('a moderator highlights and unhighlights a post: marked, announced, told, saved, recorded', async function () {
    this.timeout(30_000);
    const activity = uniqueActivity('highlight');
    const { tip } = await thread(activity);
    const { el: member } = await mount({ activity, person: SEED.colleague });
    expect(toggleOf(article(member, 'pin the dashboard'))).to.equal(null, 'members cannot');
    unmountAll();

    const { el, provider } = await mount({ activity, person: SEED.moderator });
    const toggle = toggleOf(article(el, 'pin the dashboard'))!;
    expect(toggle.textContent!.trim()).to.equal('Highlight');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(article(el, 'pin the dashboard').querySelector('.highlight-mark')).to.equal(null);
    const told = oneEvent(el, 'peer-post-highlighted');
    toggle.click();
    const { detail } = await told;
    expect(detail.highlighted).to.equal(true);
    expect(detail.post.id).to.equal(tip.id);
    await el.updateComplete;
    const post = article(el, 'pin the dashboard');
    expect(toggleOf(post)!.getAttribute('aria-pressed')).to.equal('true');
    const mark = post.querySelector('.highlight-mark')!;
    expect(mark.textContent!.trim()).to.equal('Recognised by the community team');
    expect(getComputedStyle(mark, '::before').content).to.contain('★');
    await waitUntil(() => said(el).includes('Post highlighted.'), 'announced');
    await expect(el).to.be.accessible();
    const token = await signIn(SEED.member);
    const stored = await api<{ items: { id: string; highlighted?: boolean }[] }>(
      token,
      'GET',
      `/posts?${new URLSearchParams({ activity, filter: 'highlighted' })}`,
    );
    expect(stored.items.map((p) => p.id)).to.include(tip.id);

    const withdrawn = oneEvent(el, 'peer-post-highlighted');
    toggleOf(post)!.click();
    expect((await withdrawn).detail.highlighted).to.equal(false);
    await el.updateComplete;
    expect(article(el, 'pin the dashboard').querySelector('.highlight-mark')).to.equal(null);
    await provider.context.recorder.flush();
    expect(await statements('highlighted', tip.id)).to.have.length(1);
    expect(await statements('withdrew-highlight', tip.id)).to.have.length(1);
  });

  for (const mode of ['discussion', 'qa']) {
    it(`lists the highlighted posts in the Highlights view, or says there are none (${mode})`, async function () {
      this.timeout(30_000);
      const activity = uniqueActivity('highlights-view');
      const { reply } = await thread(activity);
      const { el } = await mount({ activity, person: SEED.member, attrs: { mode } });
      const view = highlightsView(el);
      expect(view.textContent!.trim()).to.equal('Highlights');
      expect(view.getAttribute('aria-pressed')).to.equal('false');
      view.click();
      await waitUntil(() => $(el, '.notice.empty'), 'the empty highlights view');
      expect($(el, '.notice.empty')!.textContent!.trim()).to.equal('No highlighted posts yet.');
      expect(highlightsView(el).getAttribute('aria-pressed')).to.equal('true');
      expect($(el, '#view'), 'the Q&A menu steps aside').to.equal(null);
      await expect(el).to.be.accessible();

      await api(await signIn(SEED.moderator), 'PUT', `/posts/${reply.id}/highlight`);
      highlightsView(el).click();
      await waitForPost(el, 'style guide');
      highlightsView(el).click();
      // The tree holding the highlighted reply, and nothing else.
      await waitUntil(
        () => !articles(el).some((a) => a.textContent!.includes('style guide')),
        'only the highlighted tree',
      );
      await waitForPost(el, 'saved me time');
      expect(articles(el)).to.have.length(2);
      const marks = $$(el, '.highlight-mark');
      expect(marks).to.have.length(1);
      expect(marks[0]!.closest('article')).to.equal(article(el, 'saved me time'));
      await expect(el).to.be.accessible();
    });
  }

  // docs/decisions.md §24: a toggle whose save is under way is drawn busy and takes no press.
  for (const [name, mode, person, path] of [
    ['highlight', 'discussion', SEED.moderator, 'highlight'],
    ['accept', 'qa', SEED.member, 'acceptance'],
  ] as const) {
    it(`the ${name} toggle is busy while its save is held; a double click sends one request`, async function () {
      this.timeout(30_000);
      const activity = uniqueActivity(`busy-${name}`);
      await thread(activity);
      const faults = await chaos([
        { match: { method: 'PUT', path: `/${path}$` }, action: 'delay', delayMs: 3_000 },
      ]);
      try {
        const { el } = await mount({
          activity,
          endpoint: faults.endpoint,
          person,
          attrs: { mode },
        });
        const button = () =>
          article(el, 'saved me time').querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
        const puts = async () =>
          (await faults.log()).filter((e) => e.method === 'PUT' && e.path.endsWith(path));
        button().focus();
        button().click();
        button().click();
        await waitUntil(
          async () =>
            button().getAttribute('aria-disabled') === 'true' &&
            (await puts()).some((e) => e.status === 0),
          'drawn busy while the server holds the save',
          { seen: () => button().outerHTML },
        );
        expect(activeElement(), 'focus stays on the pressed button').to.equal(button());
        await waitUntil(
          () =>
            button().getAttribute('aria-pressed') === 'true' &&
            !button().hasAttribute('aria-disabled'),
          'saved, and no longer busy',
        );
        expect(await puts(), 'one request for two presses').to.have.length(1);
      } finally {
        await faults.clear();
      }
    });
  }

  it('a post unhighlighted in the Highlights view leaves it, said, with focus on the next post', async function () {
    this.timeout(30_000);
    const activity = uniqueActivity('unhighlight-view');
    const [ana, ben, chloe] = await Promise.all([
      signIn(SEED.member),
      signIn(SEED.colleague),
      signIn(SEED.moderator),
    ]);
    const tip = await seedPost(ana, activity, 'Tip: pin the dashboard');
    await seedPost(ben, activity, 'Thanks, that saved me time', tip.id);
    const question = await seedPost(ben, activity, 'Where is the style guide?');
    await seedPost(ben, activity, 'Nobody highlighted this one');
    for (const post of [tip, question]) await api(chloe, 'PUT', `/posts/${post.id}/highlight`);
    const { el } = await mount({ activity, person: SEED.moderator });
    highlightsView(el).click();
    await waitUntil(
      () => !articles(el).some((a) => a.textContent!.includes('Nobody highlighted')),
      'the Highlights view',
    );
    await waitForPost(el, 'style guide');
    expect(articles(el)).to.have.length(3);

    toggleOf(article(el, 'pin the dashboard'))!.click();
    await waitUntil(
      () => !articles(el).some((a) => a.textContent!.includes('pin the dashboard')),
      'the tip and its reply left the view',
      { seen: () => articles(el).map((a) => a.textContent!.trim().slice(0, 40)) },
    );
    expect(articles(el).some((a) => a.textContent!.includes('saved me time'))).to.equal(false);
    await waitUntil(
      () => activeElement() === article(el, 'style guide'),
      'focus on the next post',
      { seen: () => activeElement()?.outerHTML.slice(0, 80) },
    );
    await waitUntil(
      () => said(el).includes('Highlight withdrawn. The post left the Highlights view.'),
      'said',
      { seen: () => said(el) },
    );
    await expect(el).to.be.accessible();

    // The last one: the empty state, focus on the heading.
    toggleOf(article(el, 'style guide'))!.click();
    await waitUntil(() => $(el, '.notice.empty'), 'the empty Highlights view');
    await waitUntil(() => activeElement() === $(el, '#heading'), 'focus on the heading');
    const stored = await api<{ items: unknown[] }>(
      ana,
      'GET',
      `/posts?${new URLSearchParams({ activity, filter: 'highlighted' })}`,
    );
    expect(stored.items).to.have.length(0);
  });
});
