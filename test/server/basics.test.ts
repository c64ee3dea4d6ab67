/**
 * The server as a host meets it: health, OpenAPI, static files and their headers, CORS,
 * sign-in (demo sessions, JWTs, the anonymous-read rule), errors as problem+json, limits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { DEMO_ACTIVITIES } from '@peerkit/server';
import { ANA, BEN, CHLOE, activity, isProblem, startServer, type TestServer } from './helpers.js';

describe('server basics (demo mode)', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ allowedOrigins: ['https://lms.example.com'] });
  });
  after(() => s.close());

  it('answers health with the database kind', async () => {
    const r = await s.call('GET', '/api/health');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.match(r.body.database, /^(pglite|postgres)$/);
  });

  it('serves an OpenAPI 3.1 document generated from the contract', async () => {
    const r = await s.call('GET', '/api/openapi.json');
    assert.equal(r.status, 200);
    assert.equal(r.body.openapi, '3.1.0');
    for (const path of [
      '/me',
      '/posts',
      '/posts/{id}',
      '/posts/{id}/acceptance',
      '/posts/{id}/highlight',
      '/posts/stream',
      '/people',
      '/skills',
      '/reflections',
      '/kudos',
      '/reports',
      '/xapi/statements',
    ]) {
      assert.ok(r.body.paths[path], `missing ${path}`);
    }
    const post = r.body.components.schemas.Post;
    assert.equal(post.type, 'object');
    assert.ok(post.required.includes('replyCount'));
    const query = r.body.paths['/posts'].get.parameters.find(
      (p: { name: string }) => p.name === 'sort',
    );
    // DESIGN.md: `sort` also takes `unanswered` (Q&A, docs/decisions.md §18)
    assert.deepEqual(query.schema.enum, ['oldest', 'newest', 'top', 'unanswered']);
  });

  it('serves the page at / with the strict CSP and security headers', async () => {
    const r = await s.call('GET', '/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type')!, /text\/html/);
    const csp = r.headers.get('content-security-policy')!;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(csp, /trusted-types lit-html peerkit/);
    assert.match(csp, /object-src 'none'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(r.headers.get('referrer-policy'));
  });

  it('answers a clean 404 for missing static and CDN files, and never leaves its folders', async () => {
    const cdn = await s.call('GET', '/cdn/does-not-exist.js');
    assert.equal(cdn.status, 404);
    assert.ok(isProblem(cdn));
    const escape = await s.call('GET', '/%2e%2e/%2e%2e/package.json');
    assert.equal(escape.status, 404);
    const escape2 = await s.call('GET', '/cdn/..%2f..%2f..%2fpackage.json');
    assert.equal(escape2.status, 404);
  });

  it('lists demo people with the moderator and signs demo sessions', async () => {
    const people = await s.call('GET', '/api/demo/people');
    assert.equal(people.status, 200);
    const ids = people.body.items.map((p: { id: string }) => p.id);
    for (const id of [ANA, BEN, CHLOE]) assert.ok(ids.includes(id));
    assert.ok(people.body.items.length >= 20);
    const chloe = people.body.items.find((p: { id: string }) => p.id === CHLOE);
    assert.deepEqual(chloe.roles, ['moderator']);
    const unknown = await s.call('POST', '/api/demo/session', { body: { personId: 'nobody' } });
    assert.equal(unknown.status, 404);
    assert.ok(isProblem(unknown));
  });

  it('answers /me for a demo token and 401 without one', async () => {
    const token = await s.token(ANA);
    const me = await s.call('GET', '/api/me', { token });
    assert.equal(me.status, 200);
    assert.equal(me.body.id, ANA);
    assert.equal(me.body.name, 'Ana Ruiz');
    assert.equal(me.body.team, 'Data');
    assert.deepEqual(me.body.roles, []);
    const anon = await s.call('GET', '/api/me');
    assert.equal(anon.status, 401);
    assert.ok(isProblem(anon));
    const mod = await s.call('GET', '/api/me', { token: await s.token(CHLOE) });
    assert.deepEqual(mod.body.roles, ['moderator']);
  });

  it('lets anonymous readers read shared data in demo mode, but not write', async () => {
    const r = await s.call(
      'GET',
      `/api/posts?activity=${encodeURIComponent(DEMO_ACTIVITIES.dataStorytelling)}`,
    );
    assert.equal(r.status, 200);
    assert.ok(r.body.items.length > 0);
    const w = await s.call('POST', '/api/posts', { body: { activity: activity(), body: 'hi' } });
    assert.equal(w.status, 401);
    assert.ok(isProblem(w));
  });

  it('rejects an invalid or expired token with 401 even on a public read', async () => {
    const bad = await s.call('GET', `/api/kudos?activity=${encodeURIComponent(activity())}`, {
      token: 'not.a.jwt',
    });
    assert.equal(bad.status, 401);
    assert.ok(isProblem(bad));
    const other = await new SignJWT({ name: 'Mallory', roles: ['moderator'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a secret the server does not know'));
    const forged = await s.call('GET', '/api/me', { token: other });
    assert.equal(forged.status, 401);
  });

  it('answers unknown API routes and bad input as problem+json', async () => {
    const nf = await s.call('GET', '/api/nothing-here');
    assert.equal(nf.status, 404);
    assert.ok(isProblem(nf));
    const bad = await s.call('GET', '/api/posts?activity=not-an-iri');
    assert.equal(bad.status, 400);
    assert.ok(isProblem(bad));
    assert.equal(bad.body.errors[0].path, 'activity');
    const sort = await s.call(
      'GET',
      `/api/posts?activity=${encodeURIComponent(activity())}&sort=best`,
    );
    assert.equal(sort.status, 400, 'an unknown enum value is a 400, not a silent default');
    const limit = await s.call(
      'GET',
      `/api/posts?activity=${encodeURIComponent(activity())}&limit=101`,
    );
    assert.equal(limit.status, 400);
    assert.ok(!bad.text.includes('at '), 'no stack trace');
  });

  it('refuses bodies past the limit (413), non-JSON (415) and malformed JSON (400)', async () => {
    const token = await s.token(ANA);
    const big = await s.call('POST', '/api/posts', {
      token,
      raw: JSON.stringify({ activity: activity(), body: 'x'.repeat(70_000) }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(big.status, 413);
    assert.ok(isProblem(big));
    const form = await s.call('POST', '/api/posts', {
      token,
      raw: 'activity=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(form.status, 415);
    const broken = await s.call('POST', '/api/posts', {
      token,
      raw: '{"activity": ',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(broken.status, 400);
    assert.ok(isProblem(broken));
  });

  it('keeps text exactly as sent, any Unicode', async () => {
    const token = await s.token(ANA);
    const body = 'Ça marche 👍🏽 — 日本語 <script>alert(1)</script>\n\n  trailing  ';
    const a = activity();
    const created = await s.call('POST', '/api/posts', { token, body: { activity: a, body } });
    assert.equal(created.status, 201);
    assert.equal(created.body.body, body);
    const page = await s.call('GET', `/api/posts?activity=${encodeURIComponent(a)}`);
    assert.equal(page.body.items[0].body, body);
  });

  it('allows CORS for listed origins only', async () => {
    const ok = await s.call('GET', '/api/health', {
      headers: { origin: 'https://lms.example.com' },
    });
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://lms.example.com');
    const no = await s.call('GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    assert.equal(no.headers.get('access-control-allow-origin'), null);
    const pre = await s.call('OPTIONS', '/api/posts', {
      headers: {
        origin: 'https://lms.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    assert.equal(pre.status, 204);
    assert.match(pre.headers.get('access-control-allow-headers')!, /Idempotency-Key/);
    assert.match(pre.headers.get('access-control-allow-methods')!, /PATCH/);
    const denied = await s.call('OPTIONS', '/api/posts', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(denied.status, 403);
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
  });

  it('lets a page on a listed origin read the headers the client reads', async () => {
    // The client reads `Date` (the server's clock, docs/decisions.md §6), `Age` (a stored answer says
    // nothing about the clock), `Retry-After` and `ETag`; none of them is a CORS-safelisted
    // response header, so a cross-origin page sees them only when they are exposed.
    const res = await s.call('GET', '/api/health', {
      headers: { origin: 'https://lms.example.com' },
    });
    const exposed = (res.headers.get('access-control-expose-headers') ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase());
    for (const name of ['date', 'age', 'retry-after', 'etag'])
      assert.ok(exposed.includes(name), `${name} is exposed (${exposed.join(', ')})`);
  });
});

describe('server outside demo mode', () => {
  const secret = 'test-secret-for-hs256-at-least-32-bytes!';
  const sign = (sub: string, claims: Record<string, unknown> = {}, exp: string | number = '1h') =>
    new SignJWT({ name: `Person ${sub}`, ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret));

  let s: TestServer;
  let open: TestServer;
  before(async () => {
    s = await startServer({ demo: false, jwtSecret: secret });
    open = await startServer({ demo: false, jwtSecret: secret, anonymousRead: true });
  });
  after(async () => {
    await s.close();
    await open.close();
  });

  it('has no demo sign-in', async () => {
    assert.equal((await s.call('GET', '/api/demo/people')).status, 404);
    assert.equal(
      (await s.call('POST', '/api/demo/session', { body: { personId: ANA } })).status,
      404,
    );
  });

  it('needs a token for reads unless PEERKIT_ANONYMOUS_READ is on', async () => {
    const path = `/api/kudos?activity=${encodeURIComponent(activity())}`;
    assert.equal((await s.call('GET', path)).status, 401);
    assert.equal((await open.call('GET', path)).status, 200);
    assert.equal((await s.call('GET', path, { token: await sign('host.user') })).status, 200);
  });

  it('takes JWTs signed by the host with PEERKIT_JWT_SECRET, and refuses expired ones', async () => {
    const token = await sign('lms-42', { email: 'p42@example.com', roles: ['moderator'] });
    const me = await s.call('GET', '/api/me', { token });
    assert.equal(me.status, 200);
    assert.deepEqual(me.body, {
      id: 'lms-42',
      name: 'Person lms-42',
      email: 'p42@example.com',
      roles: ['moderator'],
    });
    const expired = await sign('lms-42', {}, Math.floor(Date.now() / 1000) - 60);
    const r = await s.call('GET', '/api/me', { token: expired });
    assert.equal(r.status, 401);
    assert.match(r.body.detail, /expired/);
  });
});
