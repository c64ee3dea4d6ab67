/**
 * The kit's person card on the demo page, loaded as any host loads the kit (the CDN module)
 * under the server's strict Content-Security-Policy with Trusted Types: a post author's name
 * in the discussion is a button from the first paint (the CDN module's loader), activating it
 * fetches the experts chunk once and opens the card anchored to the name, with focus in it;
 * Escape closes it and gives focus back to the name. No CSP violation, page error or failed
 * request on the way.
 *
 * Run by `node scripts/test-e2e.mjs` (which builds the CDN module first when needed).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import type { ReferenceServer } from '../support/reference-server.mjs';
import { startDemo, watchProblems } from './demo-browser.js';

describe('demo: the person card from a post author (CDN module, strict CSP)', () => {
  let server: ReferenceServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const chunks: string[] = [];

  before(async () => {
    ({ server, browser } = await startDemo());
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await watchProblems(page, problems);
    await page.evaluateOnNewDocument(() => {
      // The page without the expert finder panels: the card must come through the CDN
      // module's loader alone, on the first name activated.
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if ((n as Element).localName === 'peer-expert-finder') n.parentNode?.removeChild(n);
      }).observe(document, { childList: true, subtree: true });
    });
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/cdn/chunks/')) chunks.push(path);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens from a post author, anchored to the name, and gives focus back', async () => {
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const author = await page.waitForFunction(
      () => document.querySelector('peer-discussion')?.shadowRoot?.querySelector('button.author'),
      { timeout: 20_000 },
    );
    assert.equal(chunks.filter((c) => c.includes('/experts-')).length, 0, 'no experts chunk yet');
    const name = await page.evaluate((b) => (b as HTMLElement).textContent!.trim(), author);
    await page.evaluate((b) => (b as HTMLElement).focus(), author);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        document
          .querySelector('peer-person-card')
          ?.shadowRoot?.querySelector('[part~="popover"]')
          ?.matches(':popover-open'),
      { timeout: 20_000 },
    );
    assert.equal(chunks.filter((c) => c.includes('/experts-')).length, 1, 'the experts chunk once');
    const seen = await page.waitForFunction(
      () => {
        const root = document.querySelector('peer-person-card')!.shadowRoot!;
        const heading = root.querySelector('[part~="name"], h2')?.textContent?.trim();
        const focused = root.activeElement?.getAttribute('part');
        const a = document
          .querySelector('peer-discussion')!
          .shadowRoot!.querySelector('button.author')!
          .getBoundingClientRect();
        const c = root.querySelector('[part~="popover"]')!.getBoundingClientRect();
        return (
          heading && {
            heading,
            focused,
            below: Math.abs(c.top - (a.bottom + 4)) < 2 || c.bottom <= a.top,
          }
        );
      },
      { timeout: 20_000 },
    );
    const view = (await seen.jsonValue()) as { heading: string; focused: string; below: boolean };
    assert.equal(view.heading, name);
    assert.equal(view.focused, 'close');
    assert.equal(view.below, true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () =>
        !document
          .querySelector('peer-person-card')!
          .shadowRoot!.querySelector('[part~="popover"]')!
          .matches(':popover-open'),
    );
    // Focus goes back once the popover has closed (its toggle event), not in the same task.
    const back = await page
      .waitForFunction(
        () =>
          document
            .querySelector('peer-discussion')!
            .shadowRoot!.activeElement?.classList.contains('author') ?? false,
        { timeout: 5_000 },
      )
      .then(
        () => true,
        () => false,
      );
    assert.equal(back, true, 'focus back on the name');
    assert.deepEqual(problems, [], 'no CSP violation, page error or failed request');
  });
});
