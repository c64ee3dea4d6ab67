/**
 * Mentions (docs/decisions.md §10): a `[@Name](mention:<id>)` link becomes a `mention` node of
 * the parsed tree; the server keeps whom a post mentions and answers them with their current
 * names in `Post.mentions`; mentions survive edits and go with a deleted or hidden body.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { Post, POST_MENTIONS_MAX, PostBodyTree } from '@peerkit/core/contract';
import { markdownToTree, mentionMarkdown } from '@peerkit/core/markdown';
import { ANA, BEN, activity, startSignedIn, threadCalls, type TestServer } from './helpers.js';

describe('mention nodes (markdownToTree)', () => {
  it('turns a mention: link into a mention node with its label as text', () => {
    const tree = markdownToTree('Ask [@Ana **Ruiz**](mention:ana.ruiz) or [Ben](mention:ben%20o)');
    assert.deepEqual(tree, [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Ask ' },
          { type: 'mention', id: 'ana.ruiz', text: '@Ana Ruiz' },
          { type: 'text', text: ' or ' },
          { type: 'mention', id: 'ben o', text: 'Ben' },
        ],
      },
    ]);
    assert.ok(PostBodyTree.safeParse(tree).success, 'the contract accepts mention nodes');
  });

  it('writes a mention the parser reads back, whatever the name and id hold', () => {
    const person = { id: 'x (y) [z]', name: 'Ana [the] \\ Ruiz' };
    const md = mentionMarkdown(person);
    assert.deepEqual(markdownToTree(`Hi ${md}!`)[0], {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Hi ' },
        { type: 'mention', id: person.id, text: '@Ana [the] \\ Ruiz' },
        { type: 'text', text: '!' },
      ],
    });
  });

  it('keeps an empty or control-character id as the link text, and never a link', () => {
    assert.deepEqual(markdownToTree('[@x](mention:%00)'), [
      { type: 'paragraph', children: [{ type: 'text', text: '@x' }] },
    ]);
  });
});

describe('mentions on the server', () => {
  const secret = 'test-secret-for-hs256-at-least-32-bytes!';
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn({ jwtSecret: secret }));
  });
  after(() => s.close());
  const { post, page } = threadCalls(() => s);

  it('answers the people a post mentions, known people only, each once, in order', async () => {
    const a = activity();
    const body = `${mentionMarkdown({ id: BEN, name: 'Ben' })} and [@Ghost](mention:nobody.here), cc ${mentionMarkdown({ id: ANA, name: 'Ana' })} ${mentionMarkdown({ id: BEN, name: 'Ben again' })}`;
    const p = await post(chloe, a, body);
    assert.ok(Post.safeParse(p).success);
    assert.deepEqual(
      p.mentions.map((m: { id: string; name: string }) => [m.id, m.name]),
      [
        [BEN, 'Ben Okafor'],
        [ANA, 'Ana Ruiz'],
      ],
    );
    assert.equal(p.body, body, 'the body keeps every link as written');
    const read = await page(a);
    assert.deepEqual(read.items[0]!.mentions, p.mentions);
  });

  it('shows the current name after a person is renamed', async () => {
    const a = activity();
    const p = await post(ana, a, `Thanks ${mentionMarkdown({ id: BEN, name: 'Ben' })}`);
    assert.equal(p.mentions[0].name, 'Ben Okafor');
    const renamed = await new SignJWT({ name: 'Benjamin Okafor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(BEN)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await post(renamed, activity(), 'A write refreshes my name');
    const read = await page(a);
    assert.equal(read.items[0]!.mentions![0]!.name, 'Benjamin Okafor');
    // put the name back for the other tests
    await post(ben, activity(), 'Ben again');
  });

  it('keeps mentions through an edit that keeps them, and drops those an edit removes', async () => {
    const a = activity();
    const p = await post(ana, a, `Hi ${mentionMarkdown({ id: BEN, name: 'Ben' })}`);
    const kept = await s.call('PATCH', `/api/posts/${p.id}`, {
      token: ana,
      body: { body: `Hello again ${mentionMarkdown({ id: BEN, name: 'Ben' })}, clearer now` },
    });
    assert.equal(kept.status, 200);
    assert.deepEqual(
      kept.body.mentions.map((m: { id: string }) => m.id),
      [BEN],
    );
    const tagsOnly = await s.call('PATCH', `/api/posts/${p.id}`, {
      token: ana,
      body: { tags: ['SQL'] },
    });
    assert.deepEqual(
      tagsOnly.body.mentions.map((m: { id: string }) => m.id),
      [BEN],
    );
    const dropped = await s.call('PATCH', `/api/posts/${p.id}`, {
      token: ana,
      body: { body: 'Nobody named' },
    });
    assert.deepEqual(dropped.body.mentions, []);
  });

  it(`refuses a body that mentions more than ${POST_MENTIONS_MAX} people`, async () => {
    const a = activity();
    const many = Array.from({ length: POST_MENTIONS_MAX + 1 }, (_, i) =>
      mentionMarkdown({ id: `p${i}`, name: `P${i}` }),
    ).join(' ');
    const r = await s.call('POST', '/api/posts', { token: ana, body: { activity: a, body: many } });
    assert.equal(r.status, 400);
    assert.equal(r.body.errors[0].path, 'body');
  });

  it('shows no mentions of a deleted post', async () => {
    const a = activity();
    const p = await post(ana, a, `Hi ${mentionMarkdown({ id: BEN, name: 'Ben' })}`);
    await post(ben, a, 'A reply keeps the placeholder', p.id);
    const del = await s.call('DELETE', `/api/posts/${p.id}`, { token: ana });
    assert.equal(del.status, 200);
    assert.deepEqual(del.body.mentions, []);
    assert.deepEqual((await page(a)).items[0]!.mentions, []);
  });
});
