/**
 * The CLI contract other tools rely on: one line `Peerkit listening on http://127.0.0.1:<port>`
 * once ready, a free port with `--port 0`, graceful exit on SIGTERM and SIGINT, and data
 * kept in `--data-dir` across restarts.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freshDatabase } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Started {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  exit: Promise<number | null>;
}

async function startCli(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<Started> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/server/src/cli.ts', ...args],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  const url = await new Promise<string>((ok, fail) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /^Peerkit listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m) ok(m[1]!);
    });
    void exit.then((code) =>
      fail(new Error(`the CLI exited (${code}) before it was ready: ${err}`)),
    );
  });
  return { child, url, stdout: () => out, exit };
}

describe('CLI', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups) await c();
  });

  it('prints one ready line, serves on a free port, and exits cleanly on SIGTERM', async () => {
    let env: Record<string, string | undefined> = {};
    if (process.env['DATABASE_URL']) {
      const db = await freshDatabase(process.env['DATABASE_URL']);
      cleanups.push(db.drop);
      env = { DATABASE_URL: db.url };
    }
    const s = await startCli(['--memory', '--port', '0'], env);
    const health = await fetch(`${s.url}/api/health`);
    assert.equal(health.status, 200);
    const people = await (await fetch(`${s.url}/api/demo/people`)).json();
    assert.ok(people.items.length >= 20, 'seeded');
    assert.equal(s.stdout().trim().split('\n').length, 1, 'exactly one line on stdout');
    s.child.kill('SIGTERM');
    assert.equal(await s.exit, 0);
  });

  it('refuses unknown options', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'packages/server/src/cli.ts', '--colour'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    assert.equal(code, 2);
  });

  it('refuses to start on an environment variable set to a value it cannot take, naming it', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'packages/server/src/cli.ts', '--memory'],
      {
        cwd: ROOT,
        env: { ...process.env, PEERKIT_RATE_LIMIT: '120/min' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    assert.equal(code, 2);
    assert.match(err, /PEERKIT_RATE_LIMIT must be a whole number from 1 to 1000000000/);
    assert.equal(out, '', 'never said it was listening');
  });

  it('keeps data in --data-dir across a SIGINT and a restart (embedded database)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'peerkit-cli-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const env = {
      DATABASE_URL: undefined,
      PEERKIT_JWT_SECRET: 'cli-test-secret-of-good-length-123',
    };
    const first = await startCli(['--data-dir', dir, '--port', '0'], env);
    const session = await fetch(`${first.url}/api/demo/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: 'ana.ruiz' }),
    });
    const { token } = await session.json();
    const activity = `https://learn.example.com/cli/${Date.now()}`;
    const created = await fetch(`${first.url}/api/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ activity, body: 'Still here after a restart' }),
    });
    assert.equal(created.status, 201);
    first.child.kill('SIGINT');
    assert.equal(await first.exit, 0);
    const second = await startCli(['--data-dir', dir, '--port', '0'], env);
    try {
      const page = await (
        await fetch(`${second.url}/api/posts?activity=${encodeURIComponent(activity)}`)
      ).json();
      assert.deepEqual(
        page.items.map((p: { body: string }) => p.body),
        ['Still here after a restart'],
      );
      const me = await fetch(`${second.url}/api/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(me.status, 200, 'a token signed with PEERKIT_JWT_SECRET survives a restart');
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await second.exit, 0);
    }
  });
});
