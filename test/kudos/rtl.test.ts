/**
 * Right-to-left text in `<peer-kudos>` (issue 15 #1): what people wrote (the givers' names,
 * the message typed in the popover, the recipient's name) takes its direction from its own
 * content, whatever the page's direction.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { $, $$, button, giveAs, mount, unmountAll, type PeerKudos } from './helpers.js';
import { SEED, signAs, signIn, uniqueActivity } from '../support/server.js';

const HEBREW_NAME = 'שרה כהן';
const direction = (el: Element) => getComputedStyle(el).direction;

/** Opens the givers line and waits for it to name people. */
async function openGivers(el: PeerKudos): Promise<HTMLElement> {
  $<HTMLButtonElement>(el, 'button[part~="count"]')!.click();
  await waitUntil(() => /Given by/.test($(el, '[part~="givers"]')?.textContent ?? ''), 'givers');
  return $<HTMLElement>(el, '[part~="givers"]')!;
}

describe('<peer-kudos> with right-to-left text', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('draws a Hebrew giver name right-to-left inside an English page', async () => {
    const activity = uniqueActivity('rtl-he');
    const id = `sara.${crypto.randomUUID().slice(0, 8)}`;
    await giveAs(await signAs({ id, name: HEBREW_NAME }), activity);
    const { el } = await mount({ activity });
    const line = await openGivers(el);
    expect(direction(line)).to.equal('ltr');
    const name = [...line.querySelectorAll('*')].find((n) => n.textContent === HEBREW_NAME);
    expect(name, 'the name is an element of its own').to.exist;
    expect(direction(name!)).to.equal('rtl');
    expect(line.textContent!.trim()).to.equal(`Given by ${HEBREW_NAME}`);
  });

  it('draws English giver names left-to-right inside an Arabic page', async () => {
    const activity = uniqueActivity('rtl-ar');
    await giveAs(await signIn(SEED.colleague), activity);
    const holder = document.createElement('div');
    holder.setAttribute('dir', 'rtl');
    holder.setAttribute('lang', 'ar');
    document.body.append(holder);
    try {
      const { el } = await mount({ activity, parent: holder });
      const line = await openGivers(el);
      expect(direction(line)).to.equal('rtl');
      const name = [...line.querySelectorAll('*')].find((n) => n.textContent === 'Ben Okafor');
      expect(name, 'the name is an element of its own').to.exist;
      expect(direction(name!)).to.equal('ltr');
    } finally {
      holder.remove();
    }
  });

  it('the message field takes its direction from what is typed, and the recipient name is isolated', async () => {
    const { el } = await mount({
      attrs: { values: 'helpful,clear', recipient: SEED.colleague, 'recipient-name': HEBREW_NAME },
    });
    button(el)!.click();
    await el.updateComplete;
    const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
    textarea.value = 'תודה רבה!';
    textarea.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(textarea.matches(':dir(rtl)')).to.equal(true);
    textarea.value = 'Thanks a lot!';
    textarea.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(textarea.matches(':dir(ltr)')).to.equal(true);

    const given = oneEvent(el, 'peer-kudos-given');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await given;
    await el.updateComplete;
    const region = $(el, '[role="status"]')!;
    expect(region.textContent!.trim()).to.equal(`You thanked ${HEBREW_NAME}. 1 person did.`);
    const isolated = $$(el, '[role="status"] bdi');
    expect(isolated.map((b) => b.textContent)).to.deep.equal([HEBREW_NAME]);
    expect(direction(isolated[0]!)).to.equal('rtl');
  });
});
