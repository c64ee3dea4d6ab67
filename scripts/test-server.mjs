#!/usr/bin/env node
/**
 * `npm run test:server`: the server suite (test/server/*.test.ts) twice, against the real
 * server over HTTP:
 *   1. on embedded PGlite in memory, started from a prepared snapshot (fast starts);
 *   2. on real PostgreSQL: a private cluster in a temporary folder, owned by the
 *      `postgres` user, on a free port of 127.0.0.1, removed afterwards.
 * Finding PostgreSQL: `initdb` under /usr/lib/postgresql/<version>/bin. When it is missing
 * and we run as root on Debian, `apt-get install -y postgresql` installs it; otherwise the
 * script says what to install and fails.
 *
 * Tests that need PostgreSQL itself (several instances on one database, concurrent commits)
 * live in `*.pg.test.ts` files: the PostgreSQL half runs them, the PGlite half does not load
 * them, so neither half skips a test.
 *
 * Options: `--pglite` or `--postgres` runs one phase only; other arguments are test files.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withCluster } from './lib/postgres-cluster.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--pglite') ? 'pglite' : args.includes('--postgres') ? 'postgres' : null;
const files = args.filter((a) => !a.startsWith('--'));
const testFiles = files.length
  ? files
  : readdirSync(join(ROOT, 'test/server'))
      .filter((f) => f.endsWith('.test.ts'))
      .sort()
      .map((f) => join('test/server', f));
/** PostgreSQL-only test files (see above), left out of the PGlite half. */
const pgliteFiles = testFiles.filter((f) => !f.endsWith('.pg.test.ts'));
const NODE = [process.execPath, '--conditions=source', '--import', 'tsx'];

function run(cmd, argv, env = {}) {
  return new Promise((ok) => {
    const child = spawn(cmd, argv, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('exit', (code, signal) => ok(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const results = [];
  const tmp = await mkdtemp(join(tmpdir(), 'peerkit-test-'));
  try {
    if (only !== 'postgres' && pgliteFiles.length) {
      const snapshot = join(tmp, 'pglite-snapshot.tar');
      console.log('[test-server] preparing the PGlite snapshot');
      const made = await run(NODE[0], [
        ...NODE.slice(1),
        'packages/server/src/snapshot.ts',
        snapshot,
      ]);
      if (made !== 0) process.exit(made);
      console.log(`[test-server] suite on embedded PGlite: ${pgliteFiles.length} files`);
      const code = await run(NODE[0], [...NODE.slice(1), '--test', ...pgliteFiles], {
        PEERKIT_PGLITE_SNAPSHOT: snapshot,
        DATABASE_URL: '',
      });
      results.push(['PGlite', code]);
    }
    if (only !== 'pglite') {
      const code = await withCluster(async (url) => {
        console.log('[test-server] suite on PostgreSQL');
        return run(NODE[0], [...NODE.slice(1), '--test', ...testFiles], { DATABASE_URL: url });
      });
      results.push(['PostgreSQL', code]);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  for (const [name, code] of results)
    console.log(`[test-server] ${name}: ${code === 0 ? 'passed' : 'FAILED'}`);
  process.exit(results.every(([, code]) => code === 0) ? 0 : 1);
}

await main();
