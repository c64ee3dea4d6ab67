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
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

function findPgBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

function ensurePostgres() {
  let bin = findPgBin();
  if (bin) return bin;
  const isRoot = process.getuid?.() === 0;
  const isDebian = existsSync('/etc/debian_version');
  if (isRoot && isDebian) {
    console.log('[test-server] PostgreSQL is missing: apt-get install -y postgresql');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'postgresql'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    bin = findPgBin();
    if (bin) return bin;
  }
  console.error(
    '[test-server] PostgreSQL is needed for the second half of the suite and was not found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y postgresql   (provides /usr/lib/postgresql/<v>/bin/initdb)\n' +
      '  Or run only the embedded half: node scripts/test-server.mjs --pglite',
  );
  process.exit(1);
}

/** Runs a PostgreSQL tool as the `postgres` user when we are root (initdb refuses root). */
function asPostgres(tool, argv, options = {}) {
  const isRoot = process.getuid?.() === 0;
  const [cmd, full] = isRoot ? ['runuser', ['-u', 'postgres', '--', tool, ...argv]] : [tool, argv];
  return spawnSync(cmd, full, { encoding: 'utf8', ...options });
}

async function withCluster(fn) {
  const bin = ensurePostgres();
  const dir = await mkdtemp(join(tmpdir(), 'peerkit-pg-'));
  await chmod(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  if (isRoot) execFileSync('chown', ['postgres', dir]);
  const user = isRoot ? 'postgres' : (process.env.USER ?? 'postgres');
  let started = false;
  try {
    const init = asPostgres(join(bin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      user,
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
    const opts = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    const start = asPostgres(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      opts,
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ]);
    if (start.status !== 0) {
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
      throw new Error(`pg_ctl start failed:\n${start.stdout}\n${start.stderr}\n${log}`);
    }
    started = true;
    console.log(`[test-server] PostgreSQL (${bin.split('/').at(-2)}) on 127.0.0.1:${port}`);
    return await fn(`postgres://${user}@127.0.0.1:${port}/postgres`);
  } finally {
    if (started) asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    await rm(dir, { recursive: true, force: true });
  }
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
