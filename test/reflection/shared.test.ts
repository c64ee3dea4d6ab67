/**
 * `show-shared`: the team's and the public reflections on the activity, read-only, the
 * lessons list, and a lesson promoted to the activity's discussion (issue 12, "Done when").
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import type { Post } from '@peerkit/core';
import { API, chaos, signIn, SEED, uniqueActivity } from '../support/server.js';
import { $, $$, mount, saveAs, unmountAll, until } from './helpers.js';

const answers = (achieved: string, learned: string) => [
  { id: 'achieved', prompt: 'What did we achieve?', answer: achieved },
  { id: 'differently', prompt: 'What would we do differently?', answer: '' },
  { id: 'learned', prompt: 'What did we learn that others can use next time?', answer: learned },
];

describe('<peer-reflection-card show-shared>', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('says when "Show more" of the shared ones fails, and the button tries again', async () => {
    const activity = uniqueActivity('shared-more-failed');
    const ben = await signIn(SEED.colleague);
    for (let i = 1; i <= 11; i++)
      await saveAs(ben, crypto.randomUUID(), {
        activity,
        visibility: 'public',
        answers: answers(`Shared ${i}`, ''),
      });
    const proxy = await chaos([]);
    try {
      const { el } = await mount({
        activity,
        endpoint: proxy.endpoint,
        attrs: { 'show-shared': true },
      });
      const shown = () => $$(el, '[part~="shared-reflection"]').length;
      const more = () =>
        $$<HTMLButtonElement>(el, '[part~="shared"] button').find(
          (b) => b.textContent!.trim() === 'Show more',
        )!;
      const failed = () =>
        $(el, '[part~="shared"] .notice.error[role="alert"]')?.textContent?.trim() ?? '';
      await until(() => shown() === 10, 'the first page');
      await proxy.set([{ match: { path: '^/reflections$' }, action: 'drop', times: -1 }]);
      more().click();
      await until(() => failed() !== '', 'the failure said');
      expect(failed()).to.equal('Shared reflections could not be loaded.');
      expect(shown()).to.equal(10);
      await expect(el).to.be.accessible();
      await proxy.set([]);
      more().click();
      await until(() => shown() === 11, 'the second page');
      expect(failed(), 'gone once the page came').to.equal('');
    } finally {
      await proxy.clear();
    }
  });

  it("shows others' shared reflections read-only, their lessons, and promotes one to the discussion", async () => {
    const activity = uniqueActivity('shared');
    const ben = await signIn(SEED.colleague);
    const id = crypto.randomUUID();
    await saveAs(ben, id, {
      activity,
      visibility: 'public',
      answers: answers('Cut deploy time in half', 'Measure before you tune'),
    });
    await saveAs(ben, crypto.randomUUID(), {
      activity,
      visibility: 'private',
      answers: answers('Secret', 'Not for others'),
    });
    const { el, token } = await mount({ activity, attrs: { 'show-shared': true } });
    await until(() => $$(el, '[part~="shared-reflection"]').length === 1, 'the shared one');
    const shared = $(el, '[part~="shared-reflection"]')!;
    expect(shared.textContent).to.contain('Ben Okafor');
    expect(shared.textContent).to.contain('Cut deploy time in half');
    expect(shared.querySelector('textarea, input')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.not.contain('Not for others');
    const lessons = $$(el, '[part~="lesson"] blockquote').map((b) => b.textContent);
    expect(lessons).to.deep.equal(['Measure before you tune']);
    await expect(el).to.be.accessible();

    const promoted = oneEvent(el, 'peer-lesson-promoted');
    $<HTMLButtonElement>(el, '[part~="promote"]')!.click();
    const { detail } = await promoted;
    expect(detail.lesson).to.equal('Measure before you tune');
    expect(detail.reflection.id).to.equal(id);
    const res = await fetch(`${API}/posts?activity=${encodeURIComponent(activity)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const { items } = (await res.json()) as { items: Post[] };
    expect(items.length).to.equal(1);
    expect(items[0]!.body).to.contain('> Measure before you tune');
    expect(items[0]!.body).to.contain(`${activity}#reflection-${id}`);
    expect(items[0]!.author?.id).to.equal(SEED.member);
    await el.updateComplete;
    expect($(el, '[part~="promote"]'), 'promoted once').to.equal(null);
  });
});
