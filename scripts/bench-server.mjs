#!/usr/bin/env node
/**
 * `node scripts/bench-server.mjs` (run by `npm run bench`): the server on its embedded
 * database (PGlite in a temporary data dir) in a child process, a 200-post thread and 50
 * activities with kudos, then autocannon for 10 s with 20 connections against
 *   GET /api/posts?activity=…            (the first page of the thread, 20 roots + replies)
 *   GET /api/kudos?activity=…×50         (counts for 50 activities in one call)
 * printing requests per second and p99 latency against the budget (≥ 2,000 req/s,
 * p99 ≤ 50 ms). `BENCH_DURATION` (seconds) and `BENCH_CONNECTIONS` change the load;
 * `DATABASE_URL` benchmarks PostgreSQL instead; `PEERKIT_READ_CACHE=0` measures the bare
 * queries without the server's read cache.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer } from './lib/start-server.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const BUDGET = { rps: 2000, p99: 50 };

async function api(url, path, { token, body, method = body ? 'POST' : 'GET' } = {}) {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function seed(url) {
  const people = (await api(url, '/api/demo/people')).items.map((p) => p.id);
  const tokens = await Promise.all(
    people
      .slice(0, 10)
      .map(async (id) => (await api(url, '/api/demo/session', { body: { personId: id } })).token),
  );
  const thread = 'https://learn.example.com/bench/thread-200';
  const roots = [];
  let count = 0;
  for (let i = 0; i < 120; i++) {
    const p = await api(url, '/api/posts', {
      token: tokens[i % tokens.length],
      body: {
        activity: thread,
        body: `Root post ${i}: a question about **something** worth discussing.`,
      },
    });
    roots.push(p.id);
    count++;
  }
  for (let i = 0; count < 200; i++, count++) {
    await api(url, '/api/posts', {
      token: tokens[(i + 3) % tokens.length],
      body: {
        activity: thread,
        parentId: roots[(i * 7) % roots.length],
        body: `A reply ${i}, with a helpful answer.`,
      },
    });
  }
  const activities = Array.from(
    { length: 50 },
    (_, i) => `https://intranet.example.com/pages/bench-${i}`,
  );
  for (const [i, activity] of activities.entries()) {
    for (let g = 0; g < (i % 5) + 1; g++) {
      await api(url, '/api/kudos', {
        token: tokens[g],
        body: { activity, value: ['helpful', 'clear', 'kind'][g % 3] },
      });
    }
  }
  return { thread, activities, token: tokens[0] };
}

function bench(title, url, headers = {}) {
  return new Promise((ok, fail) => {
    const instance = autocannon(
      { title, url, connections: CONNECTIONS, duration: DURATION, headers },
      (err, result) => (err ? fail(err) : ok(result)),
    );
    instance.on('error', fail);
  });
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'peerkit-bench-'));
  const server = await startServer({
    args: ['--data-dir', dataDir],
    env: { PEERKIT_RATE_LIMIT: '1000000' },
  });
  const rows = [];
  try {
    console.log(
      `[bench] server on ${server.url} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`,
    );
    const { thread, activities } = await seed(server.url);
    const postsPath = `/api/posts?activity=${encodeURIComponent(thread)}`;
    const kudosPath = `/api/kudos?${activities.map((a) => `activity=${encodeURIComponent(a)}`).join('&')}`;
    // Sanity: the routes answer what we think.
    const page = await api(server.url, postsPath);
    const kudos = await api(server.url, kudosPath);
    if (page.total !== 200 || kudos.items.length !== 50) throw new Error('unexpected seed state');
    // Warm up (JIT, query plans).
    await new Promise((ok) =>
      autocannon({ url: server.url + postsPath, connections: 4, duration: 2 }, ok),
    );
    await new Promise((ok) =>
      autocannon({ url: server.url + kudosPath, connections: 4, duration: 2 }, ok),
    );
    for (const [name, path] of [
      ['GET /api/posts (200-post thread, first page)', postsPath],
      ['GET /api/kudos (50 activities)', kudosPath],
    ]) {
      const r = await bench(name, server.url + path);
      rows.push({
        name,
        rps: Math.round(r.requests.average),
        p99: r.latency.p99,
        errors: r.errors + r.non2xx,
      });
    }
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(
    `\n[bench] ${CONNECTIONS} connections, ${DURATION} s each; budget ≥ ${BUDGET.rps} req/s, p99 ≤ ${BUDGET.p99} ms`,
  );
  for (const r of rows) {
    const ok = r.rps >= BUDGET.rps && r.p99 <= BUDGET.p99;
    console.log(
      `  ${r.name.padEnd(46)} ${String(r.rps).padStart(6)} req/s   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}   ${ok ? 'within budget' : 'OVER BUDGET'}`,
    );
  }
}

await main();
