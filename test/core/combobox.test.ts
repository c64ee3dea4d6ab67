/**
 * `ComboboxController` and `renderCombobox` in a real element, driven by the keyboard as a
 * person would: suggestions after a pause, one request per pause, stale answers dropped,
 * arrow keys / Home / End / Enter / Escape, focus staying in the field, the count announced,
 * and the start-ward arrow in right-to-left text.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { typeWithinOnePause } from '../support/typing.js';
import { sendKeys } from '@web/test-runner-commands';
import { html as litHtml } from 'lit';
import { define, PeerElement } from '@peerkit/core';
import { ComboboxController, comboboxStyles, renderCombobox } from '@peerkit/core/controllers';

const FRUIT = ['Apple', 'Apricot', 'Avocado', 'Banana', 'Blueberry', 'Cherry'];

class PickFruit extends PeerElement {
  static override styles = [...PeerElement.styles, comboboxStyles];
  /** Every request made: the query, and whether it was aborted in the end. */
  calls: { q: string; signal: AbortSignal }[] = [];
  /** The queries whose answers have come back (in the order they came). */
  answered: string[] = [];
  /** Milliseconds each answer waits, by query (to make answers arrive out of order). */
  delays: Record<string, number> = {};
  picked: string[] = [];
  committed: string[] = [];
  exits = 0;
  readonly box = new ComboboxController<string>(this, {
    suggest: async (q, { signal }) => {
      this.calls.push({ q, signal });
      await new Promise((r) => setTimeout(r, this.delays[q] ?? 0));
      this.answered.push(q);
      return FRUIT.filter((f) => f.toLowerCase().startsWith(q.toLowerCase()));
    },
    key: (f) => f,
    onPick: (f) => {
      this.picked.push(f);
      this.box.setQuery(f, { suggest: false });
    },
    onCommit: (q) => this.committed.push(q),
    onExitStart: () => {
      this.exits++;
      this.renderRoot.querySelector<HTMLButtonElement>('button')!.focus();
    },
    countMessage: (n) => `${n} suggestions`,
  });
  override render() {
    return litHtml`${renderCombobox({
      controller: this.box,
      id: 'f',
      label: 'Fruit',
      option: (f: string) => f,
      before: litHtml`<button type="button">chip</button>`,
    })}`;
  }
}
define('pick-fruit', PickFruit);

const input = (el: PickFruit) => el.shadowRoot!.querySelector('input')!;
const options = (el: PickFruit) => [...el.shadowRoot!.querySelectorAll('[role="option"]')];
const activeText = (el: PickFruit) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? el.shadowRoot!.getElementById(id)?.textContent?.trim() : undefined;
};
const announced = (el: PickFruit) =>
  el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
const focused = (el: PickFruit) => el.shadowRoot!.activeElement;

async function typeInto(el: PickFruit, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
}

describe('ComboboxController', () => {
  failOnLitWarnings();

  it('asks once per pause in typing, and announces how many suggestions came', async () => {
    const el = await fixture<PickFruit>(html`<pick-fruit></pick-fruit>`);
    typeWithinOnePause(input(el), 'ap');
    await waitUntil(() => options(el).length === 2, 'the two suggestions');
    expect(el.calls.map((c) => c.q)).to.deep.equal(['ap']);
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(announced(el)).to.equal('2 suggestions');
    expect(focused(el)).to.equal(input(el));
    await expect(el).to.be.accessible();
  });

  it('never shows an older answer after a newer one, and aborts the older request', async () => {
    const el = await fixture<PickFruit>(html`<pick-fruit></pick-fruit>`);
    el.delays = { a: 900 };
    await typeInto(el, 'a');
    await waitUntil(() => el.calls.length === 1, 'the first request');
    await sendKeys({ type: 'v' });
    await waitUntil(() => options(el).length === 1, 'the newer answer');
    expect(el.calls[0]!.signal.aborted, 'the stale request aborted').to.equal(true);
    // The stale answer comes back (it ignored its signal) and is not shown.
    await waitUntil(() => el.answered.includes('a'), 'the stale answer back', {
      seen: () => el.answered,
    });
    await el.updateComplete;
    expect(options(el).map((o) => o.textContent!.trim())).to.deep.equal(['Avocado']);
  });

  it('moves with the arrow keys, Home and End, picks with Enter, and keeps focus in the field', async () => {
    const el = await fixture<PickFruit>(html`<pick-fruit></pick-fruit>`);
    await typeInto(el, 'a');
    await waitUntil(() => options(el).length === 3, 'three suggestions');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeText(el)).to.equal('Apple');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(activeText(el), 'wraps to the last').to.equal('Avocado');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(activeText(el)).to.equal('Apple');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(activeText(el)).to.equal('Avocado');
    expect(
      options(el)
        .find((o) => o.getAttribute('aria-selected') === 'true')
        ?.textContent?.trim(),
    ).to.equal('Avocado');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.picked).to.deep.equal(['Avocado']);
    expect(input(el).value).to.equal('Avocado');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(focused(el)).to.equal(input(el));
  });

  it('closes with Escape, then clears the field with a second Escape; Enter alone commits the text', async () => {
    const el = await fixture<PickFruit>(html`<pick-fruit></pick-fruit>`);
    await typeInto(el, 'b');
    await waitUntil(() => options(el).length === 2, 'two suggestions');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).value).to.equal('b');
    await sendKeys({ press: 'Enter' });
    expect(el.committed).to.deep.equal(['b']);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(focused(el)).to.equal(input(el));
  });

  it('a click on an option picks it without taking focus from the field', async () => {
    const el = await fixture<PickFruit>(html`<pick-fruit></pick-fruit>`);
    await typeInto(el, 'ch');
    await waitUntil(() => options(el).length === 1, 'one suggestion');
    const option = options(el)[0] as HTMLElement;
    option.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true }));
    option.click();
    await el.updateComplete;
    expect(el.picked).to.deep.equal(['Cherry']);
    expect(focused(el)).to.equal(input(el));
  });

  it('in right-to-left text, the arrow toward the start is ArrowRight', async () => {
    const el = await fixture<PickFruit>(html`<pick-fruit dir="rtl"></pick-fruit>`);
    input(el).focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.exits, 'ArrowLeft goes toward the end in RTL').to.equal(0);
    await sendKeys({ press: 'ArrowRight' });
    expect(el.exits).to.equal(1);
    expect(focused(el)?.localName).to.equal('button');
    const ltr = await fixture<PickFruit>(html`<pick-fruit dir="ltr"></pick-fruit>`);
    input(ltr).focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(ltr.exits).to.equal(0);
    await sendKeys({ press: 'ArrowLeft' });
    expect(ltr.exits).to.equal(1);
  });
});
