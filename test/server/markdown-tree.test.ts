/**
 * `markdownToTree` (`@peerkit/core/markdown`): the tree the server sends as `Post.bodyTree`
 * and the widget renders. Pure: no server, no element. Every tree is also checked with the
 * contract's `PostBodyTree` schema, as the client checks it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MARKDOWN_DEPTH_MAX,
  MARKDOWN_NODES_MAX,
  PostBodyTree,
  type MarkdownNode,
} from '@peerkit/core/contract';
import { markdownToTree, safeHref } from '@peerkit/core/markdown';

const tree = (source: string): MarkdownNode[] => {
  const nodes = markdownToTree(source);
  const checked = PostBodyTree.safeParse(JSON.parse(JSON.stringify(nodes)));
  assert.ok(
    checked.success,
    `the tree of ${JSON.stringify(source.slice(0, 40))} fits the contract`,
  );
  return nodes;
};
const text = (t: string): MarkdownNode => ({ type: 'text', text: t });
const para = (...children: MarkdownNode[]): MarkdownNode => ({ type: 'paragraph', children });

/** Every string a tree would show, in order. */
const shown = (nodes: MarkdownNode[]): string =>
  nodes
    .map((n) =>
      'text' in n
        ? n.text
        : 'children' in n
          ? shown(n.children)
          : n.type === 'table'
            ? [...n.head, ...n.rows.flat()].map(shown).join(' ')
            : '',
    )
    .join('');

const depthOf = (nodes: MarkdownNode[]): number =>
  nodes.reduce((d, n) => {
    const inner =
      'children' in n
        ? depthOf(n.children)
        : n.type === 'table'
          ? Math.max(0, ...[...n.head, ...n.rows.flat()].map(depthOf))
          : 0;
    return Math.max(d, 1 + inner);
  }, 0);

describe('markdown tree', () => {
  it('reads emphasis, code, quotes, lists and links as the nodes a reader sees', () => {
    assert.deepEqual(tree('Hello **bold** and *em* and ~~gone~~ and `x < y`'), [
      para(
        text('Hello '),
        { type: 'strong', children: [text('bold')] },
        text(' and '),
        { type: 'em', children: [text('em')] },
        text(' and '),
        { type: 'del', children: [text('gone')] },
        text(' and '),
        { type: 'codespan', text: 'x < y' },
      ),
    ]);
    assert.deepEqual(tree('> quoted\n\n---\n\n```\n<b>code</b>\n```'), [
      { type: 'blockquote', children: [para(text('quoted'))] },
      { type: 'hr' },
      { type: 'code', text: '<b>code</b>' },
    ]);
    assert.deepEqual(tree('3. three\n4. four'), [
      {
        type: 'list',
        ordered: true,
        start: 3,
        children: [
          { type: 'item', children: [text('three')] },
          { type: 'item', children: [text('four')] },
        ],
      },
    ]);
    assert.deepEqual(tree('- a\n- b'), [
      {
        type: 'list',
        ordered: false,
        children: [
          { type: 'item', children: [text('a')] },
          { type: 'item', children: [text('b')] },
        ],
      },
    ]);
    assert.deepEqual(tree('## Title'), [{ type: 'heading', level: 2, children: [text('Title')] }]);
  });

  it('keeps single line breaks and decodes character references to the text shown', () => {
    assert.deepEqual(tree('one\ntwo &amp; &lt;three&gt;'), [
      para(text('one'), { type: 'br' }, text('two & <three>')),
    ]);
  });

  it('keeps safe links with their title and drops any other destination to its label', () => {
    assert.deepEqual(tree('[site](https://example.com/a "The title")'), [
      para({
        type: 'link',
        href: 'https://example.com/a',
        title: 'The title',
        children: [text('site')],
      }),
    ]);
    assert.deepEqual(tree('<https://example.com>'), [
      para({ type: 'link', href: 'https://example.com/', children: [text('https://example.com')] }),
    ]);
    for (const [source, label] of [
      ['[click me](javascript:alert(1))', 'click me'],
      ['[click](JaVaScRiPt:alert(1))', 'click'],
      ['[data](data:text/html;base64,PHNjcmlwdD4=)', 'data'],
      ['[entity](&#106;avascript:alert(1))', 'entity'],
      ['[rel](/relative/path)', 'rel'],
      ['[**bold** label](vbscript:x)', 'bold label'],
    ] as const) {
      const nodes = tree(source);
      assert.equal(shown(nodes), label, source);
      assert.ok(!JSON.stringify(nodes).includes('"link"'), `${source} carries no link`);
    }
    assert.equal(safeHref(' https://example.com '), 'https://example.com/');
    assert.equal(safeHref('java\tscript:alert(1)'), null);
  });

  it('shows raw HTML as the text typed and never loads an image', () => {
    assert.deepEqual(tree('<script>alert(1)</script>'), [para(text('<script>alert(1)</script>'))]);
    assert.deepEqual(tree('a <img src=x onerror=alert(1)> b'), [
      para(text('a <img src=x onerror=alert(1)> b')),
    ]);
    assert.deepEqual(tree('![a cat](https://example.com/cat.png)'), [
      para({ type: 'link', href: 'https://example.com/cat.png', children: [text('a cat')] }),
    ]);
    assert.deepEqual(tree('![pixel](javascript:x)'), [para(text('pixel'))]);
  });

  it('reads tables and task lists', () => {
    const [table] = tree('| a | b |\n| - | - |\n| 1 | **2** |');
    assert.deepEqual(table, {
      type: 'table',
      head: [[text('a')], [text('b')]],
      rows: [[[text('1')], [{ type: 'strong', children: [text('2')] }]]],
    });
    assert.equal(shown(tree('- [x] done\n- [ ] todo')), '☑ done☐ todo');
  });

  it('keeps any Unicode exactly, right-to-left and emoji included', () => {
    const body = 'שלום לכולם 😀 مرحبا';
    assert.deepEqual(tree(body), [para(text(body))]);
  });

  it(`keeps nesting deeper than ${MARKDOWN_DEPTH_MAX} levels as the text typed`, () => {
    const deep = `${'>'.repeat(500)} deep`;
    const nodes = tree(deep);
    assert.ok(depthOf(nodes) <= MARKDOWN_DEPTH_MAX, `depth ${depthOf(nodes)}`);
    assert.ok(shown(nodes).includes('deep'));
    const lists = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const listNodes = tree(lists);
    assert.ok(depthOf(listNodes) <= MARKDOWN_DEPTH_MAX, `depth ${depthOf(listNodes)}`);
    assert.ok(shown(listNodes).includes('level 59'));
  });

  it('sends a body that would need too many nodes as one paragraph of its text', () => {
    const body = '*a* '.repeat(2_500) + '|'.repeat(100);
    const nodes = tree(body);
    assert.ok(nodes.length > 0);
    const cells =
      `| ${'x |'.repeat(120)}\n|${'-|'.repeat(120)}\n` + `| ${'1 |'.repeat(120)}\n`.repeat(250);
    const big = tree(cells);
    assert.deepEqual(big, [para(text(cells))], 'over the node budget: the text as typed');
  });

  it('refuses a tree past its bounds and a link with an unsafe destination', () => {
    let deep: MarkdownNode[] = [text('x')];
    for (let i = 0; i < MARKDOWN_DEPTH_MAX + 1; i++)
      deep = [{ type: 'blockquote', children: deep }];
    assert.equal(PostBodyTree.safeParse(deep).success, false);
    const wide = Array.from({ length: MARKDOWN_NODES_MAX + 1 }, () => ({ type: 'hr' }));
    assert.equal(PostBodyTree.safeParse(wide).success, false);
    const unsafe = [para({ type: 'link', href: 'javascript:alert(1)', children: [] })];
    assert.equal(PostBodyTree.safeParse(unsafe).success, false);
    assert.equal(PostBodyTree.safeParse([{ type: 'script', text: 'x' }]).success, false);
  });
});
