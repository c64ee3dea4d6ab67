/**
 * `<peer-expert-finder>` against the real server in Chromium: searching with the keyboard
 * only, filters, recommendations with why, cards, paging, the empty state, bad attributes,
 * right-to-left, and signed out.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { PeerErrorEvent } from '@peerkit/core';
import type { PeerExpertSearchEvent } from '@peerkit/experts';
import { API, XAPI_BASIC, chaos } from '../support/server.js';
import {
  $,
  announced,
  card,
  cards,
  chips,
  input,
  mount,
  names,
  options,
  settled,
  skillRow,
  status,
  typeSearch,
  unmountAll,
} from './helpers.js';
import { untilSaid } from '../support/announced.js';
import { typeWithinOnePause } from '../support/typing.js';

const focused = (el: Element) => el.shadowRoot!.activeElement;
const activeOption = (el: Element) => {
  const id = $(el, '[part~="combobox-input"]')!.getAttribute('aria-activedescendant');
  return id ? el.shadowRoot!.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() : '';
};

describe('<peer-expert-finder>', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('with no search, recommends people for the activity, each saying why', async () => {
    const { el } = await mount();
    expect($(el, '.results h3.sub')?.textContent?.trim()).to.equal('Recommended for this page');
    expect(cards(el).length).to.be.greaterThan(0);
    const why = cards(el).map((c) => c.querySelector('[part~="why"]')?.textContent?.trim() ?? '');
    expect(why.filter(Boolean).length, 'every recommendation says why').to.equal(cards(el).length);
    await expect(el).to.be.accessible();
  });

  it('by keyboard alone: type, arrow to a skill, Enter makes it a chip, results all know it', async () => {
    const { el } = await mount();
    const searches: PeerExpertSearchEvent[] = [];
    el.addEventListener('peer-expert-search', (e) => searches.push(e));
    await typeSearch(el, 'SQL');
    await waitUntil(() => options(el).length > 0, 'suggestions');
    expect(announced(el)).to.match(/\d+ suggestions?/);
    expect(options(el)[0]).to.match(/^SQL \(\d+ people\)$/);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeOption(el)).to.match(/^SQL/);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => chips(el).length === 1, 'the chip');
    expect(chips(el)).to.deep.equal(['SQL']);
    expect(input(el).value).to.equal('');
    expect(focused(el) === input(el), 'focus stays in the field').to.equal(true);
    await waitUntil(
      () => searches.length > 0 && !$(el, '.results[aria-busy="true"]'),
      'the results',
    );
    expect(searches.at(-1)!.detail.skills).to.deep.equal(['SQL']);
    expect(cards(el).length).to.be.greaterThan(0);
    for (const c of cards(el)) expect(!!skillRow(c, 'SQL').row, names(el).join()).to.equal(true);
    expect(announced(el)).to.match(/people found/);
    await expect(el).to.be.accessible();

    // The start-ward arrow at the start of the field reaches the chip; Enter removes it.
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)?.getAttribute('part')).to.equal('chip');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => chips(el).length === 0, 'the chip removed');
    expect(focused(el) === input(el), 'focus back in the field, not lost').to.equal(true);
    await waitUntil(
      () => $(el, '.results h3.sub')?.textContent?.trim() === 'Recommended for this page',
      'recommendations',
    );
  });

  it('Enter searches names, titles and teams; Escape closes then clears', async () => {
    const { el } = await mount();
    await typeSearch(el, 'Platform');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => names(el).includes('Ben Okafor') && !$(el, '.results[aria-busy="true"]'),
      'Ben',
    );
    expect(!!$(el, '.results h3.sub'), 'a search, not recommendations').to.equal(false);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    await waitUntil(() => !!$(el, '.results h3.sub'), 'recommendations again');
  });

  it('records a search as `searched`, the text in result.response (not the recommendations)', async () => {
    const { el, activity } = await mount();
    await typeSearch(el, 'Platform');
    await sendKeys({ press: 'Enter' });
    type Statement = { object: { id: string }; result?: { response?: string } };
    const statements = async () => {
      const q = new URLSearchParams({
        verb: 'https://w3id.org/xapi/peerkit/verbs/searched',
        activity,
      });
      const res = await fetch(`${API}/xapi/statements?${q}`, {
        headers: { Authorization: XAPI_BASIC, 'X-Experience-API-Version': '1.0.3' },
      });
      return ((await res.json()) as { statements: Statement[] }).statements;
    };
    await waitUntil(async () => (await statements()).length > 0, 'the statement', {
      timeout: 15_000,
    });
    const found = await statements();
    expect(found.map((s) => s.result?.response)).to.deep.equal(['Platform']);
  });

  it('a card shows level as text and as a meter, endorsements, availability and ask-me-about', async () => {
    const { el } = await mount({ attrs: { skills: 'Kubernetes' } });
    const ben = card(el, 'Ben Okafor')!;
    expect(!!ben, names(el).join()).to.equal(true);
    const k = skillRow(ben, 'Kubernetes');
    expect(k.level).to.equal('level 4 of 5');
    expect(k.meter).to.equal(4);
    expect(k.count).to.match(/^\d+ endorsements?$/);
    expect(ben.querySelector('[part~="availability"]')?.textContent?.trim()).to.match(
      /^(Available|Busy|Away|Availability unknown)$/,
    );
    expect(ben.querySelector('[part~="topics"]')?.textContent).to.contain('deploy pipelines');
    expect(ben.querySelector('[part~="avatar"]')?.textContent?.trim()).to.equal('BO');
  });

  it('"Show more" appends the next page and keeps focus on itself', async () => {
    const { el } = await mount({ attrs: { limit: '3' } });
    expect(cards(el).length).to.equal(3);
    const more = $<HTMLButtonElement>(el, '[part~="more"]')!;
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cards(el).length === 6, 'six cards');
    expect(focused(el) === $(el, '[part~="more"]'), 'focus on Show more').to.equal(true);
    expect(new Set(names(el)).size, 'no one twice').to.equal(6);
  });

  it('says when nobody matches, and offers to ask in the discussion instead', async () => {
    const { el } = await mount({ attrs: { query: 'zzqx nobody knows this' } });
    expect($(el, '.empty')?.textContent).to.contain('No one lists zzqx nobody knows this yet.');
    expect(!!$(el, '[part~="ask-instead"]')).to.equal(true);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~="ask-instead"]')!.click();
    await waitUntil(() => !!$(el, '[part~="ask-form"]'), 'the question form');
    expect(focused(el)?.localName).to.equal('textarea');
  });

  it('a bad limit gives way to 10 with a notice and a peer-error', async () => {
    const errors: PeerErrorEvent[] = [];
    const listen = (e: Event) => errors.push(e as PeerErrorEvent);
    document.addEventListener('peer-error', listen);
    try {
      const { el } = await mount({ attrs: { limit: 'ten', query: 'e' } });
      expect(status(el)).to.contain('limit="ten" is not a whole number from 1');
      expect(cards(el).length).to.equal(10);
      expect(!!$(el, '[part~="more"]'), 'more than a page').to.equal(true);
      expect(errors.some((e) => e.detail.error.kind === 'config')).to.equal(true);
    } finally {
      document.removeEventListener('peer-error', listen);
    }
  });

  it('a skills attribute with an unusable name gives no preset filters, with a notice', async () => {
    const { el } = await mount({ attrs: { skills: `SQL,${'x'.repeat(101)}` } });
    expect(status(el)).to.contain('holds a skill name that is too long');
    expect(chips(el)).to.deep.equal([]);
    expect($(el, '.results h3.sub')?.textContent?.trim()).to.equal('Recommended for this page');
    el.setAttribute('skills', 'Python');
    await waitUntil(() => chips(el).join() === 'Python', 'the new preset');
    expect(status(el)).to.not.contain('too long');
  });

  it('in right-to-left text, ArrowRight at the start of the field reaches the last chip', async () => {
    const wrapper = document.createElement('div');
    wrapper.dir = 'rtl';
    document.body.append(wrapper);
    try {
      const { el } = await mount({ parent: wrapper, attrs: { skills: 'SQL,Python' } });
      input(el).focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el) === input(el), 'ArrowLeft moves toward the end in RTL').to.equal(true);
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)?.textContent).to.contain('Python');
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)?.textContent).to.contain('SQL');
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)?.textContent).to.contain('Python');
      await expect(el).to.be.accessible();
    } finally {
      wrapper.remove();
    }
  });

  it('signed out: search works, endorsing and asking ask to sign in', async () => {
    const { el } = await mount({ person: null });
    expect(cards(el).length).to.be.greaterThan(0);
    expect(!!$(el, '[part~="own"]'), 'no own card').to.equal(false);
    const first = cards(el)[0]!;
    first.querySelector<HTMLButtonElement>('[part~="endorse"]')!.click();
    await waitUntil(
      () => status(el).includes('Sign in to endorse colleagues.'),
      'sign in to endorse',
    );
    await untilSaid(() => announced(el), 'Sign in to endorse colleagues.');
    expect(first.querySelector('[part~="endorse"]')!.getAttribute('aria-pressed')).to.equal(
      'false',
    );
    first.querySelector<HTMLButtonElement>('[part~="ask"]')!.click();
    await waitUntil(() => status(el).includes('Sign in to ask a colleague.'), 'sign in to ask');
    expect(!!$(el, '[part~="ask-form"]')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('suggestions that fail say so beside the field, with a Try again by keyboard that asks the same text again', async () => {
    const proxy = await chaos([
      { match: { path: '^/skills$' }, action: 'status', status: 500, times: -1 },
    ]);
    try {
      const { el } = await mount({ endpoint: proxy.endpoint });
      const failure = () => $(el, '[part~="combobox-status"]');
      const searches: PeerExpertSearchEvent[] = [];
      el.addEventListener('peer-expert-search', (e) => searches.push(e));
      await typeSearch(el, 'pyth');
      await waitUntil(() => failure(), 'the failure beside the field');
      expect(failure()!.textContent).to.contain('Suggestions could not be loaded.');
      await untilSaid(() => announced(el), 'Suggestions could not be loaded.');
      // Not inside the listbox (it holds options only), and the popup stays closed.
      expect(failure()!.closest('[role="listbox"]')).to.equal(null);
      expect(input(el).getAttribute('aria-expanded')).to.equal('false');
      expect(input(el).value, 'the typed text stays').to.equal('pyth');
      expect(focused(el), 'focus stays in the field').to.equal(input(el));
      await expect(el).to.be.accessible();
      // Enter still searches the text as typed.
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => searches.length === 1, 'the search');
      expect(searches[0]!.detail.query).to.equal('pyth');
      // Tab reaches "Try again"; Enter on it asks again for the same text, focus back in the field.
      await sendKeys({ press: 'Tab' });
      const retry = failure()!.querySelector('[part~="retry"]');
      expect(!!retry && focused(el) === retry, 'Tab reaches Try again').to.equal(true);
      await proxy.set([]);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => options(el).length > 0, 'suggestions after Try again');
      expect(failure(), 'a later answer clears the failure').to.equal(null);
      expect(focused(el)).to.equal(input(el));
      expect(input(el).value).to.equal('pyth');
      // The client's own retries of a 500 included, every request asked for the same text.
      const asked = (await proxy.log()).filter((r) => r.path === '/skills');
      expect([...new Set(asked.map((r) => r.query))]).to.deep.equal(['q=pyth']);
      expect(asked.at(-1)!.status, 'the Try again answered').to.equal(200);
    } finally {
      await proxy.clear();
    }
  });

  it('says failed suggestions in Spanish, laid out right to left', async () => {
    const proxy = await chaos([{ match: { path: '^/skills$' }, action: 'drop', times: -1 }]);
    const parent = document.createElement('div');
    parent.dir = 'rtl';
    document.body.append(parent);
    try {
      const { el } = await mount({ endpoint: proxy.endpoint, locale: 'es', parent });
      await typeSearch(el, 'sq');
      const failure = () => $(el, '[part~="combobox-status"]');
      await waitUntil(failure, 'the failure beside the field');
      const words = failure()!.querySelector('p')!;
      const retry = failure()!.querySelector<HTMLElement>('[part~="retry"]')!;
      expect(words.textContent!.trim()).to.equal('No se pudieron cargar las sugerencias.');
      expect(retry.textContent!.trim()).to.equal('Reintentar');
      await untilSaid(() => announced(el), 'No se pudieron cargar las sugerencias.');
      // Right to left: the words start at the right, the button follows them to their left.
      expect(retry.getBoundingClientRect().right).to.be.at.most(
        words.getBoundingClientRect().left + 1,
      );
      await expect(el).to.be.accessible();
    } finally {
      parent.remove();
      await proxy.clear();
    }
  });

  it('a failed search says so with a retry, and typing fast costs one request per pause', async () => {
    const proxy = await chaos([
      { match: { path: '^/people$' }, action: 'status', status: 500, times: 1 },
    ]);
    try {
      const { el } = await mount({ endpoint: proxy.endpoint });
      expect(status(el)).to.contain('People could not be loaded.');
      $<HTMLButtonElement>(el, '[part~="status"] [part~="retry"]')!.click();
      await settled(el);
      await waitUntil(() => cards(el).length > 0, 'cards after the retry');
      const before = (await proxy.log()).filter((r) => r.path === '/skills').length;
      typeWithinOnePause(input(el), 'pyth');
      await waitUntil(() => options(el).length > 0, 'suggestions');
      const skills = (await proxy.log()).filter((r) => r.path === '/skills').length - before;
      expect(skills, 'one /skills request for four quick keystrokes').to.equal(1);
    } finally {
      await proxy.clear();
    }
  });
});
