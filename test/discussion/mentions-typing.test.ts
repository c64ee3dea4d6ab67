/**
 * Typing `@` in `<peer-discussion>`'s composers (docs/decisions.md §10): people suggested from
 * `GET /people?q=`, combobox ARIA on the textarea, keys, picking writes the mention with the
 * caret after it, Escape keeps the text, loading / empty / error states, right-to-left and a
 * phone-width page. Real Chromium against the real server (faults through its chaos proxy).
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { PeerDiscussion } from '@peerkit/discussion';
import {
  $,
  $$,
  acknowledged,
  activeElement,
  mount,
  rootTextarea,
  unmountAll,
  focusIn,
} from './helpers.js';
import { chaos, SEED } from '../support/server.js';
import { untilSaid } from '../support/announced.js';
import { sendKeys } from '@web/test-runner-commands';

const BEN_LINK = '[@Ben Okafor](mention:ben.okafor)';
const popup = (el: PeerDiscussion, mode = 'new') =>
  $(el, `[part~="composer"][data-mode="${mode}"] [part~="mentions"]`);
const names = (el: PeerDiscussion, mode = 'new') =>
  $$(el, `[part~="composer"][data-mode="${mode}"] [part~="mention-option"] bdi`).map(
    (b) => b.textContent,
  );
const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** What the discussion's live region says. */
const said = (el: PeerDiscussion) => text($(el, '[role="status"][aria-live="polite"]'));

/** Types `value` into the textarea as a person would (caret at the end), then lets it draw. */
async function typeText(el: PeerDiscussion, area: HTMLTextAreaElement, value: string) {
  area.focus();
  area.value = value;
  area.setSelectionRange(value.length, value.length);
  area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function key(target: HTMLElement, name: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', {
    key: name,
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  target.dispatchEvent(event);
  return event;
}

/** The root composer with its tools loaded. */
async function ready(el: PeerDiscussion): Promise<HTMLTextAreaElement> {
  const area = rootTextarea(el);
  focusIn(area);
  await waitUntil(() => popup(el), 'the composer tools load', { timeout: 10_000 });
  return area;
}

describe('<peer-discussion> @ mentions while typing', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('suggests people for @ben, with combobox ARIA on the text; Enter writes the mention, caret after it', async () => {
    const { el, activity } = await mount();
    acknowledged(activity, SEED.member);
    const area = await ready(el);
    expect(area.getAttribute('aria-autocomplete')).to.equal('list');
    expect(area.getAttribute('aria-haspopup')).to.equal('listbox');
    // Not `aria-expanded`: a textbox may not carry it (ARIA 1.2; axe's aria-allowed-attr).
    expect(area.hasAttribute('aria-expanded')).to.equal(false);
    await typeText(el, area, 'Ask @');
    expect(popup(el)!.hidden, 'nothing for a bare @').to.equal(true);
    await typeText(el, area, 'Ask @ben');
    await waitUntil(() => names(el).includes('Ben Okafor'), 'Ben is suggested');
    const listbox = el.shadowRoot!.getElementById(area.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
    expect(listbox.hidden).to.equal(false);
    const first = listbox.querySelector('[role="option"]')!;
    expect(area.getAttribute('aria-activedescendant')).to.equal(first.id);
    expect(first.getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
    // ArrowDown / ArrowUp move (wrapping), the text keeps focus.
    const count = listbox.querySelectorAll('[role="option"]').length;
    key(area, 'ArrowUp');
    await el.updateComplete;
    const last = listbox.querySelectorAll('[role="option"]')[count - 1]!;
    expect(area.getAttribute('aria-activedescendant')).to.equal(last.id);
    key(area, 'ArrowDown');
    await el.updateComplete;
    expect(area.getAttribute('aria-activedescendant')).to.equal(first.id);
    expect(activeElement()).to.equal(area);
    const enter = key(area, 'Enter');
    expect(enter.defaultPrevented, 'Enter picks, it writes no new line').to.equal(true);
    await el.updateComplete;
    expect(area.value).to.equal(`Ask ${BEN_LINK} `);
    expect(area.selectionStart).to.equal(`Ask ${BEN_LINK} `.length);
    expect(listbox.hidden).to.equal(true);
    expect(area.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(activeElement()).to.equal(area);
    // Posted, the mention is drawn as the name and fires peer-mention-created.
    const mentioned = oneEvent(el, 'peer-mention-created');
    await typeText(el, area, `${area.value}can you help?`);
    $<HTMLButtonElement>(el, '[data-mode="new"] [part~="submit"]')!.click();
    expect((await mentioned).detail.people[0].id).to.equal('ben.okafor');
  });

  it('Tab picks; a click picks; text after the caret stays', async () => {
    const { el } = await mount();
    const area = await ready(el);
    area.value = '@ben and more';
    area.setSelectionRange(4, 4);
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => names(el).includes('Ben Okafor'), 'Ben is suggested');
    key(area, 'Tab');
    await el.updateComplete;
    expect(area.value).to.equal(`${BEN_LINK} and more`);
    expect(area.selectionStart).to.equal(BEN_LINK.length + 1);
    await typeText(el, area, `${area.value} @Chlo`);
    await waitUntil(
      () => names(el).some((n) => n?.startsWith('Chloé') || n?.startsWith('Chloe')),
      'Chloé',
    );
    $<HTMLElement>(el, '[part~="mention-option"]')!.click();
    await el.updateComplete;
    expect(area.value).to.match(/ \[@Chlo[ée] [^\]]+\]\(mention:chloe\.martin\) $/);
  });

  it('Escape closes the suggestions and keeps the text; in a reply it does not cancel the reply', async () => {
    const { el } = await mount();
    const area = await ready(el);
    await typeText(el, area, 'Hi @ben');
    await waitUntil(() => names(el).length > 0, 'suggestions');
    const escape = key(area, 'Escape');
    expect(escape.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(popup(el)!.hidden).to.equal(true);
    expect(area.value).to.equal('Hi @ben');
    expect(area.hasAttribute('aria-activedescendant')).to.equal(false);
    // Enter now writes a new line, as always (not handled).
    expect(key(area, 'Enter').defaultPrevented).to.equal(false);
    // Typing on opens them again.
    await typeText(el, area, 'Hi @beno');
    await waitUntil(() => names(el).includes('Ben Okafor'), 'open again');

    await typeText(el, area, 'Posting a root first');
    $<HTMLButtonElement>(el, '[data-mode="new"] [part~="submit"]')!.click();
    await waitUntil(
      () => $(el, '[data-action="reply"]') || $(el, '[part~="guidelines"]'),
      'posted',
    );
    $$<HTMLButtonElement>(el, '[part~="guidelines"] button')[0]?.click();
    await waitUntil(() => $(el, '[data-action="reply"]'), 'the post is drawn');
    $<HTMLButtonElement>(el, '[data-action="reply"]')!.click();
    await waitUntil(() => $(el, '[data-mode="reply"] textarea'), 'the reply box');
    const reply = $<HTMLTextAreaElement>(el, '[data-mode="reply"] textarea')!;
    await typeText(el, reply, 'Thanks @ben');
    await waitUntil(() => names(el, 'reply').includes('Ben Okafor'), 'Ben in the reply');
    key(reply, 'Escape');
    await el.updateComplete;
    expect($(el, '[data-mode="reply"] textarea'), 'the reply box stays open').to.equal(reply);
    expect(reply.value).to.equal('Thanks @ben');
  });

  it('says when nobody matches, and when the search failed (typing on tries again, nothing lost)', async () => {
    const faults = await chaos([]);
    try {
      const { el } = await mount({ endpoint: faults.endpoint });
      const area = await ready(el);
      await typeText(el, area, 'Hey @zzqxv');
      await waitUntil(() => text(popup(el)).includes('No one by that name.'), 'the empty state');
      expect(area.hasAttribute('aria-activedescendant')).to.equal(false);
      await faults.set([
        { match: { path: '^/people$' }, action: 'status', status: 503, times: -1 },
      ]);
      await typeText(el, area, 'Hey @be');
      await waitUntil(
        () => text(popup(el)).includes('Suggestions could not be loaded.'),
        'the error state',
        { timeout: 10_000 },
      );
      expect(area.value).to.equal('Hey @be');
      await expect(el).to.be.accessible();
      await faults.set([]);
      await typeText(el, area, 'Hey @ben');
      await waitUntil(() => names(el).includes('Ben Okafor'), 'typing on retried');
      expect(text(popup(el))).not.to.contain('could not be loaded');
    } finally {
      await faults.clear();
    }
  });

  it('a failed search has a Try again, reached by Tab, that asks for the same name and puts focus back in the text', async function () {
    this.timeout(30_000);
    const faults = await chaos([]);
    try {
      const { el } = await mount({ endpoint: faults.endpoint });
      const area = await ready(el);
      await faults.set([
        { match: { path: '^/people$' }, action: 'status', status: 503, times: -1 },
      ]);
      await typeText(el, area, 'Hey @be');
      const failure = () => popup(el)?.querySelector('[part~="combobox-status"]') ?? null;
      await waitUntil(failure, 'the failure under the text', { timeout: 10_000 });
      expect(text(failure())).to.contain('Suggestions could not be loaded.');
      await untilSaid(() => said(el), 'Suggestions could not be loaded.');
      expect(failure()!.closest('[role="listbox"]'), 'outside the listbox').to.equal(null);
      expect(activeElement(), 'focus stays in the text').to.equal(area);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Tab' });
      // (Booleans: chai would print a whole element tree on a mismatch.)
      const retry = failure()?.querySelector('[part~="retry"]') ?? null;
      expect(retry !== null, 'the failure stays while focus moves to its Try again').to.equal(true);
      expect(activeElement() === retry, 'Tab reaches Try again').to.equal(true);
      await faults.set([]);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => names(el).includes('Ben Okafor'), 'Ben after Try again');
      expect(failure(), 'the answer clears the failure').to.equal(null);
      expect(activeElement(), 'focus back in the text').to.equal(area);
      expect(area.value).to.equal('Hey @be');
      const asked = (await faults.log()).filter((r) => r.path === '/people');
      expect(asked.length).to.be.greaterThan(1);
      expect(asked.every((r) => new URLSearchParams(r.query).get('q') === 'be')).to.equal(true);
      // The caret is where it was: Enter writes the first person in place of "@be".
      key(area, 'Enter');
      await el.updateComplete;
      expect(area.value).to.match(/^Hey \[@[^\]]+\]\(mention:[^)]+\) $/);
    } finally {
      await faults.clear();
    }
  });

  it('works right-to-left on a phone-width page', async () => {
    const parent = document.createElement('div');
    parent.dir = 'rtl';
    parent.style.inlineSize = '360px';
    document.body.append(parent);
    try {
      const { el } = await mount({ parent });
      const area = await ready(el);
      await typeText(el, area, 'سؤال @ben');
      await waitUntil(() => names(el).includes('Ben Okafor'), 'Ben is suggested');
      const box = popup(el)!.getBoundingClientRect();
      const form = $(el, '[data-mode="new"]')!.getBoundingClientRect();
      expect(box.left).to.be.at.least(form.left - 1);
      expect(box.right).to.be.at.most(form.right + 1);
      expect(getComputedStyle(popup(el)!).direction).to.equal('rtl');
      await expect(el).to.be.accessible();
      key(area, 'Enter');
      await el.updateComplete;
      expect(area.value).to.equal(`سؤال ${BEN_LINK} `);
    } finally {
      parent.remove();
    }
  });
});
