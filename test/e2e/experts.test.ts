/**
 * The demo course page's "Find someone who knows" panel as a learner uses it, in headless
 * Chromium against the real reference server (in memory, demo mode), under the server's
 * strict Content-Security-Policy with Trusted Types enforced: the recommendations for the
 * course say why each person is shown; the learner types a skill, picks it from the
 * suggestions by keyboard, reads why the first person is shown, and endorses them — and the
 * server has the endorsement. No CSP violation, page error or failed request on the way.
 *
 * Run by `node scripts/test-e2e.mjs` (which builds the CDN module first when needed).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import type { ReferenceServer } from '../support/reference-server.mjs';
import { startDemo, watchProblems } from './demo-browser.js';

const FINDER = '#experts peer-expert-finder';
const LEARNER = 'umar.bello';

interface CardView {
  name: string;
  why: string;
  skills: { name: string; pressed: string | null; count: string }[];
}

/**
 * What the learner sees of the course panel's cards (no named functions inside: the page
 * runs this code as written, without the test's module helpers).
 */
function cardsOf(page: Page): Promise<CardView[]> {
  return page.$eval(FINDER, (el) => {
    return [...el.shadowRoot!.querySelectorAll('.list [part~="card"]')].map((card) => ({
      name: (card.querySelector('[part~="name"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      why: (card.querySelector('[part~="why"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      skills: [...card.querySelectorAll('[part~="skill"]')].map((row) => ({
        name: (row.querySelector('.skill-name')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        pressed: row.querySelector('[part~="endorse"]')?.getAttribute('aria-pressed') ?? null,
        count: (row.querySelector('[part~="endorsements"]')?.textContent ?? '')
          .replace(/\s+/g, ' ')
          .trim(),
      })),
    }));
  });
}

const busy = (page: Page) =>
  page.$eval(FINDER, (el) => !!el.shadowRoot!.querySelector('.results[aria-busy="true"]'));

describe('demo: find someone who knows (strict CSP)', () => {
  let server: ReferenceServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    ({ server, browser } = await startDemo());
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await watchProblems(page, problems);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a learner reads the recommendations, searches by skill, reads why and endorses', async () => {
    const response = await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    const csp = response!.headers()['content-security-policy'] ?? '';
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    await page.waitForFunction(
      () => !(document.querySelector('#who') as HTMLSelectElement).disabled,
    );
    await page.select('#who', LEARNER);

    // Recommendations for the course, each with why.
    await page.waitForFunction(
      (sel) =>
        (document.querySelector(sel)?.shadowRoot?.querySelectorAll('.list [part~="card"]').length ??
          0) > 0,
      { timeout: 20_000 },
      FINDER,
    );
    const recommended = await cardsOf(page);
    assert.ok(
      recommended.every((c) => c.why !== ''),
      JSON.stringify(recommended),
    );
    assert.match(recommended[0]!.why, /answered/, 'the course helpers come first');

    // Type, arrow to the skill, Enter: a chip, and results that all know it.
    await page.click(`${FINDER} >>> [part~="combobox-input"]`);
    await page.keyboard.type('Storyt');
    await page.waitForFunction(
      (sel) =>
        [
          ...(document.querySelector(sel)?.shadowRoot?.querySelectorAll('[role="option"]') ?? []),
        ].some((o) => /^Storytelling/.test(o.textContent?.trim() ?? '')),
      {},
      FINDER,
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (sel) =>
        [
          ...(document.querySelector(sel)?.shadowRoot?.querySelectorAll('[part~="chip"]') ?? []),
        ].some((c) => c.textContent?.includes('Storytelling')),
      {},
      FINDER,
    );
    await page.waitForFunction(
      (sel) => {
        const root = document.querySelector(sel)?.shadowRoot;
        const cards = [...(root?.querySelectorAll('.list [part~="card"]') ?? [])];
        return (
          !root?.querySelector('.results[aria-busy="true"]') &&
          cards.length > 0 &&
          cards.every((c) => c.textContent?.includes('Storytelling'))
        );
      },
      { timeout: 20_000 },
      FINDER,
    );
    assert.equal(await busy(page), false);
    const found = await cardsOf(page);
    // Mei Chen lists Storytelling at level 3 but answered twice on this course: first.
    assert.equal(found[0]!.name, 'Mei Chen');
    assert.match(found[0]!.why, /: Knows Storytelling \(level 3\)/, found[0]!.why);
    assert.match(found[0]!.why, /answered 2 times here/, found[0]!.why);
    // Valeria Rossi lists it at level 5 and three colleagues endorsed it.
    const valeria = found.find((c) => c.name === 'Valeria Rossi')!;
    assert.ok(valeria, found.map((c) => c.name).join());
    assert.match(valeria.why, /: Knows Storytelling \(level 5\)/, valeria.why);
    assert.match(valeria.why, /endorsed 3 times/, valeria.why);

    // Endorse her Storytelling: pressed, one more, and the server has it.
    const before = valeria.skills.find((s) => s.name === 'Storytelling')!;
    assert.equal(before.pressed, 'false');
    const n = Number(/\d+/.exec(before.count)![0]);
    const endorseButton = (sel: string) => {
      const root = document.querySelector(sel)!.shadowRoot!;
      const card = [...root.querySelectorAll('.list [part~="card"]')].find(
        (c) => c.querySelector('[part~="name"]')?.textContent?.trim() === 'Valeria Rossi',
      );
      const row = [...(card?.querySelectorAll('[part~="skill"]') ?? [])].find(
        (r) => r.querySelector('.skill-name')?.textContent?.trim() === 'Storytelling',
      );
      return row?.querySelector<HTMLButtonElement>('[part~="endorse"]') ?? null;
    };
    await page.evaluate(`(${endorseButton.toString()})(${JSON.stringify(FINDER)}).click()`);
    await page.waitForFunction(
      `(${endorseButton.toString()})(${JSON.stringify(FINDER)})?.getAttribute('aria-pressed') === 'true'`,
    );
    const now = (await cardsOf(page)).find((c) => c.name === 'Valeria Rossi')!;
    const after = now.skills.find((s) => s.name === 'Storytelling')!;
    assert.match(after.count, new RegExp(`^${n + 1}\\b`));
    const token = (
      await (
        await fetch(`${server.origin}/api/demo/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ personId: LEARNER }),
        })
      ).json()
    ).token as string;
    const card = await (
      await fetch(`${server.origin}/api/people/valeria.rossi`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    const stored = card.skills.find((s: { name: string }) => s.name === 'Storytelling');
    assert.deepEqual(
      { endorsements: stored.endorsements, endorsedByMe: stored.endorsedByMe },
      { endorsements: n + 1, endorsedByMe: true },
    );
    assert.deepEqual(problems, [], 'no CSP violation, page error or failed request');
  });
});
