import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { POST_BODY_MAX, type PeerProvider } from '@peerkit/core';
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
  postThroughUi,
  rootTextarea,
  seedPost,
  serverPosts,
  type,
  unmountAll,
  waitForPost,
} from './helpers.js';
import { SEED, XAPI_BASIC, chaos, signIn, uniqueActivity } from '../support/server.js';

const submitOf = (el: PeerDiscussion, mode = 'new') =>
  $<HTMLButtonElement>(el, `[part~="composer"][data-mode="${mode}"] [part~="submit"]`)!;

async function statements(
  verb: string,
  activity: string,
): Promise<{ context?: { contextActivities?: { parent?: { id: string }[] } } }[]> {
  const q = new URLSearchParams({ verb, activity });
  const res = await fetch(`/api/xapi/statements?${q}`, {
    headers: { authorization: XAPI_BASIC, 'x-experience-api-version': '1.0.3' },
  });
  expect(res.ok, `GET statements ${res.status}`).to.equal(true);
  return ((await res.json()) as { statements: [] }).statements;
}

async function flush(provider: PeerProvider): Promise<void> {
  await provider.context.recorder.flush();
}

describe('<peer-discussion> writing', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('posts with Ctrl+Enter after the guidelines, once; counts characters; announces the save', async () => {
    const { el, activity, token } = await mount();
    const textarea = rootTextarea(el);
    type(textarea, 'How do I export the report?');
    await el.updateComplete;
    expect($(el, '[part~="counter"]')?.textContent).to.equal(
      `27 of ${POST_BODY_MAX.toLocaleString('en')} characters`,
    );
    expect(textarea.getAttribute('aria-describedby')).to.contain($(el, '[part~="counter"]')!.id);
    const created = oneEvent(el, 'peer-post-created');
    textarea.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
    );
    await el.updateComplete;
    // Guidelines first.
    const guidelines = $(el, '[part~="guidelines"]')!;
    expect(guidelines.textContent).to.contain('Be kind');
    expect(activeElement()?.tagName).to.equal('H3');
    expect((await serverPosts(token!, activity)).length).to.equal(0);
    await expect(el).to.be.accessible();
    $$<HTMLButtonElement>(el, '[part~="guidelines"] button')[0]!.click();
    const event = await created;
    expect(event.detail.post.body).to.equal('How do I export the report?');
    await waitForPost(el, 'export the report');
    expect($(el, '[role="status"][aria-live="polite"]')?.textContent).to.contain(
      'Your post was published.',
    );
    expect(rootTextarea(el).value).to.equal('');
    // Second post: no guidelines again.
    type(rootTextarea(el), 'And to CSV?');
    await el.updateComplete;
    submitOf(el).click();
    await el.updateComplete;
    expect($(el, '[part~="guidelines"]')).to.equal(null);
    await waitForPost(el, 'And to CSV?');
    expect((await serverPosts(token!, activity)).length).to.equal(2);
  });

  it('remembers the acknowledgement across reloads, and uses the guidelines slot', async () => {
    const activity = uniqueActivity('guidelines');
    const { el } = await mount({
      activity,
      children: (d) => {
        const g = document.createElement('div');
        g.slot = 'guidelines';
        g.textContent = 'Our team rules: be excellent.';
        d.append(g);
      },
    });
    type(rootTextarea(el), 'First');
    await el.updateComplete;
    submitOf(el).click();
    await el.updateComplete;
    const slot = $<HTMLSlotElement>(el, '[part~="guidelines"] slot[name="guidelines"]')!;
    expect(slot.assignedElements()[0]?.textContent).to.equal('Our team rules: be excellent.');
    // Back to editing keeps the text.
    $$<HTMLButtonElement>(el, '[part~="guidelines"] button')[1]!.click();
    await el.updateComplete;
    expect(rootTextarea(el).value).to.equal('First');
    unmountAll();
    const again = await mount({ activity });
    // Not yet acknowledged: asked again.
    type(rootTextarea(again.el), 'First');
    await again.el.updateComplete;
    submitOf(again.el).click();
    await again.el.updateComplete;
    $$<HTMLButtonElement>(again.el, '[part~="guidelines"] button')[0]!.click();
    await waitForPost(again.el, 'First');
    unmountAll();
    const third = await mount({ activity });
    type(rootTextarea(third.el), 'Second');
    await third.el.updateComplete;
    submitOf(third.el).click();
    await third.el.updateComplete;
    expect($(third.el, '[part~="guidelines"]')).to.equal(null);
    await waitForPost(third.el, 'Second');
  });

  it('previews Markdown without leaving the composer', async () => {
    const { el } = await mount();
    type(rootTextarea(el), 'This is **strong**');
    await el.updateComplete;
    const toggle = $$<HTMLButtonElement>(el, '[part~="composer"] button').find(
      (b) => b.textContent?.trim() === 'Preview',
    )!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect($(el, '.preview strong')?.textContent).to.equal('strong');
    expect(rootTextarea(el).hidden).to.equal(true);
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(rootTextarea(el).hidden).to.equal(false);
  });

  it('refuses a blank or too long post without a request', async () => {
    const { el, activity, token } = await mount();
    acknowledged(activity, SEED.member);
    submitOf(el).click();
    await el.updateComplete;
    expect($(el, '.error-text')?.textContent).to.contain('Write something first');
    expect(rootTextarea(el).getAttribute('aria-invalid')).to.equal('true');
    type(rootTextarea(el), 'x'.repeat(POST_BODY_MAX + 5));
    await el.updateComplete;
    expect($(el, '[part~="counter"]')?.textContent).to.equal('5 characters too many');
    submitOf(el).click();
    await el.updateComplete;
    expect($(el, '.error-text')?.textContent).to.contain('up to 10,000 characters');
    expect((await serverPosts(token!, activity)).length).to.equal(0);
  });

  it('keeps drafts per thread and parent across a reload, and clears them once saved', async () => {
    const activity = uniqueActivity('drafts');
    const ben = await signIn(SEED.colleague);
    const root = await seedPost(ben, activity, 'A question to answer');
    acknowledged(activity, SEED.member);
    const first = await mount({ activity });
    type(rootTextarea(first.el), 'Half-written thought');
    article(first.el, 'A question')
      .querySelector<HTMLButtonElement>('[data-action="reply"]')!
      .click();
    await first.el.updateComplete;
    const reply = $<HTMLTextAreaElement>(
      first.el,
      '[part~="composer"][data-mode="reply"] textarea',
    )!;
    type(reply, 'Half-written reply');
    unmountAll();

    // "Reload": a new element for the same thread and person.
    const second = await mount({ activity });
    expect(rootTextarea(second.el).value).to.equal('Half-written thought');
    article(second.el, 'A question')
      .querySelector<HTMLButtonElement>('[data-action="reply"]')!
      .click();
    await second.el.updateComplete;
    const restored = $<HTMLTextAreaElement>(
      second.el,
      '[part~="composer"][data-mode="reply"] textarea',
    )!;
    expect(restored.value).to.equal('Half-written reply');
    // Another thread has its own (empty) draft.
    const other = await mount({ activity: uniqueActivity('other') });
    expect(rootTextarea(other.el).value).to.equal('');
    // Saving clears the draft.
    submitOf(second.el, 'reply').click();
    await waitForPost(second.el, 'Half-written reply');
    expect(root.id).to.be.a('string');
    unmountAll();
    const third = await mount({ activity });
    article(third.el, 'A question')
      .querySelector<HTMLButtonElement>('[data-action="reply"]')!
      .click();
    await third.el.updateComplete;
    expect(
      $<HTMLTextAreaElement>(third.el, '[part~="composer"][data-mode="reply"] textarea')!.value,
    ).to.equal('');
    expect(rootTextarea(third.el).value).to.equal('Half-written thought');
  });

  it("says a rate-limited post is rate-limited (the kit's message), and keeps the text", async () => {
    const faults = await chaos([
      { match: { method: 'POST', path: '^/posts$' }, action: 'status', status: 429, times: -1 },
    ]);
    try {
      const activity = uniqueActivity('rate');
      acknowledged(activity, SEED.member);
      const { el } = await mount({ activity, endpoint: faults.endpoint });
      type(rootTextarea(el), 'Slow down, says the server');
      await el.updateComplete;
      submitOf(el).click();
      await waitUntil(() => $(el, '.error-text'), 'the failure is shown', { timeout: 20_000 });
      expect($(el, '.error-text')!.textContent).to.contain('Too many requests right now');
      expect(rootTextarea(el).value).to.equal('Slow down, says the server');
    } finally {
      await faults.clear();
    }
  });

  it('keeps a post that failed with a 503, retries it with the same key, and never doubles it', async () => {
    const faults = await chaos([
      { match: { method: 'POST', path: '^/posts$' }, action: 'status', status: 503, times: -1 },
    ]);
    try {
      const activity = uniqueActivity('retry');
      acknowledged(activity, SEED.member);
      const errors: Event[] = [];
      const { el, token } = await mount({ activity, endpoint: faults.endpoint });
      el.addEventListener('peer-error', (e) => errors.push(e));
      type(rootTextarea(el), 'Please do not double me');
      await el.updateComplete;
      submitOf(el).click();
      await waitUntil(() => $(el, '.error-text'), 'the failure is shown', { timeout: 20_000 });
      expect(rootTextarea(el).value).to.equal('Please do not double me');
      expect(submitOf(el).textContent?.trim()).to.equal('Retry');
      expect(errors.length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      await faults.set([]); // the server is back (the log of attempts is kept)
      // A double click on Retry is still one post.
      submitOf(el).click();
      submitOf(el).click();
      await waitForPost(el, 'Please do not double me');
      const held = await serverPosts(token!, activity);
      expect(held.filter((p) => p.body === 'Please do not double me').length).to.equal(1);
      const log = await faults.log();
      const keys = new Set(
        log.filter((e) => e.method === 'POST' && e.path === '/posts').map((e) => e.idempotencyKey),
      );
      expect(keys.size, 'one idempotency key for every attempt').to.equal(1);
      expect(
        log.filter((e) => e.method === 'POST' && e.path === '/posts' && e.status === 503).length,
      ).to.be.at.least(1);
      expect([...keys][0]).to.be.a('string');
    } finally {
      await faults.clear();
    }
  });

  it('keeps a failed post and its idempotency key across a reload', async () => {
    const faults = await chaos([
      { match: { method: 'POST', path: '^/posts$' }, action: 'status', status: 503, times: -1 },
    ]);
    try {
      const activity = uniqueActivity('retry-reload');
      acknowledged(activity, SEED.member);
      const first = await mount({ activity, endpoint: faults.endpoint });
      type(rootTextarea(first.el), 'Survives a reload');
      await first.el.updateComplete;
      submitOf(first.el).click();
      await waitUntil(() => $(first.el, '.error-text'), 'the failure is shown', {
        timeout: 20_000,
      });
      unmountAll();
      await faults.set([]); // the server is back (the log of attempts is kept)
      const again = await mount({ activity, endpoint: faults.endpoint });
      expect(rootTextarea(again.el).value).to.equal('Survives a reload');
      submitOf(again.el).click();
      await waitForPost(again.el, 'Survives a reload');
      const posts = (await serverPosts(again.token!, activity)).filter(
        (p) => p.body === 'Survives a reload',
      );
      expect(posts.length).to.equal(1);
      const keys = new Set(
        (await faults.log())
          .filter((e) => e.method === 'POST' && e.path === '/posts')
          .map((e) => e.idempotencyKey),
      );
      expect(keys.size, 'the attempt after the reload reuses the key').to.equal(1);
      expect(
        (await faults.log()).filter((e) => e.method === 'POST' && e.path === '/posts').length,
      ).to.be.at.least(2);
    } finally {
      await faults.clear();
    }
  });

  it('a double submit creates one post', async () => {
    const { el, activity, token } = await mount();
    acknowledged(activity, SEED.member);
    type(rootTextarea(el), 'Only once');
    await el.updateComplete;
    submitOf(el).click();
    submitOf(el).click();
    rootTextarea(el).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true, composed: true }),
    );
    await waitForPost(el, 'Only once');
    expect((await serverPosts(token!, activity)).length).to.equal(1);
  });

  it('replies: focus goes to the composer, back to the post on cancel, to the reply once posted', async () => {
    const activity = uniqueActivity('reply');
    const ben = await signIn(SEED.colleague);
    await seedPost(ben, activity, 'Who knows SQL?');
    acknowledged(activity, SEED.member);
    const { el, provider } = await mount({ activity });
    const question = article(el, 'Who knows SQL?');
    question.querySelector<HTMLButtonElement>('[data-action="reply"]')!.click();
    await el.updateComplete;
    const textarea = $<HTMLTextAreaElement>(el, '[part~="composer"][data-mode="reply"] textarea')!;
    expect(activeElement()).to.equal(textarea);
    expect(textarea.labels?.[0]?.textContent).to.equal('Reply to Ben Okafor');
    $$<HTMLButtonElement>(el, '[part~="composer"][data-mode="reply"] button')
      .find((b) => b.textContent?.trim() === 'Cancel')!
      .click();
    await el.updateComplete;
    expect($(el, '[part~="composer"][data-mode="reply"]')).to.equal(null);
    expect(activeElement()).to.equal(question.querySelector('[data-action="reply"]'));

    question.querySelector<HTMLButtonElement>('[data-action="reply"]')!.click();
    await el.updateComplete;
    type($<HTMLTextAreaElement>(el, '[part~="composer"][data-mode="reply"] textarea')!, 'I do');
    const created = oneEvent(el, 'peer-post-created');
    submitOf(el, 'reply').click();
    const { detail } = await created;
    expect(detail.post.parentId).to.equal(question.dataset.id);
    const answer = await waitForPost(el, 'I do');
    await el.updateComplete;
    expect(answer.dataset.depth).to.equal('1');
    expect(activeElement()).to.equal(answer);
    expect($(el, '[role="status"][aria-live="polite"]')?.textContent).to.contain(
      'Your reply was posted.',
    );
    await flush(provider);
    const replied = await statements(
      'http://id.tincanapi.com/verb/replied',
      `urn:peerkit:post:${detail.post.id}`,
    );
    expect(replied.length).to.equal(1);
    expect(replied[0]!.context?.contextActivities?.parent?.[0]?.id).to.equal(
      `urn:peerkit:post:${question.dataset.id}`,
    );
  });

  it('edits and deletes own posts, with events, announcements and statements', async () => {
    const { el, activity, provider } = await mount();
    acknowledged(activity, SEED.member);
    const mine = await postThroughUi(el, 'Frist post');
    const id = mine.dataset.id!;
    // Edit.
    mine.querySelector<HTMLButtonElement>('[data-action="edit"]')!.click();
    await el.updateComplete;
    const editor = $<HTMLTextAreaElement>(el, '[part~="composer"][data-mode="edit"] textarea')!;
    expect(activeElement()).to.equal(editor);
    expect(editor.value).to.equal('Frist post');
    type(editor, 'First post');
    const updated = oneEvent(el, 'peer-post-updated');
    submitOf(el, 'edit').click();
    expect((await updated).detail.post.body).to.equal('First post');
    await waitForPost(el, 'First post');
    await el.updateComplete;
    expect(article(el, 'First post').querySelector('.edited')).to.not.equal(null);
    expect(activeElement()).to.equal(article(el, 'First post'));
    expect($(el, '[role="status"][aria-live="polite"]')?.textContent).to.contain('updated');
    // Someone replies; deleting leaves a placeholder.
    const ben = await signIn(SEED.colleague);
    await seedPost(ben, activity, 'A reply to keep', id);
    await el.reload();
    await waitForPost(el, 'A reply to keep');
    article(el, 'First post').querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog#delete')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('The replies stay');
    await expect(el).to.be.accessible();
    const deleted = oneEvent(el, 'peer-post-deleted');
    $$<HTMLButtonElement>(el, 'dialog#delete button')
      .find((b) => b.textContent?.trim() === 'Delete')!
      .click();
    const { detail } = await deleted;
    expect(detail.id).to.equal(id);
    expect(detail.placeholder?.deleted).to.equal(true);
    await el.updateComplete;
    expect(articles(el)[0]!.textContent).to.contain('This post was deleted.');
    expect(activeElement()).to.equal(articles(el)[0]);
    await waitForPost(el, 'A reply to keep');
    // A post without replies disappears.
    const lone = await postThroughUi(el, 'Short-lived');
    lone.querySelector<HTMLButtonElement>('[data-action="delete"]')!.click();
    await el.updateComplete;
    $$<HTMLButtonElement>(el, 'dialog#delete button')
      .find((b) => b.textContent?.trim() === 'Delete')!
      .click();
    await waitUntil(
      () => !articles(el).some((a) => a.textContent?.includes('Short-lived')),
      'removed',
    );
    await flush(provider);
    expect(
      (await statements('https://w3id.org/xapi/peerkit/verbs/edited', `urn:peerkit:post:${id}`))
        .length,
    ).to.equal(1);
    expect(
      (await statements('https://w3id.org/xapi/peerkit/verbs/deleted', `urn:peerkit:post:${id}`))
        .length,
    ).to.equal(1);
    expect(
      (await statements('http://adlnet.gov/expapi/verbs/commented', `urn:peerkit:post:${id}`))
        .length,
    ).to.equal(1);
  });

  it('reports a post with a reason (other needs a note); moderators get it', async () => {
    const activity = uniqueActivity('report');
    const ben = await signIn(SEED.colleague);
    const post = await seedPost(ben, activity, 'Buy cheap watches');
    const { el, provider } = await mount({ activity });
    const target = article(el, 'cheap watches');
    expect(target.querySelector('[data-action="edit"]')).to.equal(null);
    target.querySelector<HTMLButtonElement>('[data-action="report"]')!.click();
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog#report')!;
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    const send = () => $$<HTMLButtonElement>(el, 'dialog#report button[type="submit"]')[0]!.click();
    send();
    await el.updateComplete;
    expect(dialog.textContent).to.contain('Choose a reason');
    const radio = (value: string) =>
      $<HTMLInputElement>(el, `dialog#report input[value="${value}"]`)!;
    radio('other').click();
    await el.updateComplete;
    send();
    await el.updateComplete;
    expect(dialog.textContent).to.contain('Tell the moderators');
    const note = $<HTMLTextAreaElement>(el, 'dialog#report textarea')!;
    type(note, 'Advertising, twice this week');
    const reported = oneEvent(el, 'peer-post-reported');
    send();
    const { detail } = await reported;
    expect(detail.reason).to.equal('other');
    expect(detail.note).to.equal('Advertising, twice this week');
    await el.updateComplete;
    expect($(el, 'dialog#report')).to.equal(null);
    expect(activeElement()).to.equal(target.querySelector('[data-action="report"]'));
    expect($(el, '[role="status"][aria-live="polite"]')?.textContent).to.contain(
      'moderators will look',
    );
    const chloe = await signIn(SEED.moderator);
    const queue = await api<{ items: { post: { id: string }; note: string | null }[] }>(
      chloe,
      'GET',
      `/reports?${new URLSearchParams({ activity, status: 'open' })}`,
    );
    expect(queue.items.map((r) => r.post.id)).to.deep.equal([post.id]);
    await flush(provider);
    expect(
      (
        await statements(
          'https://w3id.org/xapi/peerkit/verbs/reported',
          `urn:peerkit:post:${post.id}`,
        )
      ).length,
    ).to.equal(1);
  });

  it('records one "viewed" statement per thread per page view', async () => {
    const activity = uniqueActivity('viewed');
    const a = await mount({ activity });
    await mount({ activity });
    await flush(a.provider);
    expect((await statements('http://id.tincanapi.com/verb/viewed', activity)).length).to.equal(1);
  });
});
