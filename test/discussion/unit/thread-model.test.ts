/** The thread model without an element: reading order, merging, deletes. */
import { expect } from '@open-wc/testing';
import type { Post } from '@peerkit/core';
import { ThreadModel } from '../../../packages/discussion/src/model/thread.js';

let n = 0;
function post(id: string, parentId: string | null = null, extra: Partial<Post> = {}): Post {
  return {
    id,
    activity: 'urn:test',
    parentId,
    depth: parentId ? 1 : 0,
    body: `body ${id}`,
    author: { id: 'ana', name: 'Ana' },
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n++)).toISOString(),
    editedAt: null,
    deleted: false,
    hidden: false,
    replyCount: 0,
    version: 1,
    ...extra,
  } as Post;
}
const ids = (m: ThreadModel) => m.list().map((p) => p.id);

describe('thread model (model/thread.ts)', () => {
  it('lists each root followed by its replies, depth first', () => {
    const m = new ThreadModel('oldest');
    m.addPage({
      items: [post('a'), post('a1', 'a'), post('b'), post('a2', 'a')],
      nextCursor: 'c',
      total: 4,
    });
    expect(ids(m)).to.deep.equal(['a', 'a1', 'a2', 'b']);
    expect(m.nextCursor).to.equal('c');
  });

  it('never doubles a post that arrives twice (a page after a live event)', () => {
    const m = new ThreadModel('oldest');
    m.addPage({ items: [post('a')], nextCursor: null, total: 1 });
    expect(m.insert(post('b'))).to.equal(true);
    m.addPage({ items: [post('b')], nextCursor: null, total: 2 });
    expect(ids(m)).to.deep.equal(['a', 'b']);
    expect(m.total).to.equal(2);
  });

  it('puts a new root first when sorted newest first, and counts replies on the parent', () => {
    const m = new ThreadModel('newest');
    m.addPage({ items: [post('a')], nextCursor: null, total: 1 });
    m.insert(post('b'));
    m.insert(post('b1', 'b'));
    expect(ids(m)).to.deep.equal(['b', 'b1', 'a']);
    expect(m.posts.get('b')!.replyCount).to.equal(1);
    expect(m.insert(post('x1', 'missing'))).to.equal(false);
  });

  it('keeps a deleted post with replies as a placeholder, removes one without', () => {
    const m = new ThreadModel('oldest');
    m.addPage({ items: [post('a'), post('a1', 'a'), post('b')], nextCursor: null, total: 3 });
    m.applyDeleted('a', post('a', null, { deleted: true, replyCount: 1, author: null }));
    expect(ids(m)).to.deep.equal(['a', 'a1', 'b']);
    expect(m.posts.get('a')!.deleted).to.equal(true);
    m.applyDeleted('b', null);
    expect(ids(m)).to.deep.equal(['a', 'a1']);
    // The last reply of a deleted post goes, and the placeholder with it.
    m.applyDeleted('a1', null);
    expect(ids(m)).to.deep.equal([]);
  });

  it('counts the posts people can read: a placeholder or a hidden post is not one', () => {
    const m = new ThreadModel('oldest');
    m.addPage({ items: [post('a'), post('a1', 'a'), post('b')], nextCursor: null, total: 3 });
    m.applyDeleted('a', post('a', null, { deleted: true, replyCount: 1, author: null }));
    expect(m.total).to.equal(2);
    m.update(post('b', null, { hidden: true }));
    expect(m.total).to.equal(1);
    m.update(post('b'));
    expect(m.total).to.equal(2);
    m.applyDeleted('a1', null);
    expect(m.total).to.equal(1);
  });

  it('walks a 5,000-deep chain of replies without overflowing the stack', () => {
    const items = [post('r0')];
    for (let i = 1; i < 5000; i++) items.push(post(`r${i}`, `r${i - 1}`));
    const m = new ThreadModel('oldest');
    m.addPage({ items, nextCursor: null, total: items.length });
    expect(m.list().length).to.equal(5000);
  });

  it('keeps the open questions counted as answers are accepted and questions come and go', () => {
    const m = new ThreadModel('oldest');
    const q = (id: string, accepted: boolean) =>
      post(id, null, {
        question: {
          askedAt: '2026-01-01T00:00:00Z',
          firstAnsweredAt: null,
          acceptedAt: null,
          accepted,
        },
      });
    m.addPage({
      items: [q('a', false), post('a1', 'a'), q('b', true)],
      nextCursor: null,
      total: 3,
      open: 1,
    });
    expect(m.open).to.equal(1);
    m.acceptance(post('a1', 'a', { accepted: true }));
    expect(m.posts.get('a')!.question!.accepted).to.equal(true);
    expect(m.open).to.equal(0);
    m.acceptance(post('a1', 'a', { accepted: false }));
    expect(m.open).to.equal(1);
    m.insert(q('c', false));
    expect(m.open).to.equal(2);
    m.applyDeleted('c', null);
    expect(m.open).to.equal(1);
  });
});
