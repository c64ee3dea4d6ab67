/**
 * The setup every end-to-end file shares: the reference server in demo mode alone (as
 * `npm start` sets it, not the browser tests' secrets and limits) and a headless Chromium
 * (`CHROME_PATH` or the one `scripts/find-chrome.mjs` finds; the test fails when there is none).
 */
import assert from 'node:assert/strict';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_FLAGS, findChrome } from '../../scripts/find-chrome.mjs';
import { startReferenceServer, type ReferenceServer } from '../support/reference-server.mjs';

/** Starts the demo; `env` adds to demo mode what a host would set (e.g. a webhook receiver). */
export async function startDemo(
  env: Record<string, string> = {},
): Promise<{ server: ReferenceServer; browser: Browser }> {
  const chrome = findChrome();
  assert.ok(chrome, 'Chromium is not installed (set CHROME_PATH)');
  const server = await startReferenceServer({ env: { ...env, PEERKIT_DEMO: '1' } });
  const browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: [...CHROME_FLAGS],
  });
  return { server, browser };
}

/**
 * Collects into `problems` what a page must not show a learner or a host: console errors,
 * uncaught page errors, responses of 400 and over, and Content-Security-Policy violations
 * (reported from the page as `[csp-violation] …` console warnings). Each entry starts with
 * `prefix` (whose page it is, when several share the list). Call before the page loads.
 */
export async function watchProblems(page: Page, problems: string[], prefix = ''): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.warn(`[csp-violation] ${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.text().startsWith('[csp-violation]'))
      problems.push(`${prefix}${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${prefix}${String(e)}`));
  page.on('response', (r) => {
    if (r.status() >= 400)
      problems.push(`${prefix}${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
}
