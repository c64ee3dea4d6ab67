/**
 * Threads: writing, who may change what, deleted placeholders, the moderators' queue,
 * paging 300 posts without gaps or repeats while posts are added, idempotency keys and the
 * write rate limit.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PostPage } from '@peerkit/core/contract';
import { markdownToTree } from '@peerkit/core/markdown';
import {
  ANA,
  BEN,
  activity,
  isProblem,
  startServer,
  startSignedIn,
  threadCalls,
  type TestServer,
} from './helpers.js';

const q = encodeURIComponent;

describe('posts', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn());
  });
  after(() => s.close());

  const { post, page } = threadCalls(() => s);

  it('creates posts and replies and answers them as a tree, each root followed by its replies', async () => {
    const a = activity();
    const root1 = await post(ana, a, 'First question');
    const root2 = await post(ben, a, 'Second question');
    const reply = await post(ben, a, 'An answer', root1.id);
    const nested = await post(ana, a, 'Thanks!', reply.id);
    assert.equal(reply.depth, 1);
    assert.equal(nested.depth, 2);
    assert.equal(nested.parentId, reply.id);
    const p = await page(a);
    assert.deepEqual(
      p.items.map((i) => i.id),
      [root1.id, reply.id, nested.id, root2.id],
    );
    assert.equal(p.total, 4);
    assert.equal(p.items[0]!.replyCount, 1);
    assert.equal(p.items[0]!.author?.name, 'Ana Ruiz');
    const newest = await page(a, '&sort=newest');
    assert.deepEqual(
      newest.items.map((i) => i.id),
      [root2.id, root1.id, reply.id, nested.id],
    );
  });

  it('refuses a reply to a post of another activity, or to a post that does not exist', async () => {
    const a = activity();
    const root = await post(ana, a, 'Root');
    const other = await s.call('POST', '/api/posts', {
      token: ben,
      body: { activity: activity(), body: 'x', parentId: root.id },
    });
    assert.equal(other.status, 400);
    const missing = await s.call('POST', '/api/posts', {
      token: ben,
      body: { activity: a, body: 'x', parentId: randomUUID() },
    });
    assert.equal(missing.status, 404);
    const blank = await s.call('POST', '/api/posts', {
      token: ben,
      body: { activity: a, body: '   ' },
    });
    assert.equal(blank.status, 400);
  });

  it('lets only the author or a moderator edit or delete a post', async () => {
    const a = activity();
    const mine = await post(ana, a, 'Original');
    const byBen = await s.call('PATCH', `/api/posts/${mine.id}`, {
      token: ben,
      body: { body: 'Hijacked' },
    });
    assert.equal(byBen.status, 403);
    assert.ok(isProblem(byBen));
    const delByBen = await s.call('DELETE', `/api/posts/${mine.id}`, { token: ben });
    assert.equal(delByBen.status, 403);
    const edited = await s.call('PATCH', `/api/posts/${mine.id}`, {
      token: ana,
      body: { body: 'Edited' },
    });
    assert.equal(edited.status, 200);
    assert.equal(edited.body.body, 'Edited');
    assert.ok(edited.body.editedAt);
    const byMod = await s.call('PATCH', `/api/posts/${mine.id}`, {
      token: chloe,
      body: { body: 'Tidied by a moderator' },
    });
    assert.equal(byMod.status, 200);
    const delByMod = await s.call('DELETE', `/api/posts/${mine.id}`, { token: chloe });
    assert.equal(delByMod.status, 204);
    assert.equal((await page(a)).items.length, 0);
    const gone = await s.call('PATCH', `/api/posts/${mine.id}`, {
      token: ana,
      body: { body: 'x' },
    });
    assert.equal(gone.status, 404);
  });

  it('keeps a deleted post with replies as a placeholder, and drops it when its last reply goes', async () => {
    const a = activity();
    const root = await post(ana, a, 'Question');
    const reply = await post(ben, a, 'Answer', root.id);
    const del = await s.call('DELETE', `/api/posts/${root.id}`, { token: ana });
    assert.equal(del.status, 200);
    assert.equal(del.body.deleted, true);
    assert.equal(del.body.author, null);
    assert.equal(del.body.body, '');
    let p = await page(a);
    assert.deepEqual(
      p.items.map((i) => [i.id, i.deleted]),
      [
        [root.id, true],
        [reply.id, false],
      ],
    );
    assert.equal(
      p.total,
      1,
      'the placeholder is not counted (docs/decisions.md §3, issue 15 item 7)',
    );
    const replyToDeleted = await s.call('POST', '/api/posts', {
      token: ben,
      body: { activity: a, body: 'x', parentId: root.id },
    });
    assert.equal(replyToDeleted.status, 409);
    assert.equal((await s.call('DELETE', `/api/posts/${reply.id}`, { token: ben })).status, 204);
    p = await page(a);
    assert.equal(p.items.length, 0);
    assert.equal(p.total, 0);
  });

  it('answers "the post was deleted" to every write about a deleted post, placeholder or gone', async () => {
    const a = activity();
    const deletedMessage = (r: { status: number; body: { detail?: string } }, status: number) => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.match(r.body.detail ?? '', /was deleted/);
    };
    // L: Ben's post without replies, deleted outright.
    const gone = await post(ben, a, 'Gone soon');
    const report = await s.call('POST', `/api/posts/${gone.id}/reports`, {
      token: ana,
      body: { reason: 'spam' },
    });
    assert.equal((await s.call('DELETE', `/api/posts/${gone.id}`, { token: ben })).status, 204);
    // M: Ana's post with Ben's reply, deleted: a placeholder stays.
    const kept = await post(ana, a, 'Question');
    await post(ben, a, 'Answer', kept.id);
    assert.equal((await s.call('DELETE', `/api/posts/${kept.id}`, { token: ana })).status, 200);
    for (const [target, status] of [
      [gone, 404],
      [kept, 409],
    ] as const) {
      const kudos = (token: string) =>
        s.call('POST', '/api/kudos', {
          token,
          body: { activity: `urn:peerkit:post:${target.id}` },
        });
      deletedMessage(await kudos(ana), status);
      deletedMessage(await kudos(ben), status);
      deletedMessage(
        await s.call('POST', `/api/posts/${target.id}/reports`, {
          token: chloe,
          body: { reason: 'spam' },
        }),
        status,
      );
      const author = target === gone ? ben : ana;
      deletedMessage(
        await s.call('PATCH', `/api/posts/${target.id}`, { token: author, body: { body: 'x' } }),
        status,
      );
      deletedMessage(await s.call('DELETE', `/api/posts/${target.id}`, { token: author }), status);
      deletedMessage(
        await s.call('POST', '/api/posts', {
          token: chloe,
          body: { activity: a, body: 'late reply', parentId: target.id },
        }),
        status,
      );
      const counts = await s.call(
        'GET',
        `/api/kudos?activity=${q(`urn:peerkit:post:${target.id}`)}`,
        { token: ana },
      );
      assert.equal(counts.body.items[0].count, 0, 'no kudos were stored');
    }
    const resolve = await s.call('POST', `/api/reports/${report.body.id}/resolve`, {
      token: chloe,
      body: { action: 'keep' },
    });
    deletedMessage(resolve, 404);
    const queue = await s.call('GET', `/api/reports?activity=${q(a)}&status=open`, {
      token: chloe,
    });
    assert.equal(queue.body.total, 0, 'deleting the post resolved its open report');
  });

  it('counts in total the posts a reader can read: no placeholders, hidden ones for moderators only', async () => {
    const a = activity();
    const first = await post(ana, a, 'First');
    await post(ben, a, 'Reply to first', first.id);
    const second = await post(ana, a, 'Second');
    await post(ben, a, 'Reply to second', second.id);
    const rude = await post(ben, a, 'Rude');
    assert.equal((await page(a)).total, 5);
    await s.call('DELETE', `/api/posts/${first.id}`, { token: ana });
    await s.call('DELETE', `/api/posts/${second.id}`, { token: ana });
    const report = await s.call('POST', `/api/posts/${rude.id}/reports`, {
      token: ana,
      body: { reason: 'harassment', note: 'rude' },
    });
    await s.call('POST', `/api/reports/${report.body.id}/resolve`, {
      token: chloe,
      body: { action: 'hide' },
    });
    const asMember = await page(a, '', ana);
    assert.equal(asMember.items.length, 5, 'placeholders and the hidden post are still drawn');
    assert.equal(asMember.total, 2, 'two replies are readable');
    assert.equal((await page(a)).total, 2, 'the same for an anonymous reader');
    assert.equal((await page(a, '', chloe)).total, 3, 'a moderator reads the hidden post too');
  });

  it("refuses a stale editor's save with 412 and the current post, and says each version", async () => {
    const a = activity();
    const created = await s.call('POST', '/api/posts', {
      token: ben,
      body: { activity: a, body: 'First text' },
    });
    assert.equal(created.body.version, 1);
    assert.equal(created.headers.get('etag'), '"1"');
    const edit = (body: string, ifMatch?: string) =>
      s.call('PATCH', `/api/posts/${created.body.id}`, {
        token: ben,
        body: { body },
        ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
      });
    const firstTab = await edit('Second text', '"1"');
    assert.equal(firstTab.status, 200);
    assert.equal(firstTab.body.version, 2);
    assert.equal(firstTab.headers.get('etag'), '"2"');
    const secondTab = await edit('Stale text', '"1"');
    assert.equal(secondTab.status, 412);
    assert.ok(isProblem(secondTab));
    assert.equal(secondTab.body.current.body, 'Second text');
    assert.equal(secondTab.body.current.version, 2);
    assert.equal(secondTab.headers.get('etag'), '"2"');
    assert.equal((await page(a)).items[0]!.body, 'Second text', 'the newer edit is kept');
    assert.equal((await edit('Weak tags never match', 'W/"2"')).status, 412);
    assert.equal((await edit('Not a tag', '2')).status, 400);
    assert.equal((await edit('Any version', '*')).status, 200);
    const unconditional = await edit('Older clients send no If-Match');
    assert.equal(unconditional.status, 200);
    assert.equal(unconditional.body.version, 4);
    // A moderator hiding the post changes it too.
    const report = await s.call('POST', `/api/posts/${created.body.id}/reports`, {
      token: ana,
      body: { reason: 'spam' },
    });
    await s.call('POST', `/api/reports/${report.body.id}/resolve`, {
      token: chloe,
      body: { action: 'hide' },
    });
    const afterHide = await edit('Edited after the hide', '"4"');
    assert.equal(afterHide.status, 412);
    assert.equal(afterHide.body.current.hidden, true);
    assert.equal(afterHide.body.current.version, 5);
  });

  it('of saves sent at once from the same version, keeps exactly one and refuses the rest with 412', async () => {
    // Two tabs (or a double click) saving together: on PostgreSQL's pool the requests run
    // side by side, and a version checked before the write must still hold at the write.
    const a = activity();
    const created = await s.call('POST', '/api/posts', {
      token: ben,
      body: { activity: a, body: 'Start' },
    });
    const saves = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        s.call('PATCH', `/api/posts/${created.body.id}`, {
          token: ben,
          body: { body: `Tab ${n}` },
          headers: { 'if-match': '"1"' },
        }),
      ),
    );
    const statuses = saves.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 412, 412, 412, 412, 412]);
    const kept = saves.find((r) => r.status === 200)!.body.body;
    const stored = (await page(a)).items[0]!;
    assert.equal(stored.body, kept, 'the one save answered 200 is the text stored');
    assert.equal(stored.version, 2);
    // The same for a profile: one change from version v, however many are sent.
    const { body: profile } = await s.call('GET', '/api/me/profile', { token: ben });
    const changes = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        s.call('PATCH', '/api/me/profile', {
          token: ben,
          body: { askMeAbout: [`Topic ${n}`] },
          headers: { 'if-match': `"${profile.version}"` },
        }),
      ),
    );
    assert.deepEqual(changes.map((r) => r.status).sort(), [200, 412, 412, 412]);
  });

  it('sends each post already parsed as bodyTree, with nothing of a concealed body', async () => {
    const a = activity();
    const body =
      'Use **window functions** and [the docs](https://www.postgresql.org/docs/)\n<b>raw</b>';
    const shown = await post(ana, a, body);
    const hiddenPost = await post(ben, a, 'Something *rude*');
    const report = await s.call('POST', `/api/posts/${hiddenPost.id}/reports`, {
      token: ana,
      body: { reason: 'harassment', note: 'rude' },
    });
    await s.call('POST', `/api/reports/${report.body.id}/resolve`, {
      token: chloe,
      body: { action: 'hide' },
    });
    const asMember = await page(a, '', ana);
    assert.ok(PostPage.safeParse(asMember).success, 'the page fits the contract, trees too');
    assert.deepEqual(asMember.items[0]!.bodyTree, markdownToTree(body));
    assert.deepEqual(asMember.items[0]!.bodyTree, [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Use ' },
          { type: 'strong', children: [{ type: 'text', text: 'window functions' }] },
          { type: 'text', text: ' and ' },
          {
            type: 'link',
            href: 'https://www.postgresql.org/docs/',
            children: [{ type: 'text', text: 'the docs' }],
          },
          { type: 'br' },
          { type: 'text', text: '<b>raw</b>' },
        ],
      },
    ]);
    assert.deepEqual(asMember.items[1]!.bodyTree, [], 'a hidden body has no tree for members');
    const asMod = await page(a, '', chloe);
    assert.deepEqual(asMod.items[1]!.bodyTree, markdownToTree('Something *rude*'));
    assert.deepEqual(shown.bodyTree, markdownToTree(body), 'the created post carries it too');
  });

  it('pages 300 posts without gaps or repeats while posts are added, for every sort', async () => {
    const a = activity('paging');
    const original: string[] = [];
    for (let i = 0; i < 300; i++) {
      const p = await post(i % 2 ? ana : ben, a, `Post ${i}`);
      original.push(p.id);
      if (i % 10 === 0) await post(ana, a, `Reply to ${i}`, p.id);
    }
    // Give some posts kudos so "top" has ties and distinct values.
    for (let i = 0; i < 300; i += 7) {
      const r = await s.call('POST', '/api/kudos', {
        token: chloe,
        body: { activity: `urn:peerkit:post:${original[i]}` },
      });
      assert.equal(r.status, 201);
    }
    for (const sort of ['oldest', 'newest', 'top']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const p: PostPage = await page(
          a,
          `&sort=${sort}&limit=13${cursor ? `&cursor=${q(cursor)}` : ''}`,
        );
        const roots = p.items.filter((i) => i.parentId === null);
        assert.ok(roots.length <= 13);
        seen.push(...roots.map((r) => r.id));
        cursor = p.nextCursor;
        // Someone writes while we page.
        await post(ben, a, `Added during ${sort} page ${pages}`);
        pages++;
      } while (cursor);
      assert.equal(new Set(seen).size, seen.length, `no repeats (${sort})`);
      for (const id of original) assert.ok(seen.includes(id), `no gaps (${sort})`);
      if (sort === 'oldest') {
        assert.deepEqual(seen.slice(0, 300), original, 'oldest first');
      }
    }
    const bad = await s.call('GET', `/api/posts?activity=${q(a)}&cursor=garbage`);
    assert.equal(bad.status, 400);
    const first = await page(a, '&sort=newest&limit=5');
    const wrongSort = await s.call(
      'GET',
      `/api/posts?activity=${q(a)}&sort=oldest&cursor=${q(first.nextCursor!)}`,
    );
    assert.equal(wrongSort.status, 400);
  });

  it('replays the first answer for a repeated Idempotency-Key and refuses its reuse for another request', async () => {
    const a = activity();
    const key = randomUUID();
    const postWithKey = (token: string, body: string) =>
      s.call('POST', '/api/posts', {
        token,
        body: { activity: a, body },
        headers: { 'idempotency-key': key },
      });
    const first = await postWithKey(ana, 'Only once');
    assert.equal(first.status, 201);
    const again = await postWithKey(ana, 'Only once');
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((await page(a)).total, 1, 'no double post');
    const reused = await postWithKey(ana, 'Something else');
    assert.equal(reused.status, 422);
    const otherPerson = await postWithKey(ben, 'Only once');
    assert.equal(otherPerson.status, 201, "keys are per person: Ben's write is his own");
    assert.notEqual(otherPerson.body.id, first.body.id);
    // Concurrent retries of one write still make one post.
    const key2 = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        s.call('POST', '/api/posts', {
          token: ana,
          body: { activity: a, body: 'Racing' },
          headers: { 'idempotency-key': key2 },
        }),
      ),
    );
    for (const r of results) assert.ok(r.status === 201 || r.status === 409, `status ${r.status}`);
    const racing = (await page(a)).items.filter((i) => i.body === 'Racing');
    assert.equal(racing.length, 1);
    const deleteKey = randomUUID();
    const target = await post(ana, a, 'to delete');
    const d1 = await s.call('DELETE', `/api/posts/${target.id}`, {
      token: ana,
      headers: { 'idempotency-key': deleteKey },
    });
    const d2 = await s.call('DELETE', `/api/posts/${target.id}`, {
      token: ana,
      headers: { 'idempotency-key': deleteKey },
    });
    assert.equal(d1.status, 204);
    assert.equal(d2.status, 204, 'a retried delete answers like the first, not 404');
  });
});

describe('write rate limit', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({ rateLimit: 3 });
  });
  after(() => s.close());

  it('answers 429 with Retry-After past the limit, per person', async () => {
    const ana = await s.token(ANA);
    const ben = await s.token(BEN);
    const a = activity();
    let limited;
    for (let i = 0; i < 5; i++) {
      const r = await s.call('POST', '/api/posts', {
        token: ana,
        body: { activity: a, body: `n${i}` },
      });
      if (r.status === 429) limited = r;
    }
    if (!limited) {
      // The five writes straddled a minute boundary (3 + 2): four more fall in one window.
      for (let i = 0; i < 4 && !limited; i++) {
        const r = await s.call('POST', '/api/posts', {
          token: ana,
          body: { activity: a, body: `m${i}` },
        });
        if (r.status === 429) limited = r;
      }
    }
    assert.ok(limited, 'a write past the limit is refused');
    assert.ok(isProblem(limited));
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    const other = await s.call('POST', '/api/posts', {
      token: ben,
      body: { activity: a, body: 'mine' },
    });
    assert.equal(other.status, 201, 'the limit is per person');
    const read = await s.call('GET', `/api/posts?activity=${q(a)}`, { token: ana });
    assert.equal(read.status, 200, 'reads are not limited');
  });
});
