/**
 * `<peer-discussion mode="qa">` (docs/decisions.md §18): the question's author accepts an
 * answer with a toggle button (marked for sighted and screen-reader users, told to the host as
 * `peer-answer-accepted`, saved on the server), the header counts the open questions, and the
 * "Show" menu lists the unanswered ones. Real Chromium against the real server.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { PeerDiscussion } from '@peerkit/discussion';
import { SEED, signIn } from '../support/server.js';
import {
  $,
  $$,
  article,
  mount,
  seedPost,
  serverPosts,
  unmountAll,
  waitForPost,
} from './helpers.js';

const acceptOf = (post: HTMLElement) =>
  post.querySelector<HTMLButtonElement>('[data-action="accept"]');

/** A thread: Ana's question answered by Ben, and Ana's second question still unanswered. */
async function qaThread(activity: string) {
  const [ana, ben] = await Promise.all([signIn(SEED.member), signIn(SEED.colleague)]);
  const question = await seedPost(ana, activity, 'How do I drain a node?');
  const answer = await seedPost(ben, activity, 'kubectl drain, then uncordon', question.id);
  await seedPost(ana, activity, 'Who owns the on-call rota?');
  return { question, answer };
}

async function mountQa(person: string | null = SEED.member, mode = 'qa') {
  const { activity } = await mount({ ready: false, person: null });
  unmountAll();
  const seeded = await qaThread(activity);
  const { el } = await mount({ activity, person, attrs: { mode } });
  await waitForPost(el, 'kubectl drain');
  return { el, activity, ...seeded };
}

describe('<peer-discussion mode="qa">', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('lets the asker accept an answer: pressed, marked, announced, told to the host, saved', async () => {
    const { el, activity, answer } = await mountQa();
    expect($(el, '.open-count')?.textContent?.trim()).to.equal('2 open questions');
    const reply = article(el, 'kubectl drain');
    const button = acceptOf(reply)!;
    expect(button.textContent!.trim()).to.equal('Accept answer');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(acceptOf(article(el, 'How do I drain'))).to.equal(null, 'a question is no answer');
    const told = oneEvent(el, 'peer-answer-accepted');
    button.click();
    const event = await told;
    expect(event.detail.post.id).to.equal(answer.id);
    expect(event.detail.post.accepted).to.equal(true);
    await el.updateComplete;
    const after = article(el, 'kubectl drain');
    expect(acceptOf(after)!.getAttribute('aria-pressed')).to.equal('true');
    expect(after.querySelector('.accepted-mark')?.textContent).to.equal('Accepted answer');
    expect(article(el, 'How do I drain').querySelector('.answered-mark')?.textContent).to.equal(
      'Answered',
      'the question says it is answered',
    );
    expect($(el, '.open-count')?.textContent?.trim()).to.equal('1 open question');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Answer accepted.'), 'announced');
    const token = await signIn(SEED.member);
    const stored = (await serverPosts(token, activity)).find((p) => p.id === answer.id)!;
    expect(stored.accepted).to.equal(true);
    acceptOf(after)!.click();
    await waitUntil(
      () => acceptOf(article(el, 'kubectl drain'))!.getAttribute('aria-pressed') === 'false',
    );
    expect($(el, '.open-count')?.textContent?.trim()).to.equal('2 open questions');
    expect(article(el, 'How do I drain').querySelector('.answered-mark')).to.equal(
      null,
      'open again once its only accepted answer is withdrawn',
    );
  });

  it('shows no accept button to someone else, nor outside Q&A mode', async () => {
    const { el: ben } = await mountQa(SEED.colleague);
    expect(acceptOf(article(ben, 'kubectl drain'))).to.equal(null);
    unmountAll();
    const { el: plain } = await mountQa(SEED.member, 'discussion');
    expect(acceptOf(article(plain, 'kubectl drain'))).to.equal(null);
    expect($(plain, '.open-count')).to.equal(null);
    expect($(plain, '#view')).to.equal(null);
  });

  it('lists only the unanswered questions when asked to', async () => {
    const { el, answer } = await mountQa();
    const token = await signIn(SEED.member);
    await fetch(`/api/posts/${answer.id}/acceptance`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}` },
    });
    const view = $<HTMLSelectElement>(el, '#view')!;
    view.value = 'unanswered';
    view.dispatchEvent(new Event('change'));
    await waitUntil(
      () => !$$(el, 'article').some((a) => a.textContent!.includes('How do I drain')),
      'the answered question left the list',
    );
    await waitForPost(el, 'on-call rota');
    expect($$(el, 'article[part~="post"]')).to.have.length(1);
  });

  it('goes on as a discussion, with a notice, when mode is not one it knows', async () => {
    const { el } = await mount({ attrs: { mode: 'forum' } });
    expect((el as PeerDiscussion).mode).to.equal('discussion');
    expect(el.shadowRoot!.textContent).to.contain('mode="forum" is not one of discussion, qa');
  });
});
