/** `treeOrder`: the order a page of a thread is drawn in (pure, no server). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { treeOrder } from '../../packages/server/src/thread-order.js';

const row = (id: string, parent: string | null = null) => ({ id, parent_id: parent });
const ids = (rows: ReturnType<typeof row>[]) => treeOrder(rows).map((e) => e.row.id);

describe('thread order', () => {
  it('draws each root followed by its replies depth first, siblings in the order read', () => {
    const rows = [
      row('a'),
      row('b'),
      row('a1', 'a'),
      row('b1', 'b'),
      row('a2', 'a'),
      row('a1x', 'a1'),
    ];
    assert.deepEqual(ids(rows), ['a', 'a1', 'a1x', 'a2', 'b', 'b1']);
  });

  it('counts the direct replies of each post', () => {
    const out = treeOrder([row('a'), row('a1', 'a'), row('a2', 'a'), row('a1x', 'a1')]);
    assert.deepEqual(
      out.map((e) => [e.row.id, e.replies]),
      [
        ['a', 2],
        ['a1', 1],
        ['a1x', 0],
        ['a2', 0],
      ],
    );
  });

  it('keeps the roots in the order given (newest or top first too)', () => {
    assert.deepEqual(ids([row('z'), row('m'), row('a')]), ['z', 'm', 'a']);
  });

  it('leaves out posts whose parent is not on the page', () => {
    assert.deepEqual(ids([row('a'), row('x1', 'elsewhere')]), ['a']);
  });

  it('orders a reply chain 20,000 deep without overflowing the stack', () => {
    const rows = [
      row('p0'),
      ...Array.from({ length: 20_000 }, (_, i) => row(`p${i + 1}`, `p${i}`)),
    ];
    const out = ids(rows);
    assert.equal(out.length, 20_001);
    assert.equal(out.at(-1), 'p20000');
  });
});
