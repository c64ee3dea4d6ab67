#!/usr/bin/env node
// End-to-end tests: the demo page in headless Chromium against the real reference server,
// loading the built CDN module exactly as a host page does. Builds that module first when it
// is missing or older than the sources, then runs `test/e2e/*.test.ts` with node's test
// runner (each test file starts its own server on a free port, in memory, with demo mode on).
//
//   node scripts/test-e2e.mjs [more node --test flags]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'packages/peerkit/dist/cdn/peerkit.js');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = readdirSync(join(root, 'packages'))
  .filter((name) => name !== 'server')
  .map((name) => join(root, 'packages', name, 'src'))
  .filter((dir) => existsSync(dir));
if (!existsSync(bundle) || sources.some((dir) => newest(dir) > statSync(bundle).mtimeMs)) {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--cdn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

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
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  },
);
process.exit(run.status ?? 1);
