/**
 * How a batch of statements is stored (`POST /api/xapi/statements`, xAPI 1.0.3
 * Communication §2.1.2 and Data §2.2.4): all or nothing when one id is stored with other
 * content, the same statement again kept as first stored, and voiding whichever of the
 * voiding statement and its target arrives first, in one batch or in two.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VOIDED, ref, startLrs, statement, type Lrs } from './xapi-helpers.js';

describe('LRS: storing a batch of statements', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  const get = (id: string, voided = false) =>
    lrs.call('GET', `/statements?${voided ? 'voidedStatementId' : 'statementId'}=${id}`);
  const voiding = (target: string) =>
    statement({ verb: { id: VOIDED, display: { 'en-US': 'voided' } }, object: ref(target) });

  it('a batch with a conflicting id in the middle is refused whole: nothing of it is stored', async () => {
    const first = statement();
    await lrs.post(first);
    const before = [statement(), statement()];
    const afterwards = [statement(), statement()];
    const changed = { ...first, result: { success: true } };
    const r = await lrs.call('POST', '/statements', {
      body: [...before, changed, ...afterwards],
    });
    assert.equal(r.status, 409, r.text);
    assert.match(r.text, new RegExp(first.id));
    for (const s of [...before, ...afterwards]) assert.equal((await get(s.id)).status, 404);
    const kept = await get(first.id);
    assert.equal(kept.body.result, undefined, 'the stored statement is unchanged');
  });

  it('a statement sent again in a batch is kept as first stored, and the batch is stored', async () => {
    const first = statement();
    await lrs.post(first);
    const stored = (await get(first.id)).body.stored;
    const fresh = [statement(), statement()];
    const r = await lrs.call('POST', '/statements', { body: [fresh[0], first, fresh[1]] });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body, [fresh[0]!.id, first.id, fresh[1]!.id]);
    assert.equal((await get(first.id)).body.stored, stored);
    for (const s of fresh) assert.equal((await get(s.id)).status, 200);
  });

  it('a voiding statement stored before its target voids the target when it arrives', async () => {
    const target = statement();
    const v = voiding(target.id);
    await lrs.post(v);
    await lrs.post(target);
    assert.equal((await get(target.id)).status, 404);
    assert.equal((await get(target.id, true)).body.id, target.id);
    assert.equal((await get(v.id)).status, 200);
  });

  it('a voiding statement and its target in one batch void it, in either order', async () => {
    for (const order of ['target first', 'voiding first']) {
      const target = statement();
      const v = voiding(target.id);
      const body = order === 'target first' ? [target, v] : [v, target];
      assert.equal((await lrs.call('POST', '/statements', { body })).status, 200, order);
      assert.equal((await get(target.id)).status, 404, order);
      assert.equal((await get(target.id, true)).body.id, target.id, order);
    }
  });

  it('a voiding statement sent again voids nothing more, and a voiding statement is never voided', async () => {
    const target = statement();
    const v = voiding(target.id);
    await lrs.post(target, v);
    const again = await lrs.call('POST', '/statements', { body: [v, statement()] });
    assert.equal(again.status, 200, again.text);
    const vv = voiding(v.id);
    await lrs.post(vv);
    assert.equal((await get(v.id)).status, 200, 'voiding a voiding statement has no effect');
    assert.equal((await get(v.id, true)).status, 404);
  });
});
