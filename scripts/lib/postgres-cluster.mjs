/**
 * A private PostgreSQL cluster for the server tests and benchmarks: `initdb` in a temporary
 * folder (owned by the `postgres` user when we run as root), started on a free port of
 * 127.0.0.1 with durability off (fsync, synchronous commit, full-page writes), removed
 * afterwards. Finding PostgreSQL: `initdb` under /usr/lib/postgresql/<version>/bin; when it is
 * missing and we run as root on Debian, `apt-get install -y postgresql` installs it; otherwise
 * the message says what to install and the process exits.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freePort() {
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
    console.log('[postgres] PostgreSQL is missing: apt-get install -y postgresql');
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'postgresql'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    bin = findPgBin();
    if (bin) return bin;
  }
  console.error(
    '[postgres] PostgreSQL is needed for the second half of the suite and was not found.\n' +
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

/**
 * Runs `fn(url)` with a fresh cluster (`url`: a `postgres://` connection string) and
 * removes the cluster when it settles.
 */
export async function withCluster(fn) {
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
    console.log(`[postgres] PostgreSQL (${bin.split('/').at(-2)}) on 127.0.0.1:${port}`);
    return await fn(`postgres://${user}@127.0.0.1:${port}/postgres`);
  } finally {
    if (started) asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    await rm(dir, { recursive: true, force: true });
  }
}
