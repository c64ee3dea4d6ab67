/** Markdown rendering without an element: trees drawn into a detached node. */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { MarkdownNode } from '@peerkit/core';
import { markdownToTree } from '@peerkit/core/markdown';
import { renderTree } from '../../../packages/discussion/src/markdown/render-tree.js';

function drawTree(tree: MarkdownNode[]): HTMLElement {
  const div = document.createElement('div');
  render(renderTree(tree), div);
  return div;
}
const draw = (source: string) => drawTree(markdownToTree(source));

describe('Markdown rendering (markdown/render-tree.ts)', () => {
  it('draws emphasis, code, lists and quotes as elements', () => {
    const div = draw('**bold** _it_ `code`\n\n- one\n- two\n\n> quoted');
    expect(div.querySelector('strong')!.textContent).to.equal('bold');
    expect(div.querySelector('em')!.textContent).to.equal('it');
    expect(div.querySelector('code')!.textContent).to.equal('code');
    expect(div.querySelectorAll('ul li').length).to.equal(2);
    expect(div.querySelector('blockquote')!.textContent).to.contain('quoted');
  });

  it('shows raw HTML as the text typed, never as elements', () => {
    const div = draw('<b onclick="x()">hi</b> <script>alert(1)</script>');
    expect(div.querySelector('b, script')).to.equal(null);
    expect(div.textContent).to.contain('<script>alert(1)</script>');
  });

  it('keeps only http, https and mailto links, marked nofollow ugc', () => {
    const div = draw('[ok](https://example.com) [bad](javascript:alert(1))');
    const links = [...div.querySelectorAll('a')];
    expect(links.map((a) => a.href)).to.deep.equal(['https://example.com/']);
    expect(links[0]!.rel).to.equal('nofollow ugc noopener');
    expect(div.textContent).to.contain('bad');
  });

  it('draws a link from an unchecked tree with a bad scheme as its text alone', () => {
    const div = drawTree([
      {
        type: 'paragraph',
        children: [
          { type: 'link', href: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] },
          { type: 'text', text: '<img src=x onerror=alert(1)>' },
        ],
      },
    ]);
    expect(div.querySelector('a, img')).to.equal(null);
    expect(div.textContent).to.equal('x<img src=x onerror=alert(1)>');
  });

  it('draws headings as bold paragraphs, so a post never breaks the page outline', () => {
    const div = draw('# Title');
    expect(div.querySelector('h1')).to.equal(null);
    expect(div.querySelector('p.heading strong')!.textContent).to.equal('Title');
  });

  it('does not load images: a safe image is a link labelled by its alt text', () => {
    const div = draw('![a cat](https://example.com/cat.png)');
    expect(div.querySelector('img')).to.equal(null);
    expect(div.querySelector('a')!.textContent).to.equal('a cat');
  });

  it('draws tables with column headers, and ordered lists with their start', () => {
    const div = draw('| a | b |\n| - | - |\n| 1 | 2 |\n\n3. three\n4. four');
    expect(div.querySelectorAll('th[scope="col"]').length).to.equal(2);
    expect(div.querySelector('ol')!.getAttribute('start')).to.equal('3');
  });
});
