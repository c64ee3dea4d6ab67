#!/usr/bin/env node
/**
 * `node scripts/bench-people.mjs` (run by `npm run bench`): the expert search at an
 * organisation's scale, on embedded PGlite and then on PostgreSQL (a private cluster,
 * `lib/postgres-cluster.mjs`). For each database: the server in a child process migrates
 * and seeds the demo, stops; 10,000 people (titles, teams, topics, availability, mentors),
 * 40,000 skills (4 each from a vocabulary of 200) and 100,000 endorsements are written
 * with SQL (the same statements on both); the server starts again and autocannon (20
 * connections, 10 s, in this process: the load generator shares the 2 cores) asks
 *   GET /api/people?skill=…   (one of 50 skills, in turn: ~200 people each)
 *   GET /api/people?q=…       (one of 40 name, team and topic fragments, in turn)
 * and both again with `&activity=` the demo course (as `<peer-expert-finder>` asks),
 * printing requests per second and p99 latency against the budget (≥ 1,000 req/s,
 * p99 ≤ 50 ms) and the server process's CPU time per request (Linux, `/proc`; on PGlite
 * that includes the database's), once as the server runs (its read cache on: the 180
 * answers are cached after their first ask, until a write) and once with `PEERKIT_READ_CACHE=0` (every
 * request ranks in the database). `BENCH_DURATION` (seconds) and `BENCH_CONNECTIONS` change the load;
 * `--pglite` or `--postgres` runs one database only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { withCluster } from './lib/postgres-cluster.mjs';
import { startServer } from './lib/start-server.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const BUDGET = { rps: 1000, p99: 50 };
const SCALE = { people: 10_000, skillsEach: 4, endorsements: 100_000 };

const FIRST = `Ana Ben Chloé Dev Emma Farid Grace Hugo Inès Jonas Kemi Liam Mei Nadia Omar Priya
  Quentin Rosa Sami Tara Umar Valeria Wei Yara Zoe Aiko Bruno Carla Diego Elif Femi Gita Hana
  Ivan Jun Kofi Lena Marta Nils Olga`.split(/\s+/);
const LAST = `Ruiz Okafor Martin Patel Larsen Haddad Kim Silva Moreau Weber Adeyemi Chen Petrova
  Farouk Nair Dubois Gomez Virtanen Singh Bello Rossi Zhang Fischer Sato Costa Novak Berg Ito
  Lopez Demir Mensah Rao Hoffmann Kowalski Tanaka Osei Lind Schmidt Ivanova`.split(/\s+/);
const TEAMS = `Data Platform Design Sales Support Finance Legal Security Mobile Web Research
  Operations`.split(/\s+/);
const ROLES = ['Analyst', 'Engineer', 'Designer', 'Manager', 'Lead', 'Specialist', 'Consultant'];
const BASE_SKILLS = `SQL Python TypeScript Kubernetes PostgreSQL Statistics Storytelling Writing
  Coaching Facilitation Accessibility Negotiation Budgeting Forecasting Go Rust Java Kotlin Swift
  GraphQL Terraform Excel Tableau Figma Illustration Copywriting Recruiting Onboarding Compliance
  Privacy Security Testing Mentoring Leadership Planning Scheduling Procurement Logistics
  Marketing SEO`.split(/\s+/);
/** 200 skill names: the 40 above, and each in four specialisations. */
const SKILLS = BASE_SKILLS.flatMap((s) =>
  [s, `${s} basics`, `Advanced ${s}`, `${s} at scale`, `${s} reviews`].slice(0, 5),
);
const TOPICS = ['onboarding', 'on-call', 'quarterly planning', 'dashboards', 'hiring', 'audits'];

/** The seed, in SQL both databases run: `$1…` are JS arrays of the vocabularies above. */
export const SEED_SQL = [
  [
    `INSERT INTO people (id, name, email, title, team, ask_me_about, mentor, availability)
     SELECT 'bench.' || i,
       ($1::text[])[1 + i % cardinality($1::text[])] || ' ' || ($2::text[])[1 + (i / 7) % cardinality($2::text[])],
       'bench.' || i || '@example.com',
       ($4::text[])[1 + i % cardinality($4::text[])],
       ($3::text[])[1 + (i / 3) % cardinality($3::text[])],
       ARRAY[($5::text[])[1 + i % cardinality($5::text[])]],
       i % 7 = 0,
       (ARRAY['available', 'busy', 'away', 'unknown'])[1 + i % 4]
     FROM generate_series(1, ${SCALE.people}) i`,
    [FIRST, LAST, TEAMS, ROLES.map((r, i) => `${TEAMS[i]} ${r}`), TOPICS],
  ],
  [
    `INSERT INTO person_skills (person_id, skill, skill_key, level)
     SELECT 'bench.' || i, ($1::text[])[1 + (i * 7 + k * 53) % cardinality($1::text[])],
       lower(($1::text[])[1 + (i * 7 + k * 53) % cardinality($1::text[])]), 1 + (i + k) % 5
     FROM generate_series(1, ${SCALE.people}) i, generate_series(0, ${SCALE.skillsEach - 1}) k`,
    [SKILLS],
  ],
  [
    `INSERT INTO endorsements (person_id, skill_key, endorser_id)
     SELECT DISTINCT s.person_id, s.skill_key, 'bench.' || e
     FROM (SELECT ps.*, row_number() OVER (ORDER BY ps.person_id, ps.skill_key) AS n
           FROM person_skills ps WHERE ps.person_id LIKE 'bench.%') s,
       generate_series(0, 5) j,
       LATERAL (SELECT 1 + (s.n * 31 + j * 977) % ${SCALE.people} AS e) pick
     WHERE (s.n + j) % 2 = 0 AND 'bench.' || e <> s.person_id
     LIMIT ${SCALE.endorsements}`,
    [],
  ],
];

function startPeopleServer(dataDir, databaseUrl, env = {}) {
  return startServer({
    args: databaseUrl ? [] : ['--data-dir', dataDir],
    env: { DATABASE_URL: databaseUrl ?? '', PEERKIT_RATE_LIMIT: '1000000', ...env },
  });
}

/** Opens the database the server used, the way it did, for the seed statements. */
async function openSeedDb(dataDir, databaseUrl) {
  if (databaseUrl) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return { query: (sql, params) => client.query(sql, params), close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  return { query: (sql, params) => db.query(sql, params), close: () => db.close() };
}

async function seed(dataDir, databaseUrl) {
  const db = await openSeedDb(dataDir, databaseUrl);
  try {
    for (const [sql, params] of SEED_SQL) await db.query(sql, params);
    // The bulk seed writes every endorsement's counters and stored scores in one
    // transaction, so none of the row versions it leaves behind could be pruned as it
    // went (a server's writes, one per transaction, are); the clean-up a running database
    // does (autovacuum on PostgreSQL) is done once here.
    await db.query('VACUUM ANALYZE');
    const counts = await db.query(
      `SELECT (SELECT count(*) FROM people WHERE id LIKE 'bench.%')::int AS people,
              (SELECT count(*) FROM person_skills WHERE person_id LIKE 'bench.%')::int AS skills,
              (SELECT count(*) FROM endorsements WHERE person_id LIKE 'bench.%')::int AS endorsements`,
    );
    return counts.rows[0];
  } finally {
    await db.close();
  }
}

/** Autocannon asking `paths` in turn. */
function bench(url, paths, duration = DURATION, connections = CONNECTIONS) {
  let i = 0;
  return new Promise((ok, fail) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (err, result) => (err ? fail(err) : ok(result)),
    );
    instance.on('error', fail);
  });
}

/** CPU seconds (user + system) process `pid` has used, or NaN where `/proc` is missing. */
async function cpuSeconds(pid) {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

const SKILL_PATHS = SKILLS.filter((_, i) => i % 4 === 0)
  .slice(0, 50)
  .map((s) => `/api/people?skill=${encodeURIComponent(s)}`);
const Q_PATHS = [...FIRST.slice(0, 20), ...LAST.slice(0, 10), ...TEAMS.slice(0, 6), ...TOPICS]
  .slice(0, 40)
  .map((w) => `/api/people?q=${encodeURIComponent(w.slice(0, 5).toLowerCase())}`);
/**
 * The demo's course page (`DEMO_ACTIVITIES.dataStorytelling`, which has posts, tags and
 * kudos): `<peer-expert-finder>` sends its activity with every search.
 */
const ACTIVITY = `&activity=${encodeURIComponent('https://learn.example.com/courses/data-storytelling')}`;
const QUERIES = [
  ['GET /api/people?skill=', SKILL_PATHS],
  ['GET /api/people?q=', Q_PATHS],
  ['GET /api/people?skill=&activity=', SKILL_PATHS.map((p) => p + ACTIVITY)],
  ['GET /api/people?q=&activity=', Q_PATHS.map((p) => p + ACTIVITY)],
];

/**
 * The CPU one query costs with nothing else running (`lib/people-floor.ts`, in a child
 * process on the seeded database), so what a bare request cannot go below is printed beside
 * the bench: on PGlite the database runs in the server's one thread.
 */
function floorOf(label, target) {
  const run = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(HERE, 'lib/people-floor.ts'), target],
    { cwd: join(HERE, '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (run.status !== 0) throw new Error(`people-floor.ts failed on ${label}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => ({ label, ...JSON.parse(line) }));
}

/** Per database, the floor's queries (`floorOf`). */
const floors = [];

async function measure(label, databaseUrl) {
  const dataDir = await mkdtemp(join(tmpdir(), 'peerkit-bench-people-'));
  const rows = [];
  try {
    // The server migrates and seeds the demo; the bulk seed goes in while it is stopped
    // (PGlite has one process at a time).
    await (await startPeopleServer(dataDir, databaseUrl)).stop();
    const counts = await seed(dataDir, databaseUrl);
    console.log(
      `[bench-people] ${label}: ${counts.people} people, ${counts.skills} skills, ${counts.endorsements} endorsements`,
    );
    floors.push(...floorOf(label, databaseUrl ?? dataDir));
    for (const cache of ['1', '0']) {
      const server = await startPeopleServer(dataDir, databaseUrl, { PEERKIT_READ_CACHE: cache });
      const how = cache === '1' ? 'read cache' : 'bare queries';
      try {
        const check = await (await fetch(server.url + SKILL_PATHS[0])).json();
        if (!(check.total > 50)) throw new Error(`unexpected answer: ${JSON.stringify(check)}`);
        for (const [name, paths] of QUERIES) {
          await bench(server.url, paths, 2, 4); // warm up (JIT, plans)
          const cpu = await cpuSeconds(server.child.pid);
          const r = await bench(server.url, paths);
          rows.push({
            name: `${name} ${label}, ${how}`,
            rps: Math.round(r.requests.average),
            p99: r.latency.p99,
            cpuMs: (((await cpuSeconds(server.child.pid)) - cpu) * 1000) / r.requests.total,
            errors: r.errors + r.non2xx,
          });
        }
        // Let the last answers finish before the server stops.
        await new Promise((ok) => setTimeout(ok, 500));
      } finally {
        await server.stop();
      }
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return rows;
}

async function main() {
  const only = process.argv.includes('--pglite')
    ? 'pglite'
    : process.argv.includes('--postgres')
      ? 'postgres'
      : null;
  const rows = [];
  if (only !== 'postgres') rows.push(...(await measure('PGlite', null)));
  if (only !== 'pglite') rows.push(...(await withCluster((url) => measure('PostgreSQL', url))));
  console.log(
    `\n[bench-people] ${CONNECTIONS} connections, ${DURATION} s each; budget ≥ ${BUDGET.rps} req/s, p99 ≤ ${BUDGET.p99} ms`,
  );
  for (const r of rows) {
    const ok = r.rps >= BUDGET.rps && r.p99 <= BUDGET.p99;
    console.log(
      `  ${r.name.padEnd(62)} ${String(r.rps).padStart(6)} req/s   p99 ${String(r.p99).padStart(4)} ms   server CPU ${r.cpuMs.toFixed(2).padStart(5)} ms/req   errors ${r.errors}   ${ok ? 'within budget' : 'OVER BUDGET'}`,
    );
  }
  console.log(
    `\n[bench-people] the floor: CPU per query, one at a time, no HTTP (lib/people-floor.ts);` +
      ` a bare request costs at least this on top of its HTTP work, in one thread on PGlite`,
  );
  for (const f of floors)
    console.log(
      `  ${`${f.label}: ${f.name}`.padEnd(52)} ${f.cpuMs.toFixed(2).padStart(6)} ms CPU` +
        (f.backendMs ? ` (driver ${f.nodeMs.toFixed(2)}, backend ${f.backendMs.toFixed(2)})` : '') +
        `   at most ${Math.floor(1000 / f.cpuMs)
          .toLocaleString('en')
          .padStart(6)} per CPU-second`,
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
