import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { Post } from '@peerkit/core';
import {
  $,
  $$,
  acknowledged,
  activeElement,
  api,
  article,
  articles,
  mount,
  seedPost,
  settled,
  unmountAll,
  waitForPost,
} from './helpers.js';
import { SEED, chaos, signIn, uniqueActivity } from '../support/server.js';

describe('<peer-discussion> reading', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('shows the empty state, "Be the first to ask", with a labelled composer', async () => {
    const { el } = await mount();
    expect($(el, '.empty')?.textContent).to.contain('Be the first to ask');
    const textarea = $<HTMLTextAreaElement>(el, '[part~="composer"] textarea')!;
    expect(textarea.labels?.[0]?.textContent?.trim()).to.equal('Ask a question or share a tip');
    expect($(el, '[part~="heading"]')?.textContent).to.contain('Discussion');
    await expect(el).to.be.accessible();
  });

  it('draws threads to max-depth; deeper replies attach there and say whom they answer', async () => {
    const activity = uniqueActivity('depth');
    const ana = await signIn(SEED.member);
    const ben = await signIn(SEED.colleague);
    const root = await seedPost(ana, activity, 'Root question');
    const r1 = await seedPost(ben, activity, 'First reply', root.id);
    const r2 = await seedPost(ana, activity, 'Second level', r1.id);
    const r3 = await seedPost(ben, activity, 'Third level', r2.id);
    await seedPost(ana, activity, 'Fourth level', r3.id);
    const { el } = await mount({ activity, attrs: { 'max-depth': '2' } });
    const depths = articles(el).map((a) => a.dataset.depth);
    expect(depths).to.deep.equal(['0', '1', '2', '2', '2']);
    expect(article(el, 'Third level').querySelector('.in-reply')?.textContent).to.contain(
      'In reply to Ana Ruiz',
    );
    expect(article(el, 'Fourth level').querySelector('.in-reply')?.textContent).to.contain(
      'In reply to Ben Okafor',
    );
    expect(article(el, 'Second level').querySelector('.in-reply')).to.equal(null);
    // Nothing relies on inline styles, which a strict CSP (style-src 'self') blocks.
    expect(el.shadowRoot!.querySelectorAll('[style]').length).to.equal(0);
    // The default is 3.
    unmountAll();
    const again = await mount({ activity });
    expect(articles(again.el).map((a) => a.dataset.depth)).to.deep.equal(['0', '1', '2', '3', '3']);
  });

  it('labels each post by author and time, with initials, title, relative and absolute time, and edits', async () => {
    const activity = uniqueActivity('meta');
    const ben = await signIn(SEED.colleague);
    const post = await seedPost(ben, activity, 'Has anyone tried the new dashboard?');
    await api(ben, 'PATCH', `/posts/${post.id}`, {
      body: 'Has anyone tried the new dashboard? (edited)',
    });
    const { el } = await mount({ activity });
    const a = article(el, 'new dashboard');
    expect(a.tagName).to.equal('ARTICLE');
    const [authorId, timeId] = a.getAttribute('aria-labelledby')!.split(' ');
    const author = el.shadowRoot!.getElementById(authorId!)!;
    const time = el.shadowRoot!.getElementById(timeId!) as HTMLTimeElement;
    expect(author.textContent).to.equal('Ben Okafor');
    expect(time.tagName).to.equal('TIME');
    expect(time.dateTime).to.equal(post.createdAt);
    expect(time.textContent).to.match(/now|second|minute/);
    expect(time.title).to.match(/\d{4}/);
    expect(a.querySelector('[part~="avatar"]')?.textContent?.trim()).to.equal('BO');
    expect(a.querySelector('[part~="avatar"]')?.getAttribute('aria-hidden')).to.equal('true');
    expect(a.querySelector('.title')?.textContent?.length).to.be.greaterThan(0);
    expect(a.querySelector('.edited')?.textContent).to.equal('edited');
    await waitUntil(() => a.querySelector('peer-kudos'), 'the visible post shows its kudos');
    const kudos = a.querySelector('peer-kudos')!;
    expect(kudos.getAttribute('activity')).to.equal(`urn:peerkit:post:${post.id}`);
    expect(kudos.getAttribute('recipient')).to.equal(SEED.colleague);
    expect($(el, '[role="feed"]')?.getAttribute('aria-labelledby')).to.equal('heading');
  });

  it('renders Markdown as elements: emphasis, code, lists, quotes and safe links only', async () => {
    const activity = uniqueActivity('md');
    const ben = await signIn(SEED.colleague);
    await seedPost(
      ben,
      activity,
      [
        'Some **bold** and _italic_ and `inline <code>`.',
        '',
        '```',
        'const x = 1 < 2;',
        '```',
        '',
        '- one',
        '- two',
        '',
        '1. first',
        '2. second',
        '',
        '> quoted',
        '',
        'See [the guide](https://example.com/guide), <https://example.org>, mail@example.com and [bad](javascript:alert(1)).',
      ].join('\n'),
    );
    const { el } = await mount({ activity });
    const body = article(el, 'Some').querySelector('[part~="body"]')!;
    expect(body.querySelector('strong')?.textContent).to.equal('bold');
    expect(body.querySelector('em')?.textContent).to.equal('italic');
    expect(body.querySelector('p code')?.textContent).to.equal('inline <code>');
    expect(body.querySelector('pre code')?.textContent).to.equal('const x = 1 < 2;');
    expect([...body.querySelectorAll('ul li')].map((li) => li.textContent)).to.deep.equal([
      'one',
      'two',
    ]);
    expect(body.querySelectorAll('ol li').length).to.equal(2);
    expect(body.querySelector('blockquote')?.textContent?.trim()).to.equal('quoted');
    const links = [...body.querySelectorAll('a')];
    expect(links.map((l) => l.getAttribute('href'))).to.deep.equal([
      'https://example.com/guide',
      'https://example.org/',
      'mailto:mail@example.com',
    ]);
    for (const link of links) expect(link.getAttribute('rel')).to.equal('nofollow ugc noopener');
    expect(body.textContent).to.contain('bad');
  });

  it('switches sort between oldest, newest and top', async () => {
    const activity = uniqueActivity('sort');
    const ana = await signIn(SEED.member);
    const ben = await signIn(SEED.colleague);
    const chloe = await signIn(SEED.moderator);
    await seedPost(ana, activity, 'Alpha');
    const beta = await seedPost(ana, activity, 'Beta');
    await seedPost(ana, activity, 'Gamma');
    for (const t of [ben, chloe]) {
      await api(t, 'POST', '/kudos', {
        activity: `urn:peerkit:post:${beta.id}`,
        recipient: SEED.member,
      });
    }
    const { el } = await mount({ activity, person: SEED.colleague, attrs: { sort: 'newest' } });
    const order = () =>
      articles(el).map((a) => a.querySelector('[part~="body"]')!.textContent!.trim());
    expect(order()).to.deep.equal(['Gamma', 'Beta', 'Alpha']);
    const select = $<HTMLSelectElement>(el, 'select#sort')!;
    expect(select.labels?.[0]?.textContent).to.equal('Sort by');
    select.value = 'top';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => order()[0] === 'Beta', 'top sort puts the thanked post first');
    expect(el.getAttribute('sort')).to.equal('top');
    select.value = 'oldest';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => order().join() === 'Alpha,Beta,Gamma', 'oldest first');
  });

  it('loads more by cursor with page-size and moves focus to the first new post', async () => {
    const activity = uniqueActivity('more');
    const ana = await signIn(SEED.member);
    for (const n of [1, 2, 3, 4, 5]) await seedPost(ana, activity, `Post number ${n}`);
    const { el } = await mount({ activity, attrs: { 'page-size': '2' } });
    expect(articles(el).length).to.equal(2);
    expect(articles(el)[0]!.getAttribute('aria-setsize')).to.equal('-1');
    $<HTMLButtonElement>(el, '[data-action="more"]')!.click();
    await waitUntil(() => articles(el).length === 4, 'a second page');
    await el.updateComplete;
    expect(activeElement()).to.equal(article(el, 'Post number 3'));
    $<HTMLButtonElement>(el, '[data-action="more"]')!.click();
    await waitUntil(() => articles(el).length === 5, 'a third page');
    await el.updateComplete;
    expect($(el, '[data-action="more"]')).to.equal(null);
    expect(articles(el).map((a) => a.getAttribute('aria-posinset'))).to.deep.equal([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(articles(el)[0]!.getAttribute('aria-setsize')).to.equal('5');
  });

  it('keeps at most ~200 post elements in the DOM however far a long thread is read', async function () {
    this.timeout(60_000);
    const activity = uniqueActivity('long');
    const ben = await signIn(SEED.colleague);
    const total = 230;
    for (let i = 0; i < total; i += 23) {
      await Promise.all(
        Array.from({ length: 23 }, (_, j) =>
          seedPost(ben, activity, `Long thread post ${i + j + 1}`),
        ),
      );
    }
    const { el } = await mount({ activity, attrs: { 'page-size': '100' } });
    expect(articles(el).length).to.equal(100);
    while ($(el, '[data-action="more"]')) {
      const before = articles(el).at(-1)!.dataset.id;
      $<HTMLButtonElement>(el, '[data-action="more"]')!.click();
      await waitUntil(() => articles(el).at(-1)!.dataset.id !== before, 'more posts');
      await el.updateComplete;
      expect(articles(el).length).to.be.at.most(200);
    }
    expect(articles(el).length).to.be.at.most(200);
    expect($(el, '[data-action="earlier"]')?.textContent).to.match(/Show earlier posts \(\d+\)/);
    // Reading back up brings the earlier posts back, still within the budget.
    while ($(el, '[data-action="earlier"]')) {
      $<HTMLButtonElement>(el, '[data-action="earlier"]')!.click();
      await el.updateComplete;
      expect(articles(el).length).to.be.at.most(200);
    }
    expect(articles(el)[0]!.getAttribute('aria-posinset')).to.equal('1');
  });

  it('asks for the kudos of all visible posts in one request, and not for posts far below', async function () {
    this.timeout(30_000);
    const activity = uniqueActivity('kudos-batch');
    const ben = await signIn(SEED.colleague);
    for (let i = 0; i < 40; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          seedPost(ben, activity, `Kudos batch post ${i + j + 1}`),
        ),
      );
    }
    const faults = await chaos([]);
    try {
      const { el } = await mount({
        activity,
        endpoint: faults.endpoint,
        attrs: { 'page-size': '40' },
      });
      expect(articles(el).length).to.equal(40);
      // Every kudos drawn has its count (so its request was answered), not just drawn.
      const drawn = () => [...el.shadowRoot!.querySelectorAll('peer-kudos')];
      const counted = () =>
        drawn().length > 0 &&
        drawn().every(
          (k) =>
            k.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('aria-busy') === 'false',
        );
      await waitUntil(counted, "the visible posts' kudos counted", {
        seen: () => drawn().map((k) => k.shadowRoot?.textContent?.trim()),
      });
      const shown = [...el.shadowRoot!.querySelectorAll('peer-kudos')].map((k) =>
        k.getAttribute('activity'),
      );
      expect(shown.length).to.be.lessThan(40);
      const asked = (await faults.log()).filter((e) => e.method === 'GET' && e.path === '/kudos');
      expect(asked.length, 'one counts request').to.equal(1);
      const activities = new URLSearchParams(asked[0]!.query).getAll('activity');
      expect(activities.sort()).to.deep.equal(shown.sort());
      // Scrolling on brings the next posts' kudos, again in one request.
      articles(el).at(-1)!.scrollIntoView();
      await waitUntil(
        () => articles(el).at(-1)!.querySelector('peer-kudos') && counted(),
        'the last post shows its kudos, counted, once scrolled to',
      );
      // Each post's count is asked for once, however the reader scrolls.
      const all = (await faults.log())
        .filter((e) => e.method === 'GET' && e.path === '/kudos')
        .flatMap((e) => new URLSearchParams(e.query).getAll('activity'));
      expect(new Set(all).size).to.equal(all.length);
      expect(all.length).to.equal(el.shadowRoot!.querySelectorAll('peer-kudos').length);
    } finally {
      await faults.clear();
    }
  });

  it('asks for no kudos while the whole discussion is far below the fold, until it is scrolled to', async function () {
    this.timeout(30_000);
    const activity = uniqueActivity('kudos-below');
    const ben = await signIn(SEED.colleague);
    await seedPost(ben, activity, 'Below the fold');
    const faults = await chaos([]);
    const parent = document.createElement('div');
    const spacer = parent.appendChild(document.createElement('div'));
    spacer.style.blockSize = '300vh';
    document.body.append(parent);
    try {
      const { el } = await mount({ activity, endpoint: faults.endpoint, parent });
      expect(articles(el).length).to.equal(1);
      // Past the in-view fallback (1.5 s): the page reported the post out of view, so its
      // kudos are neither drawn nor asked for.
      await new Promise((r) => setTimeout(r, 2500));
      const asked = async () =>
        (await faults.log()).filter((e) => e.method === 'GET' && e.path === '/kudos');
      expect(await asked(), 'no kudos request below the fold').to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('peer-kudos')).to.equal(null);
      articles(el)[0]!.scrollIntoView();
      await waitUntil(() => articles(el)[0]!.querySelector('peer-kudos'), 'kudos once scrolled to');
      await waitUntil(async () => (await asked()).length === 1, 'one kudos request');
    } finally {
      parent.remove();
      window.scrollTo(0, 0);
      await faults.clear();
    }
  });

  it('shows the loading skeleton while the first page is on its way', async () => {
    const faults = await chaos([
      { match: { method: 'GET', path: '^/posts' }, action: 'delay', delayMs: 1500, times: 1 },
    ]);
    try {
      const { el } = await mount({ endpoint: faults.endpoint, ready: false });
      await waitUntil(() => el.shadowRoot?.querySelector('.skeleton'), 'skeleton drawn');
      expect($(el, '.loading')?.getAttribute('aria-busy')).to.equal('true');
      expect($(el, '.loading [role="status"]')?.textContent).to.contain('Loading');
      await expect(el).to.be.accessible();
      await settled(el);
      expect($(el, '.skeleton')).to.equal(null);
    } finally {
      await faults.clear();
    }
  });

  // A load failing offline, a failed load with its retry, and a late provider: the widget
  // contract (contract.test.ts).
  it('says so when the browser goes offline, and keeps the composer', async () => {
    const { el } = await mount();
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect($(el, '.notice[role="status"]')?.textContent).to.contain('You are offline');
    expect($(el, '[part~="composer"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect($(el, '.notice[role="status"]')).to.equal(null);
  });

  it('readonly shows the thread without composer, replies, edits or reports', async () => {
    const activity = uniqueActivity('ro');
    const ana = await signIn(SEED.member);
    await seedPost(ana, activity, 'Read me');
    const { el } = await mount({ activity, attrs: { readonly: true } });
    await waitForPost(el, 'Read me');
    expect($(el, '[part~="composer"]')).to.equal(null);
    expect($$(el, '[data-action]').filter((b) => b.dataset.action !== 'more').length).to.equal(0);
    await waitUntil(() => article(el, 'Read me').querySelector('peer-kudos'), 'kudos drawn');
    expect(article(el, 'Read me').querySelector('peer-kudos')?.hasAttribute('readonly')).to.equal(
      true,
    );
    await expect(el).to.be.accessible();
  });

  it('signed out shows the thread and an invitation to sign in', async () => {
    const activity = uniqueActivity('anon');
    const ana = await signIn(SEED.member);
    await seedPost(ana, activity, 'Visible to all');
    const { el } = await mount({ activity, person: null });
    await waitUntil(() => $(el, '.notice')?.textContent?.includes('Sign in'), 'sign-in notice');
    expect($(el, '[part~="composer"]')).to.equal(null);
    expect(article(el, 'Visible to all').querySelector('[data-action="reply"]')).to.equal(null);
  });

  it('moves between posts with Page Down and Page Up (feed pattern)', async () => {
    const activity = uniqueActivity('feedkeys');
    const ana = await signIn(SEED.member);
    for (const n of [1, 2, 3]) await seedPost(ana, activity, `Feed post ${n}`);
    acknowledged(activity, SEED.member);
    const { el } = await mount({ activity });
    const [a1, a2] = articles(el);
    a1!.focus();
    a1!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, composed: true }),
    );
    expect(activeElement()).to.equal(a2);
    a2!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true, composed: true }),
    );
    expect(activeElement()).to.equal(a1);
  });

  it('keeps a deleted post with replies as a placeholder', async () => {
    const activity = uniqueActivity('placeholder');
    const ana = await signIn(SEED.member);
    const ben = await signIn(SEED.colleague);
    const root: Post = await seedPost(ana, activity, 'Soon gone');
    await seedPost(ben, activity, 'Reply stays', root.id);
    await api(ana, 'DELETE', `/posts/${root.id}`);
    const { el } = await mount({ activity, person: SEED.colleague });
    expect(articles(el)[0]!.textContent).to.contain('This post was deleted.');
    expect(articles(el)[0]!.querySelector('peer-kudos')).to.equal(null);
    await waitForPost(el, 'Reply stays');
  });
});
