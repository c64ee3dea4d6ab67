/**
 * Skill tags in `<peer-discussion>`'s composers (docs/decisions.md §11): the "Skills" picker
 * (the core's combobox, suggestions from `GET /skills`, new names allowed), chips removed by
 * their button or Backspace, at most five, sent as `tags` on create and edit, a refused tag
 * said at the field with the draft kept; and the host's `tags` preset, checked like the other
 * attributes. Real Chromium against the real server.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { configErrors } from '../support/config-errors.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { PeerDiscussion } from '@peerkit/discussion';
import {
  $,
  $$,
  acknowledged,
  activeElement,
  api,
  mount,
  rootTextarea,
  serverPosts,
  unmountAll,
  focusIn,
} from './helpers.js';
import { chaos, SEED, signIn, uniqueActivity } from '../support/server.js';
import { untilSaid } from '../support/announced.js';
import { sendKeys } from '@web/test-runner-commands';

const scope = (mode: string) => `[part~="composer"][data-mode="${mode}"]`;
const field = (el: PeerDiscussion, mode = 'new') =>
  $<HTMLInputElement>(el, `${scope(mode)} [part~="skills"] input[role="combobox"]`);
const chips = (el: PeerDiscussion, mode = 'new') =>
  $$(el, `${scope(mode)} [part~="tag-chip"]`).map((b) => b.getAttribute('aria-label'));
const options = (el: PeerDiscussion, mode = 'new') =>
  $$(el, `${scope(mode)} [part~="skills"] [role="option"]`).map((o) => o.textContent!.trim());

/** Focuses the composer's text (the tools load), then waits for its "Skills" field. */
async function openPicker(el: PeerDiscussion, mode = 'new'): Promise<HTMLInputElement> {
  await waitUntil(() => $(el, `${scope(mode)} textarea`), `the ${mode} composer opens`);
  focusIn($<HTMLTextAreaElement>(el, `${scope(mode)} textarea`)!);
  await waitUntil(() => field(el, mode), 'the Skills field is drawn', { timeout: 10_000 });
  return field(el, mode)!;
}

/** Types into the field as a person does: the element draws before the next key. */
async function typeIn(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (input.getRootNode() as ShadowRoot & { host: PeerDiscussion }).host.updateComplete;
}

function key(target: HTMLElement, name: string): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }),
  );
}

/** What the discussion's live region says. */
const said = (el: PeerDiscussion) =>
  $(el, '[role="status"][aria-live="polite"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function submit(el: PeerDiscussion, mode = 'new'): Promise<void> {
  $<HTMLButtonElement>(el, `${scope(mode)} [part~="submit"]`)!.click();
  await el.updateComplete;
}

describe('<peer-discussion> skill tags in the composer', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('suggests skills from GET /skills, adds a pick and a new name, Backspace removes, posts with tags', async function () {
    this.timeout(20_000);
    const { el, activity, token } = await mount();
    acknowledged(activity, SEED.member);
    const input = await openPicker(el);
    const label = el.shadowRoot!.getElementById(input.getAttribute('aria-labelledby')!)!;
    expect(label.textContent!.trim()).to.equal('Skills');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    await typeIn(input, 'postg');
    await waitUntil(() => options(el).includes('PostgreSQL'), 'PostgreSQL is suggested');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    key(input, 'ArrowDown');
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.be.a('string');
    key(input, 'Enter');
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Remove tag PostgreSQL']);
    expect(input.value).to.equal('');
    expect(activeElement()).to.equal(input, 'focus stays in the field');
    // A skill the vocabulary does not hold yet: Enter adds it as typed.
    await typeIn(input, 'Llama husbandry');
    key(input, 'Enter');
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Remove tag PostgreSQL', 'Remove tag Llama husbandry']);
    // Backspace in the empty field removes the last one.
    key(input, 'Backspace');
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Remove tag PostgreSQL']);
    // Enter on a name a suggestion spells otherwise takes the vocabulary's spelling.
    await typeIn(input, 'sql');
    await waitUntil(() => options(el).includes('SQL'), 'SQL is suggested');
    key(input, 'Enter');
    await el.updateComplete;
    // A chip's button removes it; focus goes to the chip that took its place.
    $$<HTMLButtonElement>(el, `${scope('new')} [part~="tag-chip"]`)[0]!.click();
    await el.updateComplete;
    expect(chips(el)).to.deep.equal(['Remove tag SQL']);
    expect(activeElement()?.getAttribute('aria-label')).to.equal('Remove tag SQL');
    await expect(el).to.be.accessible();

    const created = oneEvent(el, 'peer-post-created');
    rootTextarea(el).value = 'Which index for this query?';
    rootTextarea(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await submit(el);
    expect((await created).detail.post.tags).to.deep.equal(['SQL']);
    expect((await serverPosts(token!, activity))[0]!.tags).to.deep.equal(['SQL']);
    await el.updateComplete;
    expect(chips(el)).to.deep.equal([], 'the next post starts without tags');
  });

  it('takes at most five tags and says so (Q&A mode too)', async () => {
    const { el } = await mount({ attrs: { mode: 'qa' } });
    const input = await openPicker(el);
    for (const name of ['One', 'Two', 'Three', 'Four', 'Five', 'Six']) {
      await typeIn(input, name);
      key(input, 'Enter');
      await el.updateComplete;
    }
    expect(chips(el)).to.have.length(5);
    expect(chips(el)).not.to.include('Remove tag Six');
    const hint = el.shadowRoot!.getElementById(
      input.getAttribute('aria-describedby')!.split(' ')[0]!,
    );
    expect(hint!.textContent).to.contain('at most 5 skills');
  });

  it('keeps the tags in the draft across a reload', async () => {
    const { el, activity } = await mount();
    const input = await openPicker(el);
    await typeIn(input, 'Kubernetes');
    key(input, 'Enter');
    await el.updateComplete;
    unmountAll();
    const { el: again } = await mount({ activity });
    await waitUntil(() => chips(again).length === 1, 'the draft brings its tag back');
    expect(chips(again)).to.deep.equal(['Remove tag Kubernetes']);
  });

  it('edits a post’s tags (the editor starts with them) and replies carry their own', async function () {
    this.timeout(20_000);
    const activity = uniqueActivity('tags-edit');
    const ana = await signIn(SEED.member);
    const post = await api<{ id: string }>(ana, 'POST', '/posts', {
      activity,
      body: 'Tagged post',
      tags: ['SQL', 'Python'],
    });
    const { el } = await mount({ activity });
    await waitUntil(() => $(el, `article[data-id="${post.id}"]`), 'the post is drawn');
    $<HTMLButtonElement>(el, `article[data-id="${post.id}"] [data-action="edit"]`)!.click();
    const input = await openPicker(el, 'edit');
    expect(chips(el, 'edit')).to.deep.equal(['Remove tag SQL', 'Remove tag Python']);
    key(input, 'Backspace');
    await typeIn(input, 'Data modelling');
    key(input, 'Enter');
    await el.updateComplete;
    const updated = oneEvent(el, 'peer-post-updated');
    await submit(el, 'edit');
    expect((await updated).detail.post.tags).to.deep.equal(['SQL', 'Data modelling']);
    const stored = (await serverPosts(ana, activity)).find((p) => p.id === post.id)!;
    expect(stored.tags).to.deep.equal(['SQL', 'Data modelling']);

    $<HTMLButtonElement>(el, `article[data-id="${post.id}"] [data-action="reply"]`)!.click();
    const reply = await openPicker(el, 'reply');
    expect(chips(el, 'reply')).to.deep.equal([]);
    await typeIn(reply, 'SQL');
    key(reply, 'Enter');
    await el.updateComplete;
    expect(chips(el, 'reply')).to.deep.equal(['Remove tag SQL']);
  });

  it('says at the field when skills cannot be suggested, with a Try again by keyboard; Enter still adds what was typed', async function () {
    this.timeout(30_000);
    const faults = await chaos([
      { match: { path: '^/skills$' }, action: 'status', status: 500, times: -1 },
    ]);
    try {
      const { el, activity } = await mount({ endpoint: faults.endpoint });
      acknowledged(activity, SEED.member);
      const input = await openPicker(el);
      const failure = () => $(el, `${scope('new')} [part~="skills"] [part~="combobox-status"]`);
      await typeIn(input, 'postg');
      await waitUntil(failure, 'the failure at the field');
      expect(failure()!.textContent).to.contain('Suggestions could not be loaded.');
      await untilSaid(() => said(el), 'Suggestions could not be loaded.');
      expect(failure()!.closest('[role="listbox"]'), 'outside the listbox').to.equal(null);
      expect(input.value, 'the typed text stays').to.equal('postg');
      expect(activeElement(), 'focus stays in the field').to.equal(input);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Tab' });
      const retry = failure()?.querySelector('[part~="retry"]') ?? null;
      expect(!!retry && activeElement() === retry, 'Tab reaches Try again').to.equal(true);
      await faults.set([]);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => options(el).includes('PostgreSQL'), 'suggested after Try again');
      expect(failure(), 'the answer clears the failure').to.equal(null);
      expect(activeElement(), 'focus back in the field').to.equal(input);
      expect(input.value).to.equal('postg');
      const asked = (await faults.log()).filter((r) => r.path === '/skills');
      expect([...new Set(asked.map((r) => r.query))]).to.deep.equal(['q=postg']);
      // Failing again: Enter still adds the text as typed.
      await faults.set([
        { match: { path: '^/skills$' }, action: 'status', status: 500, times: -1 },
      ]);
      await typeIn(input, 'Kotlin');
      await waitUntil(failure, 'the failure again');
      key(input, 'Enter');
      await el.updateComplete;
      expect(chips(el)).to.deep.equal(['Remove tag Kotlin']);
      expect(failure(), 'gone with the text').to.equal(null);
    } finally {
      await faults.clear();
    }
  });

  it('says a refused tag at the field and keeps the draft', async () => {
    const { el, activity } = await mount();
    acknowledged(activity, SEED.member);
    const input = await openPicker(el);
    const long = 'x'.repeat(101);
    await typeIn(input, long);
    key(input, 'Enter');
    await el.updateComplete;
    rootTextarea(el).value = 'Keep this text';
    rootTextarea(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await submit(el);
    await waitUntil(
      () => $(el, `${scope('new')} [part~="skills"] .error-text`),
      'said at the field',
    );
    expect(input.getAttribute('aria-describedby')).to.contain('-tags-error');
    expect(rootTextarea(el).value).to.equal('Keep this text');
    expect(chips(el)).to.have.length(1);
    expect($$(el, 'article[part~="post"]')).to.have.length(0);
    await expect(el).to.be.accessible();
    // Removing the refused tag lets the post go.
    key(input, 'Backspace');
    await el.updateComplete;
    expect($(el, `${scope('new')} [part~="skills"] .error-text`)).to.equal(null);
  });
});

describe('<peer-discussion tags> (the host presets skills on new posts)', () => {
  failOnLitWarnings();
  const errors = configErrors();
  afterEach(unmountAll);

  it('tags="SQL, Data modelling" presets chips on the new-post box only; the post carries them', async () => {
    const { el, activity, token } = await mount({ attrs: { tags: 'SQL, Data modelling' } });
    acknowledged(activity, SEED.member);
    expect(el.tags).to.deep.equal(['SQL', 'Data modelling']);
    await waitUntil(() => chips(el).length === 2, 'the preset chips are drawn');
    expect(chips(el)).to.deep.equal(['Remove tag SQL', 'Remove tag Data modelling']);
    const created = oneEvent(el, 'peer-post-created');
    rootTextarea(el).value = 'A question';
    rootTextarea(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await submit(el);
    expect((await created).detail.post.tags).to.deep.equal(['SQL', 'Data modelling']);
    await el.updateComplete;
    expect(chips(el), 'the next post starts with the preset again').to.have.length(2);
    const stored = await serverPosts(token!, activity);
    $<HTMLButtonElement>(el, `article[data-id="${stored[0]!.id}"] [data-action="reply"]`)!.click();
    await openPicker(el, 'reply');
    expect(chips(el, 'reply')).to.deep.equal([]);
    // The property takes an array; a new preset replaces the chips.
    el.tags = ['Python'];
    await waitUntil(() => chips(el).length === 1, 'the new preset');
    expect(chips(el)).to.deep.equal(['Remove tag Python']);
    expect(errors).to.have.length(0);
  });

  it('a preset with spaces around a name is the same tag as the name typed in another case: one chip', async () => {
    const { el } = await mount();
    // A host's array property is taken as given (the attribute trims; the property does not).
    el.tags = [' Llama husbandry '];
    await waitUntil(() => chips(el).length === 1, 'the preset chip is drawn');
    const input = await openPicker(el);
    await typeIn(input, 'llama HUSBANDRY');
    key(input, 'Enter');
    await el.updateComplete;
    // The server keys tags trimmed and lower-cased (docs/decisions.md §11): it would keep one.
    expect(chips(el)).to.have.length(1);
    expect(input.value).to.equal('');
  });

  it('six skills: a notice, one peer-error of kind config, and no preset', async () => {
    const { el } = await mount({ attrs: { tags: 'a,b,c,d,e,f' } });
    expect(el.tags).to.deep.equal([]);
    const notice = $(el, '.notice.config')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.contain('tags="a,b,c,d,e,f" holds more than 5 skills');
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.error.details.problem).to.include({
      type: 'peerkit:config/tags',
      attribute: 'tags',
    });
    await openPicker(el);
    expect(chips(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
    // A usable value clears the notice.
    el.setAttribute('tags', 'SQL');
    await el.updateComplete;
    expect($(el, '.notice.config')).to.equal(null);
    expect(el.tags).to.deep.equal(['SQL']);
  });

  it('a property that is not a list of names gives way to no preset, without a crash', async () => {
    const { el } = await mount();
    (el as unknown as { tags: unknown }).tags = 42;
    await el.updateComplete;
    expect(el.tags).to.deep.equal([]);
    expect($(el, '.notice.config')?.textContent).to.contain('tags="42"');
    expect(rootTextarea(el)).to.not.equal(null);
  });
});
