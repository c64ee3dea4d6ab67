/**
 * One reflection in two tabs (issue 12: "nothing typed is ever lost, including when two tabs
 * edit the same reflection"): two cards on the same draft stay in step (the later edit wins
 * and the other says so), and a save another device made first (412) is merged, not lost.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { signIn, SEED } from '../support/server.js';
import {
  $,
  atServer,
  field,
  mount,
  saveAs,
  seen,
  statusIs,
  typeInto,
  unmountAll,
  until,
} from './helpers.js';

describe('<peer-reflection-card> in two tabs', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it("shows each card the other's later edit, says so, and the server ends with every word", async () => {
    const a = await mount();
    const b = await mount({ activity: a.activity });
    await typeInto(a.el, 'achieved', 'We shipped');
    await until(() => seen(b.el).answers.achieved === 'We shipped', "B shows A's edit");
    expect(seen(b.el).elsewhere).to.equal('Changed in another tab: this shows the latest edit.');
    await expect(b.el).to.be.accessible();
    // Then the person writes in B.
    await typeInto(b.el, 'learned', 'Pair early');
    await until(() => seen(a.el).answers.learned === 'Pair early', "A shows B's edit");
    await statusIs(a.el, 'saved');
    await statusIs(b.el, 'saved');
    const mine = await atServer(a.activity, a.token!);
    expect(mine.length, 'one reflection').to.equal(1);
    expect(mine[0]!.answers.map((x) => x.answer)).to.deep.equal(['We shipped', '', 'Pair early']);
  });

  it("keeps a card's own text beside a later edit made without seeing it", async () => {
    const a = await mount();
    const b = await mount({ activity: a.activity });
    await typeInto(a.el, 'achieved', 'First');
    await until(() => seen(b.el).answers.achieved === 'First');
    // B writes without having seen A's next keystrokes (as two tabs typing at once do):
    // B's draft is older than A's when B writes it.
    const key = Object.keys(localStorage).find((k) => k.includes(JSON.stringify(a.activity)))!;
    const stale = localStorage.getItem(key)!;
    await typeInto(a.el, 'achieved', ' draft from A');
    const d = JSON.parse(stale) as { answers: Record<string, string>; rev: string; base: string };
    localStorage.setItem(
      key,
      JSON.stringify({
        ...d,
        answers: { achieved: 'Second from another tab' },
        rev: 'x',
        base: d.rev,
        tab: 'other',
      }),
    );
    window.dispatchEvent(
      new StorageEvent('storage', {
        key,
        newValue: localStorage.getItem(key),
        storageArea: localStorage,
      }),
    );
    await until(() => seen(a.el).answers.achieved === 'Second from another tab');
    const clash = $(a.el, '[part~="clash"]');
    expect(clash?.textContent).to.contain('First draft from A');
    $<HTMLButtonElement>(a.el, '[part~="clash"] button')!.click();
    await until(() => seen(a.el).answers.achieved === 'First draft from A');
  });

  it('merges a save another device made first (412) instead of overwriting it', async () => {
    const { el, activity, token } = await mount();
    await typeInto(el, 'achieved', 'From the laptop');
    await statusIs(el, 'saved');
    const [r] = await atServer(activity, token!);
    // Another device adds a lesson to the same reflection.
    await saveAs(
      await signIn(SEED.member),
      r!.id,
      {
        activity,
        visibility: 'private',
        answers: r!.answers.map((x) =>
          x.id === 'learned'
            ? { ...x, answer: 'From the phone' }
            : { id: x.id!, prompt: x.prompt, answer: x.answer },
        ),
      },
      r!.version,
    );
    await typeInto(el, 'differently', 'Plan less');
    field(el, 'differently').blur();
    await until(() => seen(el).answers.learned === 'From the phone', "the phone's lesson shown");
    await statusIs(el, 'saved');
    const [after] = await atServer(activity, token!);
    expect(after!.answers.map((x) => x.answer)).to.deep.equal([
      'From the laptop',
      'Plan less',
      'From the phone',
    ]);
  });
});
