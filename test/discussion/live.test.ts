import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
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
    await ana.el.updateComplete;
    expect(activeElement()).to.equal(shown);
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
