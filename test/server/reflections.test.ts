/** Reflections: `GET /reflections`, `PUT` and `DELETE /reflections/{id}` (routes/reflections.ts). */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { activity, isProblem, startSignedIn, type TestServer } from './helpers.js';

describe('reflections', () => {
  let s: TestServer;
  let ana: string;
  before(async () => {
    ({ s, ana } = await startSignedIn());
  });
  after(() => s.close());

  it('refuses a save from a stale copy of a reflection (412 with the current one)', async () => {
    const id = randomUUID();
    const a = activity();
    const save = (answer: string, ifMatch?: string) =>
      s.call('PUT', `/api/reflections/${id}`, {
        token: ana,
        body: { activity: a, visibility: 'private', answers: [{ prompt: 'What?', answer }] },
        ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
      });
    const early = await save('Too early', '"1"');
    assert.equal(early.status, 412, 'nothing is stored yet to match');
    assert.equal(early.body.current, undefined);
    const created = await save('First');
    assert.equal(created.status, 201);
    assert.equal(created.body.version, 1);
    assert.equal(created.headers.get('etag'), '"1"');
    const laptop = await save('From the laptop', '"1"');
    assert.equal(laptop.status, 200);
    assert.equal(laptop.body.version, 2);
    const phone = await save('From the phone, stale', '"1"');
    assert.equal(phone.status, 412);
    assert.ok(isProblem(phone));
    assert.equal(phone.body.current.answers[0].answer, 'From the laptop');
    assert.equal(phone.body.current.version, 2);
    const mine = await s.call('GET', `/api/reflections?activity=${encodeURIComponent(a)}`, {
      token: ana,
    });
    assert.equal(mine.body.items[0].answers[0].answer, 'From the laptop');
    assert.equal(mine.body.items[0].version, 2);
  });
});
