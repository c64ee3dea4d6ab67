/**
 * 200 or 2,000 `<peer-kudos>` on a page cost ONE counts request (docs/decisions.md §4, issue 10's
 * "counts requests: 1"): a batch whose URL would pass 6,000 characters or 200 activities goes
 * as one `POST /kudos/query`. Counted at the real server, through the chaos proxy's log.
 */
import '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '@peerkit/kudos/define';
import { RestClient } from '@peerkit/core';
import { providerFor } from '../support/provider.js';
import { chaos, uniqueActivity } from '../support/server.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

async function countsRequests(n: number): Promise<string[]> {
  const proxy = await chaos();
  const { provider } = await providerFor({ endpoint: proxy.endpoint });
  const els = Array.from({ length: n }, (_, i) => {
    const el = document.createElement('peer-kudos');
    el.setAttribute('activity', uniqueActivity(`many-${i}`));
    provider.append(el);
    return el;
  });
  document.body.append(provider);
  try {
    const shown = (el: HTMLElement) =>
      el.shadowRoot?.querySelector('[part~="count"] [aria-hidden]')?.textContent?.trim();
    // Drawing 2,000 elements takes its time on a slow machine (over 30 s with the CPU
    // throttled 4×); the claim here is the one request, not the speed. Asked every 250 ms:
    // reading 2,000 shadow roots is itself work.
    await waitUntil(() => els.every((el) => shown(el) === '0'), 'every count', {
      timeout: 100_000,
      interval: 250,
      seen: () => `${els.filter((el) => shown(el) === '0').length} of ${n} counts drawn`,
    });
    return (await proxy.log())
      .filter((e) => e.path === '/kudos' || e.path === '/kudos/query')
      .map((e) => `${e.method} ${e.path} ${e.status}`);
  } finally {
    provider.remove();
    await proxy.clear();
  }
}

describe('many <peer-kudos> on a page', () => {
  failOnLitWarnings();

  it('cost one counts request for 200 elements whose URLs would not fit a GET', async () => {
    expect(await countsRequests(200)).to.deep.equal(['POST /kudos/query 200']);
  });

  it('cost one counts request for 2,000 elements', async function () {
    this.timeout(120_000);
    expect(await countsRequests(2_000)).to.deep.equal(['POST /kudos/query 200']);
  });
});

describe('kudos counts asked with one long-lived signal', () => {
  it('leave no abort listener on the signal once each count has come', async () => {
    const proxy = await chaos();
    const client = new RestClient({ endpoint: proxy.endpoint });
    // A host's page-wide signal, passed to many calls (as a widget host might).
    const signal = new AbortController().signal;
    let listening = 0;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, fn: EventListener, o?: AddEventListenerOptions) => {
      if (type === 'abort') listening++;
      add(type, fn, o);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((type: string, fn: EventListener, o?: EventListenerOptions) => {
      if (type === 'abort') listening--;
      remove(type, fn, o);
    }) as typeof signal.removeEventListener;
    try {
      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          client.kudos(uniqueActivity(`signal-${i}`), { signal }),
        ),
      );
      expect(counts.map((c) => c.count)).to.deep.equal(Array(20).fill(0));
      expect(listening, 'abort listeners left on the signal').to.equal(0);
    } finally {
      await proxy.clear();
    }
  });
});
