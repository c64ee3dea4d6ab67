/**
 * The setup every end-to-end file shares: the reference server in demo mode alone (as
 * `npm start` sets it, not the browser tests' secrets and limits) and a headless Chromium
 * (`CHROME_PATH` or the one `scripts/find-chrome.mjs` finds; the test fails when there is none).
 */
import assert from 'node:assert/strict';
import puppeteer, { type Browser } from 'puppeteer-core';
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
