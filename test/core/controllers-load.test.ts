/**
 * `LoadController` in a real element: what a host would notice (a stale run's result never
 * lands, a removed element's request is aborted and runs again when it comes back, a failed
 * run re-runs when the browser is back online, one `peer-error` per failure).
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { define, PeerElement, PeerError, type PeerErrorEvent } from '@peerkit/core';
import { LoadController } from '@peerkit/core/controllers';

/** A run the test settles by hand: what it was asked, and its signal. */
interface Run {
  topic: string;
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

class LoadThing extends PeerElement {
  @property() topic?: string;
  runs: Run[] = [];
  readonly load = new LoadController(this, {
    args: () => (this.topic ? ([this.topic] as const) : undefined),
    task: ([topic], { signal }) =>
      new Promise<string>((resolve, reject) => this.runs.push({ topic, signal, resolve, reject })),
  });
  override render() {
    return this.load.render({
      initial: () => litHtml`<p>waiting</p>`,
      pending: () => litHtml`<p>loading</p>`,
      complete: (value) => litHtml`<p>${value}</p>`,
      error: (error) => litHtml`<p>failed: ${error.kind}</p>`,
    });
  }
}
define('load-thing', LoadThing);

const text = (el: LoadThing) => el.shadowRoot!.textContent!.trim();

describe('LoadController', () => {
  failOnLitWarnings();

  it('draws an error, not loading forever, when the task gives up by itself (aborted, but not by the element)', async () => {
    const el = await fixture<LoadThing>(html`<load-thing topic="a"></load-thing>`);
    expect(text(el)).to.equal('loading');
    // A host's own client that abandons a slow request on a timeout of its own.
    el.runs[0]!.reject(new PeerError('aborted', 'The client gave up.'));
    await waitUntil(() => text(el) !== 'loading', 'the run to settle');
    expect(el.load.status).to.equal('error');
    expect(text(el)).to.equal('failed: aborted');
  });

  it('waits while args() is undefined, then runs and draws pending, then the value', async () => {
    const el = await fixture<LoadThing>(html`<load-thing></load-thing>`);
    expect(text(el)).to.equal('waiting');
    expect(el.runs.length).to.equal(0);
    el.topic = 'a';
    await el.updateComplete;
    expect(text(el)).to.equal('loading');
    expect(el.load.status).to.equal('pending');
    el.runs[0]!.resolve('value of a');
    await waitUntil(() => text(el) === 'value of a');
    expect(el.load.status).to.equal('complete');
    // Same arguments again: no new run.
    el.requestUpdate();
    await el.updateComplete;
    expect(el.runs.length).to.equal(1);
  });

  it("aborts the previous run when the arguments change, and a stale run's result never lands", async () => {
    const el = await fixture<LoadThing>(html`<load-thing topic="a"></load-thing>`);
    el.topic = 'b';
    await el.updateComplete;
    const [a, b] = el.runs;
    expect(a!.signal.aborted).to.equal(true);
    expect(b!.signal.aborted).to.equal(false);
    b!.resolve('value of b');
    await waitUntil(() => text(el) === 'value of b');
    // The stale run answers late (it ignored its signal): nothing changes.
    a!.resolve('value of a');
    a!.reject(new Error('late'));
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    expect(text(el)).to.equal('value of b');
    expect(el.load.value).to.equal('value of b');
  });

  it('aborts the request of an element removed from the page, and loads again when it comes back', async () => {
    const el = await fixture<LoadThing>(html`<load-thing topic="a"></load-thing>`);
    const parent = el.parentElement!;
    const first = el.runs[0]!;
    el.remove();
    expect(first.signal.aborted).to.equal(true);
    parent.append(el);
    await waitUntil(() => el.runs.length === 2, 'a new run once back in the page');
    expect(el.runs[1]!.signal.aborted).to.equal(false);
    first.resolve('stale');
    el.runs[1]!.resolve('fresh');
    await waitUntil(() => text(el) === 'fresh');
  });

  it('fails with a PeerError and one peer-error, retries on demand, and re-runs when back online', async () => {
    const el = await fixture<LoadThing>(html`<load-thing topic="a"></load-thing>`);
    const errors: PeerErrorEvent[] = [];
    el.addEventListener('peer-error', (e) => errors.push(e));
    el.runs[0]!.reject(new TypeError('Failed to fetch'));
    await waitUntil(() => text(el) === 'failed: network');
    expect(el.load.error).to.be.instanceOf(PeerError);
    expect(errors.length).to.equal(1);
    expect(errors[0]!.detail.error.kind).to.equal('network');

    void el.load.retry();
    await el.updateComplete;
    expect(el.runs.length).to.equal(2);
    expect(text(el)).to.equal('loading');
    el.runs[1]!.reject(new PeerError('http', 'unavailable', { status: 503 }));
    await waitUntil(() => text(el) === 'failed: http');
    expect(errors.length).to.equal(2);

    // The browser comes back online: the failed load runs again by itself.
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.runs.length === 3, 'a run once back online');
    el.runs[2]!.resolve('back');
    await waitUntil(() => text(el) === 'back');
    // Online again with nothing failed: nothing runs.
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    expect(el.runs.length).to.equal(3);
  });

  it('a removed element does not re-run when the browser comes back online', async () => {
    const el = await fixture<LoadThing>(html`<load-thing topic="a"></load-thing>`);
    el.runs[0]!.reject(new TypeError('Failed to fetch'));
    await waitUntil(() => el.load.status === 'error');
    el.remove();
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 20));
    expect(el.runs.length).to.equal(1);
  });

  it('an aborted run is not news: no peer-error, no error state', async () => {
    const el = await fixture<LoadThing>(html`<load-thing topic="a"></load-thing>`);
    const errors: unknown[] = [];
    el.addEventListener('peer-error', (e) => errors.push(e));
    el.topic = 'b';
    await el.updateComplete;
    el.runs[0]!.reject(new DOMException('stop', 'AbortError'));
    await new Promise((r) => setTimeout(r, 20));
    expect(errors.length).to.equal(0);
    expect(el.load.status).to.equal('pending');
  });
});
