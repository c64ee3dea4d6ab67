import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { describeNode } from '../support/setup.js';
import {
  $,
  acknowledged,
  activeElement,
  article,
  articles,
  mount,
  postThroughUi,
  seedPost,
  type,
  unmountAll,
  waitForPost,
} from './helpers.js';
import { SEED, chaos, signIn, uniqueActivity } from '../support/server.js';

describe('<peer-discussion> live', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it("two people see each other's posts, edits and deletions live; others' new posts wait behind a button", async function () {
    this.timeout(40_000);
    const activity = uniqueActivity('live');
    acknowledged(activity, SEED.member);
    acknowledged(activity, SEED.colleague);
    const ana = await mount({ activity, person: SEED.member, attrs: { live: true } });
    const ben = await mount({ activity, person: SEED.colleague, attrs: { live: true } });
    // Both streams open before anyone writes: a post written before a reader's stream is open
    // is not sent on it (the thread was read before), and how long opening takes (the live
    // chunk, the connection) is the machine's business.
    const streams = () =>
      [ana.el, ben.el].map((el) => (el as unknown as { liveStatus: string }).liveStatus);
    await waitUntil(() => streams().every((s) => s === 'open'), 'both streams open', {
      timeout: 15_000,
      seen: streams,
    });

    // Ben posts; Ana is told, and her thread does not move until she asks.
    await postThroughUi(ben.el, 'Fresh from Ben');
    const button = await waitUntil(
      () => $<HTMLButtonElement>(ana.el, '.new-posts'),
      'the "new posts" button appears',
      { timeout: 15_000 },
    ).then(() => $<HTMLButtonElement>(ana.el, '.new-posts')!);
    expect(button.textContent?.trim()).to.equal('Show 1 new post');
    expect(articles(ana.el).length).to.equal(0);
    button.click();
    const shown = await waitForPost(ana.el, 'Fresh from Ben');
    await waitUntil(() => activeElement() === shown, 'focus on the post shown', {
      seen: () => describeNode(activeElement()),
    });
    expect($(ana.el, '[role="status"][aria-live="polite"]')?.textContent).to.contain(
      '1 new post shown',
    );

    // Ana replies; Ben gets it behind his button too.
    shown.querySelector<HTMLButtonElement>('[data-action="reply"]')!.click();
    await ana.el.updateComplete;
    type(
      $<HTMLTextAreaElement>(ana.el, '[part~="composer"][data-mode="reply"] textarea')!,
      'Welcome, Ben',
    );
    $<HTMLButtonElement>(ana.el, '[part~="composer"][data-mode="reply"] [part~="submit"]')!.click();
    await waitForPost(ana.el, 'Welcome, Ben');
    await waitUntil(() => $(ben.el, '.new-posts'), 'Ben sees a new post', { timeout: 15_000 });
    $<HTMLButtonElement>(ben.el, '.new-posts')!.click();
    const reply = await waitForPost(ben.el, 'Welcome, Ben');
    expect(reply.dataset.depth).to.equal('1');

    // Ben edits his post: Ana sees the new text in place.
    article(ben.el, 'Fresh from Ben')
      .querySelector<HTMLButtonElement>('[data-action="edit"]')!
      .click();
    await ben.el.updateComplete;
    type(
      $<HTMLTextAreaElement>(ben.el, '[part~="composer"][data-mode="edit"] textarea')!,
      'Fresh from Ben, edited',
    );
    $<HTMLButtonElement>(ben.el, '[part~="composer"][data-mode="edit"] [part~="submit"]')!.click();
    const edited = await waitForPost(ana.el, 'Fresh from Ben, edited', 15_000);
    expect(edited.querySelector('.edited')).to.not.equal(null);

    // Ana deletes her reply: it leaves Ben's view.
    article(ana.el, 'Welcome, Ben')
      .querySelector<HTMLButtonElement>('[data-action="delete"]')!
      .click();
    await ana.el.updateComplete;
    [...ana.el.shadowRoot!.querySelectorAll<HTMLButtonElement>('dialog#delete button')]
      .find((b) => b.textContent?.trim() === 'Delete')!
      .click();
    await waitUntil(
      () => !articles(ben.el).some((a) => a.textContent?.includes('Welcome, Ben')),
      'the deletion reaches Ben',
      { timeout: 15_000 },
    );
  });

  it('shows live what was written after the first page was read but before the stream opened', async function () {
    this.timeout(60_000);
    // The stream's request is held at the proxy (a slow connection) while Ben writes; the
    // first page says where the thread's stream stood when it was read (`eventId`), and the
    // stream starts there (docs/decisions.md §22).
    const faults = await chaos([
      { match: { method: 'GET', path: '^/posts/stream' }, action: 'hold', times: 1 },
    ]);
    try {
      const activity = uniqueActivity('live-gap');
      const ana = await signIn(SEED.member);
      const question = await seedPost(ana, activity, 'Read with the first page');
      const { el } = await mount({
        activity,
        person: SEED.member,
        endpoint: faults.endpoint,
        attrs: { live: true },
      });
      await waitForPost(el, 'Read with the first page');
      await waitUntil(
        async () => (await faults.log()).some((e) => e.path === '/posts/stream'),
        'the stream is asked for (and held)',
        { timeout: 15_000 },
      );
      const ben = await signIn(SEED.colleague);
      await seedPost(ben, activity, 'Written in the gap');
      await seedPost(ben, activity, 'A reply in the gap', question.id);
      await faults.release();

      await waitUntil(
        () => $(el, '.new-posts')?.textContent?.trim() === 'Show 2 new posts',
        'both posts written in the gap are announced',
        { timeout: 20_000, seen: () => $(el, '.new-posts')?.textContent?.trim() },
      );
      $<HTMLButtonElement>(el, '.new-posts')!.click();
      await waitForPost(el, 'Written in the gap');
      await waitForPost(el, 'A reply in the gap');
      expect(articles(el).length).to.equal(3);
      expect($(el, '[part~="heading"] .count')?.textContent?.trim()).to.equal('(3 posts)');
    } finally {
      await faults.clear();
    }
  });

  it('falls back to polling when the stream is unavailable, and still shows new posts', async function () {
    this.timeout(60_000);
    const faults = await chaos([
      { match: { method: 'GET', path: '^/posts/stream' }, action: 'html', times: -1 },
    ]);
    try {
      const activity = uniqueActivity('live-poll');
      const ana = await mount({
        activity,
        person: SEED.member,
        endpoint: faults.endpoint,
        attrs: { live: true },
      });
      // The stream answered an HTML error page: the client polls the thread instead. Its
      // first poll is the baseline (what it holds is not news), so the post is written once
      // that poll was answered, not merely asked.
      await waitUntil(
        async () =>
          (await faults.log()).some(
            (e) => e.path === '/posts' && e.query.includes('sort=newest') && e.status === 200,
          ),
        'the client polls',
        { timeout: 15_000 },
      );
      const ben = await signIn(SEED.colleague);
      await seedPost(ben, activity, 'Found by polling');
      await waitUntil(() => $(ana.el, '.new-posts'), 'the polled post is announced', {
        timeout: 40_000,
        interval: 250,
      });
      $<HTMLButtonElement>(ana.el, '.new-posts')!.click();
      await waitForPost(ana.el, 'Found by polling');
    } finally {
      await faults.clear();
    }
  });
});
