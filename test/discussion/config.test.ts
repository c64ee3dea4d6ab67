import { failOnLitWarnings } from '../support/lit-warnings.js';
import { configErrors } from '../support/config-errors.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '@peerkit/kudos/define';
import type { PeerDiscussion } from '@peerkit/discussion';
import { $, articles, mount, seedPost, unmountAll } from './helpers.js';
import { SEED, signIn, uniqueActivity } from '../support/server.js';

/** The config notice of a discussion (attributes it could not use). */
const notice = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('.notice.config');
const bodies = (el: PeerDiscussion) =>
  articles(el).map((a) => a.querySelector('[part~="body"]')!.textContent!.trim());

describe('<peer-discussion> attributes it cannot use', () => {
  failOnLitWarnings();

  const errors = configErrors();
  afterEach(unmountAll);

  async function threeposts(): Promise<string> {
    const activity = uniqueActivity('config');
    const ana = await signIn(SEED.member);
    for (const body of ['Alpha', 'Beta', 'Gamma']) await seedPost(ana, activity, body);
    return activity;
  }

  it('sort="bogus": a notice, one peer-error of kind config, and the thread oldest first', async () => {
    const activity = await threeposts();
    const { el } = await mount({ activity, attrs: { sort: 'bogus' } });
    expect(bodies(el)).to.deep.equal(['Alpha', 'Beta', 'Gamma']);
    expect(el.sort).to.equal('oldest');
    const box = notice(el)!;
    expect(box.getAttribute('role')).to.equal('status');
    expect(box.textContent).to.contain('sort="bogus" is not one of oldest, newest, top');
    expect(box.textContent).to.contain('using oldest');
    expect(errors.length).to.equal(1);
    const error = errors[0]!.detail.error;
    // From the discussion itself (compared as a boolean: a failing check on an element would
    // make the runner serialise the whole page).
    expect(errors[0]!.target === el).to.equal(true);
    expect(error.kind).to.equal('config');
    expect(error.message).to.contain('sort="bogus"');
    expect(error.details.problem).to.include({
      type: 'peerkit:config/sort',
      attribute: 'sort',
      value: 'bogus',
      fallback: 'oldest',
    });
    // Later renders do not fire it again, nor does the same bad value written again.
    el.heading = 'Something else';
    await el.updateComplete;
    el.setAttribute('sort', 'bogus');
    await el.updateComplete;
    await el.updateComplete;
    expect(errors.length).to.equal(1);
    expect(notice(el)?.textContent).to.contain('sort="bogus"');
    expect(bodies(el)).to.deep.equal(['Alpha', 'Beta', 'Gamma']);
    await expect(el).to.be.accessible();
  });

  it('mode="forum": a notice, one peer-error of kind config, a discussion; mode="qa" then clears it', async () => {
    const activity = await threeposts();
    const { el } = await mount({ activity, attrs: { mode: 'forum' } });
    expect(el.mode).to.equal('discussion');
    expect(notice(el)!.textContent).to.contain(
      'mode="forum" is not one of discussion, qa; using discussion.',
    );
    expect(errors.length).to.equal(1);
    expect(errors[0]!.detail.error.details.problem).to.include({
      type: 'peerkit:config/mode',
      attribute: 'mode',
      value: 'forum',
      fallback: 'discussion',
    });
    expect($(el, '#view'), 'no Q&A menu').to.equal(null);
    await expect(el).to.be.accessible();
    // A valid value written later: the line goes, the Q&A menu comes, nothing more is fired.
    el.setAttribute('mode', 'qa');
    await waitUntil(() => $(el, '#view'), 'the Q&A menu');
    expect(notice(el)).to.equal(null);
    expect(errors.length).to.equal(1);
    expect(bodies(el)).to.deep.equal(['Alpha', 'Beta', 'Gamma']);
  });

  it('page-size="ten": a notice, one peer-error, and pages of 20 oldest first', async () => {
    const activity = await threeposts();
    const { el } = await mount({ activity, attrs: { 'page-size': 'ten' } });
    expect(bodies(el)).to.deep.equal(['Alpha', 'Beta', 'Gamma']);
    expect(el.pageSize).to.equal(20);
    expect(notice(el)?.textContent).to.contain(
      'page-size="ten" is not a whole number of 1 or more; using 20.',
    );
    expect(errors.length).to.equal(1);
    expect(errors[0]!.detail.error.details.problem).to.include({
      type: 'peerkit:config/page-size',
      value: 'ten',
    });
    await expect(el).to.be.accessible();
    // The host fixes it, even to the value in use: the notice goes, no new event.
    el.setAttribute('page-size', '20');
    await el.updateComplete;
    expect(notice(el)).to.equal(null);
    expect(errors.length).to.equal(1);
    // A new bad value is news again.
    el.setAttribute('page-size', '0');
    await el.updateComplete;
    await el.updateComplete;
    expect(notice(el)?.textContent).to.contain('page-size="0"');
    expect(errors.length).to.equal(2);
  });

  it('lists every bad attribute, accessibly, and lets a chosen sort clear its line', async () => {
    const { el } = await mount({
      attrs: { sort: 'popular', 'page-size': '-3', 'max-depth': 'deep' },
    });
    const lines = [...notice(el)!.querySelectorAll('p')].map((p) => p.textContent!.trim());
    expect(lines).to.deep.equal([
      'sort="popular" is not one of oldest, newest, top; using oldest.',
      'page-size="-3" is not a whole number of 1 or more; using 20.',
      'max-depth="deep" is not a whole number of 0 or more; using 3.',
    ]);
    expect(errors.map((e) => e.detail.error.details.problem?.type)).to.deep.equal([
      'peerkit:config/sort',
      'peerkit:config/page-size',
      'peerkit:config/max-depth',
    ]);
    expect(el.maxDepth).to.equal(3);
    await expect(el).to.be.accessible();
    // The person picks an order in the menu: the line about `sort` has nothing left to say.
    const select = $<HTMLSelectElement>(el, 'select#sort')!;
    select.value = 'oldest';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(notice(el)!.textContent).not.to.contain('sort=');
    expect(notice(el)!.querySelectorAll('p').length).to.equal(2);
  });

  it('valid attributes show no notice and fire nothing', async () => {
    const { el } = await mount({ attrs: { sort: 'newest', 'page-size': '5', 'max-depth': '0' } });
    expect(notice(el)).to.equal(null);
    expect(errors.length).to.equal(0);
    expect(el.sort).to.equal('newest');
    expect(el.pageSize).to.equal(5);
    expect(el.maxDepth).to.equal(0);
  });

  it('caps page-size and max-depth above their maximum with a console warning only', async () => {
    const warned: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
      warned.push(args.map(String).join(' '));
      original.apply(console, args);
    };
    try {
      const { el } = await mount({ attrs: { 'page-size': '500', 'max-depth': '12' } });
      expect(el.pageSize).to.equal(100);
      expect(el.maxDepth).to.equal(8);
      expect(notice(el)).to.equal(null);
      expect(errors.length).to.equal(0);
      expect(warned.filter((w) => w.startsWith('<peer-discussion>'))).to.deep.equal([
        '<peer-discussion>: page-size="500" is above the maximum of 100; using 100.',
        '<peer-discussion>: max-depth="12" is above the maximum of 8; using 8.',
      ]);
    } finally {
      console.warn = original;
    }
  });

  it('a removed attribute quietly means the default', async () => {
    const { el } = await mount({ attrs: { sort: 'top', 'page-size': '5' } });
    el.removeAttribute('page-size');
    await el.updateComplete;
    expect(el.pageSize).to.equal(20);
    await waitUntil(() => $(el, '[part~="feed"], .empty'), 'the thread is drawn');
    expect(notice(el)).to.equal(null);
    expect(errors.length).to.equal(0);
  });
});

describe('<peer-discussion> under a misconfigured provider', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('says once what is wrong with the provider, and draws no empty thread or composer', async () => {
    const { el } = await mount({ endpoint: 'not a url', ready: false });
    await waitUntil(
      () => (el.shadowRoot?.textContent ?? '').includes('not a URL'),
      'the configuration message',
    );
    // Give a failing first load time to draw a second copy of the message, if it were to.
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    const text = el.shadowRoot!.textContent ?? '';
    expect(text.split('not a URL').length - 1, 'the message appears once').to.equal(1);
    expect(el.shadowRoot!.querySelector('textarea'), 'no composer').to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="skeleton"], .skeleton'), 'no skeleton').to.equal(
      null,
    );
    await expect(el).to.be.accessible();
  });

  it('with a kudos button beside it, the page says it once, in the discussion; the provider says it once it is gone', async () => {
    const { el, provider } = await mount({ endpoint: 'not a url', ready: false });
    const kudos = document.createElement('peer-kudos');
    kudos.setAttribute('activity', uniqueActivity('config-kudos'));
    provider.append(kudos);
    /** How often the message is on the page: every shadow root below the provider's parent. */
    const said = () =>
      [provider, ...provider.querySelectorAll('*')]
        .map((n) => n.shadowRoot?.textContent ?? '')
        .join(' ')
        .split('not a URL').length - 1;
    await waitUntil(
      () => (el.shadowRoot?.textContent ?? '').includes('not a URL'),
      'the configuration message in the discussion',
    );
    // The kudos button is defined and drawn on its own time: wait for its line, not a while.
    await waitUntil(
      () => (kudos.shadowRoot?.textContent ?? '').includes('misconfigured'),
      'the kudos button says it is not available',
      { seen: () => kudos.shadowRoot?.textContent?.trim() },
    );
    await Promise.all([provider.updateComplete, el.updateComplete, kudos.updateComplete]);
    expect(said(), 'the message appears once on the page').to.equal(1);
    expect(provider.shadowRoot!.querySelector('[part="error"]'), 'not in the provider').to.equal(
      null,
    );
    // The discussion leaves: the kudos button cannot say it, so the provider does.
    el.remove();
    await provider.updateComplete;
    expect(said(), 'the message still appears once').to.equal(1);
    expect(provider.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain(
      'not a URL',
    );
    await expect(provider).to.be.accessible();
  });
});
