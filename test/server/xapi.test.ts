/**
 * The statements endpoint as an LRS (xAPI 1.0.3 Statement Resource) and the durable
 * forwarding queue to an upstream LRS (a second small HTTP server started here).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ANA, CHLOE, activity, isProblem, startServer, type TestServer } from './helpers.js';
import {
  COMMENTED,
  KEY,
  SECRET,
  V,
  VOIDED,
  basic,
  statement as baseStatement,
} from './xapi-helpers.js';

/** A statement whose object is a fresh Activity (its `object.id` is read below). */
const statement = (over: Record<string, unknown> = {}) =>
  baseStatement(over) as ReturnType<typeof baseStatement> & { object: { id: string } };

describe('LRS: /api/xapi/statements', () => {
  let s: TestServer;
  const lrs = (
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ) =>
    s.call(method, `/api/xapi${path}`, {
      ...init,
      headers: { authorization: basic, ...V, ...init.headers },
    });

  before(async () => {
    s = await startServer({ xapiKey: KEY, xapiSecret: SECRET, demo: true });
  });
  after(() => s.close());

  it('needs the version header and sends it on every answer', async () => {
    const missing = await s.call('GET', '/api/xapi/statements', {
      headers: { authorization: basic },
    });
    assert.equal(missing.status, 400);
    assert.ok(isProblem(missing));
    assert.equal(missing.headers.get('x-experience-api-version'), '1.0.3');
    const wrong = await lrs('GET', '/statements', {
      headers: { 'x-experience-api-version': '0.95' },
    });
    assert.equal(wrong.status, 400);
    const about = await s.call('GET', '/api/xapi/about');
    assert.equal(about.status, 200);
    assert.ok(about.body.version.includes('1.0.3'));
  });

  it('takes HTTP Basic with the LRS key and refuses wrong credentials', async () => {
    const wrong = await s.call('GET', '/api/xapi/statements', {
      headers: { ...V, authorization: `Basic ${Buffer.from('lrs-key:nope').toString('base64')}` },
    });
    assert.equal(wrong.status, 401);
    const none = await s.call('POST', '/api/xapi/statements', { headers: V, body: statement() });
    assert.equal(none.status, 401);
    assert.equal((await lrs('GET', '/statements?limit=1')).status, 200);
    // Basic is for the statements endpoint only.
    const elsewhere = await s.call('GET', '/api/me', { headers: { authorization: basic } });
    assert.equal(elsewhere.status, 401);
  });

  it('stores one or many, sets stored, authority, version and missing ids, and answers the ids', async () => {
    const one = statement();
    const r1 = await lrs('POST', '/statements', { body: one });
    assert.equal(r1.status, 200);
    assert.deepEqual(r1.body, [one.id]);
    const noId = statement();
    delete (noId as { id?: string }).id;
    const batch = [statement(), noId];
    const r2 = await lrs('POST', '/statements', { body: batch });
    assert.equal(r2.status, 200);
    assert.equal(r2.body.length, 2);
    assert.equal(r2.body[0], batch[0]!.id);
    assert.match(r2.body[1], /^[0-9a-f-]{36}$/);
    const got = await lrs('GET', `/statements?statementId=${r2.body[1]}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.id, r2.body[1]);
    assert.ok(Date.parse(got.body.stored));
    assert.equal(got.body.version, '1.0.0');
    assert.equal(got.body.authority.account.name, KEY);
    assert.ok(got.headers.get('last-modified'));
    const spoofed = await lrs('POST', '/statements', {
      body: statement({ authority: { objectType: 'Agent', mbox: 'mailto:boss@example.com' } }),
    });
    const stored = await lrs('GET', `/statements?statementId=${spoofed.body[0]}`);
    assert.equal(stored.body.authority.account.name, KEY, 'authority is set by the server');
  });

  it('answers 204/200 for the same statement again, 409 for different content under its id', async () => {
    const st = statement();
    assert.equal((await lrs('PUT', `/statements?statementId=${st.id}`, { body: st })).status, 204);
    assert.equal((await lrs('PUT', `/statements?statementId=${st.id}`, { body: st })).status, 204);
    const again = await lrs('POST', '/statements', { body: [st] });
    assert.equal(again.status, 200);
    const different = await lrs('PUT', `/statements?statementId=${st.id}`, {
      body: { ...st, verb: { id: 'http://adlnet.gov/expapi/verbs/answered' } },
    });
    assert.equal(different.status, 409);
    assert.ok(isProblem(different));
    const batchWithConflict = [statement(), { ...st, result: { success: true } }];
    assert.equal((await lrs('POST', '/statements', { body: batchWithConflict })).status, 409);
    const notStored = await lrs('GET', `/statements?statementId=${batchWithConflict[0]!.id}`);
    assert.equal(notStored.status, 404, 'a batch is all or nothing');
    const dup = statement();
    assert.equal((await lrs('POST', '/statements', { body: [dup, dup] })).status, 400);
    const mismatch = await lrs('PUT', `/statements?statementId=${randomUUID()}`, {
      body: statement(),
    });
    assert.equal(mismatch.status, 400);
  });

  it('rejects statements that break the specification', async () => {
    const bad: [string, unknown][] = [
      ['no actor', { ...statement(), actor: undefined }],
      [
        'two identifiers',
        statement({ actor: { mbox: 'mailto:a@example.com', openid: 'https://a.example' } }),
      ],
      ['mbox without mailto', statement({ actor: { mbox: 'a@example.com' } })],
      ['verb id not an IRI', statement({ verb: { id: 'commented' } })],
      ['bad language tag', statement({ verb: { id: COMMENTED, display: { 'not a tag': 'x' } } })],
      ['unknown property', { ...statement(), mood: 'happy' }],
      ['null value', { ...statement(), result: null }],
      ['id not a UUID', statement({ id: 'abc' })],
      ['timestamp without zone', statement({ timestamp: '2024-01-01T10:00:00' })],
      ['scaled score out of range', statement({ result: { score: { scaled: 1.5 } } })],
      ['raw above max', statement({ result: { score: { raw: 11, min: 0, max: 10 } } })],
      ['bad duration', statement({ result: { duration: '3 minutes' } })],
      [
        'revision with an Agent object',
        statement({
          object: { objectType: 'Agent', mbox: 'mailto:b@example.com' },
          context: { revision: '2' },
        }),
      ],
      [
        'nested SubStatement',
        statement({
          object: {
            objectType: 'SubStatement',
            actor: { mbox: 'mailto:b@example.com' },
            verb: { id: COMMENTED },
            object: { objectType: 'SubStatement' },
          },
        }),
      ],
      ['voiding without StatementRef', statement({ verb: { id: VOIDED } })],
      ['version 2.0', statement({ version: '2.0.0' })],
      ['group without members or id', statement({ actor: { objectType: 'Group' } })],
    ];
    for (const [label, body] of bad) {
      const r = await lrs('POST', '/statements', { body });
      assert.equal(r.status, 400, label);
      assert.ok(isProblem(r), label);
    }
    const notJson = await lrs('POST', '/statements', {
      raw: '{',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(notJson.status, 400);
  });

  it('accepts the richer shapes of the specification', async () => {
    const ok = [
      statement({
        actor: { objectType: 'Group', name: 'Team', member: [{ mbox: 'mailto:a@example.com' }] },
      }),
      statement({ actor: { account: { homePage: 'https://lms.example.com', name: '42' } } }),
      statement({ actor: { mbox_sha1sum: 'a'.repeat(40) } }),
      statement({
        object: {
          id: activity(),
          definition: {
            name: { 'en-US': 'Q1' },
            interactionType: 'choice',
            correctResponsesPattern: ['a'],
            choices: [{ id: 'a', description: { en: 'A' } }, { id: 'b' }],
          },
        },
        result: {
          score: { scaled: 0.5, raw: 5, min: 0, max: 10 },
          success: true,
          duration: 'PT1M30S',
        },
        context: {
          registration: randomUUID(),
          contextActivities: { parent: { id: activity() } },
          platform: 'Peerkit',
          language: 'en-GB',
        },
      }),
      statement({
        object: {
          objectType: 'SubStatement',
          actor: { mbox: 'mailto:b@example.com' },
          verb: { id: COMMENTED },
          object: { id: activity() },
        },
      }),
    ];
    const r = await lrs('POST', '/statements', { body: ok });
    assert.equal(r.status, 200, r.text);
    const stored = await lrs('GET', `/statements?statementId=${ok[3]!.id}`);
    assert.ok(
      Array.isArray(stored.body.context.contextActivities.parent),
      'context activities become arrays',
    );
  });

  it('filters by verb, activity, agent, registration, since/until, and pages with more', async () => {
    const a = activity('filter');
    const verb = `https://w3id.org/xapi/peerkit/verbs/test-${randomUUID()}`;
    const registration = randomUUID();
    const mine = { mbox: `mailto:${randomUUID()}@example.com` };
    const ids: string[] = [];
    const before = new Date().toISOString();
    for (let i = 0; i < 7; i++) {
      const st = statement({
        actor: i < 5 ? mine : { mbox: 'mailto:other@example.com' },
        verb: { id: verb },
        object: { id: a },
        ...(i === 0 ? { context: { registration } } : {}),
      });
      ids.push(st.id);
      assert.equal((await lrs('POST', '/statements', { body: st })).status, 200);
    }
    const byVerb = await lrs('GET', `/statements?verb=${encodeURIComponent(verb)}`);
    assert.equal(byVerb.body.statements.length, 7);
    assert.deepEqual(
      byVerb.body.statements.map((x: { id: string }) => x.id),
      [...ids].reverse(),
      'newest stored first',
    );
    assert.equal(byVerb.headers.get('x-experience-api-version'), '1.0.3');
    assert.ok(byVerb.headers.get('x-experience-api-consistent-through'));
    const byAgent = await lrs(
      'GET',
      `/statements?verb=${encodeURIComponent(verb)}&agent=${encodeURIComponent(JSON.stringify(mine))}`,
    );
    assert.equal(byAgent.body.statements.length, 5);
    const byActivity = await lrs(
      'GET',
      `/statements?activity=${encodeURIComponent(a)}&ascending=true`,
    );
    assert.deepEqual(
      byActivity.body.statements.map((x: { id: string }) => x.id),
      ids,
    );
    const byReg = await lrs('GET', `/statements?registration=${registration}`);
    assert.deepEqual(
      byReg.body.statements.map((x: { id: string }) => x.id),
      [ids[0]],
    );
    const since = await lrs(
      'GET',
      `/statements?verb=${encodeURIComponent(verb)}&since=${encodeURIComponent(before)}`,
    );
    assert.equal(since.body.statements.length, 7);
    const until = await lrs(
      'GET',
      `/statements?verb=${encodeURIComponent(verb)}&until=${encodeURIComponent(before)}`,
    );
    assert.equal(until.body.statements.length, 0);
    // Paging with `more`.
    const seen: string[] = [];
    let next = `/api/xapi/statements?verb=${encodeURIComponent(verb)}&limit=3`;
    while (next) {
      const page = await s.call('GET', next, { headers: { authorization: basic, ...V } });
      assert.equal(page.status, 200);
      assert.ok(page.body.statements.length <= 3);
      seen.push(...page.body.statements.map((x: { id: string }) => x.id));
      next = page.body.more;
    }
    assert.deepEqual(seen, [...ids].reverse());
    assert.equal(
      (await lrs('GET', '/statements?colour=blue')).status,
      400,
      'unknown parameters are refused',
    );
    assert.equal(
      (await lrs('GET', `/statements?statementId=${ids[0]}&verb=${encodeURIComponent(verb)}`))
        .status,
      400,
    );
    assert.equal((await lrs('GET', '/statements?agent=notjson')).status, 400);
    assert.equal((await lrs('GET', '/statements?since=yesterday')).status, 400);
  });

  it('voids a statement: gone from statementId and filters, found by voidedStatementId', async () => {
    const target = statement();
    await lrs('POST', '/statements', { body: target });
    const voiding = statement({
      verb: { id: VOIDED },
      object: { objectType: 'StatementRef', id: target.id },
    });
    assert.equal((await lrs('POST', '/statements', { body: voiding })).status, 200);
    assert.equal((await lrs('GET', `/statements?statementId=${target.id}`)).status, 404);
    const voided = await lrs('GET', `/statements?voidedStatementId=${target.id}`);
    assert.equal(voided.status, 200);
    assert.equal(voided.body.id, target.id);
    const filtered = await lrs(
      'GET',
      `/statements?activity=${encodeURIComponent(target.object.id)}`,
    );
    // §2.1.4: the voided statement is left out; the voiding statement targets it, so it matches.
    assert.deepEqual(
      filtered.body.statements.map((x: { id: string }) => x.id),
      [voiding.id],
    );
    assert.equal((await lrs('GET', `/statements?voidedStatementId=${voiding.id}`)).status, 404);
  });

  it('takes statements from a signed-in person and lets only moderators read them outside demo mode', async () => {
    const ana = await s.token(ANA);
    const st = statement();
    const r = await s.call('POST', '/api/xapi/statements', { token: ana, headers: V, body: [st] });
    assert.equal(r.status, 200);
    const stored = await lrs('GET', `/statements?statementId=${st.id}`);
    assert.equal(stored.body.authority.account.name, ANA);
    const strict = await startServer({
      demo: false,
      jwtSecret: 'another-secret-of-sufficient-length!!',
      xapiKey: KEY,
      xapiSecret: SECRET,
    });
    try {
      const { SignJWT } = await import('jose');
      const sign = (sub: string, roles: string[]) =>
        new SignJWT({ name: sub, roles })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(sub)
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('another-secret-of-sufficient-length!!'));
      const member = await strict.call('GET', '/api/xapi/statements', {
        token: await sign('m', []),
        headers: V,
      });
      assert.equal(member.status, 403);
      const mod = await strict.call('GET', '/api/xapi/statements', {
        token: await sign(CHLOE, ['moderator']),
        headers: V,
      });
      assert.equal(mod.status, 200);
    } finally {
      await strict.close();
    }
  });
});

describe('forwarding to an upstream LRS', () => {
  let upstream: Server;
  let upstreamUrl: string;
  let mode: 'down' | 'up' = 'down';
  const received: string[] = [];
  const attempts: number[] = [];
  const auths: string[] = [];

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((ok) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => ok(data));
    });

  before(async () => {
    upstream = createHttpServer(async (req, res) => {
      const body = await readBody(req);
      attempts.push(Date.now());
      auths.push(String(req.headers['authorization']));
      if (mode === 'down') {
        res.writeHead(503).end();
        return;
      }
      const list = JSON.parse(body);
      for (const st of Array.isArray(list) ? list : [list]) received.push(st.id);
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(list.map((x: { id: string }) => x.id)));
    });
    await new Promise<void>((ok) => upstream.listen(0, '127.0.0.1', ok));
    const address = upstream.address() as { port: number };
    upstreamUrl = `http://127.0.0.1:${address.port}/xapi`;
  });
  after(() => new Promise<void>((ok) => upstream.close(() => ok())));

  it('loses nothing while the upstream is down and sends each statement once when it is back, across a restart', async () => {
    const options = {
      xapiKey: KEY,
      xapiSecret: SECRET,
      lrsUrl: upstreamUrl,
      lrsKey: 'up-key',
      lrsSecret: 'up-secret',
      lrsPollMs: 50,
      lrsRetryMs: 50,
    };
    const dataDir = process.env['DATABASE_URL']
      ? undefined
      : `${process.env['TMPDIR'] ?? '/tmp'}/peerkit-fwd-${randomUUID()}`;
    // A server on a data directory (or PostgreSQL), so the queue survives a restart.
    let s = await startServer({ ...options, ...(dataDir ? { memory: false, dataDir } : {}) });
    const ids: string[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const batch = Array.from({ length: 4 }, () => statement());
        ids.push(...batch.map((x) => x.id));
        const r = await s.call('POST', '/api/xapi/statements', {
          headers: { authorization: basic, ...V },
          body: batch,
        });
        assert.equal(r.status, 200);
      }
      // The upstream refuses for a while: the server keeps retrying.
      const tried = Date.now() + 20_000;
      while (attempts.length < 3 && Date.now() < tried)
        await new Promise((ok) => setTimeout(ok, 50));
      assert.ok(attempts.length >= 3, 'the server keeps trying while the upstream is down');
      assert.equal(received.length, 0);
      if (dataDir) {
        // Restart while the upstream is still down: the queue is in the database.
        await s.close();
        s = await startServer({ ...options, memory: false, dataDir, seed: false });
      }
      mode = 'up';
      const deadline = Date.now() + 20_000;
      while (received.length < ids.length && Date.now() < deadline)
        await new Promise((ok) => setTimeout(ok, 50));
      // Give a duplicate send the chance to show up.
      await new Promise((ok) => setTimeout(ok, 300));
      assert.deepEqual([...received].sort(), [...ids].sort(), 'every statement exactly once');
      assert.ok(
        auths.every((a) => a === `Basic ${Buffer.from('up-key:up-secret').toString('base64')}`),
      );
    } finally {
      await s.close();
      if (dataDir)
        await import('node:fs/promises').then((fs) =>
          fs.rm(dataDir, { recursive: true, force: true }),
        );
    }
  });
});
