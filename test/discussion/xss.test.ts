import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import {
  $,
  $$,
  acknowledged,
  articles,
  mount,
  postThroughUi,
  rootTextarea,
  type,
  unmountAll,
} from './helpers.js';
import { SEED, uniqueActivity } from '../support/server.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

/**
 * Each vector is posted through the composer; `shows` is text a reader must see for it
 * (raw HTML is shown as typed; Markdown constructs show their text).
 */
const CORPUS: { body: string; shows: string }[] = [
  { body: '<script>window.__xss = 1</script>', shows: '<script>window.__xss = 1</script>' },
  {
    body: 'inline <script>window.__xss = 2</script> script',
    shows: '<script>window.__xss = 2</script>',
  },
  {
    body: '<img src=x onerror="window.__xss = 3">',
    shows: '<img src=x onerror="window.__xss = 3">',
  },
  {
    body: 'text <img src=x onerror=window.__xss=4> text',
    shows: '<img src=x onerror=window.__xss=4>',
  },
  { body: '<svg onload="window.__xss = 5"></svg>', shows: '<svg onload="window.__xss = 5"></svg>' },
  {
    body: '<svg><script>window.__xss = 6</script></svg>',
    shows: '<svg><script>window.__xss = 6</script></svg>',
  },
  {
    body: '<iframe src="javascript:window.__xss = 7"></iframe>',
    shows: '<iframe src="javascript:window.__xss = 7"></iframe>',
  },
  {
    body: '<iframe srcdoc="<script>parent.__xss = 8</script>"></iframe>',
    shows: '<iframe srcdoc=',
  },
  { body: '[click me](javascript:window.__xss=9)', shows: 'click me' },
  { body: '[click](JaVaScRiPt:window.__xss=10)', shows: 'click' },
  { body: '[click](  javascript:window.__xss=11  )', shows: 'click' },
  {
    body: '[data](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTI8L3NjcmlwdD4=)',
    shows: 'data',
  },
  { body: '[vb](vbscript:msgbox(13))', shows: 'vb' },
  {
    body: '<a href="javascript:window.__xss=14">raw link</a>',
    shows: '<a href="javascript:window.__xss=14">',
  },
  { body: '<javascript:window.__xss=15>', shows: 'javascript:window.__xss=15' },
  { body: '[entity](&#106;avascript:window.__xss=16)', shows: 'entity' },
  { body: '[hex](&#x6A;avascript:window.__xss=17)', shows: 'hex' },
  { body: '[tab](java\tscript:window.__xss=18)', shows: 'tab' },
  { body: '![img](javascript:window.__xss=19)', shows: 'img' },
  { body: '![x" onerror="window.__xss=20](https://example.com/a.png)', shows: 'onerror' },
  { body: '[t](https://example.com "title\\" onmouseover=\\"window.__xss=21")', shows: 't' },
  {
    body: '&lt;script&gt;window.__xss = 22&lt;/script&gt;',
    shows: '<script>window.__xss = 22</script>',
  },
  {
    body: '&#60;img src=x onerror=window.__xss=23&#62;',
    shows: '<img src=x onerror=window.__xss=23>',
  },
  {
    body: '<div onmouseover="window.__xss = 24">hover</div>',
    shows: '<div onmouseover="window.__xss = 24">hover</div>',
  },
  { body: '<body onload="window.__xss = 25">', shows: '<body onload="window.__xss = 25">' },
  { body: '<style>*{background:url("javascript:window.__xss=26")}</style>', shows: '<style>' },
  { body: '<math><mtext><script>window.__xss=27</script></mtext></math>', shows: '<math>' },
  { body: '<object data="javascript:window.__xss=28"></object>', shows: '<object data=' },
  { body: '<embed src="javascript:window.__xss=29">', shows: '<embed src=' },
  {
    body: '<form action="javascript:window.__xss=30"><button>go</button></form>',
    shows: '<form action=',
  },
  { body: '<details open ontoggle="window.__xss=31">', shows: 'ontoggle' },
  { body: '${window.__xss = 32}', shows: '${window.__xss = 32}' },
  {
    body: '{{constructor.constructor("window.__xss=33")()}}',
    shows: '{{constructor.constructor("window.__xss=33")()}}',
  },
  { body: '`<script>window.__xss=34</script>`', shows: '<script>window.__xss=34</script>' },
  {
    body: '```html\n<script>window.__xss=35</script>\n```',
    shows: '<script>window.__xss=35</script>',
  },
  {
    body: '<!-- <script>window.__xss=36</script> -->',
    shows: '<!-- <script>window.__xss=36</script> -->',
  },
  { body: '<![CDATA[<script>window.__xss=37</script>]]>', shows: 'CDATA' },
  { body: '<template><script>window.__xss=38</script></template>', shows: '<template>' },
  {
    body: '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=39">',
    shows: '<meta http-equiv',
  },
  { body: '<base href="javascript:window.__xss=40//">', shows: '<base href=' },
  {
    body: '<peer-discussion onclick="window.__xss=41"></peer-discussion>',
    shows: '<peer-discussion',
  },
  { body: '<x-unknown is="x" onfocus="window.__xss=42" autofocus tabindex=0>', shows: 'onfocus' },
];

const ALLOWED = new Set([
  'P',
  'STRONG',
  'EM',
  'DEL',
  'CODE',
  'PRE',
  'BR',
  'A',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'HR',
  'DIV',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
]);

describe('<peer-discussion> XSS corpus', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it(`shows ${CORPUS.length} hostile posts as text; nothing runs, no element from them exists`, async function () {
    this.timeout(120_000);
    expect(CORPUS.length).to.be.at.least(30);
    window.__xss = undefined;
    const activity = uniqueActivity('xss');
    acknowledged(activity, SEED.member);
    const { el } = await mount({ activity, attrs: { 'page-size': '100' } });

    for (const [i, { body, shows }] of CORPUS.entries()) {
      // Preview first: it renders through the same path.
      type(rootTextarea(el), body);
      await el.updateComplete;
      const toggle = $$<HTMLButtonElement>(el, '[part~="composer"][data-mode="new"] button').find(
        (b) => b.textContent?.trim() === 'Preview',
      )!;
      toggle.click();
      await el.updateComplete;
      expect($(el, '.preview')?.textContent, `preview of vector ${i}`).to.contain(shows);
      toggle.click();
      await el.updateComplete;
      await postThroughUi(el, body, shows);
    }
    // Anything scheduled by a vector would have run by now.
    await new Promise((r) => setTimeout(r, 300));
    expect(window.__xss, 'no vector executed').to.equal(undefined);

    const drawn = articles(el);
    expect(drawn.length).to.equal(CORPUS.length);
    for (const a of drawn) {
      const body = a.querySelector('[part~="body"]')!;
      for (const node of body.querySelectorAll('*')) {
        expect(ALLOWED.has(node.tagName), `<${node.tagName.toLowerCase()}> in a post`).to.equal(
          true,
        );
        for (const attr of node.getAttributeNames()) {
          expect(/^on/i.test(attr), `${attr} on <${node.tagName.toLowerCase()}>`).to.equal(false);
          expect(['href', 'rel', 'target', 'start', 'class', 'scope']).to.include(attr);
        }
        if (node.tagName === 'A') {
          expect(node.getAttribute('href')).to.match(/^(https?:|mailto:)/);
          expect(node.getAttribute('rel')).to.equal('nofollow ugc noopener');
        }
      }
    }
    const root = el.shadowRoot!;
    expect(
      root.querySelectorAll(
        'script, iframe, svg, img, object, embed, math, style, form:not([part~="composer"]):not([method="dialog"]), meta, base, template, x-unknown, details, body, [onerror], [onload], [onclick], [onmouseover], [ontoggle], [onfocus]',
      ).length,
    ).to.equal(0);
    // Only the dialog forms and composers are forms; no `peer-discussion` nested from a post.
    expect(root.querySelectorAll('peer-discussion').length).to.equal(0);
    for (const { shows } of CORPUS) {
      expect(
        drawn.some((a) => a.querySelector('[part~="body"]')!.textContent!.includes(shows)),
        shows,
      ).to.equal(true);
    }
  });
});
