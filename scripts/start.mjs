#!/usr/bin/env node
// `npm start`: build what is missing or stale, then start the reference server with the demo.
// It installs nothing (that is `npm install`'s job) and takes the server's own flags after
// `--`, e.g. `npm start -- --memory` or `PORT=9000 npm start`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCdnBundle } from './lib/cdn-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (!existsSync(join(root, 'node_modules'))) {
  console.error(
    'Dependencies are missing: run `npm install` first (or `npm install && npm start`).',
  );
  process.exit(1);
}
ensureCdnBundle();

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
