#!/usr/bin/env node
/**
 * `node scripts/bench-ingest.mjs` (run by `npm run bench`): statement ingest of the LRS
 * (`POST /api/xapi/statements` with HTTP Basic, batches of 50 statements) on the embedded
 * database (PGlite in a temporary data dir) and on PostgreSQL (a private cluster,
 * `script./lib/postgres-cluster.mjs`), printing statements per second against the budget
 * (≥ 5,000 statements/s, issue 14). Each statement is distinct (own id, actor, activity,
 * registration, some with context activities), as a host backend forwarding its learners'
 * statements sends them. `BENCH_BATCHES` (default 200, i.e. 10,000 statements) and
 * `BENCH_CONNECTIONS` (default 4 requests in flight) change the load; `--pglite` or
 * `--postgres` runs one database only. On a machine shared with other work the wall-clock
 * figure falls with the load, so the CPU time spent is printed too (on Linux, from /proc):
 * statements per CPU-second of the server (PGlite runs inside it) and, on PostgreSQL, per
 * CPU-second of the server and the cluster's processes together (the postmaster and its
 * backends). These move much less with the load than the wall-clock figure; on an idle
 * two-core machine the wall-clock figure is about the per-CPU one on PGlite.
 * `BENCH_PROFILE=<dir>` writes the server's CPU profile there (`node --cpu-prof`).
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCluster } from './lib/postgres-cluster.mjs';
import { startServer } from './lib/start-server.mjs';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 200);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const BATCH = 50;
const BUDGET = 5000;
const KEY = 'bench';
const SECRET = 'bench-secret';
const AUTH = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`;

function startIngestServer(args, env) {
  return startServer({
    args,
    env: { ...env, PEERKIT_XAPI_KEY: KEY, PEERKIT_XAPI_SECRET: SECRET },
    nodeArgs: process.env.BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
      : [],
  });
}

function statement(i) {
  return {
    id: randomUUID(),
    actor: {
      objectType: 'Agent',
      name: `Learner ${i % 500}`,
      mbox: `mailto:l${i % 500}@example.com`,
    },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: `https://example.com/courses/${i % 97}/lessons/${i % 13}`,
      definition: { name: { 'en-US': `Lesson ${i % 13}` } },
    },
    result: { completion: true, score: { scaled: (i % 100) / 100 } },
    context: {
      registration: randomUUID(),
      ...(i % 2
        ? { contextActivities: { parent: [{ id: `https://example.com/courses/${i % 97}` }] } }
        : {}),
    },
    timestamp: new Date().toISOString(),
  };
}

/** The fields of /proc/<pid>/stat after the command name (field 3 is index 0). */
const statFields = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');

/** CPU seconds (user + system) a process has used so far, or NaN where /proc is missing. */
function cpuSeconds(pid) {
  try {
    const fields = statFields(pid);
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU seconds used so far by the PostgreSQL cluster listening on `port` (`withCluster`
 * starts it with `-c port=<port>`): the postmaster, its live children, and the children
 * it reaped. NaN where /proc is missing.
 */
function clusterCpuSeconds(port) {
  try {
    const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
    const read = (pid) => {
      try {
        return { pid, fields: statFields(pid), cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8') };
      } catch {
        return null; // exited meanwhile
      }
    };
    const procs = pids.map(read).filter(Boolean);
    const master = procs.find((p) => p.cmd.includes(`port=${port}\0`));
    if (!master) return Number.NaN;
    const [utime, stime, cutime, cstime] = master.fields.slice(11, 15).map(Number);
    let ticks = utime + stime + cutime + cstime;
    for (const p of procs) {
      if (p.fields[1] === master.pid) ticks += Number(p.fields[11]) + Number(p.fields[12]);
    }
    return ticks / 100;
  } catch {
    return Number.NaN;
  }
}

async function ingest(url, pid, port) {
  const endpoint = `${url}/api/xapi/statements`;
  const headers = {
    authorization: AUTH,
    'content-type': 'application/json',
    'x-experience-api-version': '1.0.3',
  };
  const bodies = Array.from({ length: BATCHES }, (_, b) =>
    JSON.stringify(Array.from({ length: BATCH }, (_, i) => statement(b * BATCH + i))),
  );
  // Warm-up: one batch, not counted.
  const warm = await fetch(endpoint, {
    method: 'POST',
    headers,
    body: JSON.stringify([statement(-1)]),
  });
  if (warm.status !== 200) throw new Error(`warm-up: HTTP ${warm.status} ${await warm.text()}`);
  let next = 0;
  const cpu = cpuSeconds(pid);
  const clusterCpu = port ? clusterCpuSeconds(port) : 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const res = await fetch(endpoint, { method: 'POST', headers, body });
      if (res.status !== 200) throw new Error(`HTTP ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - started) / 1000;
  const count = BATCHES * BATCH;
  const serverCpu = cpuSeconds(pid) - cpu;
  const dbCpu = port ? clusterCpuSeconds(port) - clusterCpu : 0;
  return {
    rate: count / seconds,
    perCpu: count / serverCpu,
    perAllCpu: count / (serverCpu + dbCpu),
  };
}

async function bench(name, args, env) {
  const server = await startIngestServer(args, env);
  const port = env.DATABASE_URL ? new URL(env.DATABASE_URL).port : '';
  try {
    const { rate, perCpu, perAllCpu } = await ingest(server.url, server.child.pid, port);
    const round = (n) => Math.round(n).toLocaleString('en');
    const withDb = port ? `, ${round(perAllCpu)} per CPU-second of server and PostgreSQL` : '';
    const verdict = rate >= BUDGET ? 'ok' : 'OVER BUDGET';
    const [load] = (await import('node:os')).loadavg();
    console.log(
      `${name}: ${Math.round(rate).toLocaleString('en')} statements/s ` +
        `(${BATCHES} batches of ${BATCH}, ${CONNECTIONS} in flight; budget ≥ ${BUDGET.toLocaleString('en')}) ${verdict}; ` +
        `${round(perCpu)} per server CPU-second${withDb}; load average ${load.toFixed(1)}`,
    );
    return rate;
  } finally {
    await server.stop();
  }
}

const only = process.argv.includes('--pglite')
  ? 'pglite'
  : process.argv.includes('--postgres')
    ? 'postgres'
    : null;
if (only !== 'postgres') {
  const dir = await mkdtemp(join(tmpdir(), 'peerkit-bench-ingest-'));
  try {
    await bench('PGlite', ['--data-dir', dir], { DATABASE_URL: '' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
if (only !== 'pglite') {
  await withCluster((url) => bench('PostgreSQL', [], { DATABASE_URL: url }));
}
