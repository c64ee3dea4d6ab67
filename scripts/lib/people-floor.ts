/**
 * The floor under `GET /people` without the read cache (run by `scripts/bench-people.mjs`,
 * through tsx, on the database it seeded: `people-floor.ts <dataDir>` for PGlite,
 * `people-floor.ts postgres://…` for PostgreSQL). One query at a time, no HTTP, no load
 * beside it, the server's own `openDb` and `Queryable.prepared`; for each query the CPU time
 * it costs, in milliseconds per run (mean of `RUNS`, after 50 to warm up):
 * - PGlite: this process's CPU (`process.cpuUsage`): the database runs in it, in one thread,
 *   as it does in the server, so 1,000 ÷ that figure is the most runs per second one
 *   server process can make, before its HTTP work.
 * - PostgreSQL: this process's (the driver's) and the backend's (`/proc/<pid>/stat` of
 *   `pg_backend_pid()`, in 10 ms ticks, so the mean over `RUNS` is what is exact).
 * The queries: `SELECT 1`; the 20 people of a page read by id (`row_to_json`, the least a
 * page of cards needs); the skill page as the server ranks it (`rankPeople`, stored scores).
 * Prints one JSON line per query on stdout.
 */
import { readFile } from 'node:fs/promises';
import { openDb, queryPrepared, type Queryable } from '../../packages/server/src/db.js';
import { rankPeople } from '../../packages/server/src/data/ranking.js';

const RUNS = 1000;
const target = process.argv[2];
if (!target) throw new Error('usage: people-floor.ts <PGlite data dir | postgres:// url>');
const postgres = target.startsWith('postgres');
const db = await openDb(postgres ? { databaseUrl: target } : { dataDir: target });

/** CPU seconds (user + system) of process `pid`, from `/proc` (clock ticks of 10 ms). */
async function procCpu(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The backends of this database's client connections: this process's pool, nothing else runs. */
async function backends(q: Queryable): Promise<number[]> {
  const rows = await q.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND backend_type = 'client backend'`,
  );
  return rows.map((r) => r.pid);
}

async function measure(name: string, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await run(i);
  const pids = postgres ? await backends(db) : [];
  const backendBefore = await Promise.all(pids.map(procCpu));
  const before = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < RUNS; i++) await run(i);
  const wallMs = (performance.now() - t0) / RUNS;
  const used = process.cpuUsage(before);
  const nodeMs = (used.user + used.system) / 1000 / RUNS;
  const backendAfter = await Promise.all(pids.map(procCpu));
  const backendMs = postgres
    ? (backendAfter.reduce((a, b) => a + b, 0) - backendBefore.reduce((a, b) => a + b, 0)) *
      (1000 / RUNS)
    : 0;
  console.log(JSON.stringify({ name, wallMs, nodeMs, backendMs, cpuMs: nodeMs + backendMs }));
}

const SKILLS = ['sql', 'python', 'typescript', 'kubernetes', 'go', 'rust', 'java', 'excel'];
try {
  await measure('SELECT 1', () => queryPrepared(db, 'SELECT 1 AS one', []));
  await measure("a page's 20 people, by id", (i) =>
    queryPrepared(db, 'SELECT row_to_json(p) AS r FROM people p WHERE p.id = ANY($1::text[])', [
      Array.from({ length: 20 }, (_, k) => `bench.${1 + ((i * 37 + k * 101) % 10_000)}`),
    ]),
  );
  await measure('the ?skill= page (rankPeople)', (i) =>
    rankPeople(db, {
      mode: 'search',
      pattern: null,
      skills: [SKILLS[i % SKILLS.length]!],
      activity: null,
      caller: null,
      limit: 20,
      offset: 0,
    }),
  );
} finally {
  await db.close();
}
