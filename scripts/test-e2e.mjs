#!/usr/bin/env node
// End-to-end tests: the demo page in headless Chromium against the real reference server,
// loading the built CDN module exactly as a host page does. Builds that module first when it
// is missing or older than the sources, then runs `test/e2e/*.test.ts` with node's test
// runner (each test file starts its own server on a free port, in memory, with demo mode on).
//
//   node scripts/test-e2e.mjs [more node --test flags]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChrome } from './find-chrome.mjs';
import { ensureCdnBundle } from './lib/cdn-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chrome = ensureChrome();
ensureCdnBundle();

const files = readdirSync(join(root, 'test/e2e'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('test/e2e', f));
const run = spawnSync(
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    ...process.argv.slice(2),
    ...files,
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      CHROME_PATH: chrome,
      PUPPETEER_SKIP_DOWNLOAD: '1',
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    },
  },
);
process.exit(run.status ?? 1);
