import '../support/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import {
  PeerElement,
  PeerError,
  PeerErrorEvent,
  PeerEvent,
  VERSION,
  define,
  formatCompact,
  formatList,
  formatRelativeTime,
  plural,
} from '@peerkit/core';
import { failOnLitWarnings, takeLitWarnings } from '../support/lit-warnings.js';

class PeerThingDoneEvent extends PeerEvent<{ id: string }> {}
declare global {
  interface GlobalEventHandlersEventMap {
    'peer-thing-done': PeerThingDoneEvent;
  }
}

class TestThing extends PeerElement {
  override render() {
    return litHtml`<button>${this.activityIri}</button>`;
  }
  done(id: string, cancelable = false) {
    return this.emit(new PeerThingDoneEvent('peer-thing-done', { id }, { cancelable }));
  }
  broke(error: unknown) {
    return this.fail(error);
  }
}
define('test-thing', TestThing);

describe('PeerElement', () => {
  failOnLitWarnings();

  it('is about the page (without the hash) when activity is left out, else its activity', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#section`);
    const el = await fixture<TestThing>(html`<test-thing></test-thing>`);
    const page = new URL(location.href);
    page.hash = '';
    expect(el.activityIri).to.equal(page.href);
    el.activity = 'https://intranet.example/course/7';
    expect(el.activityIri).to.equal('https://intranet.example/course/7');
  });

  it("prefers the page's canonical URL", async () => {
    const link = document.createElement('link');
    link.rel = 'canonical';
    link.href = 'https://intranet.example/canonical-page';
    document.head.append(link);
    try {
      const el = await fixture<TestThing>(html`<test-thing></test-thing>`);
      expect(el.activityIri).to.equal('https://intranet.example/canonical-page');
    } finally {
      link.remove();
    }
  });

  it('emits typed events that bubble out of shadow roots and can be cancelled', async () => {
    const el = await fixture<TestThing>(html`<test-thing></test-thing>`);
    let seen: PeerThingDoneEvent | undefined;
    const listener = (e: PeerThingDoneEvent) => {
      seen = e;
      e.preventDefault();
    };
    document.addEventListener('peer-thing-done', listener);
    try {
      const event = el.done('42', true);
      expect(seen?.detail.id).to.equal('42');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.defaultPrevented).to.equal(true);
      expect(el.done('43').defaultPrevented, 'not cancelable unless asked').to.equal(false);
    } finally {
      document.removeEventListener('peer-thing-done', listener);
    }
  });

  it('fail() normalises any error to a PeerError and dispatches peer-error', async () => {
    const el = await fixture<TestThing>(html`<test-thing></test-thing>`);
    const seen: PeerErrorEvent[] = [];
    document.addEventListener('peer-error', (e) => seen.push(e));
    const network = el.broke(new TypeError('Failed to fetch'));
    expect(network).to.be.instanceOf(PeerError);
    expect(network.kind).to.equal('network');
    const same = new PeerError('http', 'nope', { status: 500 });
    expect(el.broke(same)).to.equal(same);
    const aborted = el.broke(new DOMException('stop', 'AbortError'));
    expect(aborted.kind).to.equal('aborted');
    expect(seen.map((e) => e.detail.error)).to.deep.equal([network, same]);
    expect(seen[0]).to.be.instanceOf(PeerErrorEvent);
  });

  it('has the shared tokens: inherits the host font and shows a focus ring', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="font-family: Georgia, serif; --peer-color-accent: rgb(1, 2, 3)">
        <test-thing></test-thing>
      </div>`,
    );
    const el = wrapper.querySelector('test-thing') as TestThing;
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector('button')!;
    expect(getComputedStyle(el).fontFamily).to.contain('Georgia');
    expect(getComputedStyle(el).getPropertyValue('--_peer-accent').trim()).to.equal('rgb(1, 2, 3)');
    await expect(el).to.be.accessible();
    button.focus();
    expect(button.matches(':focus')).to.equal(true);
  });
});

describe('define()', () => {
  failOnLitWarnings();

  it('skips a taken tag and warns when another version took it', () => {
    class A extends HTMLElement {}
    class B extends HTMLElement {
      static peerkitVersion = '0.0.1-other';
    }
    define('test-define-a', B);
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      expect(() => define('test-define-a', A)).to.not.throw();
      expect(() => define('test-define-a', B)).to.not.throw();
    } finally {
      console.warn = original;
    }
    expect(customElements.get('test-define-a')).to.equal(B);
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.contain('0.0.1-other').and.contain(VERSION);
  });
});

describe('Lit warning guard', () => {
  it('catches a Lit dev-mode warning', async () => {
    takeLitWarnings();
    // Changing a reactive property in updated() schedules another update: Lit warns.
    class Restless extends LitElement {
      @property({ type: Number }) n = 0;
      override updated() {
        if (this.n < 1) this.n++;
      }
    }
    customElements.define('test-restless', Restless);
    const el = document.createElement('test-restless') as Restless;
    document.body.append(el);
    await el.updateComplete;
    await el.updateComplete;
    el.remove();
    expect(takeLitWarnings().join('\n')).to.contain('change-in-update');
  });
});

describe('Intl helpers', () => {
  it('format relative times, compact numbers, plurals and lists per locale', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(formatRelativeTime(now - 3 * 60_000, 'en', now)).to.equal('3 minutes ago');
    expect(formatRelativeTime(now - 24 * 3600_000, 'en', now)).to.equal('yesterday');
    expect(formatRelativeTime(now - 3 * 60_000, 'es', now)).to.equal('hace 3 minutos');
    expect(formatCompact(1234, 'en')).to.equal('1.2K');
    const replies = (n: number, l: string) =>
      plural(n, l, { one: () => `${n} reply`, other: () => `${n} replies` });
    expect([replies(1, 'en'), replies(2, 'en'), replies(0, 'en')]).to.deep.equal([
      '1 reply',
      '2 replies',
      '0 replies',
    ]);
    expect(formatList(['Ana', 'Ben', 'Chloé'], 'en')).to.equal('Ana, Ben, and Chloé');
    expect(formatList(['Ana', 'Ben'], 'es')).to.equal('Ana y Ben');
    expect(formatCompact(5, 'not a locale!')).to.equal('5');
  });
});
