/**
 * The demo page as a visitor uses it, in headless Chromium, against the real reference
 * server (in memory, demo mode), loading the built CDN module like any host page, under the
 * server's strict Content-Security-Policy with Trusted Types enforced.
 *
 * Run by `node scripts/test-e2e.mjs` (which builds the CDN module first when needed).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';
import type { ReferenceServer } from '../support/reference-server.mjs';
import { startDemo } from './demo-browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const LESSON = 'https://learn.example.com/courses/data-storytelling/lessons/one-chart-one-message';
const COLLEAGUE = 'urn:peerkit:person:ben.okafor';

/**
 * Has every Content-Security-Policy violation on `page` logged to its console as
 * `[csp-violation] <directive> <blocked URI> <sample> on <element> [in <host>]`. Injected by
 * the browser on every navigation (the page's CSP does not apply to it).
 */
function reportCspViolations(page: Page): Promise<unknown> {
  return page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const where = e.composedPath()[0] as Element | undefined;
      const host = (where?.getRootNode() as ShadowRoot | undefined)?.host;
      console.warn(
        `[csp-violation] ${e.violatedDirective} ${e.blockedURI} ${e.sample} on <${where?.localName ?? '?'}>` +
          (host ? ` in <${host.localName}>` : ''),
      );
    });
  });
}

/**
 * Takes any <peer-discussion> out of the markup as the page is parsed, so it starts without
 * one whatever the demo holds; the test adds one after `window.__strip.disconnect()`.
 */
function startWithoutDiscussion(page: Page): Promise<unknown> {
  return page.evaluateOnNewDocument(() => {
    const strip = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes)
          if ((n as Element).localName === 'peer-discussion') n.parentNode?.removeChild(n);
      }
    });
    strip.observe(document, { childList: true, subtree: true });
    (window as unknown as { __strip: MutationObserver }).__strip = strip;
  });
}

interface KudosView {
  button: boolean;
  pressed: string | null;
  disabled: string | null;
  count: string | null;
}

/** What a visitor sees of the `<peer-kudos>` about `activity`. */
function kudosView(page: Page, activity: string): Promise<KudosView | null> {
  return page.evaluate((a) => {
    const el = document.querySelector(`peer-kudos[activity="${a}"]`);
    const root = el?.shadowRoot;
    if (!root) return null;
    const button = root.querySelector('[part~="button"]');
    return {
      button: !!button,
      pressed: button?.getAttribute('aria-pressed') ?? null,
      disabled: button?.getAttribute('aria-disabled') ?? null,
      count: root.querySelector('[part~="count"] [aria-hidden]')?.textContent?.trim() ?? null,
    };
  }, activity);
}

async function waitForKudos(
  page: Page,
  activity: string,
  check: (v: KudosView) => boolean,
  what: string,
) {
  let last: KudosView | null = null;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    last = await kudosView(page, activity);
    if (last && check(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `<peer-kudos activity="${activity}"> never showed ${what}; last seen ${JSON.stringify(last)}`,
  );
}

describe('the demo page', () => {
  let server: ReferenceServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const failedResponses: string[] = [];
  const violations: string[] = [];

  before(async () => {
    ({ server, browser } = await startDemo());
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('response', (r) => {
      if (r.status() >= 400)
        failedResponses.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    page.on('console', (m) => {
      if (m.text().startsWith('[csp-violation]')) violations.push(m.text());
    });
    await reportCspViolations(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is served with a strict CSP and Trusted Types enforced, and loads only the CDN module', async () => {
    const response = await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const csp = response!.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    const scripts = await page.$$eval('script', (list) =>
      list.map((s) => (s as HTMLScriptElement).src),
    );
    assert.deepEqual(
      scripts.map((s) => new URL(s).pathname),
      ['/demo.js', '/cdn/peerkit.js'],
    );
  });

  it('shows counts without a button to a signed-out visitor', async () => {
    await page.waitForFunction(
      () => !(document.querySelector('#who') as HTMLSelectElement).disabled,
    );
    const view = await waitForKudos(page, LESSON, (v) => v.count !== null, 'a count');
    assert.equal(view.button, false);
    assert.equal(view.count, '0');
  });

  it('loads a lazy widget (<peer-discussion>) only once its tag is on the page', async (t) => {
    // On a page of its own, so that this check of the CDN loader does not mix what the
    // widget itself does into the demo page's CSP report below.
    const other = await browser.newPage();
    const scripts: string[] = [];
    const widgetViolations: string[] = [];
    other.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    other.on('console', (m) => {
      if (m.text().startsWith('[csp-violation]')) widgetViolations.push(m.text());
    });
    await reportCspViolations(other);
    await startWithoutDiscussion(other);
    await other.goto(`${server.origin}/`, { waitUntil: 'load' });
    await other.waitForFunction(() => !!customElements.get('peer-kudos'));
    assert.equal(await other.evaluate(() => !!customElements.get('peer-discussion')), false);
    const before = new Set(scripts);
    await other.evaluate(() => {
      (window as unknown as { __strip: MutationObserver }).__strip.disconnect();
      const el = document.createElement('peer-discussion');
      el.setAttribute('activity', 'https://learn.example.com/courses/data-storytelling');
      document.getElementById('discussion')!.append(el);
    });
    await other.waitForFunction(() => !!customElements.get('peer-discussion'));
    const fetched = scripts.filter((s) => !before.has(s));
    assert.ok(
      fetched.some((s) => s.startsWith('/cdn/chunks/')),
      `a chunk was loaded (${fetched.join(', ')})`,
    );
    await other.waitForFunction(
      () =>
        (document.querySelector('#discussion peer-discussion')?.shadowRoot?.childElementCount ??
          0) > 0,
    );
    await other.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    // What the widget does once loaded is its own suite's business; say what was seen.
    for (const v of widgetViolations) t.diagnostic(`<peer-discussion> under the demo CSP: ${v}`);
    await other.close();
  });

  it('says so when a lazy widget cannot load offline, and loads it once back online', async () => {
    const other = await browser.newPage();
    await startWithoutDiscussion(other);
    try {
      await other.goto(`${server.origin}/`, { waitUntil: 'load' });
      await other.waitForFunction(() => !!customElements.get('peer-kudos'));
      await other.setOfflineMode(true);
      await other.evaluate(() => {
        (window as unknown as { __strip: MutationObserver }).__strip.disconnect();
        const el = document.createElement('peer-discussion');
        el.setAttribute('activity', 'https://learn.example.com/courses/data-storytelling');
        const seen = ((window as unknown as { __errors: string[] }).__errors = [] as string[]);
        el.addEventListener('peer-error', (e) => {
          const { error } = (e as CustomEvent<{ error: { kind: string; message: string } }>).detail;
          seen.push(`${error.kind}: ${error.message}`);
        });
        document.getElementById('discussion')!.append(el);
      });
      await other.waitForFunction(
        () => (window as unknown as { __errors: string[] }).__errors.length > 0,
      );
      const [error] = await other.evaluate(
        () => (window as unknown as { __errors: string[] }).__errors,
      );
      assert.match(error!, /^network: Could not load <peer-discussion>/);
      assert.equal(await other.evaluate(() => !!customElements.get('peer-discussion')), false);
      await other.setOfflineMode(false);
      await other.waitForFunction(() => !!customElements.get('peer-discussion'), {
        timeout: 10_000,
      });
      await other.waitForFunction(
        () =>
          (document.querySelector('#discussion peer-discussion')?.shadowRoot?.childElementCount ??
            0) > 0,
      );
    } finally {
      // Never leave the browser offline for the tests after this one.
      await other.setOfflineMode(false).catch(() => {});
      await other.close();
    }
  });

  it('lets a visitor pick who they are and give kudos', async () => {
    await page.select('#who', 'ana.ruiz');
    await waitForKudos(
      page,
      LESSON,
      (v) => v.button && v.pressed === 'false' && v.disabled === 'false',
      'a button',
    );
    const given = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/kudos' && r.request().method() === 'POST',
    );
    const button = await page.waitForSelector(
      `peer-kudos[activity="${LESSON}"] >>> [part~="button"]`,
    );
    await button!.click();
    // Optimistic: pressed and counted at once; then the server answers.
    await waitForKudos(
      page,
      LESSON,
      (v) => v.pressed === 'true' && v.count === '1',
      'the kudos given',
    );
    const response = await given;
    assert.ok(
      [200, 201].includes(response.status()),
      `POST /api/kudos answered ${response.status()}`,
    );
    const body = (await response.json()) as { count: number; mine: boolean };
    assert.deepEqual({ count: body.count, mine: body.mine }, { count: 1, mine: true });
  });

  it('keeps who the visitor is and their kudos after a reload', async () => {
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(
      () => (document.querySelector('#who') as HTMLSelectElement).value === 'ana.ruiz',
    );
    const view = await waitForKudos(page, LESSON, (v) => v.button && v.count !== null, 'its state');
    assert.deepEqual({ pressed: view.pressed, count: view.count }, { pressed: 'true', count: '1' });
  });

  it('does not let the visitor thank themselves, and does let them thank a colleague', async () => {
    await page.select('#who', 'ben.okafor');
    const self = await waitForKudos(
      page,
      COLLEAGUE,
      (v) => v.button && v.count !== null,
      'a button',
    );
    assert.equal(self.disabled, 'true');
    // Ben sees Ana's kudos on the lesson as someone else's: counted, not his.
    const lesson = await waitForKudos(
      page,
      LESSON,
      (v) => v.button && v.count !== null,
      'its state',
    );
    assert.deepEqual(
      { pressed: lesson.pressed, count: lesson.count },
      { pressed: 'false', count: '1' },
    );

    // Ben thanks Ana for her mentoring, by keyboard, through the values popover.
    const ana = 'urn:peerkit:person:ana.ruiz';
    await waitForKudos(page, ana, (v) => v.button && v.disabled === 'false', 'a button');
    const thank = await page.waitForSelector(`peer-kudos[activity="${ana}"] >>> [part~="button"]`);
    await thank!.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`peer-kudos[activity="${ana}"] >>> [part~="popover"]`);
    await page.keyboard.press('ArrowRight'); // clear
    await page.keyboard.press('ArrowRight'); // mentoring
    await page.keyboard.press('Tab');
    await page.keyboard.type('Thanks for the pairing session');
    const posted = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/kudos' && r.request().method() === 'POST',
    );
    await page.keyboard.press('Tab'); // Cancel
    await page.keyboard.press('Tab'); // Give kudos
    await page.keyboard.press('Enter');
    const body = JSON.parse((await posted).request().postData() ?? '{}') as Record<string, string>;
    assert.deepEqual(body, {
      activity: ana,
      recipient: 'ana.ruiz',
      value: 'mentoring',
      message: 'Thanks for the pairing session',
    });
    await waitForKudos(page, ana, (v) => v.pressed === 'true', 'the kudos given');
    const chips = await page.$$eval(
      `peer-kudos[activity="${ana}"] >>> [part~="value-chip"]`,
      (list) => list.map((c) => c.textContent?.trim()),
    );
    assert.deepEqual(chips, ['Mentoring ×1']);
  });

  it('asks to reflect after the module, and shows the Platform team its earlier lessons in the project card', async () => {
    // Ben (Platform team) is signed in since the test before.
    await page.waitForFunction(
      () =>
        !!document
          .querySelector('#reflect peer-reflection-card')
          ?.shadowRoot?.querySelector('[part~="earlier"]'),
      { timeout: 20_000 },
    );
    const card = await page.evaluate(() => {
      const root = document.querySelector('#reflect peer-reflection-card')!.shadowRoot!;
      return {
        heading: root.querySelector('[part~="heading"]')?.textContent?.trim(),
        questions: [...root.querySelectorAll('[part~="question"]')].map((q) =>
          q.textContent?.trim(),
        ),
      };
    });
    assert.equal(card.heading, 'Before you move on');
    assert.equal(card.questions.length, 3);
    const lessons = await page.waitForFunction(
      () => {
        const root = document.querySelector('#projects peer-reflection-card')?.shadowRoot;
        const items = [...(root?.querySelectorAll('[part~="team-lessons"] blockquote') ?? [])];
        return items.length ? items.map((b) => b.textContent?.trim()) : null;
      },
      { timeout: 20_000 },
    );
    const texts = (await lessons.jsonValue()) as string[];
    assert.ok(
      texts.includes('Reset sequences after the copy; replication does not carry them.'),
      `the seeded lessons (${texts.join(' | ')})`,
    );
    const heading = await page.evaluate(() =>
      document
        .querySelector('#projects peer-reflection-card')
        ?.shadowRoot?.querySelector('[part~="heading"]')
        ?.textContent?.trim(),
    );
    assert.equal(heading, 'Team reflection: Platform');
  });

  it('is accessible (axe-core finds nothing) in light and dark', async () => {
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(AXE);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                c: Document,
              ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document);
        return result.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      });
      assert.deepEqual(violations, [], `${scheme}: ${violations.join('; ')}`);
    }
    await page.emulateMediaFeatures([]);
  });

  it("previews Markdown with the CDN build's lazy parser (marked's Lexer alone, vite.config.ts)", async () => {
    // The build drops marked's default instance (markedLexerOnly()); this is what a person
    // sees of the Lexer it keeps: the composer's preview of what they typed.
    const composer = '[part~="composer"][data-mode="new"]';
    await page.waitForFunction(
      (sel) => !!document.querySelector('peer-discussion')?.shadowRoot?.querySelector(sel),
      {},
      `${composer} textarea`,
    );
    await page.evaluate((sel) => {
      const root = document.querySelector('peer-discussion')!.shadowRoot!;
      const textarea = root.querySelector<HTMLTextAreaElement>(`${sel} textarea`)!;
      textarea.value =
        '# Title\n\n**bold** and ~~gone~~ at [the site](https://example.com)\n\n- one\n- two';
      textarea.dispatchEvent(new Event('input'));
    }, composer);
    await page.waitForFunction(
      (sel) =>
        [
          ...document
            .querySelector('peer-discussion')!
            .shadowRoot!.querySelectorAll(`${sel} button`),
        ]
          .find((b) => b.textContent?.trim() === 'Preview')
          ?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })) ?? false,
      {},
      composer,
    );
    await page.waitForFunction(
      (sel) =>
        !!document
          .querySelector('peer-discussion')!
          .shadowRoot!.querySelector(`${sel} .preview strong`),
      {},
      composer,
    );
    const preview = await page.evaluate((sel) => {
      const shown = document
        .querySelector('peer-discussion')!
        .shadowRoot!.querySelector(`${sel} .preview`)!;
      return {
        // A heading is drawn as a bold paragraph (render-tree.ts).
        heading: shown.querySelector('.heading strong')?.textContent,
        strong: shown.querySelector(':not(.heading) > strong')?.textContent,
        del: shown.querySelector('del')?.textContent,
        link: shown.querySelector('a')?.getAttribute('href'),
        items: [...shown.querySelectorAll('li')].map((li) => li.textContent?.trim()),
      };
    }, composer);
    assert.deepEqual(preview, {
      heading: 'Title',
      strong: 'bold',
      del: 'gone',
      link: 'https://example.com/',
      items: ['one', 'two'],
    });
  });

  it('reported no CSP violation, no page error, no failed request and no console error', async () => {
    assert.deepEqual(violations, []);
    assert.deepEqual(pageErrors, []);
    // Not even a 401 for `/me`: a signed-out page asks nothing that cannot succeed.
    assert.deepEqual(failedResponses, []);
    assert.deepEqual(consoleErrors, []);
  });
});
