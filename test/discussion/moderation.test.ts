import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
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
import { SEED, XAPI_BASIC, chaos, signIn, uniqueActivity } from '../support/server.js';

/** The `moderated` statements the real LRS holds about a post: their decisions. */
async function decisions(postId: string): Promise<string[]> {
  const q = new URLSearchParams({
    verb: 'https://w3id.org/xapi/peerkit/verbs/moderated',
    activity: `urn:peerkit:post:${postId}`,
  });
  const res = await fetch(`/api/xapi/statements?${q}`, {
    headers: { authorization: XAPI_BASIC, 'x-experience-api-version': '1.0.3' },
  });
  expect(res.ok, `GET statements ${res.status}`).to.equal(true);
  const body = (await res.json()) as { statements: { result?: { response?: string } }[] };
  return body.statements.map((s) => s.result?.response ?? '');
}

describe('<peer-discussion> moderation', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('a moderator works through the Reports view: keep, hide, delete', async function () {
    this.timeout(30_000);
    const activity = uniqueActivity('moderation');
    const ana = await signIn(SEED.member);
    const ben = await signIn(SEED.colleague);
    const fine = await seedPost(ana, activity, 'A fair question');
    const rude = await seedPost(ana, activity, 'A rude remark');
    const spam = await seedPost(ana, activity, 'Cheap watches here');
    await api(ben, 'POST', `/posts/${fine.id}/reports`, { reason: 'off-topic' });
    await api(ben, 'POST', `/posts/${rude.id}/reports`, { reason: 'harassment', note: 'Not OK' });
    await api(ben, 'POST', `/posts/${spam.id}/reports`, { reason: 'spam' });

    // A member has no Reports view.
    const member = await mount({ activity, person: SEED.colleague });
    expect($$(member.el, 'header button').some((b) => b.textContent?.includes('Reports'))).to.equal(
      false,
    );
    unmountAll();

    const { el, provider } = await mount({ activity, person: SEED.moderator });
    const toggle = $$<HTMLButtonElement>(el, 'header button').find(
      (b) => b.textContent?.trim() === 'Reports',
    )!;
    toggle.click();
    await waitUntil(() => $$(el, '.report').length === 3, 'three open reports');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
    const report = (text: string) => $$(el, '.report').find((r) => r.textContent?.includes(text))!;
    expect(report('A rude remark').textContent).to.contain('Harassment');
    expect(report('A rude remark').textContent).to.contain('Note: Not OK');
    expect(report('A rude remark').textContent).to.contain('reported by Ben Okafor');

    report('A fair question').querySelector<HTMLButtonElement>('[data-resolve="keep"]')!.click();
    await waitUntil(() => $$(el, '.report').length === 2, 'kept');
    await el.updateComplete;
    expect(activeElement()?.closest('.report')).to.not.equal(null);
    expect($(el, '[role="status"][aria-live="polite"]')?.textContent).to.contain('the post stays');

    report('A rude remark').querySelector<HTMLButtonElement>('[data-resolve="hide"]')!.click();
    await waitUntil(() => $$(el, '.report').length === 1, 'hidden');
    report('Cheap watches').querySelector<HTMLButtonElement>('[data-resolve="delete"]')!.click();
    await waitUntil(() => $$(el, '.report').length === 0, 'deleted');
    await el.updateComplete;
    expect($(el, '.notice')?.textContent).to.contain('No open reports');
    // Each decision reached the LRS once, with the moderator's choice.
    await provider.context.recorder.flush();
    expect(await decisions(fine.id)).to.deep.equal(['keep']);
    expect(await decisions(rude.id)).to.deep.equal(['hide']);
    expect(await decisions(spam.id)).to.deep.equal(['delete']);

    // Back to the thread: the moderator still sees the hidden post, marked.
    toggle.click();
    await el.updateComplete;
    await waitForPost(el, 'A rude remark');
    expect(article(el, 'A rude remark').querySelector('.hidden-mark')).to.not.equal(null);
    expect(articles(el).some((a) => a.textContent?.includes('Cheap watches'))).to.equal(false);
    unmountAll();

    // Everyone else sees a placeholder.
    const reader = await mount({ activity, person: SEED.colleague });
    const texts = articles(reader.el).map((a) =>
      a.querySelector('[part~="body"]')!.textContent!.trim(),
    );
    expect(texts).to.deep.equal(['A fair question', 'This post was hidden by a moderator.']);
  });

  it('a post edited after the queue loaded is not hidden unseen: the queue shows it as it is now', async function () {
    this.timeout(30_000);
    const activity = uniqueActivity('moderation-stale');
    const ana = await signIn(SEED.member);
    const ben = await signIn(SEED.colleague);
    const post = await seedPost(ana, activity, 'Something harsh');
    await api(ben, 'POST', `/posts/${post.id}/reports`, { reason: 'harassment' });

    const { el } = await mount({ activity, person: SEED.moderator });
    $$<HTMLButtonElement>(el, 'header button')
      .find((b) => b.textContent?.trim() === 'Reports')!
      .click();
    await waitUntil(() => $$(el, '.report').length === 1, 'one open report');
    expect($(el, '.report blockquote')!.textContent).to.contain('Something harsh');

    // The author softens the post while the moderator reads the queue.
    await api(ana, 'PATCH', `/posts/${post.id}`, { body: 'Something kinder' });
    $(el, '.report')!.querySelector<HTMLButtonElement>('[data-resolve="hide"]')!.click();
    await waitUntil(
      () => $(el, '.report blockquote')?.textContent?.includes('Something kinder'),
      'the queue shows the post as it is now',
    );
    await el.updateComplete;
    expect($(el, '.report')!.textContent).to.contain('changed since you opened');
    expect($$(el, '.report').length).to.equal(1);
    // Nothing was hidden: a reader still sees the post.
    const seen = await api<{ items: { id: string; hidden?: boolean }[] }>(
      ben,
      'GET',
      `/posts?activity=${encodeURIComponent(activity)}`,
    );
    expect(seen.items.find((p) => p.id === post.id)?.hidden ?? false).to.equal(false);

    // The moderator decides on what is there now, and that decision goes through.
    $(el, '.report')!.querySelector<HTMLButtonElement>('[data-resolve="keep"]')!.click();
    await waitUntil(() => $$(el, '.report').length === 0, 'kept');
    await el.updateComplete;
    expect($(el, '.notice')?.textContent).to.contain('No open reports');
  });

  it('keeping a post settles every open report of it: the queue lists none of them afterwards', async function () {
    this.timeout(30_000);
    const activity = uniqueActivity('moderation-keep-all');
    const ana = await signIn(SEED.member);
    const post = await seedPost(ana, activity, 'A blunt but fair point');
    await api(await signIn(SEED.colleague), 'POST', `/posts/${post.id}/reports`, {
      reason: 'off-topic',
    });
    await api(await signIn('dev.patel'), 'POST', `/posts/${post.id}/reports`, { reason: 'spam' });

    const { el } = await mount({ activity, person: SEED.moderator });
    $$<HTMLButtonElement>(el, 'header button')
      .find((b) => b.textContent?.trim() === 'Reports')!
      .click();
    await waitUntil(() => $$(el, '.report').length === 2, 'two open reports of one post');
    $(el, '.report')!.querySelector<HTMLButtonElement>('[data-resolve="keep"]')!.click();
    // The server settled both; the queue must not offer a decision already taken.
    await waitUntil(() => $$(el, '.report').length === 0, 'both reports settled');
    await el.updateComplete;
    expect($(el, '.notice')?.textContent).to.contain('No open reports');
  });

  // docs/decisions.md §24: a decision being saved is drawn busy and takes no second press.
  it('a decision is busy while its save is held; a double click sends one request', async function () {
    this.timeout(30_000);
    const activity = uniqueActivity('moderation-busy');
    const post = await seedPost(await signIn(SEED.member), activity, 'A fair question');
    await api(await signIn(SEED.colleague), 'POST', `/posts/${post.id}/reports`, {
      reason: 'off-topic',
    });
    const faults = await chaos([
      { match: { method: 'POST', path: '/resolve$' }, action: 'delay', delayMs: 3_000 },
    ]);
    try {
      const { el } = await mount({ activity, endpoint: faults.endpoint, person: SEED.moderator });
      $$<HTMLButtonElement>(el, 'header button')
        .find((b) => b.textContent?.trim() === 'Reports')!
        .click();
      await waitUntil(() => $(el, '.report [data-resolve="keep"]'), 'the open report');
      const keep = $<HTMLButtonElement>(el, '.report [data-resolve="keep"]')!;
      const posts = async () =>
        (await faults.log()).filter((e) => e.method === 'POST' && e.path.endsWith('/resolve'));
      keep.focus();
      keep.click();
      keep.click();
      await waitUntil(
        async () =>
          keep.getAttribute('aria-disabled') === 'true' &&
          (await posts()).some((e) => e.status === 0),
        'drawn busy while the server holds the decision',
        { seen: () => keep.outerHTML },
      );
      expect(activeElement(), 'focus stays on the pressed button').to.equal(keep);
      await waitUntil(() => $$(el, '.report').length === 0, 'kept');
      expect(await posts(), 'one request for two presses').to.have.length(1);
    } finally {
      await faults.clear();
    }
  });
});
