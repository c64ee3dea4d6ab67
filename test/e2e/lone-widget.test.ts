/**
 * One widget alone on a host page, through the CDN module as a host embeds it, with a
 * configuration error to word (a `<peer-provider>` without `endpoint`): the page gets that
 * widget and the provider, and no other widget's code. The CDN build groups modules into
 * chunks; once, the errors' wording (`@peerkit/core/wording`) sat in the discussion's chunk,
 * so a reflection card with a configuration error fetched the whole discussion and defined
 * `<peer-discussion>` on a page without one (decisions §15). `<peer-kudos>`, in the entry
 * itself, is defined on every page.
 *
 * The page is served at the reference server's origin (answered by request interception, with
 * the server's own Content-Security-Policy), so the module loads as it does on a host page.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'puppeteer-core';
import type { ReferenceServer } from '../support/reference-server.mjs';
import { startDemo } from './demo-browser.js';

const WIDGETS = {
  'peer-kudos': 'activity="https://peerkit.test/lone/post-1" recipient="ana.ruiz"',
  'peer-discussion': 'activity="https://peerkit.test/lone/thread"',
  'peer-expert-finder': 'activity="https://peerkit.test/lone/course"',
  'peer-reflection-card': 'activity="https://peerkit.test/lone/sprint"',
} as const;
type Tag = keyof typeof WIDGETS;

const pageFor = (tag: Tag) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>${tag} alone</title>
    <script type="module" src="/cdn/peerkit.js"></script></head>
  <body><peer-provider><${tag} ${WIDGETS[tag]}></${tag}></peer-provider></body>
</html>`;

describe('CDN: a widget alone on a page loads no other widget', () => {
  let server: ReferenceServer;
  let browser: Browser;
  let csp = '';

  before(async () => {
    ({ server, browser } = await startDemo());
    csp = (await fetch(`${server.origin}/`)).headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src/);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const tag of Object.keys(WIDGETS) as Tag[]) {
    it(`<${tag}> with a configuration error says it, and defines only itself`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const chunks: string[] = [];
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/cdn/')) chunks.push(path.replace(/-[\w-]+\.js$/, '.js'));
      });
      await page.setRequestInterception(true);
      page.on('request', (r) => {
        if (new URL(r.url()).pathname !== '/lone.html') return void r.continue();
        void r.respond({
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
          body: pageFor(tag),
        });
      });
      try {
        await page.goto(`${server.origin}/lone.html`, { waitUntil: 'load' });
        // The error is said on the page: by the widget, or by the provider for it.
        await page.waitForFunction(
          // No named functions inside: the page runs this code as written.
          (t) =>
            [document.querySelector(t), document.querySelector('peer-provider')].some((el) =>
              /\S/.test(
                el?.shadowRoot?.querySelector('[part~="error"], .notice.error, [role="alert"]')
                  ?.textContent ?? '',
              ),
            ),
          { timeout: 15_000, polling: 100 },
          tag,
        );
        // Whatever else loads late (the wording, translations) has had its turn.
        await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 });
        // `<peer-kudos>` is in the entry itself (the first paint's widget); the others load
        // on demand, each with its own chunk.
        const defined = await page.evaluate(
          (tags) => tags.filter((t) => customElements.get(t)),
          Object.keys(WIDGETS),
        );
        const expected = ['peer-kudos', tag].filter((t, i, all) => all.indexOf(t) === i);
        assert.deepEqual(defined.sort(), expected.sort(), `chunks fetched: ${chunks.join(', ')}`);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
});
