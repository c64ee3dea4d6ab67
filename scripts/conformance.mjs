#!/usr/bin/env node
/**
 * `npm run conformance`: the ADL LRS conformance test suite (xAPI 1.0.3, HTTP Basic) against
 * the reference server's statements endpoint, `/api/xapi`.
 *
 * The suite is not an npm package: clone it once and install its dependencies, then name
 * its folder in `LRS_SUITE_DIR`:
 *
 *   git clone https://github.com/adlnet/lrs-conformance-test-suite /work/lrs-suite
 *   (cd /work/lrs-suite && npm install)
 *   LRS_SUITE_DIR=/work/lrs-suite npm run conformance
 *
 * The script starts the server as `npm start` does (demo mode, from the TypeScript sources)
 * with the database in memory, on a free port, with generated Basic credentials
 * (`PEERKIT_XAPI_KEY`/`PEERKIT_XAPI_SECRET`), and with the rest of the environment as given
 * (so `PEERKIT_RATE_LIMIT=…` or `PEERKIT_XAPI_RATE_LIMIT=…` measure other settings, and
 * `DATABASE_URL` runs it on PostgreSQL). It prints `passed/total (percent)` and the titles
 * of the failing tests, grouped by the suite's section. `CONFORMANCE_GREP` runs only the tests
 * whose title matches (the suite's `-g`). Exit status 0 when every test ran, whatever the
 * figure (it is a measure, not a gate); 1 when the suite or the server could not run.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SUITE = process.env.LRS_SUITE_DIR;

if (!SUITE || !existsSync(join(SUITE, 'bin/console_runner.js'))) {
  console.error(
    'Set LRS_SUITE_DIR to a clone of github.com/adlnet/lrs-conformance-test-suite ' +
      'with its dependencies installed (npm install in that folder).',
  );
  process.exit(1);
}

/** The server on a free port; resolves its URL once it prints "Peerkit listening on". */
function startServer(key, secret) {
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      'packages/server/src/cli.ts',
      '--memory',
      '--port',
      '0',
    ],
    {
      cwd: ROOT,
      env: {
        PEERKIT_DEMO: '1',
        PEERKIT_LOG_ERRORS: '1',
        ...process.env,
        PEERKIT_XAPI_KEY: key,
        PEERKIT_XAPI_SECRET: secret,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Peerkit listening on (\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`the server exited with ${code}`)));
  });
  return { child, url };
}

/** Runs the suite; resolves the path of the log it wrote and its last summary line. */
function runSuite(endpoint, key, secret) {
  const argv = ['bin/console_runner.js', '-x', '1.0.3', '-e', endpoint, '-a'];
  argv.push('-u', key, '-p', secret);
  if (process.env.CONFORMANCE_GREP) argv.push('-g', process.env.CONFORMANCE_GREP);
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, argv, {
      cwd: SUITE,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('exit', () => {
      const log = /Full run log written to (\S+)/.exec(out)?.[1];
      const summaries = out.split('\n').filter((l) => l.startsWith('{"total"'));
      if (!log || !summaries.length) fail(new Error(`the suite did not finish:\n${out}`));
      else ok({ log, summary: JSON.parse(summaries.at(-1)) });
    });
  });
}

/** The failing tests of a run log: `[section, title, error]`. */
function failures(log) {
  const out = [];
  const walk = (node, section) => {
    if (!node) return;
    const here = node.title && !node.tests?.length ? node.title : undefined;
    if (node.status === 'failed' && here) {
      out.push([
        section,
        here,
        String(node.error ?? '')
          .split('\n')[0]
          .slice(0, 200),
      ]);
    }
    for (const child of node.tests ?? []) walk(child, section ?? node.title ?? node.name);
  };
  const record = JSON.parse(readFileSync(log, 'utf8'));
  for (const top of record.log?.tests ?? []) walk(top, top.title ?? top.name);
  return out;
}

const key = `conformance-${randomBytes(4).toString('hex')}`;
const secret = randomBytes(16).toString('hex');
const server = startServer(key, secret);
let code = 0;
try {
  const url = await server.url;
  const started = Date.now();
  const { log, summary } = await runSuite(`${url}/api/xapi`, key, secret);
  const failed = failures(log);
  const bySection = new Map();
  for (const f of failed) bySection.set(f[0], [...(bySection.get(f[0]) ?? []), f]);
  for (const [section, tests] of bySection) {
    console.log(`\n${section}`);
    for (const [, title, error] of tests) console.log(`  ✗ ${title}\n      ${error}`);
  }
  const { passed, failed: nFailed, total } = summary;
  const percent = total ? ((100 * passed) / total).toFixed(1) : '0.0';
  console.log(`\nrun log: ${log}`);
  console.log(`time: ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`conformance: ${passed} passed, ${nFailed} failed, ${total} total: ${percent} %`);
} catch (error) {
  console.error(error.message);
  code = 1;
} finally {
  server.child.kill('SIGTERM');
}
process.exit(code);
