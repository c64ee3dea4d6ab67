// The library builds and their `.d.ts` files (`packages/<name>/dist/`), as `npm pack` ships
// them: built by `scripts/build.mjs` when missing or older than any browser package's sources
// or `package.json`. Used by the packed-consumer type test.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest } from './cdn-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The browser packages (every package with `src/index.ts` but the server). */
export function libraryPackages() {
  return readdirSync(join(root, 'packages'))
    .filter((name) => name !== 'server' && existsSync(join(root, 'packages', name, 'src/index.ts')))
    .sort();
}

/** Builds the libraries and declarations if any is stale; throws when the build fails. */
export function ensureLibBuild() {
  const stale = libraryPackages().some((name) => {
    const dir = join(root, 'packages', name);
    const marker = join(dir, 'dist/index.d.ts');
    if (!existsSync(marker)) return true;
    const built = statSync(marker).mtimeMs;
    return newest(join(dir, 'src')) > built || statSync(join(dir, 'package.json')).mtimeMs > built;
  });
  if (!stale) return false;
  const run = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('The library build failed (see above).');
  return true;
}
