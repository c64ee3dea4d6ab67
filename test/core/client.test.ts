import '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import {
  KUDOS_BATCH_MAX,
  KUDOS_QUERY_MAX,
  PeerError,
  RestClient,
  type PostEvent,
} from '@peerkit/core';
import { SEED, chaos, signIn, uniqueActivity, until, type Chaos } from '../support/server.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

const abs = (path: string) => new URL(path, location.href).href;

async function rejection(promise: Promise<unknown>): Promise<PeerError> {
  try {
    await promise;
  } catch (e) {
    expect(e, 'every failure is a PeerError').to.be.instanceOf(PeerError);
    return e as PeerError;
  }
  throw new Error('expected the call to fail');
}

describe('RestClient', () => {
  failOnLitWarnings();
  let token: string;
  let c: Chaos;
  let client: RestClient;

  before(async () => {
    token = await signIn(SEED.member);
  });
  beforeEach(async () => {
    c = await chaos();
    client = new RestClient({ endpoint: abs(c.endpoint), getToken: () => token, backoffMs: 20 });
  });
  afterEach(async () => {
    await c.clear();
  });

  describe('checks every answer against the contract', () => {
    it('reads a valid answer', async () => {
      const me = await client.me();
      expect(me?.id).to.equal(SEED.member);
      const log = await c.log();
      expect(log[0]).to.include({ method: 'GET', path: '/me', authorization: true, status: 200 });
    });

    it('rejects a wrong shape as a validation error naming the fields', async () => {
      await c.set([{ match: { path: '^/posts$' }, action: 'wrong-shape' }]);
      const error = await rejection(client.listPosts({ activity: uniqueActivity() }));
      expect(error.kind).to.equal('validation');
      expect(error.details.issues?.map((i) => i.path)).to.include('items');
    });

    it('rejects malformed JSON as a validation error', async () => {
      await c.set([{ match: { path: '^/me$' }, action: 'malformed-json' }]);
      const error = await rejection(client.me());
      expect(error.kind).to.equal('validation');
      expect(error.status).to.equal(200);
    });

    it('turns a 500 with problem+json into an http error with the problem, not retried', async () => {
      await c.set([{ match: { path: '^/posts$' }, action: 'status', status: 500 }]);
      const error = await rejection(client.listPosts({ activity: uniqueActivity() }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(500);
      expect(error.details.problem?.title).to.equal('Injected failure');
      expect(error.retryable).to.equal(true);
      expect((await c.log()).length, 'a 500 is not retried by the client').to.equal(1);
    });

    it('turns an HTML error page into an http error without problem details', async () => {
      await c.set([{ match: { path: '^/posts$' }, action: 'html' }]);
      const error = await rejection(client.listPosts({ activity: uniqueActivity() }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(502);
      expect(error.details.problem).to.equal(undefined);
    });

    it('turns a dropped connection into a network error after retrying', async () => {
      await c.set([{ match: { path: '^/posts$' }, action: 'drop', times: -1 }]);
      const error = await rejection(client.listPosts({ activity: uniqueActivity() }));
      expect(error.kind).to.equal('network');
      expect((await c.log()).length, 'the client retried a GET').to.be.greaterThan(1);
    });

    it('turns an abort into an aborted error, and stops waiting at once', async () => {
      await c.set([{ match: { path: '^/posts$' }, action: 'delay', delayMs: 5_000 }]);
      const controller = new AbortController();
      const call = client.listPosts({ activity: uniqueActivity() }, { signal: controller.signal });
      await until(async () => (await c.log()).length === 1, 'the request to reach the proxy');
      controller.abort();
      const error = await rejection(call);
      expect(error.kind).to.equal('aborted');
    });

    it('refuses a request body that breaks the contract without sending it', async () => {
      const error = await rejection(client.createPost({ activity: uniqueActivity(), body: '   ' }));
      expect(error.kind).to.equal('validation');
      expect(error.details.issues?.[0]?.path).to.equal('body');
      expect(await c.log()).to.deep.equal([]);
    });

    it('reports a 401 as an auth error and me() as nobody signed in', async () => {
      const anonymous = new RestClient({ endpoint: abs(c.endpoint) });
      expect(await anonymous.me()).to.equal(null);
      const error = await rejection(
        anonymous.createPost({ activity: uniqueActivity(), body: 'hi' }),
      );
      expect(error.kind).to.equal('auth');
      expect(error.status).to.equal(401);
    });
  });

  describe('retries', () => {
    it('honours Retry-After on 503 and 429, then succeeds', async () => {
      await c.set([
        {
          match: { path: '^/me$' },
          action: 'status',
          status: 503,
          headers: { 'Retry-After': '1' },
        },
        {
          match: { path: '^/me$' },
          action: 'status',
          status: 429,
          headers: { 'Retry-After': '1' },
        },
      ]);
      const me = await client.me();
      expect(me?.id).to.equal(SEED.member);
      const log = await c.log();
      expect(log.map((e) => e.status)).to.deep.equal([503, 429, 200]);
      // Each retry waited at least the second the server asked for (backoff alone is 20 ms).
      expect(log[1]!.time - log[0]!.time).to.be.at.least(950);
      expect(log[2]!.time - log[1]!.time).to.be.at.least(950);
    });

    it('reuses one Idempotency-Key across the retries of a write, so the server keeps one post', async () => {
      const activity = uniqueActivity('idempotency');
      await c.set([{ match: { method: 'POST', path: '^/posts$' }, action: 'status', status: 503 }]);
      const post = await client.createPost({ activity, body: 'Only once, please' });
      const posts = (await c.log()).filter((e) => e.method === 'POST');
      expect(posts.length).to.equal(2);
      expect(posts[0]!.idempotencyKey).to.be.a('string').and.not.equal('');
      expect(posts[1]!.idempotencyKey).to.equal(posts[0]!.idempotencyKey);
      const page = await client.listPosts({ activity });
      expect(page.items.map((p) => p.id)).to.deep.equal([post.id]);
    });

    it('keeps a caller-given key, so a user retry of a failed write never doubles it', async () => {
      const activity = uniqueActivity('user-retry');
      const key = crypto.randomUUID();
      const first = await client.createPost(
        { activity, body: 'Sent twice by the user' },
        { idempotencyKey: key },
      );
      const second = await client.createPost(
        { activity, body: 'Sent twice by the user' },
        { idempotencyKey: key },
      );
      expect(second.id).to.equal(first.id);
      const keys = (await c.log()).filter((e) => e.method === 'POST').map((e) => e.idempotencyKey);
      expect(keys).to.deep.equal([key, key]);
      expect((await client.listPosts({ activity })).total).to.equal(1);
    });

    it('asks getToken() again once after a 401 and retries with the fresh token', async () => {
      const tokens = ['not-a-valid-token', token];
      let asked = 0;
      const fresh = new RestClient({
        endpoint: abs(c.endpoint),
        getToken: () => tokens[Math.min(asked++, 1)],
      });
      const post = await fresh.createPost({ activity: uniqueActivity(), body: 'after a refresh' });
      expect(post.author?.id).to.equal(SEED.member);
      expect(asked).to.equal(2);
      const log = await c.log();
      expect(log.length).to.equal(2);
      expect(log[0]!.status).to.equal(401);
      expect(log[1]!.status).to.be.within(200, 299);
    });
  });

  describe('signed out', () => {
    it('asks nothing for me() without a token, and sends a refused token only once', async () => {
      const nobody = new RestClient({ endpoint: abs(c.endpoint), getToken: () => null });
      expect(await nobody.me()).to.equal(null);
      expect(await c.log()).to.deep.equal([]);
      const stale = new RestClient({
        endpoint: abs(c.endpoint),
        getToken: () => 'not-a-valid-token',
      });
      const error = await rejection(stale.createPost({ activity: uniqueActivity(), body: 'x' }));
      expect(error.kind).to.equal('auth');
      expect((await c.log()).map((e) => `${e.method} ${e.path} ${e.status}`)).to.deep.equal([
        'POST /posts 401',
      ]);
    });
  });

  describe('coalescing', () => {
    it('makes one GET /me however many elements ask in one tick, and asks again for a new token', async () => {
      const answers = await Promise.all(Array.from({ length: 12 }, () => client.me()));
      expect(new Set(answers.map((m) => m?.id))).to.deep.equal(new Set([SEED.member]));
      await client.me();
      expect((await c.log()).filter((e) => e.path === '/me').length).to.equal(1);
      token = await signIn(SEED.colleague);
      try {
        expect((await client.me())?.id).to.equal(SEED.colleague);
      } finally {
        token = await signIn(SEED.member);
      }
      expect((await c.log()).filter((e) => e.path === '/me').length).to.equal(2);
    });

    it('answers 200 kudos() calls of one frame with one GET /kudos', async () => {
      const activities = Array.from({ length: 200 }, (_, i) => `urn:pk:${i}`);
      const counts = await Promise.all(activities.map((a) => client.kudos(a)));
      expect(counts.map((k) => k.activity)).to.deep.equal(activities);
      const log = (await c.log()).filter((e) => e.path === '/kudos');
      expect(log.length).to.equal(1);
      expect(new URLSearchParams(log[0]!.query).getAll('activity').length).to.equal(200);
    });

    it(`asks for more than KUDOS_BATCH_MAX (${KUDOS_BATCH_MAX}) in one POST /kudos/query`, async () => {
      const activities = Array.from({ length: KUDOS_BATCH_MAX + 50 }, (_, i) => `urn:pk:${i}`);
      const counts = await Promise.all(activities.map((a) => client.kudos(a)));
      expect(counts.map((k) => k.activity)).to.deep.equal(activities);
      const log = (await c.log()).filter((e) => e.path.startsWith('/kudos'));
      expect(log.map((e) => `${e.method} ${e.path} ${e.status}`)).to.deep.equal([
        'POST /kudos/query 200',
      ]);
      // A query, not a write: no idempotency key.
      expect(log[0]!.idempotencyKey).to.equal(null);
    });

    it('asks for long IRIs past a 6,000-character URL in one POST, so the server never answers 431', async () => {
      const activities = Array.from(
        { length: 200 },
        (_, i) => `https://intranet.example/courses/${'x'.repeat(250)}/${i}`,
      );
      const counts = await Promise.all(activities.map((a) => client.kudos(a)));
      expect(counts.length).to.equal(200);
      const log = (await c.log()).filter((e) => e.path.startsWith('/kudos'));
      expect(log.map((e) => `${e.method} ${e.path} ${e.status}`)).to.deep.equal([
        'POST /kudos/query 200',
      ]);
    });

    it(`asks for ${KUDOS_QUERY_MAX} activities in one request, and for ${KUDOS_QUERY_MAX + 1} in two`, async () => {
      const many = (n: number, tag: string) =>
        Array.from({ length: n }, (_, i) => `urn:pk:${tag}:${i}`);
      await Promise.all(many(KUDOS_QUERY_MAX, 'a').map((a) => client.kudos(a)));
      expect((await c.log()).filter((e) => e.path.startsWith('/kudos')).length).to.equal(1);
      await c.clear();
      await Promise.all(many(KUDOS_QUERY_MAX + 1, 'b').map((a) => client.kudos(a)));
      expect(
        (await c.log()).filter((e) => e.path.startsWith('/kudos')).map((e) => e.method),
      ).to.deep.equal(['POST', 'POST']);
    });

    it('lets one caller abort without cancelling the others', async () => {
      const controller = new AbortController();
      const a = client.kudos('urn:pk:a', { signal: controller.signal });
      const b = client.kudos('urn:pk:b');
      controller.abort();
      expect((await rejection(a)).kind).to.equal('aborted');
      expect((await b).activity).to.equal('urn:pk:b');
    });
  });

  describe('live threads', () => {
    it('delivers posts written elsewhere through the SSE stream', async () => {
      const activity = uniqueActivity('live');
      const events: PostEvent[] = [];
      let opened = false;
      const close = client.subscribePosts(activity, {
        onEvent: (e) => events.push(e),
        onOpen: () => (opened = true),
      });
      try {
        await until(() => opened, 'the stream to open');
        const other = new RestClient({
          endpoint: abs('/api'),
          getToken: () => signIn(SEED.colleague),
        });
        const post = await other.createPost({ activity, body: 'Live hello' });
        await until(() => events.find((e) => e.post.id === post.id), 'the live event');
        expect(events[0]).to.deep.include({ type: 'post.created' });
        const log = await c.log();
        expect(
          log.find((e) => e.path === '/posts/stream')?.authorization,
          'the bearer token went along',
        ).to.equal(true);
      } finally {
        close();
      }
    });

    it('resumes a cut stream with Last-Event-ID, missing nothing written in between', async () => {
      await c.set([
        { match: { path: '^/posts/stream$' }, action: 'cut', delayMs: 1_500 },
        { match: { path: '^/posts/stream$' }, action: 'delay', delayMs: 2_500 },
      ]);
      const activity = uniqueActivity('resume');
      const events: PostEvent[] = [];
      let opened = 0;
      const close = client.subscribePosts(activity, {
        onEvent: (e) => events.push(e),
        onOpen: () => opened++,
      });
      try {
        await until(() => opened === 1, 'the stream to open');
        const a = await client.createPost({ activity, body: 'Before the cut' });
        await until(() => events.some((e) => e.post.id === a.id), 'the first event');
        // The stream is cut; the reconnection is held at the proxy while B is written.
        await until(
          async () => (await c.log()).filter((e) => e.path === '/posts/stream').length === 2,
          'the reconnection',
        );
        const b = await client.createPost({ activity, body: 'While reconnecting' });
        await until(() => events.some((e) => e.post.id === b.id), 'the missed event, replayed');
        expect(opened).to.equal(2);
        expect(events.map((e) => e.post.id)).to.deep.equal([a.id, b.id]);
      } finally {
        close();
      }
    });

    it('falls back to polling when the stream is unavailable', async () => {
      await c.set([
        { match: { path: '^/posts/stream$' }, action: 'status', status: 404, times: -1 },
      ]);
      const polling = new RestClient({
        endpoint: abs(c.endpoint),
        getToken: () => token,
        pollIntervalMs: 200,
      });
      const activity = uniqueActivity('poll');
      const events: PostEvent[] = [];
      const close = polling.subscribePosts(activity, { onEvent: (e) => events.push(e) });
      try {
        // The first poll is the baseline (nothing in it is news): write once it was answered.
        await until(
          async () => (await c.log()).some((e) => e.path === '/posts' && e.status === 200),
          'the first poll answered',
        );
        const post = await polling.createPost({ activity, body: 'Seen by polling' });
        await until(() => events.find((e) => e.post.id === post.id), 'the polled event');
        expect(events.find((e) => e.post.id === post.id)?.type).to.equal('post.created');
      } finally {
        close();
      }
    });
  });
});
