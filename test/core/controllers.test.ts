/**
 * The small controllers in a real element: `Announcer`, `FocusRequest`, `Ticker`,
 * `InViewController`, `AttributeChecks`, and the notice view.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { html as litHtml, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { define, PeerElement, renderNotice, type PeerErrorEvent } from '@peerkit/core';
import {
  Announcer,
  AttributeChecks,
  FocusRequest,
  InViewController,
  oneOf,
  Ticker,
  wholeNumber,
} from '@peerkit/core/controllers';

class SayThing extends PeerElement {
  readonly announcer = new Announcer(this);
  readonly focusRequest = new FocusRequest(this);
  @property({ type: Boolean }) open = false;
  override render() {
    return litHtml`<button>Open</button>${this.open ? litHtml`<input aria-label="Name" />` : nothing}
      ${this.announcer.render()}`;
  }
}
define('say-thing', SayThing);

class TickThing extends PeerElement {
  renders = 0;
  readonly ticker = new Ticker(this, 30);
  override render() {
    this.renders++;
    return litHtml`<p>${this.renders}</p>`;
  }
}
define('tick-thing', TickThing);

class SeeThing extends PeerElement {
  @property({ type: Number }) items = 3;
  readonly inView = new InViewController(this, {
    targets: () => this.renderRoot.querySelectorAll('[data-id]'),
    key: (el) => (el as HTMLElement).dataset.id,
    fallbackMs: 200,
  });
  override render() {
    return litHtml`${Array.from(
      { length: this.items },
      (_, i) =>
        litHtml`<div data-id=${i} style="block-size: 200vh">${this.inView.has(String(i)) ? 'seen' : 'unseen'}</div>`,
    )}`;
  }
}
define('see-thing', SeeThing);

class CheckThing extends PeerElement {
  @property({ reflect: true }) sort = 'oldest';
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  readonly checks = new AttributeChecks(this, [
    oneOf('sort', 'sort', ['oldest', 'newest'], (v) => `sort="${v}" is not usable; using oldest.`),
    wholeNumber(
      'page-size',
      'pageSize',
      { min: 1, max: 100, fallback: 20 },
      (v) => `page-size="${v}" is not usable; using 20.`,
    ),
  ]);
  override render() {
    return litHtml`${this.checks.render() ?? nothing}<p>${this.sort} ${this.pageSize}</p>`;
  }
}
define('check-thing', CheckThing);

const notice = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('.notice.config');

describe('Announcer', () => {
  failOnLitWarnings();

  it('says a message in a polite live region, and says a repeated message again', async () => {
    const el = await fixture<SayThing>(html`<say-thing></say-thing>`);
    const region = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.classList.contains('visually-hidden')).to.equal(true);
    const changes: string[] = [];
    new MutationObserver(() => changes.push(region.textContent!)).observe(region, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    el.announcer.announce('Saved.');
    await el.updateComplete;
    el.announcer.announce('Saved.');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    // Two changes a screen reader hears, both reading "Saved.".
    expect(changes.length).to.equal(2);
    expect(changes.map((c) => c.trim())).to.deep.equal(['Saved.', 'Saved.']);
    expect(changes[0]).not.to.equal(changes[1]);
  });
});

describe('FocusRequest', () => {
  failOnLitWarnings();

  it('focuses an element drawn by the next update', async () => {
    const el = await fixture<SayThing>(html`<say-thing></say-thing>`);
    el.open = true;
    el.focusRequest.request(() => el.shadowRoot!.querySelector('input'));
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.localName).to.equal('input');
  });
});

describe('Ticker', () => {
  failOnLitWarnings();

  it('re-renders while in the page, and stops once removed', async () => {
    const el = await fixture<TickThing>(html`<tick-thing></tick-thing>`);
    await waitUntil(() => el.renders >= 3, 'two ticks');
    el.remove();
    const after = el.renders;
    await new Promise((r) => setTimeout(r, 120));
    expect(el.renders).to.equal(after);
  });
});

describe('InViewController', () => {
  failOnLitWarnings();

  it('marks what came near the viewport, not what is far below', async () => {
    const el = await fixture<SeeThing>(html`<see-thing></see-thing>`);
    const states = () =>
      [...el.shadowRoot!.querySelectorAll('[data-id]')].map((d) => d.textContent!.trim());
    await waitUntil(() => states()[0] === 'seen', 'the first item seen');
    expect(states()).to.deep.equal(['seen', 'unseen', 'unseen']);
    await new Promise((r) => setTimeout(r, 300));
    expect(states()[2], 'no fallback once something was seen').to.equal('unseen');
  });

  it('leaves a widget far below the fold unseen past the fallback, until it is scrolled to', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <div style="block-size: 300vh"></div>
        <see-thing items="2"></see-thing>
      </div>`,
    );
    const el = wrapper.querySelector<SeeThing>('see-thing')!;
    const states = () =>
      [...el.shadowRoot!.querySelectorAll('[data-id]')].map((d) => d.textContent!.trim());
    // Past the 200 ms fallback: the observer reported both items out of view, which is a
    // report, so nothing counts as seen (a discussion below the fold loads no kudos).
    await new Promise((r) => setTimeout(r, 500));
    expect(states()).to.deep.equal(['unseen', 'unseen']);
    el.scrollIntoView();
    await waitUntil(() => states()[0] === 'seen', 'the first item seen once scrolled to');
    expect(states()).to.deep.equal(['seen', 'unseen']);
    window.scrollTo(0, 0);
  });

  it('leaves what is under display: none unseen, and sees it once shown', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="display: none"><see-thing></see-thing></div>`,
    );
    const el = wrapper.querySelector<SeeThing>('see-thing')!;
    const states = () =>
      [...el.shadowRoot!.querySelectorAll('[data-id]')].map((d) => d.textContent!.trim());
    await new Promise((r) => setTimeout(r, 500));
    expect(states()).to.deep.equal(['unseen', 'unseen', 'unseen']);
    wrapper.style.display = '';
    await waitUntil(() => states()[0] === 'seen', 'the first item seen once shown');
    expect(states()).to.deep.equal(['seen', 'unseen', 'unseen']);
  });

  it('counts everything as seen when the observer never reports at all (a paused page)', async () => {
    // A background tab runs no rendering steps, so its observers never call back; an
    // observer created while its callbacks are held is the same to the controller.
    const Real = window.IntersectionObserver;
    let made = 0;
    window.IntersectionObserver = class extends Real {
      constructor(_callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        super(() => {}, options);
        made++;
      }
    };
    try {
      const el = await fixture<SeeThing>(html`<see-thing></see-thing>`);
      const states = () =>
        [...el.shadowRoot!.querySelectorAll('[data-id]')].map((d) => d.textContent!.trim());
      expect(made).to.equal(1);
      await waitUntil(() => states().every((s) => s === 'seen'), 'the fallback');
    } finally {
      window.IntersectionObserver = Real;
    }
  });
});

describe('AttributeChecks', () => {
  failOnLitWarnings();
  let errors: PeerErrorEvent[] = [];
  const listen = (e: PeerErrorEvent) => errors.push(e);
  beforeEach(() => {
    errors = [];
    document.addEventListener('peer-error', listen);
  });
  afterEach(() => document.removeEventListener('peer-error', listen));

  it('a bad value: the fallback, one notice line and one peer-error of kind config, once', async () => {
    const el = await fixture<CheckThing>(html`<check-thing sort="bogus"></check-thing>`);
    await el.updateComplete;
    expect(el.sort).to.equal('oldest');
    expect(notice(el)!.getAttribute('role')).to.equal('status');
    expect(notice(el)!.textContent!.trim()).to.equal('sort="bogus" is not usable; using oldest.');
    expect(errors.length).to.equal(1);
    expect(errors[0]!.detail.error.kind).to.equal('config');
    expect(errors[0]!.detail.error.details.problem).to.include({
      type: 'peerkit:config/sort',
      attribute: 'sort',
      value: 'bogus',
      fallback: 'oldest',
    });
    // Written again: still one event; another render: still one.
    el.setAttribute('sort', 'bogus');
    await el.updateComplete;
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    expect(errors.length).to.equal(1);
    expect(notice(el)).to.exist;
    // A usable value clears the line.
    el.sort = 'newest';
    await el.updateComplete;
    expect(notice(el)).to.equal(null);
  });

  it('the host fixing an attribute to the value in use clears the notice; a new bad value is news', async () => {
    const el = await fixture<CheckThing>(html`<check-thing page-size="ten"></check-thing>`);
    await el.updateComplete;
    expect(el.pageSize).to.equal(20);
    expect(notice(el)!.textContent!.trim()).to.equal('page-size="ten" is not usable; using 20.');
    el.setAttribute('page-size', '20');
    await el.updateComplete;
    expect(notice(el)).to.equal(null);
    el.setAttribute('page-size', '0');
    await el.updateComplete;
    await el.updateComplete;
    expect(notice(el)!.textContent).to.contain('page-size="0"');
    expect(errors.map((e) => e.detail.error.details.problem?.value)).to.deep.equal(['ten', '0']);
  });

  it('caps a number above its maximum with a console warning only; clear() drops a line', async () => {
    const warned: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args.map(String).join(' '));
    try {
      const el = await fixture<CheckThing>(
        html`<check-thing page-size="500" sort="x"></check-thing>`,
      );
      await el.updateComplete;
      expect(el.pageSize).to.equal(100);
      expect(warned).to.deep.equal([
        '<check-thing>: page-size="500" is above the maximum of 100; using 100.',
      ]);
      expect(el.checks.lines()).to.deep.equal(['sort="x" is not usable; using oldest.']);
      el.checks.clear('sort');
      await el.updateComplete;
      expect(notice(el)).to.equal(null);
    } finally {
      console.warn = original;
    }
  });
});

describe('renderNotice', () => {
  failOnLitWarnings();

  it('draws an error as an alert with a retry, and a status without one', async () => {
    let retried = 0;
    const box = await fixture<HTMLDivElement>(
      html`<div>
        ${renderNotice({ kind: 'error', message: 'It failed.', retry: () => retried++, part: 'x' })}
        ${renderNotice({ kind: 'offline', message: ['You are offline.'] })}
        ${renderNotice({ kind: 'error', message: 'Quiet.', live: false })}
      </div>`,
    );
    const [error, offline, quiet] = [...box.querySelectorAll<HTMLElement>('.notice')];
    expect(error!.getAttribute('role')).to.equal('alert');
    expect(error!.getAttribute('part')).to.equal('x');
    expect(error!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('It failed. Try again');
    error!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    expect(retried).to.equal(1);
    expect(offline!.getAttribute('role')).to.equal('status');
    expect(offline!.querySelector('button')).to.equal(null);
    expect(quiet!.hasAttribute('role')).to.equal(false);
  });
});
