#!/usr/bin/env node
// `npm run test:browser`: finds (or installs) Chromium, then runs @web/test-runner with
// `web-test-runner.config.mjs`. Extra arguments pass through, e.g.
//   npm run test:browser -- --files "test/kudos/**/*.test.ts"
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChrome } from './find-chrome.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chrome = ensureChrome();
// The package's exports map hides package.json; its bin is at a fixed place under node_modules.
const bin = join(root, 'node_modules/@web/test-runner/dist/bin.js');

const child = spawn(
  process.execPath,
  [bin, '--config', join(root, 'web-test-runner.config.mjs'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      CHROME_PATH: chrome,
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      PUPPETEER_SKIP_DOWNLOAD: '1',
    },
  },
);
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
