import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { $, atServer, button, mount, seen, unmountAll } from './helpers.js';
import { chaos, until } from '../support/server.js';

const retryButton = (el: Parameters<typeof seen>[0]) => $<HTMLButtonElement>(el, '[part~="retry"]');

describe('<peer-kudos> when the server fails', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  for (const [name, rule] of [
    ['stopped (the connection drops)', { action: 'drop' }],
    ['answering 503', { action: 'status', status: 503 }],
  ] as const) {
    it(`rolls back, says so with a retry and fires peer-error when the server is ${name}; the retry then succeeds without doubling`, async () => {
      const proxy = await chaos([
        { match: { method: 'POST', path: '^/kudos$' }, times: -1, ...rule },
      ]);
      const { el, token, activity } = await mount({ endpoint: proxy.endpoint });

      const failed = oneEvent(el, 'peer-error');
      button(el)!.click();
      await el.updateComplete;
      expect(seen(el)).to.include({ pressed: 'true', count: '1' });
      const { detail } = await failed;
      expect(detail.error.name).to.equal('PeerError');
      expect(detail.error.kind).to.equal(rule.action === 'drop' ? 'network' : 'http');
      await waitUntil(() => seen(el).pressed === 'false', 'the rollback');
      expect(seen(el)).to.include({
        pressed: 'false',
        count: '0',
        status: 'Your kudos could not be saved. Retry',
      });
      expect(seen(el).announcement).to.equal('Your kudos could not be saved.');
      await expect(el).to.be.accessible();
      expect(await atServer(activity, token)).to.include({ count: 0, mine: false });

      // The server is back: the retry sends the same choice with the same idempotency key.
      await proxy.set([]);
      const given = oneEvent(el, 'peer-kudos-given');
      retryButton(el)!.click();
      await given;
      expect(seen(el)).to.include({ pressed: 'true', count: '1', status: '' });
      expect(await atServer(activity, token)).to.include({ count: 1, mine: true });
      const posts = (await proxy.log()).filter((e) => e.method === 'POST');
      expect(posts.length).to.be.at.least(2);
      expect(new Set(posts.map((e) => e.idempotencyKey)).size).to.equal(1);
      expect(posts[0]!.idempotencyKey).to.be.a('string');
      await expect(el).to.be.accessible();
      await proxy.clear();
    });
  }

  it('does not double a kudos the server saved when only its answer was lost', async () => {
    // The POST reaches the server, then the answer is replaced by a 503 on the way back…
    const proxy = await chaos();
    const { el, token, activity } = await mount({ endpoint: proxy.endpoint });
    await proxy.set([
      { match: { method: 'POST', path: '^/kudos$' }, action: 'status', status: 503, times: -1 },
    ]);
    // …simulated by giving through the real API with the key the element will use: the
    // element's first attempt fails, the retry carries the same key and must count once.
    const failed = oneEvent(el, 'peer-error');
    button(el)!.click();
    await failed;
    const [first] = (await proxy.log()).filter((e) => e.method === 'POST');
    const res = await fetch('/api/kudos', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': first!.idempotencyKey!,
      },
      body: JSON.stringify({ activity }),
    });
    expect(res.ok).to.equal(true);
    await proxy.set([]);
    const given = oneEvent(el, 'peer-kudos-given');
    retryButton(el)!.click();
    await given;
    expect(await atServer(activity, token)).to.include({ count: 1, mine: true });
    expect(seen(el)).to.include({ pressed: 'true', count: '1' });
    await proxy.clear();
  });

  it('says when a kudos was not saved because the device is offline, and sends it once back online', async () => {
    const proxy = await chaos([
      { match: { method: 'POST', path: '^/kudos$' }, action: 'drop', times: -1 },
    ]);
    const { el, token, activity } = await mount({ endpoint: proxy.endpoint });
    // What the browser fires when the connection goes (the proxy drops the request too).
    window.dispatchEvent(new Event('offline'));
    const failed = oneEvent(el, 'peer-error');
    button(el)!.click();
    await failed;
    await until(() => seen(el).pressed === 'false', 'the rollback');
    expect(seen(el).status).to.equal('You are offline: your kudos was not saved. Retry');
    await expect(el).to.be.accessible();

    await proxy.set([]);
    const given = oneEvent(el, 'peer-kudos-given');
    window.dispatchEvent(new Event('online'));
    await given;
    expect(seen(el)).to.include({ pressed: 'true', count: '1', status: '' });
    expect(await atServer(activity, token)).to.include({ count: 1, mine: true });
    await proxy.clear();
  });

  it('draws the loading state while the counts are on their way', async () => {
    const proxy = await chaos([
      { match: { method: 'GET', path: '^/kudos$' }, action: 'delay', delayMs: 1500 },
    ]);
    const { el } = await mount({ endpoint: proxy.endpoint, ready: false });
    // Who is signed in is known; the counts are held by the proxy.
    await until(
      () => $(el, '[part~="base"][aria-busy="true"] .skeleton') && button(el),
      'the loading state',
    );
    expect($(el, '[part~="count"]')!.textContent).to.contain('Loading kudos');
    expect(button(el)!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await until(() => seen(el).count === '0', 'the count');
    expect($(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    await proxy.clear();
  });

  it('asks for the counts of 200 elements in one request', async () => {
    const proxy = await chaos();
    const run = Math.random().toString(36).slice(2, 6);
    const activities = Array.from({ length: 200 }, (_, i) => `urn:k:${run}${i}`);
    const { els } = await mount({ endpoint: proxy.endpoint, activities });
    expect(els.every((el) => seen(el).count === '0')).to.equal(true);
    const counts = (await proxy.log()).filter((e) => e.method === 'GET' && e.path === '/kudos');
    expect(counts.length).to.equal(1);
    expect(new URLSearchParams(counts[0]!.query).getAll('activity')).to.have.members(activities);
    await proxy.clear();
  });
});
