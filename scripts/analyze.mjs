#!/usr/bin/env node
// `npm run analyze`: writes `custom-elements.json` (the Custom Elements Manifest) from the
// elements' JSDoc; see `custom-elements-manifest.config.mjs`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
const run = spawnSync(
  process.execPath,
  [cem, 'analyze', '--config', join(root, 'custom-elements-manifest.config.mjs'), '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
process.exit(run.status ?? 1);
