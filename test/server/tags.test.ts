/**
 * Skill tags on posts (docs/decisions.md §11): stored with the vocabulary's spelling,
 * compared case-insensitively, limited in number and length, changed by an edit, concealed
 * with the post, and `GET /posts?tag=` narrowing a thread to the questions about a skill.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Post, POST_TAGS_MAX, SKILL_MAX } from '@peerkit/core/contract';
import { activity, startSignedIn, threadCalls, type TestServer } from './helpers.js';

describe('post tags', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn());
  });
  after(() => s.close());

  const { post, page } = threadCalls(() => s);
  const tagged = async (
    token: string,
    a: string,
    body: string,
    tags: string[],
    parentId?: string,
  ) => {
    const r = await s.call('POST', '/api/posts', {
      token,
      body: { activity: a, body, tags, ...(parentId ? { parentId } : {}) },
    });
    assert.equal(r.status, 201, r.text);
    assert.ok(Post.safeParse(r.body).success, 'the post matches the contract');
    return r.body as Post;
  };

  it('stores tags in the order written, with the spelling of GET /skills, duplicates once', async () => {
    const a = activity();
    const p = await tagged(ana, a, 'How do I pivot?', [
      'sql',
      ' data VISUALISATION ',
      'SQL',
      'Excel macros',
    ]);
    assert.deepEqual(p.tags, ['SQL', 'Data visualisation', 'Excel macros']);
    // a name nobody lists keeps the first spelling a post gave it
    const q = await tagged(ben, a, 'Macros again', ['excel MACROS']);
    assert.deepEqual(q.tags, ['Excel macros']);
    const untagged = await post(ben, a, 'No tags');
    assert.deepEqual(untagged.tags, []);
    const read = await page(a);
    assert.deepEqual(
      read.items.map((i) => i.tags),
      [['SQL', 'Data visualisation', 'Excel macros'], ['Excel macros'], []],
    );
  });

  it(`refuses more than ${POST_TAGS_MAX} tags, a tag longer than ${SKILL_MAX} characters, or a blank one`, async () => {
    const a = activity();
    const send = (tags: string[]) =>
      s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: 'x', tags } });
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    assert.equal((await send(six)).status, 400);
    assert.equal((await send(six.slice(0, 5))).status, 201);
    // code points: 100 emoji are 200 UTF-16 units and still fit
    assert.equal((await send(['😀'.repeat(SKILL_MAX)])).status, 201);
    assert.equal((await send(['x'.repeat(SKILL_MAX + 1)])).status, 400);
    assert.equal((await send(['  '])).status, 400);
    const edit = await s.call('PATCH', `/api/posts/${(await post(ana, a, 'y')).id}`, {
      token: ana,
      body: { tags: six },
    });
    assert.equal(edit.status, 400);
  });

  it('changes tags by an edit of the author or a moderator; a tag-only edit is no body edit', async () => {
    const a = activity();
    const p = await tagged(ana, a, 'Question', ['SQL']);
    const retag = await s.call('PATCH', `/api/posts/${p.id}`, {
      token: ana,
      body: { tags: ['python', 'sql'] },
    });
    assert.equal(retag.status, 200, retag.text);
    assert.deepEqual(retag.body.tags, ['Python', 'SQL']);
    assert.equal(retag.body.version, p.version + 1);
    assert.equal(retag.body.editedAt, null, 'the body was not edited');
    assert.equal(retag.body.body, 'Question');
    const byBen = await s.call('PATCH', `/api/posts/${p.id}`, { token: ben, body: { tags: [] } });
    assert.equal(byBen.status, 403);
    const byModerator = await s.call('PATCH', `/api/posts/${p.id}`, {
      token: chloe,
      body: { tags: [] },
    });
    assert.equal(byModerator.status, 200);
    assert.deepEqual(byModerator.body.tags, []);
    const bodyOnly = await s.call('PATCH', `/api/posts/${p.id}`, {
      token: ana,
      body: { body: 'Question, clearer' },
    });
    assert.deepEqual(bodyOnly.body.tags, [], 'an edit without tags keeps them');
    assert.ok(bodyOnly.body.editedAt);
    const nothing = await s.call('PATCH', `/api/posts/${p.id}`, { token: ana, body: {} });
    assert.equal(nothing.status, 400);
  });

  it('filters a thread by tag, case-insensitively: roots whose tree holds a tagged readable post', async () => {
    const a = activity();
    const sqlRoot = await tagged(ana, a, 'SQL question', ['SQL']);
    await post(ben, a, 'An answer', sqlRoot.id);
    const pyRoot = await post(ben, a, 'Python question');
    const pyReply = await tagged(ana, a, 'Use SQL for that', ['sql'], pyRoot.id);
    const other = await tagged(ben, a, 'Kubernetes', ['Kubernetes']);
    const bySql = await page(a, '&tag=sQl');
    assert.deepEqual(
      bySql.items.map((i) => i.id),
      [sqlRoot.id, bySql.items[1]!.id, pyRoot.id, pyReply.id],
    );
    assert.equal(bySql.items[1]!.parentId, sqlRoot.id, 'replies come with their root');
    assert.equal(bySql.total, 4);
    const byK8s = await page(a, '&tag=kubernetes');
    assert.deepEqual(
      byK8s.items.map((i) => i.id),
      [other.id],
    );
    assert.equal((await page(a, '&tag=Rust')).total, 0);
    // paging keeps the filter
    const first = await page(a, '&tag=SQL&limit=1');
    assert.equal(first.items[0]!.id, sqlRoot.id);
    const second = await page(a, `&tag=SQL&limit=1&cursor=${first.nextCursor}`);
    assert.equal(second.items[0]!.id, pyRoot.id);
    assert.equal(second.nextCursor, null);
    // a read cached before a retag is not answered after it
    await s.call('PATCH', `/api/posts/${other.id}`, { token: ben, body: { tags: ['SQL'] } });
    assert.equal((await page(a, '&tag=sql')).items.filter((i) => i.parentId === null).length, 3);
    assert.equal((await page(a, '&tag=kubernetes')).total, 0);
  });

  it('conceals the tags of hidden and deleted posts, and the filter does not find them', async () => {
    const a = activity();
    const p = await tagged(ana, a, 'Hide me', ['Python']);
    const report = await s.call('POST', `/api/posts/${p.id}/reports`, {
      token: ben,
      body: { reason: 'spam' },
    });
    assert.equal(report.status, 201);
    const hide = await s.call('POST', `/api/reports/${report.body.id}/resolve`, {
      token: chloe,
      body: { action: 'hide' },
    });
    assert.equal(hide.status, 200, hide.text);
    const read = await page(a, '', ben);
    assert.deepEqual(read.items[0]!.tags, []);
    assert.equal((await page(a, '&tag=python', ben)).items.length, 0);
    assert.deepEqual((await page(a, '&tag=python', chloe)).items[0]!.tags, ['Python']);
    const q = await tagged(ana, a, 'Delete me', ['Python']);
    await post(ben, a, 'reply keeps a placeholder', q.id);
    assert.equal((await s.call('DELETE', `/api/posts/${q.id}`, { token: ana })).status, 200);
    const after = await page(a, '', ben);
    assert.deepEqual(after.items.find((i) => i.id === q.id)!.tags, []);
    assert.equal((await page(a, '&tag=python', ben)).items.length, 0);
  });
});
