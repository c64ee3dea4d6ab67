/**
 * Editing a post that is long in characters (issue 15 #2) or that changed elsewhere since the
 * editor opened (issue 15 #10).
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { PeerDiscussion } from '@peerkit/discussion';
import { $, $$, api, mount, seedPost, serverPosts, type, unmountAll } from './helpers.js';
import { SEED, signIn, uniqueActivity } from '../support/server.js';

const editor = (el: PeerDiscussion) =>
  $<HTMLTextAreaElement>(el, '[part~="composer"][data-mode="edit"] textarea')!;
const save = (el: PeerDiscussion) =>
  $<HTMLButtonElement>(el, '[part~="composer"][data-mode="edit"] [part~="submit"]')!;
const button = (el: PeerDiscussion, text: string) =>
  $$<HTMLButtonElement>(el, '[part~="composer"][data-mode="edit"] button').find((b) =>
    b.textContent?.includes(text),
  );
/** The editor's notice that the post changed elsewhere. */
const changedNotice = (el: PeerDiscussion) =>
  $(el, '[part~="composer"][data-mode="edit"] .conflict');

async function openEditor(el: PeerDiscussion, id: string): Promise<void> {
  await waitUntil(() => $(el, `article[data-id="${id}"]`), 'the post is drawn');
  $<HTMLButtonElement>(el, `article[data-id="${id}"] [data-action="edit"]`)!.click();
  await waitUntil(() => $(el, '[data-mode="edit"] textarea'), 'the editor opens');
}

/**
 * The stale-editor case: Ana's post "Version one", her editor open on it holding `mine`, and
 * then `elsewhere` saved to the same post from another tab. Answers what a test needs next.
 */
async function editorOvertaken(label: string, mine: string, elsewhere: string, live = false) {
  const activity = uniqueActivity(label);
  const ana = await signIn(SEED.member);
  const post = await seedPost(ana, activity, 'Version one');
  const { el } = await mount({
    activity,
    person: SEED.member,
    ...(live ? { attrs: { live: true } } : {}),
  });
  await openEditor(el, post.id);
  type(editor(el), mine);
  // A change made before the stream is open is not sent on it (the thread was read before).
  if (live)
    await waitUntil(
      () => (el as unknown as { liveStatus: string }).liveStatus === 'open',
      'the stream is open',
      { timeout: 10_000 },
    );
  await api(ana, 'PATCH', `/posts/${post.id}`, { body: elsewhere });
  return { el, ana, post, activity };
}

async function bodyOnServer(token: string, activity: string, id: string): Promise<string> {
  return (await serverPosts(token, activity)).find((p) => p.id === id)!.body;
}

describe('<peer-discussion> editing', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('opens a stored 6,000-emoji post with no "too many" and saves it unchanged', async function () {
    this.timeout(20_000);
    const activity = uniqueActivity('emoji');
    const ana = await signIn(SEED.member);
    const body = '😀'.repeat(6000);
    const post = await seedPost(ana, activity, body);
    await seedPost(await signIn(SEED.colleague), activity, 'Something to report');
    const { el } = await mount({ activity, person: SEED.member });
    await openEditor(el, post.id);
    const counter = $(el, '[data-mode="edit"] [part~="counter"]')!;
    expect(counter.textContent).to.contain('6,000 of 10,000 characters');
    expect(counter.classList.contains('over')).to.equal(false);
    const updated = oneEvent(el, 'peer-post-updated');
    save(el).click();
    expect((await updated).detail.post.body).to.equal(body);
    expect(await bodyOnServer(ana, activity, post.id)).to.equal(body);
    // No field counts in UTF-16 (`maxlength`): not the editors, not the report note.
    $<HTMLButtonElement>(el, '[data-action="report"]')!.click();
    await waitUntil(() => $(el, 'dialog#report textarea'), 'the report dialog');
    expect($$(el, 'textarea').filter((t) => t.hasAttribute('maxlength'))).to.have.length(0);
  });

  it('says when the post changed elsewhere; "Keep mine" then saves over it', async function () {
    this.timeout(20_000);
    // The same person saves another text in a second tab.
    const { el, ana, post, activity } = await editorOvertaken(
      'stale-keep',
      'My change',
      'Edited in another tab',
    );
    save(el).click();
    await waitUntil(() => changedNotice(el), 'the editor says the post changed');
    expect(changedNotice(el)!.textContent).to.contain('changed');
    expect(editor(el).value, 'the draft is kept').to.equal('My change');
    expect(await bodyOnServer(ana, activity, post.id)).to.equal('Edited in another tab');
    expect($(el, '[role="status"][aria-live="polite"]')?.textContent).not.to.contain('updated');

    button(el, 'Keep mine')!.click();
    await el.updateComplete;
    expect(changedNotice(el)).to.equal(null);
    expect(editor(el).value).to.equal('My change');
    const updated = oneEvent(el, 'peer-post-updated');
    save(el).click();
    expect((await updated).detail.post.body).to.equal('My change');
    expect(await bodyOnServer(ana, activity, post.id)).to.equal('My change');
  });

  it('"Load the newer text" puts the other edit in the editor', async function () {
    this.timeout(20_000);
    const { el } = await editorOvertaken('stale-load', 'My change', 'Edited in another tab');
    save(el).click();
    await waitUntil(() => changedNotice(el), 'the editor says the post changed');
    button(el, 'Load the newer text')!.click();
    await el.updateComplete;
    expect(editor(el).value).to.equal('Edited in another tab');
    type(editor(el), 'Edited in another tab, and here');
    const updated = oneEvent(el, 'peer-post-updated');
    save(el).click();
    expect((await updated).detail.post.body).to.equal('Edited in another tab, and here');
  });

  it('a live edit of the post being edited shows the notice before saving', async function () {
    this.timeout(20_000);
    const { el } = await editorOvertaken(
      'stale-live',
      'Mine, unsaved',
      'Changed while you typed',
      true,
    );
    await waitUntil(() => changedNotice(el), 'the open editor hears of the edit', {
      timeout: 15_000,
    });
    expect(editor(el).value).to.equal('Mine, unsaved');
  });
});
