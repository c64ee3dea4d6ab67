import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { PeerDiscussion } from '@peerkit/discussion';
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
  unmountAll,
  waitForPost,
} from './helpers.js';
import { SEED, chaos, signIn, uniqueActivity } from '../support/server.js';

/** Presses Tab until `match` holds for the focused element (at most `max` times). */
async function tabTo(match: (el: Element) => boolean, max = 25, shift = false): Promise<Element> {
  for (let i = 0; i < max; i++) {
    if (shift) await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    if (shift) await sendKeys({ up: 'Shift' });
    const a = activeElement();
    if (a && match(a)) return a;
  }
  throw new Error(
    `Tab never reached the wanted element (at ${activeElement()?.outerHTML.slice(0, 80)})`,
  );
}

async function ctrlEnter(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

const modes: { name: string; dark: boolean; rtl: boolean }[] = [
  { name: 'light, LTR', dark: false, rtl: false },
  { name: 'dark, LTR', dark: true, rtl: false },
  { name: 'light, RTL', dark: false, rtl: true },
  { name: 'dark, RTL', dark: true, rtl: true },
];

describe('<peer-discussion> accessibility', () => {
  failOnLitWarnings();
  afterEach(() => {
    unmountAll();
    document.documentElement.style.colorScheme = '';
    document.documentElement.dir = '';
    document.body.style.background = '';
  });

  for (const mode of modes) {
    it(`axe finds nothing in any state (${mode.name})`, async function () {
      this.timeout(60_000);
      document.documentElement.style.colorScheme = mode.dark ? 'dark' : 'light';
      document.body.style.background = mode.dark ? '#121212' : '#ffffff';
      document.documentElement.dir = mode.rtl ? 'rtl' : 'ltr';
      const activity = uniqueActivity('a11y');
      const ana = await signIn(SEED.member);
      const ben = await signIn(SEED.colleague);
      const root = await seedPost(
        ben,
        activity,
        'A question with **bold**, `code`, a [link](https://example.com) and\n\n> a quote\n\n- a list',
      );
      const reply = await seedPost(ana, activity, 'An answer', root.id);
      const deep = await seedPost(ben, activity, 'Deeper', reply.id);
      await seedPost(ana, activity, 'Beyond max depth', deep.id);
      const gone = await seedPost(ana, activity, 'Will be a placeholder');
      await seedPost(ben, activity, 'Keeps the placeholder', gone.id);
      await api(ana, 'DELETE', `/posts/${gone.id}`);

      // Empty.
      const empty = await mount({ person: SEED.member });
      await expect(empty.el).to.be.accessible();
      // The guidelines before a first post.
      const first = $<HTMLTextAreaElement>(
        empty.el,
        '[part~="composer"][data-mode="new"] textarea',
      )!;
      first.value = 'My first post';
      first.dispatchEvent(new Event('input'));
      await empty.el.updateComplete;
      $<HTMLButtonElement>(
        empty.el,
        '[part~="composer"][data-mode="new"] [part~="submit"]',
      )!.click();
      await empty.el.updateComplete;
      expect($(empty.el, '[part~="guidelines"]')).to.not.equal(null);
      await expect(empty.el).to.be.accessible();
      unmountAll();

      // A thread, a reply composer, an editor, the preview, the guidelines.
      const { el } = await mount({ activity, person: SEED.member, attrs: { 'max-depth': '2' } });
      await expect(el).to.be.accessible();
      article(el, 'A question').querySelector<HTMLButtonElement>('[data-action="reply"]')!.click();
      await el.updateComplete;
      article(el, 'An answer').querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      const root_ = $<HTMLTextAreaElement>(el, '[part~="composer"][data-mode="new"] textarea')!;
      root_.value = 'Preview **me**';
      root_.dispatchEvent(new Event('input'));
      await el.updateComplete;
      $$<HTMLButtonElement>(el, '[part~="composer"][data-mode="new"] button')
        .find((b) => b.textContent?.trim() === 'Preview')!
        .click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      // The report dialog.
      article(el, 'Deeper').querySelector<HTMLButtonElement>('[data-action="report"]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      unmountAll();

      // Readonly, signed out, offline.
      const ro = await mount({ activity, attrs: { readonly: true } });
      await expect(ro.el).to.be.accessible();
      unmountAll();
      const anon = await mount({ activity, person: null });
      await waitUntil(() => $(anon.el, '.notice'), 'signed-out notice');
      await expect(anon.el).to.be.accessible();
      window.dispatchEvent(new Event('offline'));
      await anon.el.updateComplete;
      await expect(anon.el).to.be.accessible();
      window.dispatchEvent(new Event('online'));
      unmountAll();

      // Error.
      const faults = await chaos([
        { match: { method: 'GET', path: '^/posts' }, action: 'status', status: 500, times: 1 },
      ]);
      try {
        const broken = await mount({ endpoint: faults.endpoint });
        expect($(broken.el, '.notice.error')).to.not.equal(null);
        await expect(broken.el).to.be.accessible();
      } finally {
        await faults.clear();
      }
      unmountAll();

      // The moderators' view.
      await api(ana, 'POST', `/posts/${deep.id}/reports`, { reason: 'spam' });
      const mod = await mount({ activity, person: SEED.moderator });
      $$<HTMLButtonElement>(mod.el, 'header button')
        .find((b) => b.textContent?.trim() === 'Reports')!
        .click();
      await waitUntil(() => $(mod.el, '.report'), 'a report');
      await expect(mod.el).to.be.accessible();
    });
  }

  it('the read, reply, edit and report cycle works by keyboard alone', async function () {
    this.timeout(40_000);
    const activity = uniqueActivity('keyboard');
    const ben = await signIn(SEED.colleague);
    await seedPost(ben, activity, 'Keyboard question');
    acknowledged(activity, SEED.member);
    const { el } = await mount({ activity });
    const question = article(el, 'Keyboard question');
    const sort = $<HTMLSelectElement>(el, 'select#sort')!;
    sort.focus();
    // Read: Tab reaches the post itself (feed article), then its Reply.
    await tabTo((a) => a === question);
    await tabTo((a) => a === question.querySelector('[data-action="reply"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => activeElement()?.tagName === 'TEXTAREA', 'focus moves to the composer');
    await sendKeys({ type: 'Typed with keys' });
    await ctrlEnter();
    const answer = await waitForPost(el, 'Typed with keys');
    await el.updateComplete;
    expect(activeElement()).to.equal(answer);
    // Edit the answer.
    await tabTo((a) => a === answer.querySelector('[data-action="edit"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => activeElement()?.tagName === 'TEXTAREA', 'focus moves to the composer');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ', edited' });
    await ctrlEnter();
    await waitForPost(el, 'Typed with keys, edited');
    await el.updateComplete;
    expect(activeElement()).to.equal(article(el, 'Typed with keys, edited'));
    // Escape cancels an edit and returns to the post's Edit button.
    await tabTo(
      (a) => a === article(el, 'Typed with keys, edited').querySelector('[data-action="edit"]'),
    );
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => activeElement()?.tagName === 'TEXTAREA', 'focus moves to the editor');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(activeElement()).to.equal(
      article(el, 'Typed with keys, edited').querySelector('[data-action="edit"]'),
    );
    // Report the question.
    question.focus();
    await tabTo((a) => a === question.querySelector('[data-action="report"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, 'dialog#report')?.hasAttribute('open'), 'the report dialog opens');
    const dialog = $<HTMLDialogElement>(el, 'dialog#report')!;
    expect(dialog.open).to.equal(true);
    await tabTo((a) => (a as HTMLInputElement).type === 'radio');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(($(el, 'dialog#report input:checked') as HTMLInputElement | null)?.value).to.equal(
      'spam',
    );
    await tabTo((a) => a.textContent?.trim() === 'Send report');
    const reported = new Promise((r) =>
      el.addEventListener('peer-post-reported', r, { once: true }),
    );
    await sendKeys({ press: 'Enter' });
    await reported;
    await el.updateComplete;
    expect(activeElement()).to.equal(question.querySelector('[data-action="report"]'));
    // Escape closes a dialog too, and focus comes back.
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => $(el, 'dialog#report')?.hasAttribute('open'),
      'the report dialog opens again',
    );
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'dialog#report'), 'Escape closes it');
    await el.updateComplete;
    expect(activeElement()).to.equal(question.querySelector('[data-action="report"]'));
  });

  it('has no Lit dev-mode warnings while drawing a full thread', async () => {
    // `lit-warnings.js` fails the test on any Lit dev warning; drawing every piece covers it.
    const activity = uniqueActivity('warnings');
    const ben = await signIn(SEED.colleague);
    const root = await seedPost(ben, activity, 'Warn-free');
    await seedPost(ben, activity, 'Reply', root.id);
    const { el } = await mount({ activity, attrs: { live: true, sort: 'top' } });
    expect(articles(el).length).to.equal(2);
    (el as PeerDiscussion).sort = 'newest';
    await el.updateComplete;
  });
});
