#!/usr/bin/env node
// `npm start`: build what is missing or stale, then start the reference server with the demo.
// It installs nothing (that is `npm install`'s job) and takes the server's own flags after
// `--`, e.g. `npm start -- --memory` or `PORT=9000 npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'packages/peerkit/dist/cdn/peerkit.js');

if (!existsSync(join(root, 'node_modules'))) {
  console.error(
    'Dependencies are missing: run `npm install` first (or `npm install && npm start`).',
  );
  process.exit(1);
}

/** Newest modification time of any file below `dir`. */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name, 'src'))
  .filter((dir) => existsSync(dir) && !dir.includes('/server/'));
const stale = !existsSync(bundle) || sources.some((dir) => newest(dir) > statSync(bundle).mtimeMs);
if (stale) {
  console.log('Building the Peerkit bundle…');
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--cdn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// The server runs from its TypeScript sources through tsx: nothing to build, and the
// `source` condition makes it read @peerkit/core's schemas from source too.
const server = spawn(
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    join(root, 'packages/server/src/cli.ts'),
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { PEERKIT_DEMO: '1', ...process.env } },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
