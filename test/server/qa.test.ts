/**
 * Questions and answers (docs/decisions.md §18): the question state the server keeps for every
 * root post, accepting and unaccepting answers (who may, which replies), accepted answers first,
 * the filters and the `unanswered` sort with the open count, highlights, and the accepted
 * answers per person and skill the expert ranking reads.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Post } from '@peerkit/core/contract';
import { acceptedAnswers } from '../../packages/server/src/data/qa.js';
import {
  ANA,
  BEN,
  CHLOE,
  activity,
  startSignedIn,
  threadCalls,
  type TestServer,
} from './helpers.js';

describe('questions and answers', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn());
  });
  after(() => s.close());
  const { post, page } = threadCalls(() => s);
  const accept = (token: string, id: string, on = true) =>
    s.call(on ? 'PUT' : 'DELETE', `/api/posts/${id}/acceptance`, { token });
  const highlight = (token: string, id: string, on = true) =>
    s.call(on ? 'PUT' : 'DELETE', `/api/posts/${id}/highlight`, { token });
  const byId = (p: { items: Post[] }, id: string) => p.items.find((i) => i.id === id)!;

  it('keeps when a question was asked and first answered by someone else, directly', async () => {
    const a = activity();
    const q: Post = await post(ana, a, 'How do I pivot in SQL?');
    assert.deepEqual(q.question, {
      askedAt: q.createdAt,
      firstAnsweredAt: null,
      acceptedAt: null,
      accepted: false,
    });
    const own = await post(ana, a, 'Adding context myself', q.id);
    await post(ben, a, 'A comment on the context, not an answer', own.id);
    assert.equal(byId(await page(a), q.id).question!.firstAnsweredAt, null);
    const answer = await post(ben, a, 'Use crosstab()', q.id);
    const read = byId(await page(a), q.id).question!;
    assert.ok(read.firstAnsweredAt);
    assert.ok(Date.parse(read.firstAnsweredAt) >= Date.parse(q.createdAt));
    assert.ok(Date.parse(read.firstAnsweredAt) <= Date.parse(answer.createdAt) + 1000);
    assert.equal(answer.question, undefined, 'only a root post is a question');
    await post(chloe, a, 'Or a CASE per column', q.id);
    assert.equal(byId(await page(a), q.id).question!.firstAnsweredAt, read.firstAnsweredAt);
  });

  it("lets the question's author or a moderator accept direct replies, several, and unaccept them", async () => {
    const a = activity();
    const q = await post(ana, a, 'Question');
    const first = await post(ben, a, 'First answer', q.id);
    const second = await post(chloe, a, 'Second answer', q.id);
    const nested = await post(ana, a, 'Thanks, but…', first.id);
    assert.equal((await accept(ben, second.id)).status, 403, 'not the asker');
    assert.equal((await accept(ana, nested.id)).status, 409, 'not a direct reply');
    assert.equal((await accept(ana, q.id)).status, 409, 'a question is no answer');
    const ok = await accept(ana, second.id);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.body.accepted, true);
    assert.equal(ok.body.version, second.version, 'acceptance is no change of the post');
    const again = await accept(ana, second.id);
    assert.equal(again.status, 200, 'accepting again changes nothing');
    const acceptedAt = byId(await page(a), q.id).question!.acceptedAt;
    assert.ok(acceptedAt);
    assert.equal((await accept(chloe, first.id)).status, 200, 'a moderator may accept too');
    const read = await page(a);
    assert.deepEqual(
      read.items.map((i) => i.id),
      [q.id, first.id, nested.id, second.id],
      'accepted answers first (oldest first), each with its replies',
    );
    assert.equal(byId(read, q.id).question!.accepted, true);
    assert.equal((await accept(ana, first.id, false)).body.accepted, false);
    assert.deepEqual(
      (await page(a)).items.map((i) => i.id),
      [q.id, second.id, first.id, nested.id],
    );
    assert.equal((await accept(ana, second.id, false)).status, 200);
    const open = byId(await page(a), q.id).question!;
    assert.equal(open.accepted, false, 'open again');
    assert.equal(open.acceptedAt, acceptedAt, 'the first acceptance is kept for reporting');
    assert.equal((await s.call('PUT', `/api/posts/${first.id}/acceptance`)).status, 401);
  });

  it('reopens a question whose only accepted answer is deleted', async () => {
    const a = activity();
    const q = await post(ana, a, 'Question');
    const answer = await post(ben, a, 'Answer', q.id);
    await accept(ana, answer.id);
    assert.equal((await page(a)).open, 0);
    assert.equal((await s.call('DELETE', `/api/posts/${answer.id}`, { token: ben })).status, 204);
    const read = await page(a);
    assert.equal(byId(read, q.id).question!.accepted, false);
    assert.equal(read.open, 1);
  });

  it('filters unanswered, answered and mine, sorts unanswered first, and counts the open questions', async () => {
    const a = activity();
    const q1 = await post(ana, a, 'Q1 by Ana');
    const q2 = await post(ben, a, 'Q2 by Ben');
    const q3 = await post(ana, a, 'Q3 by Ana');
    const q4 = await post(ben, a, 'Q4 by Ben');
    const answer1 = await post(ben, a, 'Answer to Q1', q1.id);
    const answer4 = await post(ana, a, 'Answer to Q4', q4.id);
    await accept(ana, answer1.id);
    await accept(ben, answer4.id);
    const roots = (p: { items: Post[] }) => p.items.filter((i) => !i.parentId).map((i) => i.id);
    const unanswered = await page(a, '&filter=unanswered');
    assert.deepEqual(roots(unanswered), [q2.id, q3.id]);
    assert.equal(unanswered.total, 2);
    assert.equal(unanswered.open, 2);
    const answered = await page(a, '&filter=answered');
    assert.deepEqual(roots(answered), [q1.id, q4.id]);
    assert.equal(answered.total, 4, 'the questions and their answers');
    assert.equal(answered.open, 2, 'open counts the whole thread');
    assert.deepEqual(roots(await page(a, '&filter=mine', ana)), [q1.id, q3.id]);
    assert.deepEqual(roots(await page(a, '&filter=mine', ben)), [q2.id, q4.id]);
    const anonymous = await s.call(
      'GET',
      `/api/posts?activity=${encodeURIComponent(a)}&filter=mine`,
    );
    assert.equal(anonymous.status, 401);
    assert.deepEqual(roots(await page(a, '&sort=unanswered')), [q3.id, q2.id, q4.id, q1.id]);
    // paged one root at a time, across the open/answered boundary, without gaps or repeats
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const p: Awaited<ReturnType<typeof page>> = await page(
        a,
        `&sort=unanswered&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...roots(p));
      cursor = p.nextCursor;
    }
    assert.deepEqual(seen, [q3.id, q2.id, q4.id, q1.id]);
    assert.equal((await page(a)).open, 2);
  });

  it('lets a moderator highlight a post, listed by the highlighted filter', async () => {
    const a = activity();
    const q = await post(ana, a, 'Question');
    const reply = await post(ben, a, 'A great explanation', q.id);
    await post(ben, a, 'Another question');
    assert.equal((await highlight(ana, reply.id)).status, 403);
    const on = await highlight(chloe, reply.id);
    assert.equal(on.status, 200, on.text);
    assert.equal(on.body.highlighted, true);
    const read = await page(a, '&filter=highlighted');
    assert.deepEqual(
      read.items.map((i) => i.id),
      [q.id, reply.id],
    );
    assert.equal(byId(read, reply.id).highlighted, true);
    assert.equal(byId(read, q.id).highlighted, false);
    assert.equal((await highlight(chloe, reply.id, false)).body.highlighted, false);
    assert.equal((await page(a, '&filter=highlighted')).items.length, 0);
  });

  it('counts accepted answers per person and per skill tag of the answer or its question', async () => {
    const a = activity();
    const tagged = async (token: string, body: string, tags: string[], parentId?: string) => {
      const r = await s.call('POST', '/api/posts', {
        token,
        body: { activity: a, body, tags, ...(parentId ? { parentId } : {}) },
      });
      assert.equal(r.status, 201, r.text);
      return r.body as Post;
    };
    const sqlQ = await tagged(ana, 'SQL question', ['sql']);
    const sqlQ2 = await tagged(chloe, 'Another SQL question', ['SQL', 'Python']);
    const plainQ = await post(ana, a, 'Untagged question');
    const a1 = await post(ben, a, 'Answer 1', sqlQ.id);
    const a2 = await tagged(ben, 'Answer 2', ['PostgreSQL'], sqlQ2.id);
    const a3 = await post(ben, a, 'Answer 3', plainQ.id);
    const notAccepted = await post(ben, a, 'Not accepted', sqlQ.id);
    for (const [token, id] of [
      [ana, a1.id],
      [chloe, a2.id],
      [ana, a3.id],
    ] as const)
      assert.equal((await accept(token, id)).status, 200);
    assert.ok(notAccepted.id);
    const rows = await acceptedAnswers(s.db, { personIds: [BEN, ANA], activity: a });
    assert.deepEqual(rows, [
      { personId: BEN, skill: null, count: 3 },
      { personId: BEN, skill: 'SQL', count: 2 },
      { personId: BEN, skill: 'PostgreSQL', count: 1 },
      { personId: BEN, skill: 'Python', count: 1 },
    ]);
    assert.deepEqual(await acceptedAnswers(s.db, { personIds: [BEN], activity: a, skill: 'sql' }), [
      { personId: BEN, skill: null, count: 3 },
      { personId: BEN, skill: 'SQL', count: 2 },
    ]);
    assert.deepEqual(await acceptedAnswers(s.db, { personIds: [CHLOE, ANA], activity: a }), []);
  });
});
