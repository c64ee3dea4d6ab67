import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { ACTIVITY_TYPES, PROFILE_ID, VERBS } from '@peerkit/core';
import { $, $$, atServer, button, giveAs, mount, seen, settledAt, unmountAll } from './helpers.js';
import { API, SEED, XAPI_BASIC, chaos, signIn, uniqueActivity } from '../support/server.js';

const shadowActive = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<peer-kudos>', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('gives kudos: the count moves at once, the server has it, it is announced and the event says so', async () => {
    const activity = uniqueActivity('give');
    await giveAs(await signIn(SEED.colleague), activity);
    const { el, token } = await mount({
      activity,
      attrs: { recipient: SEED.colleague, 'recipient-name': 'Ben' },
    });
    expect(seen(el)).to.include({ button: true, pressed: 'false', disabled: 'false', count: '1' });
    expect($(el, '[part~="count"]')!.textContent).to.contain('1 person gave kudos');
    await expect(el).to.be.accessible();

    const given = oneEvent(el, 'peer-kudos-given');
    button(el)!.click();
    await el.updateComplete;
    // Optimistic: drawn before the server answers.
    expect(seen(el)).to.include({ pressed: 'true', count: '2' });
    const event = await given;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({
      activity,
      recipient: SEED.colleague,
      value: null,
      message: null,
      count: 2,
    });
    expect(seen(el).announcement).to.equal('You thanked Ben. 2 people did.');
    expect(await atServer(activity, token)).to.include({ count: 2, mine: true });
    await expect(el).to.be.accessible();
  });

  it('withdraws: the count goes back, the server forgets it, and peer-kudos-withdrawn fires', async () => {
    const activity = uniqueActivity('withdraw');
    const ana = await signIn(SEED.member);
    await giveAs(ana, activity);
    const { el, token } = await mount({ activity });
    expect(seen(el)).to.include({ pressed: 'true', count: '1' });

    const withdrawn = oneEvent(el, 'peer-kudos-withdrawn');
    button(el)!.click();
    const event = await withdrawn;
    expect(event.detail).to.deep.equal({ activity, recipient: null, count: 0 });
    expect(seen(el)).to.include({ pressed: 'false', count: '0' });
    expect(seen(el).announcement).to.equal('You withdrew your kudos. 0 people gave kudos.');
    expect(await atServer(activity, token)).to.include({ count: 0, mine: false });
  });

  it('a double click ends withdrawn, the withdraw sent only once the give came back', async () => {
    // The proxy holds each POST for a moment, so the second click lands while it is in flight.
    const proxy = await chaos([
      { match: { method: 'POST', path: '^/kudos$' }, action: 'delay', delayMs: 400, times: -1 },
    ]);
    const { el, token, activity } = await mount({ endpoint: proxy.endpoint });
    button(el)!.click();
    button(el)!.click();
    await el.updateComplete;
    expect(seen(el)).to.include({ pressed: 'false', count: '0' });
    await oneEvent(el, 'peer-kudos-withdrawn');
    const writes = (await proxy.log()).filter((e) => e.method !== 'GET');
    expect(writes.map((e) => e.method)).to.deep.equal(['POST', 'DELETE']);
    // One request in flight: the DELETE left only after the held POST was answered.
    expect(writes[1]!.time - writes[0]!.time).to.be.at.least(400);
    expect(await atServer(activity, token)).to.include({ count: 0, mine: false });
    expect(seen(el)).to.include({ pressed: 'false', count: '0' });
    await proxy.clear();
  });

  it('a triple click ends given, with one request and one kudos at the server', async () => {
    const proxy = await chaos([
      { match: { method: 'POST', path: '^/kudos$' }, action: 'delay', delayMs: 400, times: -1 },
    ]);
    const { el, token, activity } = await mount({ endpoint: proxy.endpoint });
    const given = oneEvent(el, 'peer-kudos-given');
    button(el)!.click();
    button(el)!.click();
    button(el)!.click();
    await el.updateComplete;
    expect(seen(el)).to.include({ pressed: 'true', count: '1' });
    expect((await given).detail.count).to.equal(1);
    // A request made after the element settled, as a barrier for anything it might still send.
    await fetch(`${proxy.endpoint}/kudos?activity=${encodeURIComponent(activity)}`);
    const writes = (await proxy.log()).filter((e) => e.method !== 'GET');
    expect(writes.map((e) => e.method)).to.deep.equal(['POST']);
    expect(await atServer(activity, token)).to.include({ count: 1, mine: true });
    expect(seen(el)).to.include({ pressed: 'true', count: '1' });
    await proxy.clear();
  });

  it('opens the popover on a click that comes before any hover or focus, then gives with a click', async () => {
    const { el, token, activity } = await mount({ attrs: { values: 'helpful,clear' } });
    // A script's click: no pointerenter or focusin ran first to start loading the popover (the
    // first test here with values, so its module is not loaded yet when run in this order).
    button(el)!.click();
    await el.updateComplete;
    expect($(el, '[part~="popover"]')).to.exist;
    expect(button(el)!.getAttribute('aria-expanded')).to.equal('true');
    expect((shadowActive(el) as HTMLInputElement).value).to.equal('helpful');
    $<HTMLInputElement>(el, 'input[type="radio"][value="clear"]')!.click();
    const given = oneEvent(el, 'peer-kudos-given');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    expect((await given).detail).to.include({ value: 'clear', message: null, count: 1 });
    expect($(el, '[part~="popover"]')).to.equal(null);
    expect(await atServer(activity, token)).to.deep.include({ myValue: 'clear' });
  });

  it('offers values in a popover driven by the keyboard, with a message and its counter', async () => {
    const { el, token, activity } = await mount({
      attrs: {
        values: 'helpful,clear,generous',
        recipient: SEED.colleague,
        'recipient-name': 'Ben',
      },
    });
    button(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const popover = $(el, '[part~="popover"]')!;
    expect(popover).to.exist;
    expect(button(el)!.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    expect((shadowActive(el) as HTMLInputElement).value).to.equal('helpful');

    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect((shadowActive(el) as HTMLInputElement).value).to.equal('clear');
    expect((shadowActive(el) as HTMLInputElement).checked).to.equal(true);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect((shadowActive(el) as HTMLInputElement).value).to.equal('generous');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;

    await sendKeys({ press: 'Tab' });
    expect(shadowActive(el)!.localName).to.equal('textarea');
    await sendKeys({ type: 'Great diagram' });
    await el.updateComplete;
    expect($(el, '.counter')!.textContent!.trim()).to.equal('267 characters left');
    // The limit is the counter's and the server's rule in characters (code points), not a
    // maxlength (the browser counts UTF-16 units there): see the emoji test below.
    expect((shadowActive(el) as HTMLTextAreaElement).hasAttribute('maxlength')).to.equal(false);

    const given = oneEvent(el, 'peer-kudos-given');
    await sendKeys({ press: 'Tab' }); // Cancel
    await sendKeys({ press: 'Tab' }); // Give kudos
    expect(shadowActive(el)!.textContent!.trim()).to.equal('Give kudos');
    await sendKeys({ press: 'Enter' });
    const event = await given;
    expect(event.detail).to.include({ value: 'clear', message: 'Great diagram', count: 1 });
    expect($(el, '[part~="popover"]')).to.equal(null);
    expect(shadowActive(el)).to.equal(button(el));
    expect($$(el, '[part~="value-chip"]').map((c) => c.textContent!.trim())).to.deep.equal([
      'Clear ×1',
    ]);
    expect(await atServer(activity, token)).to.deep.include({
      count: 1,
      mine: true,
      myValue: 'clear',
      values: { clear: 1 },
    });
    await expect(el).to.be.accessible();
  });

  it('takes a message of 280 emoji (characters, as the server counts) and refuses 281 with a counter that says so', async () => {
    const activity = uniqueActivity('emoji-message');
    const { el, token } = await mount({
      activity,
      attrs: { values: 'helpful,clear', recipient: SEED.colleague, 'recipient-name': 'Ben' },
    });
    button(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    const field = shadowActive(el) as HTMLTextAreaElement;
    expect(field.localName).to.equal('textarea');
    await sendKeys({ type: '😀'.repeat(281) });
    await el.updateComplete;
    // All 281 are in the field (no maxlength cut them at 140), and the counter says what is wrong.
    expect(field.value).to.equal('😀'.repeat(281));
    expect($(el, '.counter')!.textContent!.trim()).to.equal('1 character too many');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    // Giving now sends nothing: the popover stays, the field keeps focus and the text.
    const before = await atServer(activity, token);
    await sendKeys({ press: 'Tab' }); // Cancel
    await sendKeys({ press: 'Tab' }); // Give kudos
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '[part~="popover"]')).to.exist;
    expect(shadowActive(el)).to.equal(field);
    expect(await atServer(activity, token)).to.deep.equal(before);

    // One fewer: 280 characters (560 UTF-16 units) is within the limit, and the server takes it.
    field.focus();
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(field.value).to.equal('😀'.repeat(280));
    expect($(el, '.counter')!.textContent!.trim()).to.equal('0 characters left');
    expect(field.hasAttribute('aria-invalid')).to.equal(false);
    const given = oneEvent(el, 'peer-kudos-given');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    expect((await given).detail.message).to.equal('😀'.repeat(280));
    await settledAt(el, { pressed: 'true', count: '1' });
    expect(await atServer(activity, token)).to.include({ count: 1, mine: true });
    const res = await fetch(`${API}/kudos/givers?activity=${encodeURIComponent(activity)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const { items } = (await res.json()) as { items: { message: string | null }[] };
    expect(items.map((g) => g.message)).to.deep.equal(['😀'.repeat(280)]);
  });

  it('moved elsewhere on the page, it leaves no popover open that an outside click cannot close', async () => {
    const { el, provider } = await mount({ attrs: { values: 'helpful,clear' } });
    button(el)!.click();
    await el.updateComplete;
    expect($(el, '[part~="popover"]')).to.exist;
    // The host moves the element (a re-sorted list): it is disconnected and connected again.
    const spot = document.createElement('section');
    provider.append(spot);
    spot.append(el);
    await el.updateComplete;
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect($(el, '[part~="popover"]')).to.equal(null);
    expect(button(el)!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('closes the popover on Escape, returns focus to the button and sends nothing', async () => {
    const proxy = await chaos();
    const { el } = await mount({ attrs: { values: 'helpful,clear' }, endpoint: proxy.endpoint });
    button(el)!.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($(el, '[part~="popover"]')).to.exist;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part~="popover"]')).to.equal(null);
    expect(shadowActive(el)).to.equal(button(el));
    expect(seen(el)).to.include({ pressed: 'false', count: '0' });
    expect((await proxy.log()).filter((e) => e.method !== 'GET')).to.deep.equal([]);
    await proxy.clear();
  });

  it('moves through values with the arrow keys the right way round in a right-to-left page', async () => {
    const { el } = await mount({ attrs: { values: 'helpful,clear,generous' } });
    el.parentElement!.setAttribute('dir', 'rtl');
    button(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect((shadowActive(el) as HTMLInputElement).value).to.equal('clear');
    await sendKeys({ press: 'Escape' });
  });

  it('reveals who gave on demand: "Ana, Ben and 2 others"', async () => {
    const activity = uniqueActivity('givers');
    for (const person of [SEED.colleague, SEED.moderator, 'dev.patel', 'mei.chen']) {
      await giveAs(await signIn(person), activity);
    }
    const { el } = await mount({ activity });
    const count = $<HTMLButtonElement>(el, 'button[part~="count"]')!;
    expect(count.getAttribute('aria-expanded')).to.equal('false');
    count.click();
    await waitUntil(
      () => /Given by/.test($(el, '[part~="givers"]')?.textContent ?? ''),
      'the givers',
    );
    const text = $(el, '[part~="givers"]')!.textContent!.trim();
    expect(text).to.match(/^Given by [^,]+, [^,]+,? and 2 others$/);
    expect(count.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();

    // Giving refreshes the open list; the newest giver comes first, and it is "You".
    button(el)!.click();
    await waitUntil(
      () => /^Given by You, /.test($(el, '[part~="givers"]')?.textContent?.trim() ?? ''),
      'the list with the signed-in person',
    );
    expect($(el, '[part~="givers"]')!.textContent!.trim()).to.match(/and 3 others$/);
  });

  it('does not let a person thank themselves: disabled, with the reason as its description', async () => {
    const proxy = await chaos();
    const { el } = await mount({ attrs: { recipient: SEED.member }, endpoint: proxy.endpoint });
    const b = button(el)!;
    expect(b.getAttribute('aria-disabled')).to.equal('true');
    const description = el.shadowRoot!.getElementById(b.getAttribute('aria-describedby')!)!;
    expect(description.textContent!.trim()).to.equal('You cannot give kudos to yourself.');
    b.click();
    await el.updateComplete;
    expect(seen(el)).to.include({ pressed: 'false', count: '0' });
    expect((await proxy.log()).filter((e) => e.method !== 'GET')).to.deep.equal([]);
    await expect(el).to.be.accessible();
    await proxy.clear();
  });

  it('shows the count without a button when signed out', async () => {
    const activity = uniqueActivity('signed-out');
    await giveAs(await signIn(SEED.colleague), activity);
    const { el } = await mount({ activity, person: null });
    expect(seen(el)).to.include({ button: false, count: '1' });
    expect($(el, '[part~="count"]')!.textContent).to.contain('1 person gave kudos');
    await expect(el).to.be.accessible();
  });

  it('shows the count without a button when readonly', async () => {
    const { el } = await mount({ attrs: { readonly: true } });
    expect(seen(el)).to.include({ button: false, count: '0' });
    await expect(el).to.be.accessible();
  });

  it('takes its text from the label attribute, or from the slot', async () => {
    const { els } = await mount({ count: 2, attrs: { label: 'Thank the author' } });
    expect(button(els[0]!)!.textContent!.trim()).to.equal('Thank the author');
    const slotted = document.createElement('span');
    slotted.textContent = 'Merci';
    els[1]!.append(slotted);
    await els[1]!.updateComplete;
    const slot = $<HTMLSlotElement>(els[1]!, 'slot')!;
    expect(slot.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Merci']);
  });

  it('shows a clear message and fires peer-error for invalid values', async () => {
    const { el, provider } = await mount({
      ready: false,
      attrs: { values: 'helpful,<b>bold</b>' },
    });
    void provider;
    await waitUntil(() => seen(el).status !== '', 'the message');
    expect(seen(el).status).to.contain('misconfigured');
    await expect(el).to.be.accessible();
  });

  it('records gave-kudos and withdrew-kudos statements through the recorder', async () => {
    const { el, provider, activity } = await mount({ attrs: { recipient: SEED.colleague } });
    button(el)!.click();
    await oneEvent(el, 'peer-kudos-given');
    button(el)!.click();
    await oneEvent(el, 'peer-kudos-withdrawn');
    await provider.context.recorder.flush();
    const statements = async (verb: string) => {
      const url = `/api/xapi/statements?verb=${encodeURIComponent(verb)}&activity=${encodeURIComponent(activity)}`;
      const res = await fetch(url, {
        headers: { Authorization: XAPI_BASIC, 'X-Experience-API-Version': '1.0.3' },
      });
      return (
        (await res.json()) as {
          statements: {
            object: { id: string; definition?: { type?: string } };
            context?: { extensions?: Record<string, unknown> };
          }[];
        }
      ).statements;
    };
    await waitUntil(
      async () => (await statements(VERBS['withdrew-kudos'].id)).length === 1,
      'the statements',
    );
    const gave = await statements(VERBS['gave-kudos'].id);
    expect(gave.map((s) => s.object.id)).to.deep.equal([activity]);
    expect(gave[0]!.object.definition?.type).to.equal(ACTIVITY_TYPES.page);
    expect(gave[0]!.context?.extensions?.[`${PROFILE_ID}/extensions/recipient`]).to.equal(
      SEED.colleague,
    );
  });
});
