/**
 * Webhooks (issue 13): a receiver started here on 127.0.0.1 gets each event once (mention,
 * reply, answer, accepted answer, report, highlight), signed as Standard Webhooks says (checked
 * with the `standardwebhooks` reference library); an event is retried after the receiver
 * answers 500, and one queued before a restart is sent by the next server; an event that
 * nothing wakes the sender for is found by its poll, every `PEERKIT_WEBHOOK_POLL_MS`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { mentionMarkdown } from '@peerkit/core/markdown';
import { optionsFromEnv } from '@peerkit/server';
import {
  ANA,
  BEN,
  CHLOE,
  activity,
  freshDatabase,
  startServer,
  type TestServer,
} from './helpers.js';
import { receiver, SECRET } from './webhook-receiver.js';

async function post(s: TestServer, token: string, body: Record<string, unknown>) {
  const r = await s.call('POST', '/api/posts', { token, body });
  assert.equal(r.status, 201, r.text);
  return r.body as { id: string };
}

describe('webhooks', () => {
  let hook: Awaited<ReturnType<typeof receiver>>;
  let s: TestServer;
  let tokens: Record<string, string>;
  before(async () => {
    hook = await receiver();
    s = await startServer({ webhookUrl: hook.url, webhookSecret: SECRET, webhookRetryMs: 50 });
    tokens = { ana: await s.token(ANA), ben: await s.token(BEN), chloe: await s.token(CHLOE) };
  });
  after(async () => {
    await s.close();
    await hook.close();
  });

  it('sends each event once, signed, to whom it concerns, never for one’s own act', async () => {
    const a = activity();
    const ben = mentionMarkdown({ id: BEN, name: 'Ben' });
    const q = await post(s, tokens.ana!, { activity: a, body: `Kubernetes drains? ${ben}` });
    await post(s, tokens.ana!, { activity: a, body: 'More context', parentId: q.id });
    const answer = await post(s, tokens.ben!, {
      activity: a,
      body: 'kubectl drain',
      parentId: q.id,
    });
    await post(s, tokens.chloe!, { activity: a, body: 'Careful with PDBs', parentId: answer.id });
    const edit = await s.call('PATCH', `/api/posts/${q.id}`, {
      token: tokens.ana!,
      body: { body: `Drains? ${ben} ${mentionMarkdown({ id: CHLOE, name: 'Chloe' })}` },
    });
    assert.equal(edit.status, 200);
    assert.equal(
      (await s.call('PUT', `/api/posts/${answer.id}/acceptance`, { token: tokens.ana! })).status,
      200,
    );
    const report = await s.call('POST', `/api/posts/${answer.id}/reports`, {
      token: tokens.chloe!,
      body: { reason: 'off-topic' },
    });
    assert.equal(report.status, 201);
    assert.equal(
      (await s.call('PUT', `/api/posts/${answer.id}/highlight`, { token: tokens.chloe! })).status,
      200,
    );
    await hook.until(7);
    const mine = hook.accepted.filter((e) => e.data.activity === a);
    assert.deepEqual(
      mine.map((e) => [e.type, e.data.recipient?.id ?? null, e.data.actor.id]),
      [
        ['mention.created', BEN, ANA],
        ['answer.created', ANA, BEN],
        ['reply.created', BEN, CHLOE],
        ['mention.created', CHLOE, ANA],
        ['answer.accepted', BEN, ANA],
        ['report.created', null, CHLOE],
        ['post.highlighted', BEN, CHLOE],
      ],
    );
    assert.equal(new Set(mine.map((e) => e.id)).size, mine.length, 'each event id once');
    assert.ok(
      [...hook.attempts.values()].every((n) => n === 1),
      'nothing sent twice',
    );
    assert.deepEqual(hook.invalid, []);
    const accepted = mine.find((e) => e.type === 'answer.accepted')!;
    assert.equal(accepted.data.post.id, answer.id);
    assert.equal((accepted.data['question'] as { id: string }).id, q.id);
    assert.deepEqual(mine.find((e) => e.type === 'report.created')!.data['report'], {
      id: report.body.id,
      reason: 'off-topic',
      note: null,
    });
  });

  it('retries an event the receiver answered 500, with the same id, until it is accepted', async () => {
    const failing = await receiver((event, attempt) =>
      event.type === 'mention.created' && attempt < 3 ? 500 : 200,
    );
    const other = await startServer({
      webhookUrl: failing.url,
      webhookSecret: SECRET,
      webhookRetryMs: 50,
    });
    try {
      const a = activity();
      await post(other, await other.token(ANA), {
        activity: a,
        body: `Hi ${mentionMarkdown({ id: BEN, name: 'Ben' })}`,
      });
      await failing.until(1);
      assert.equal(failing.accepted.length, 1);
      assert.equal(failing.attempts.get(failing.accepted[0]!.id), 3, 'two 500s, then accepted');
      const [row] = await other.db.query<{ attempts: number; sent: boolean }>(
        'SELECT attempts, sent_at IS NOT NULL AS sent FROM webhook_outbox',
      );
      assert.deepEqual(row, { attempts: 3, sent: true });
    } finally {
      await other.close();
      await failing.close();
    }
  });
});

describe('webhooks across a restart', () => {
  it('sends after a restart an event queued while the receiver was down, once', async () => {
    let up = false;
    const hook = await receiver(() => (up ? 200 : 503));
    const base = process.env['DATABASE_URL'];
    const database = base ? await freshDatabase(base) : undefined;
    const dataDir = base
      ? undefined
      : `${process.env['TMPDIR'] ?? '/tmp'}/peerkit-hooks-${randomUUID()}`;
    const where = database
      ? { databaseUrl: database.url }
      : { memory: false, dataDir: dataDir!, snapshot: '' };
    const options = { ...where, webhookUrl: hook.url, webhookSecret: SECRET, webhookRetryMs: 50 };
    try {
      const first = await startServer(options);
      await post(first, await first.token(ANA), {
        activity: activity(),
        body: `Hi ${mentionMarkdown({ id: BEN, name: 'Ben' })}`,
      });
      // Tried (and refused) while the receiver was down: waited for, not assumed after 300 ms.
      const tried = () => (hook.attempts.values().next().value ?? 0) >= 1;
      const deadline = Date.now() + 10_000;
      while (!tried() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      assert.ok(tried(), 'tried while the receiver was down');
      await first.close();
      assert.equal(hook.accepted.length, 0);
      up = true;
      const second = await startServer({ ...options, seed: false });
      try {
        await hook.until(1);
        assert.equal(hook.accepted.length, 1);
        assert.equal(hook.accepted[0]!.type, 'mention.created');
      } finally {
        await second.close();
      }
    } finally {
      await hook.close();
      await database?.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start with a webhook URL and no secret', async () => {
    await assert.rejects(startServer({ webhookUrl: 'http://127.0.0.1:9/hooks' }), /SECRET/);
  });
});

describe('PEERKIT_WEBHOOK_POLL_MS', () => {
  it('polls that often for due events nothing woke the sender for (a lease run out)', async () => {
    const hook = await receiver();
    const options = optionsFromEnv({
      PEERKIT_WEBHOOK_URL: hook.url,
      PEERKIT_WEBHOOK_SECRET: SECRET,
      PEERKIT_WEBHOOK_POLL_MS: '100',
    });
    const s = await startServer(options);
    try {
      // An event another instance claimed and crashed with: due again once its lease runs
      // out, with no NOTIFY to wake anyone. Only the poll finds it (the default is 5 s).
      const id = `evt_${randomUUID()}`;
      const body = JSON.stringify({
        id,
        type: 'mention.created',
        timestamp: new Date().toISOString(),
        data: {
          activity: activity(),
          post: { id: randomUUID(), body: 'Hi' },
          actor: { id: ANA },
          recipient: { id: BEN },
        },
      });
      await s.writeDirect(
        `INSERT INTO webhook_outbox (event_id, type, body, attempts, lease_until)
         VALUES ($1, 'mention.created', $2, 1, now() + interval '200 milliseconds')`,
        [id, body],
      );
      await hook.until(1, 2_000); // well before the 5 s default poll
      assert.deepEqual(
        hook.accepted.map((e) => e.id),
        [id],
      );
      assert.equal(hook.attempts.get(id), 1);
    } finally {
      await s.close();
      await hook.close();
    }
  });

  it('refuses a value that is not a whole number of ms from 10 to an hour, naming it', () => {
    for (const bad of ['0', '9', '2.5', '5s', '-100', '3600001'])
      assert.throws(
        () => optionsFromEnv({ PEERKIT_WEBHOOK_POLL_MS: bad }),
        /PEERKIT_WEBHOOK_POLL_MS must be a whole number from 10 to 3600000/,
        bad,
      );
    assert.equal(optionsFromEnv({ PEERKIT_WEBHOOK_POLL_MS: '' }).webhookPollMs, undefined);
    assert.equal(optionsFromEnv({ PEERKIT_WEBHOOK_POLL_MS: '10' }).webhookPollMs, 10);
  });
});

describe('the README receiver (packages/server/examples/webhook-receiver.mjs)', () => {
  it('verifies an event and posts it to the chat channel once; refuses a forged one', async () => {
    const said: string[] = [];
    const chat = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        said.push((JSON.parse(body) as { text: string }).text);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((ok) => chat.listen(0, '127.0.0.1', ok));
    const chatPort = (chat.address() as { port: number }).port;
    const example = spawn(process.execPath, ['packages/server/examples/webhook-receiver.mjs'], {
      env: {
        ...process.env,
        PORT: '0',
        PEERKIT_WEBHOOK_SECRET: SECRET,
        CHAT_WEBHOOK_URL: `http://127.0.0.1:${chatPort}/`,
      },
    });
    let s: TestServer | undefined;
    try {
      const port = await new Promise<string>((ok, fail) => {
        example.stdout.on('data', (d: Buffer) => {
          const m = /listening on (\d+)/.exec(d.toString());
          if (m) ok(m[1]!);
        });
        example.once('exit', () => fail(new Error('the example receiver stopped')));
      });
      const url = `http://127.0.0.1:${port}/`;
      const forged = await fetch(url, {
        method: 'POST',
        headers: {
          'webhook-id': 'evt_x',
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': 'v1,Zm9yZ2Vk',
        },
        body: '{}',
      });
      assert.equal(forged.status, 401);
      s = await startServer({ webhookUrl: url, webhookSecret: SECRET });
      await post(s, await s.token(ANA), {
        activity: activity(),
        body: `Ünïcode question for ${mentionMarkdown({ id: BEN, name: 'Ben' })}`,
      });
      const deadline = Date.now() + 10_000;
      while (!said.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      assert.deepEqual(said, [
        'mention.created: Ana Ruiz → Ben Okafor: Ünïcode question for [@Ben](mention:ben.okafor)',
      ]);
    } finally {
      await s?.close();
      example.kill();
      await new Promise<void>((ok) => chat.close(() => ok()));
    }
  });
});
