import '../support/lit-warnings.js';
import { expect, fixture, html } from '@open-wc/testing';
import {
  ACTIVITY_TYPES,
  PROFILE_ID,
  PeerError,
  PeerProvider,
  RestClient,
  VERBS,
  XapiRecorder,
  type StatementInput,
  type XapiRecorderOptions,
} from '@peerkit/core';
import { Statement } from '@peerkit/core/contract';
import '@peerkit/core/define';
// The outbox is internal (the delivery chunk's); the tests read it to see what waits there.
import { Outbox } from '../../packages/core/src/xapi/outbox.js';
import {
  API,
  SEED,
  XAPI_BASIC,
  chaos,
  signIn,
  uniqueActivity,
  until,
  type Chaos,
} from '../support/server.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

const abs = (path: string) => new URL(path, location.href).href;

/** What the real LRS holds for a statement id (null when it has none). */
async function atLrs(id: string): Promise<Statement | null> {
  const res = await fetch(`${API}/xapi/statements?statementId=${id}`, {
    headers: { Authorization: XAPI_BASIC, 'X-Experience-API-Version': '1.0.3' },
  });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`LRS answered ${res.status}`);
  return (await res.json()) as Statement;
}

describe('XapiRecorder', () => {
  failOnLitWarnings();
  let token: string;
  let c: Chaos;
  let recorders: XapiRecorder[] = [];
  let errors: PeerError[] = [];
  let dbName: string;

  const make = (options: Partial<XapiRecorderOptions> = {}) => {
    const client = new RestClient({ endpoint: abs(API), getToken: () => token });
    const r = new XapiRecorder({
      mode: 'proxy',
      endpoint: abs(c.endpoint),
      homePage: location.origin,
      locale: 'en-GB',
      me: () => client.me(),
      authorization: () => `Bearer ${token}`,
      onError: (e) => errors.push(e),
      dbName,
      intervalMs: 60_000,
      backoffMs: 50,
      ...options,
    });
    recorders.push(r);
    return r;
  };
  const input = (activity: string, extra: Partial<StatementInput> = {}): StatementInput => ({
    verb: 'commented',
    object: { id: activity, type: 'post', name: 'A post' },
    ...extra,
  });
  const posts = async () =>
    (await c.log()).filter((e) => e.method === 'POST' && e.path === '/xapi/statements');

  before(async () => {
    token = await signIn(SEED.member);
  });
  beforeEach(async () => {
    c = await chaos();
    errors = [];
    dbName = `peerkit-test-${crypto.randomUUID()}`;
  });
  afterEach(async () => {
    for (const r of recorders) r.dispose();
    recorders = [];
    await c.clear();
  });

  it('builds a complete statement from the vocabulary, the person and the page', async () => {
    const r = make();
    const me = { id: SEED.member, name: 'Ana Ruiz', roles: [] };
    const activity = uniqueActivity('built');
    const s = await r.build(input(activity, { result: { response: 'Great' } }), me);
    expect(Statement.safeParse(s).success, 'matches the contract').to.equal(true);
    expect(s.id).to.match(/^[0-9a-f-]{36}$/);
    expect(s.actor.account).to.deep.equal({ homePage: location.origin, name: SEED.member });
    expect(s.verb.id).to.equal(VERBS.commented.id);
    expect(s.object).to.deep.include({ id: activity });
    expect(s.object.definition?.type).to.equal(ACTIVITY_TYPES.post);
    expect(s.object.definition?.name).to.deep.equal({ 'en-GB': 'A post' });
    const page = new URL(location.href);
    page.hash = '';
    expect(s.context?.contextActivities?.parent?.[0]?.id).to.equal(page.href);
    expect(s.context?.contextActivities?.category?.[0]?.id).to.equal(PROFILE_ID);
    expect(s.context?.language).to.equal('en-GB');
    expect(s.context?.platform).to.equal('Peerkit');
    const reply = await r.build(
      input(activity, { parent: { id: 'https://x.test/post/1', type: 'post' } }),
      me,
    );
    expect(reply.context?.contextActivities?.parent?.[0]?.id).to.equal('https://x.test/post/1');
  });

  it('sends 120 statements in 3 POSTs of at most 50, and the LRS has them all', async () => {
    const r = make();
    const activity = uniqueActivity('batch');
    for (let i = 0; i < 120; i++) await r.record(input(activity));
    await r.flush();
    expect(await r.pending()).to.equal(0);
    expect((await posts()).length).to.equal(3);
    const res = await fetch(
      `${API}/xapi/statements?activity=${encodeURIComponent(activity)}&limit=500`,
      {
        headers: { Authorization: XAPI_BASIC, 'X-Experience-API-Version': '1.0.3' },
      },
    );
    const { statements } = (await res.json()) as { statements: Statement[] };
    expect(new Set(statements.map((s) => s.id)).size).to.equal(120);
  });

  it('sends a part batch by itself once its oldest statement waited intervalMs', async () => {
    const r = make({ intervalMs: 300 });
    await r.record(input(uniqueActivity('timer')));
    await until(async () => (await r.pending()) === 0, 'the timed batch');
    expect((await posts()).length).to.equal(1);
  });

  it('keeps statements across a reload: a new recorder sends what the old one queued', async () => {
    await c.set([
      { match: { method: 'POST', path: '^/xapi/statements$' }, action: 'drop', times: -1 },
    ]);
    const old = make();
    for (let i = 0; i < 5; i++) await old.record(input(uniqueActivity('reload')));
    const ids = (await new Outbox(dbName, old.url).peek(10)).map((e) => e.id);
    await old.flush();
    expect(await old.pending(), 'nothing delivered while the LRS is unreachable').to.equal(5);
    old.dispose();
    await c.set([]);
    const fresh = make();
    await fresh.flush();
    expect(await fresh.pending()).to.equal(0);
    for (const id of ids) expect(await atLrs(id), id).to.not.equal(null);
  });

  it('keeps statements an earlier page left while nobody is signed in, with no request', async () => {
    await c.set([
      { match: { method: 'POST', path: '^/xapi/statements$' }, action: 'drop', times: -1 },
    ]);
    const old = make();
    await old.record(input(uniqueActivity('signed-out')));
    await old.flush();
    old.dispose();
    await c.set([]);
    await c.clear();
    const signedOut = make({ authorization: () => null, intervalMs: 100 });
    await signedOut.flush();
    await new Promise((r) => setTimeout(r, 500));
    expect(await posts(), 'no statements request without a token').to.deep.equal([]);
    expect(await signedOut.pending()).to.equal(1);
    expect(errors.filter((e) => e.kind === 'auth')).to.deep.equal([]);
    signedOut.dispose();
    const signedIn = make();
    await signedIn.flush();
    expect(await signedIn.pending()).to.equal(0);
  });

  it('backs off on 503 and retries by itself after Retry-After', async () => {
    await c.set([
      {
        match: { method: 'POST', path: '^/xapi/statements$' },
        action: 'status',
        status: 503,
        headers: { 'Retry-After': '1' },
      },
    ]);
    const r = make();
    await r.record(input(uniqueActivity('backoff')));
    await r.flush();
    expect(await r.pending()).to.equal(1);
    await until(async () => (await r.pending()) === 0, 'the retry', 10_000);
    const log = await posts();
    expect(log.map((e) => e.status)).to.deep.equal([503, 200]);
    expect(log[1]!.time - log[0]!.time).to.be.at.least(950);
  });

  it('counts a 409 for an id it sent as delivered', async () => {
    const r = make();
    const activity = uniqueActivity('conflict');
    await r.record(input(activity));
    const [entry] = await new Outbox(dbName, r.url).peek(1);
    // The LRS already holds that id with other content (sent by an earlier page, say).
    const other = {
      ...entry!.statement,
      timestamp: new Date(Date.now() - 60_000).toISOString(),
      result: { response: 'x' },
    };
    const put = await fetch(`${API}/xapi/statements`, {
      method: 'POST',
      headers: {
        Authorization: XAPI_BASIC,
        'X-Experience-API-Version': '1.0.3',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify([other]),
    });
    expect(put.ok).to.equal(true);
    await r.flush();
    expect((await posts()).map((e) => e.status)).to.deep.equal([409]);
    expect(await r.pending()).to.equal(0);
    expect(await r.deadLetters()).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('sets one invalid statement aside and delivers the rest', async () => {
    const r = make();
    const activity = uniqueActivity('invalid');
    await r.record(input(activity));
    await r.record(input(activity, { extensions: { 'not an IRI': true } }));
    await r.record(input(activity));
    const [good1, bad, good2] = await new Outbox(dbName, r.url).peek(3);
    await r.flush();
    expect(await r.pending()).to.equal(0);
    expect((await r.deadLetters()).map((d) => d.id)).to.deep.equal([bad!.id]);
    expect(errors.map((e) => e.status)).to.deep.equal([400]);
    expect(await atLrs(good1!.id)).to.not.equal(null);
    expect(await atLrs(good2!.id)).to.not.equal(null);
    expect(await atLrs(bad!.id)).to.equal(null);
    expect((await posts()).map((e) => e.status)).to.deep.equal([400, 200, 400, 200]);
  });

  it('never sends a statement twice when two recorders share one outbox', async () => {
    const a = make();
    const b = make();
    for (let i = 0; i < 10; i++) await (i % 2 ? a : b).record(input(uniqueActivity('two-tabs')));
    await Promise.all([a.flush(), b.flush(), a.flush(), b.flush()]);
    expect(await a.pending()).to.equal(0);
    expect((await posts()).length).to.equal(1);
  });

  it('reports an overflowing outbox instead of dropping silently', async () => {
    await c.set([{ match: { method: 'POST' }, action: 'drop', times: -1 }]);
    const r = make({ maxOutbox: 3 });
    for (let i = 0; i < 5; i++) await r.record(input(uniqueActivity('overflow')));
    expect(await r.pending()).to.equal(3);
    const overflow = errors.filter((e) => e.details.problem?.type === 'peerkit:config/outbox-full');
    expect(overflow.length).to.equal(1);
  });

  it('flushes when the page is hidden or left', async () => {
    const r = make();
    await r.record(input(uniqueActivity('pagehide')));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await until(async () => (await posts()).length === 1, 'a keepalive POST');
    await until(async () => (await r.pending()) === 0, 'the outbox to empty');
  });

  it('does not record when nobody is signed in', async () => {
    const r = make({ me: async () => null });
    await r.record(input(uniqueActivity('anonymous')));
    expect(await r.pending()).to.equal(0);
  });

  it('sends straight to an LRS in direct mode, with its credentials', async () => {
    const r = make({
      mode: 'direct',
      endpoint: abs(`${c.endpoint}/xapi`),
      authorization: () => XAPI_BASIC,
    });
    await r.record(input(uniqueActivity('direct')));
    const [entry] = await new Outbox(dbName, r.url).peek(1);
    await r.flush();
    expect((await posts()).map((e) => e.status)).to.deep.equal([200]);
    expect(await atLrs(entry!.id)).to.not.equal(null);
  });

  it("records straight to the LRS with the provider's LRS credentials, and reports a refusal as peer-error", async () => {
    const el = await fixture<PeerProvider>(
      html`<peer-provider
        endpoint=${c.endpoint}
        xapi="direct"
        lrs-endpoint=${`${c.endpoint}/xapi`}
        .token=${token}
        .lrsAuthorization=${XAPI_BASIC}
      ></peer-provider>`,
    );
    const recorder = el.context.recorder as XapiRecorder;
    expect(recorder.url).to.equal(abs(`${c.endpoint}/xapi/statements`));
    const refused: PeerError[] = [];
    el.addEventListener('peer-error', (e) => refused.push(e.detail.error));
    const activity = uniqueActivity('direct-provider');
    await recorder.record(input(activity));
    await recorder.record(input(activity, { extensions: { 'not an IRI': 1 } }));
    await recorder.flush();
    expect(await recorder.pending()).to.equal(0);
    expect(refused.map((e) => e.status)).to.deep.equal([400]);
    expect((await recorder.deadLetters()).length).to.equal(1);
  });

  it('is what <peer-provider> gives widgets, recording to {endpoint}/xapi/statements', async () => {
    const el = await fixture<PeerProvider>(
      html`<peer-provider endpoint=${c.endpoint} .token=${token}></peer-provider>`,
    );
    const recorder = el.context.recorder as XapiRecorder;
    expect(recorder).to.be.instanceOf(XapiRecorder);
    expect(recorder.url).to.equal(abs(`${c.endpoint}/xapi/statements`));
    await recorder.record(input(uniqueActivity('provider')));
    await recorder.flush();
    expect((await posts()).map((e) => e.authorization)).to.deep.equal([true]);
    const off = await fixture<PeerProvider>(
      html`<peer-provider endpoint=${c.endpoint} xapi="off"></peer-provider>`,
    );
    expect(off.context.recorder).to.not.be.instanceOf(XapiRecorder);
  });
});
