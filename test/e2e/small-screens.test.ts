/**
 * The demo on a phone, and a signed-out visitor (issue 15 #8): the page and every widget in
 * it reflow down to 320 CSS px with no horizontal scroll (WCAG 2.2 SC 1.4.10 Reflow), and a
 * page with no token makes no request that cannot succeed, so its console stays empty.
 *
 * Run by `node scripts/test-e2e.mjs`, against the built CDN module like any host page.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import type { ReferenceServer } from '../support/reference-server.mjs';
import { startDemo } from './demo-browser.js';

const LESSON = 'https://learn.example.com/courses/data-storytelling/lessons/one-chart-one-message';

/**
 * What sticks out sideways at this width: the page's own horizontal scroll, and every box, in
 * the page or inside a widget's shadow root, whose right edge passes the viewport's.
 */
function overflow(page: Page): Promise<string[]> {
  // No named functions inside: the test's compiler would wrap them in a helper the page lacks.
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width} px`);
    const roots: (Document | ShadowRoot)[] = [document];
    while (roots.length) {
      for (const el of roots.pop()!.querySelectorAll('*')) {
        if (el.shadowRoot) roots.push(el.shadowRoot);
        const box = el.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) continue;
        // Hidden on purpose (visually-hidden text, the skip link) is not content that overflows.
        if (el.closest('.skip, .visually-hidden')) continue;
        if (box.right <= width + 1 && box.left >= -1) continue;
        const host = (el.getRootNode() as ShadowRoot).host;
        const part = el.getAttribute('part') ?? el.getAttribute('class');
        out.push(
          `${host ? `<${host.localName}> ` : ''}${el.localName}${part ? `[${part}]` : ''} spans ${Math.round(box.left)}–${Math.round(box.right)} px`,
        );
      }
    }
    return out;
  });
}

describe('the demo on small screens and for a signed-out visitor', () => {
  let server: ReferenceServer;
  let browser: Browser;

  before(async () => {
    ({ server, browser } = await startDemo());
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('makes no request that cannot succeed for a signed-out visitor, whose console stays empty', async () => {
    const page = await browser.newPage();
    const console: string[] = [];
    const failed: string[] = [];
    page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.push(`pageerror: ${String(e)}`));
    page.on('response', (r) => {
      if (r.status() >= 400)
        failed.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await page.waitForFunction(
      (lesson) =>
        !!document
          .querySelector(`peer-kudos[activity="${lesson}"]`)
          ?.shadowRoot?.querySelector('[part~="count"]') &&
        !!document.querySelector('peer-discussion')?.shadowRoot?.querySelector('[part~="feed"]'),
      {},
      LESSON,
    );
    // Whatever the widgets do once drawn (a live stream, statements) has had its time.
    await new Promise((r) => setTimeout(r, 1_500));
    assert.deepEqual(failed, []);
    assert.deepEqual(console, []);
    await page.close();
  });

  for (const width of [320, 390]) {
    it(`reflows to ${width} px with no horizontal scroll, signed out, and signed in with the kudos popover, a reply composer and the report dialog open`, async () => {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 800 });
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      await page.waitForFunction(
        () =>
          !!document.querySelector('peer-discussion')?.shadowRoot?.querySelector('[part~="feed"]'),
      );
      assert.deepEqual(await overflow(page), [], `signed out at ${width} px`);

      await page.select('#who', 'ben.okafor');
      const thank = await page.waitForSelector(
        `peer-kudos[activity="urn:peerkit:person:ana.ruiz"] >>> [part~="button"]:not([aria-disabled="true"])`,
      );
      await page.waitForFunction(
        () =>
          !!document
            .querySelector('peer-discussion')
            ?.shadowRoot?.querySelector('[part~="composer"] textarea'),
      );
      await thank!.click();
      await page.waitForSelector(
        `peer-kudos[activity="urn:peerkit:person:ana.ruiz"] >>> [part~="popover"]`,
      );
      assert.deepEqual(await overflow(page), [], `signed in, popover open, at ${width} px`);
      await page.keyboard.press('Escape');

      // The deepest reply's composer, then the report dialog: the tightest places of a thread.
      const opened = (action: string) =>
        page.evaluate((name) => {
          const root = document.querySelector('peer-discussion')!.shadowRoot!;
          const buttons = root.querySelectorAll<HTMLButtonElement>(`[data-action="${name}"]`);
          buttons[buttons.length - 1]?.click();
          return buttons.length;
        }, action);
      assert.ok((await opened('reply')) > 0, 'a reply button');
      await page.waitForFunction(
        () =>
          !!document
            .querySelector('peer-discussion')
            ?.shadowRoot?.querySelector('[part~="composer"][data-mode="reply"]'),
      );
      assert.deepEqual(await overflow(page), [], `a reply composer open at ${width} px`);
      assert.ok((await opened('report')) > 0, 'a report button');
      await page.waitForFunction(
        () =>
          !!document.querySelector('peer-discussion')?.shadowRoot?.querySelector('dialog[open]'),
      );
      assert.deepEqual(await overflow(page), [], `the report dialog open at ${width} px`);
      await page.close();
    });
  }
});
