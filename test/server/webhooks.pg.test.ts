/**
 * Webhooks with several instances on one PostgreSQL: every instance's sender wakes on every
 * event (LISTEN/NOTIFY) and claims with `FOR UPDATE SKIP LOCKED`, yet the receiver gets each
 * event exactly once. PostgreSQL only (`*.pg.test.ts`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mentionMarkdown } from '@peerkit/core/markdown';
import { ANA, BEN, activity, startTwoInstances, type TestServer } from './helpers.js';
import { receiver, SECRET } from './webhook-receiver.js';

describe('webhooks from several instances on one PostgreSQL', () => {
  let hook: Awaited<ReturnType<typeof receiver>>;
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    hook = await receiver();
    ({ a, b } = await startTwoInstances({
      webhookUrl: hook.url,
      webhookSecret: SECRET,
      webhookRetryMs: 50,
    }));
  });
  after(async () => {
    await b.close();
    await a.close();
    await hook.close();
  });

  it('delivers each of 40 events once, whichever instance wrote or sent it', async () => {
    const tokens = [await a.token(ANA), await b.token(ANA)];
    const act = activity();
    const body = `Ping ${mentionMarkdown({ id: BEN, name: 'Ben' })}`;
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const server = i % 2 ? b : a;
        const r = await server.call('POST', '/api/posts', {
          token: tokens[i % 2]!,
          body: { activity: act, body: `${body} #${i}` },
        });
        assert.equal(r.status, 201, r.text);
      }),
    );
    await hook.until(40);
    assert.equal(hook.accepted.length, 40);
    assert.equal(new Set(hook.accepted.map((e) => e.id)).size, 40);
    assert.ok(
      [...hook.attempts.values()].every((n) => n === 1),
      'no event sent twice',
    );
  });
});
