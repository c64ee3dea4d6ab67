/**
 * The reader's clock does not decide what time it is (issue 15 #3, docs/decisions.md §6): with the
 * browser's clock 150 s behind the server's (or the server's answers dated ahead), relative
 * times, retry deadlines and xAPI timestamps follow the server's clock, estimated from the
 * `Date` header of the answers the kit already gets.
 *
 * Its own file: the clock estimate is one per page, and these tests skew it.
 */
import '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { RestClient, XapiRecorder, clockOffset, type PeerError, type Post } from '@peerkit/core';
import '@peerkit/discussion/define';
import { providerFor } from '../support/provider.js';
import { API, SEED, XAPI_BASIC, chaos, signIn, uniqueActivity, until } from '../support/server.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

const abs = (path: string) => new URL(path, location.href).href;
const SKEW_MS = 150_000;
const RealDate = Date;
const realNow = () => RealDate.now();

/**
 * Puts the browser's clock `ms` behind the real one (the server's) until `restore()`: both
 * `Date.now()` and `new Date()` read the skewed time, as on a machine whose clock is wrong.
 */
function browserClockBehind(ms: number): { restore(): void } {
  class SkewedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() - ms);
      else super(...(args as [string]));
    }
    static override now(): number {
      return RealDate.now() - ms;
    }
  }
  globalThis.Date = SkewedDate as DateConstructor;
  return { restore: () => (globalThis.Date = RealDate) };
}

/** Answer headers dated as by a server whose clock is `SKEW_MS` ahead, asking to retry in 2 s. */
function aheadRetryHeaders(): Record<string, string> {
  const serverNow = realNow() + SKEW_MS;
  return {
    Date: new Date(serverNow).toUTCString(),
    'Retry-After': new Date(serverNow + 2_000).toUTCString(),
  };
}

describe('the server clock', () => {
  failOnLitWarnings();
  let token: string;
  const cleanup: (() => void)[] = [];

  before(async () => {
    token = await signIn(SEED.member);
  });
  afterEach(() => {
    for (const fn of cleanup.splice(0)) fn();
  });

  it('says a post made a moment ago was made "now", not "in 3 minutes", when the browser clock is behind', async () => {
    const activity = uniqueActivity('clock');
    const res = await fetch(`${API}/posts`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify({ activity, body: 'Posted a moment ago' }),
    });
    expect(res.status).to.equal(201);
    const post = (await res.json()) as Post;

    const clock = browserClockBehind(SKEW_MS);
    cleanup.push(clock.restore);
    const { provider } = await providerFor({ person: SEED.colleague });
    const el = document.createElement('peer-discussion');
    el.setAttribute('activity', activity);
    provider.append(el);
    document.body.append(provider);
    cleanup.push(() => provider.remove());
    const time = () => el.shadowRoot?.querySelector(`[data-id="${post.id}"] time`);
    await waitUntil(() => time()?.textContent?.trim(), 'the post was not drawn', {
      timeout: 10_000,
    });
    expect(time()!.textContent!.trim()).to.equal('now');
  });

  it('waits the 2 s a Retry-After date asks for, measured from the answer’s Date, not 152 s', async () => {
    const c = await chaos([
      { match: { path: '^/kudos$' }, action: 'status', status: 503, headers: aheadRetryHeaders() },
    ]);
    cleanup.push(() => void c.clear());
    const client = new RestClient({ endpoint: abs(c.endpoint), getToken: () => token });
    const started = realNow();
    const count = await client.kudos(uniqueActivity('retry-after'));
    expect(count.count).to.equal(0);
    const waited = realNow() - started;
    expect(waited).to.be.within(1_000, 10_000);
    expect((await c.log()).map((e) => e.status)).to.deep.equal([503, 200]);
  });

  it('delivers statements 2 s after an LRS asked to Retry-After a date, not 152 s later', async () => {
    const c = await chaos([
      {
        match: { method: 'POST', path: '^/xapi/statements$' },
        action: 'status',
        status: 503,
        headers: aheadRetryHeaders(),
      },
    ]);
    cleanup.push(() => void c.clear());
    const client = new RestClient({ endpoint: abs(API), getToken: () => token });
    const errors: PeerError[] = [];
    const recorder = new XapiRecorder({
      mode: 'proxy',
      endpoint: abs(c.endpoint),
      homePage: location.origin,
      locale: 'en',
      me: () => client.me(),
      authorization: () => `Bearer ${token}`,
      onError: (e) => errors.push(e),
      dbName: `peerkit-test-${crypto.randomUUID()}`,
      intervalMs: 60_000,
    });
    cleanup.push(() => recorder.dispose());
    const activity = uniqueActivity('lrs-retry');
    await recorder.record({ verb: 'commented', object: { id: activity, type: 'post' } });
    await recorder.flush();
    expect(errors.map((e) => e.status)).to.deep.equal([503]);
    await until(async () => (await recorder.pending()) === 0, 'delivery after 2 s', 8_000);
  });

  it('stamps xAPI statements with the server’s time when the browser clock is behind', async () => {
    const client = new RestClient({ endpoint: abs(API), getToken: () => token });
    const clock = browserClockBehind(SKEW_MS);
    cleanup.push(clock.restore);
    await client.listPosts({ activity: uniqueActivity('clock-sample') });
    const recorder = new XapiRecorder({
      mode: 'proxy',
      endpoint: abs(API),
      homePage: location.origin,
      locale: 'en',
      me: () => client.me(),
      authorization: () => `Bearer ${token}`,
      dbName: `peerkit-test-${crypto.randomUUID()}`,
    });
    cleanup.push(() => recorder.dispose());
    const activity = uniqueActivity('stamped');
    await recorder.record({ verb: 'commented', object: { id: activity, type: 'post' } });
    await recorder.flush();
    const res = await fetch(`${API}/xapi/statements?activity=${encodeURIComponent(activity)}`, {
      headers: { Authorization: XAPI_BASIC, 'X-Experience-API-Version': '1.0.3' },
    });
    const { statements } = (await res.json()) as {
      statements: { timestamp: string; stored: string }[];
    };
    expect(statements.length).to.equal(1);
    const gap = Date.parse(statements[0]!.stored) - Date.parse(statements[0]!.timestamp);
    expect(Math.abs(gap)).to.be.below(5_000);
  });

  it('is not moved by the Date of an answer a cache may have kept', async () => {
    const client = new RestClient({ endpoint: abs(API), getToken: () => token });
    await client.listPosts({ activity: uniqueActivity('clock-reset') });
    const before = clockOffset();
    const ahead = new Date(realNow() + SKEW_MS).toUTCString();
    const c = await chaos([
      {
        match: { path: '^/posts$' },
        action: 'wrong-shape',
        headers: { Date: ahead, 'cache-control': 'public, max-age=300' },
      },
      { match: { path: '^/posts$' }, action: 'wrong-shape', headers: { Date: ahead, Age: '12' } },
      {
        match: { path: '^/posts$' },
        action: 'wrong-shape',
        headers: { Date: ahead, 'cache-control': 'no-store' },
      },
    ]);
    cleanup.push(() => void c.clear());
    const skewed = new RestClient({ endpoint: abs(c.endpoint), getToken: () => token });
    const read = () => skewed.listPosts({ activity: uniqueActivity('cached') }).catch(() => null);
    await read();
    await read();
    expect(Math.abs(clockOffset() - before), 'cacheable answers ignored').to.be.below(2_000);
    await read();
    expect(clockOffset() - before, 'a fresh answer counts').to.be.within(
      SKEW_MS - 2_000,
      SKEW_MS + 2_000,
    );
  });
});
