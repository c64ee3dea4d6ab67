#!/usr/bin/env node
// `npm run bench`: runs every `scripts/bench-*.mjs` in turn (or only those named, e.g.
// `npm run bench -- server`). Benchmarks print figures against their budgets; they are not
// tests and never fail the build on a slow machine.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => /^bench-.+\.mjs$/.test(f))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f === `bench-${w}.mjs`));
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, [join(dir, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
