#!/usr/bin/env node
// `npm run build`: every package's library build (ES modules, lit and every dependency
// external) into `packages/<name>/dist/`, the self-contained CDN module into
// `packages/peerkit/dist/cdn/`, and the `.d.ts` files next to the library builds.
//
//   node scripts/build.mjs                 everything
//   node scripts/build.mjs --cdn           only the CDN module (what `npm start` and the e2e test need)
//   node scripts/build.mjs --no-types      skip the `.d.ts` emit (the slow part: one `tsc` run)
//
// The builds themselves are in `vite.config.ts` (`--mode lib:<name>` / `--mode cdn`).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const configFile = join(root, 'vite.config.ts');

/** Browser packages: every package with `src/index.ts`, except the server (run from source). */
export function browserPackages() {
  return readdirSync(join(root, 'packages'))
    .filter((name) => name !== 'server' && existsSync(join(root, 'packages', name, 'src/index.ts')))
    .sort();
}

export async function buildCdn() {
  await build({ configFile, mode: 'cdn', logLevel: 'warn' });
}

export async function buildLibs() {
  for (const name of browserPackages()) {
    rmSync(join(root, 'packages', name, 'dist'), { recursive: true, force: true, maxRetries: 2 });
    await build({ configFile, mode: `lib:${name}`, logLevel: 'warn' });
  }
}

/**
 * One `tsc` run over every browser package's sources into a temporary folder, then each
 * package's declarations are copied to its `dist/`. Imports between packages stay bare
 * specifiers in the output, which resolve to the other package's `dist/*.d.ts` through its
 * `types` export condition.
 */
export function buildTypes() {
  const out = mkdtempSync(join(tmpdir(), 'peerkit-types-'));
  const packages = browserPackages();
  const files = packages.flatMap((name) => {
    const dir = join(root, 'packages', name, 'src');
    return readdirSync(dir, { recursive: true })
      .filter((f) => String(f).endsWith('.ts') && !String(f).endsWith('.d.ts'))
      .map((f) => join(dir, String(f)));
  });
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const run = spawnSync(
    process.execPath,
    [
      tsc,
      '--declaration',
      '--emitDeclarationOnly',
      '--noEmit',
      'false',
      '--skipLibCheck',
      '--target',
      'ES2022',
      '--module',
      'ESNext',
      '--moduleResolution',
      'Bundler',
      '--customConditions',
      'source',
      '--lib',
      'ES2022,DOM,DOM.Iterable',
      '--types',
      'node',
      '--strict',
      '--experimentalDecorators',
      '--useDefineForClassFields',
      'false',
      '--resolveJsonModule',
      '--rootDir',
      join(root, 'packages'),
      '--outDir',
      out,
      ...files,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (run.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error('tsc could not emit the declarations (see above)');
  }
  for (const name of packages) {
    const from = join(out, name, 'src');
    if (existsSync(from)) cpSync(from, join(root, 'packages', name, 'dist'), { recursive: true });
  }
  rmSync(out, { recursive: true, force: true });
}

async function main() {
  const started = performance.now();
  const step = async (label, fn) => {
    const t = performance.now();
    await fn();
    console.log(`  ${label} ${Math.round(performance.now() - t)} ms`);
  };
  console.log('Building Peerkit…');
  if (!args.has('--cdn')) await step(`libraries (${browserPackages().join(', ')})`, buildLibs);
  await step('CDN module packages/peerkit/dist/cdn/peerkit.js', buildCdn);
  if (!args.has('--cdn') && !args.has('--no-types')) await step('declarations (tsc)', buildTypes);
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
