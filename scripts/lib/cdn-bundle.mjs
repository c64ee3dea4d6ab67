// The CDN bundle the server serves at /cdn/: built by `scripts/build.mjs --cdn` when it is
// missing or older than any browser package's sources or the build's own configuration
// (vite.config.ts, the build scripts, the lock file). Shared by `npm start` and the e2e run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = join(root, 'packages/peerkit/dist/cdn/peerkit.js');

/** Newest modification time of any file below `dir` (also used by `lib-build.mjs`). */
export function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the CDN bundle if it is stale; exits the process when the build fails. */
export function ensureCdnBundle() {
  const sources = readdirSync(join(root, 'packages'))
    .filter((name) => name !== 'server')
    .map((name) => join(root, 'packages', name, 'src'))
    .filter((dir) => existsSync(dir));
  const config = ['vite.config.ts', 'scripts/build.mjs', 'scripts/lib', 'package-lock.json']
    .map((name) => join(root, name))
    .filter((p) => existsSync(p));
  const changed = (p) =>
    (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs) > statSync(bundle).mtimeMs;
  const stale = !existsSync(bundle) || [...sources, ...config].some(changed);
  if (!stale) return;
  console.log('Building the Peerkit CDN bundle…');
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--cdn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
