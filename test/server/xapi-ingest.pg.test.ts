/**
 * Concurrent writes of one statement id (xAPI 1.0.3 Communication §2.1.2: a statement id
 * stored with other content is a 409). PostgreSQL only, where two requests store at the
 * same time (PGlite runs one transaction after the other): `scripts/test-server.mjs` runs
 * `*.pg.test.ts` files in its PostgreSQL half alone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startLrs, statement, type Lrs } from './xapi-helpers.js';

describe('LRS on PostgreSQL: concurrent writes of one statement id', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  it('two batches sent at once with one id under different content: one is stored, the other is a 409', async () => {
    for (let round = 0; round < 12; round++) {
      const shared = statement();
      const other = { ...shared, result: { success: true } };
      // Batches of some size, so that the two transactions overlap.
      const a = [...Array.from({ length: 40 }, () => statement()), shared];
      const b = [...Array.from({ length: 40 }, () => statement()), other];
      const answers = await Promise.all([
        lrs.call('POST', '/statements', { body: a }),
        lrs.call('POST', '/statements', { body: b }),
      ]);
      const statuses = answers.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 409], `round ${round}: ${answers.map((r) => r.status)}`);
      const winner = answers[0]!.status === 200 ? a : b;
      const loser = winner === a ? b : a;
      const stored = await lrs.call('GET', `/statements?statementId=${shared.id}`);
      assert.deepEqual(stored.body.result, winner.at(-1)!['result'], `round ${round}`);
      const lost = await lrs.call('GET', `/statements?statementId=${loser[0]!.id}`);
      assert.equal(lost.status, 404, `round ${round}: the refused batch stored nothing`);
    }
  });
});
