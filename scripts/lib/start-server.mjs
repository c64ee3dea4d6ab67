/**
 * Starts the reference server (`packages/server/src/cli.ts`, run from source through tsx) in a
 * child process on a free port, for the benchmarks. The child runs with `PEERKIT_DEMO=1` and
 * `NODE_ENV=production`; `env` is laid over that (the caller's keys win), `args` follow
 * `--port 0`, `nodeArgs` go before the script (e.g. `--cpu-prof`). Resolves once the server
 * prints `Peerkit listening on <url>`, rejects if it exits first.
 *
 * @param {{ args?: string[], env?: Record<string, string>, nodeArgs?: string[] }} [options]
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string,
 *   stop: () => Promise<void> }>} `stop` sends SIGTERM and waits for the exit.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function startServer({ args = [], env = {}, nodeArgs = [] } = {}) {
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      '--conditions=source',
      '--import',
      'tsx',
      'packages/server/src/cli.ts',
      '--port',
      '0',
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, PEERKIT_DEMO: '1', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise((ok) => child.on('exit', ok));
  const url = await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Peerkit listening on (\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    void exited.then((code) => fail(new Error(`server exited with ${code}`)));
  });
  return {
    child,
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
