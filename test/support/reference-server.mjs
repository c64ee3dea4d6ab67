// Node side of the browser tests: starts ONE real reference server as a child process and
// serves it same-origin through @web/test-runner's dev server:
//   /api/*                    → the server's /api/* untouched (SSE streams through)
//   /chaos/<scope>/api/*      → the same, through a fault-injecting proxy for that scope
//   POST   /__chaos/<scope>   { rules: ChaosRule[] }  sets its faults
//   GET    /__chaos/<scope>/log                         the requests it saw (ChaosLogEntry[])
//   DELETE /__chaos/<scope>                             clears rules and log
// The browser-side helpers are in `server.ts`.
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The secret the test server signs and checks JWTs with. */
export const TEST_JWT_SECRET = 'peerkit-browser-tests-secret-0123456789abcdef';
export const TEST_XAPI_KEY = 'peerkit-test-key';
export const TEST_XAPI_SECRET = 'peerkit-test-secret';

/**
 * What the browser tests' server runs with on top of the caller's environment: demo mode,
 * the JWT secret and xAPI credentials above, and a rate limit no test reaches.
 */
export const TEST_SERVER_ENV = Object.freeze({
  PEERKIT_DEMO: '1',
  PEERKIT_JWT_SECRET: TEST_JWT_SECRET,
  PEERKIT_RATE_LIMIT: '100000',
  PEERKIT_XAPI_KEY: TEST_XAPI_KEY,
  PEERKIT_XAPI_SECRET: TEST_XAPI_SECRET,
});

/**
 * Starts the server (in memory, on a free port of 127.0.0.1) and answers `{ origin, stop }`
 * once it prints `Peerkit listening on http://127.0.0.1:<port>`. `env` is added to this
 * process's environment (default `TEST_SERVER_ENV`; the e2e tests pass demo mode alone).
 */
export function startReferenceServer({ timeoutMs = 90_000, env = TEST_SERVER_ENV } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        join(root, 'packages/server/src/cli.ts'),
        '--memory',
        '--port',
        '0',
      ],
      {
        cwd: root,
        env: { ...process.env, ...env, HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let done = false;
    const timer = setTimeout(
      () =>
        fail(new Error(`The reference server did not start within ${timeoutMs} ms.\n${output}`)),
      timeoutMs,
    );
    const fail = (error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(error);
    };
    const onData = (chunk) => {
      const text = chunk.toString();
      if (!done) output += text;
      else if (process.env.PEERKIT_TEST_SERVER_LOG) process.stderr.write(text);
      const m = /Peerkit listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m && !done) {
        done = true;
        clearTimeout(timer);
        resolve({
          origin: m[1],
          stop: () =>
            new Promise((res) => {
              if (child.exitCode !== null) return res();
              child.once('exit', () => res());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) =>
      fail(new Error(`The reference server exited (${code}) before listening.\n${output}`)),
    );
    child.on('error', fail);
  });
}

/** Reads a small request body as JSON. */
async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Forwards `req` to the server as `path` and streams the answer back; resolves with the status. */
function forward(origin, req, res, path) {
  return new Promise((resolve) => {
    const target = new URL(path, origin);
    const headers = { ...req.headers, host: target.host };
    delete headers['connection'];
    const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
      const out = { ...answer.headers };
      delete out['connection'];
      delete out['keep-alive'];
      res.writeHead(answer.statusCode ?? 502, out);
      res.flushHeaders?.();
      answer.pipe(res);
      answer.on('end', () => resolve(answer.statusCode ?? 502));
      answer.on('error', () => resolve(answer.statusCode ?? 502));
      res.on('close', () => {
        answer.destroy();
        resolve(answer.statusCode ?? 502);
      });
    });
    upstream.on('error', () => {
      if (!res.headersSent)
        send(
          res,
          502,
          { title: 'Bad gateway', status: 502 },
          { 'content-type': 'application/problem+json' },
        );
      else res.destroy();
      resolve(502);
    });
    req.pipe(upstream);
  });
}

/**
 * A Koa middleware for @web/test-runner's `middleware` option. `getOrigin()` answers a
 * promise of the reference server's origin.
 */
export function referenceServerMiddleware(getOrigin) {
  /** @type {Map<string, { rules: any[], log: any[], held: Set<() => void> }>} */
  const scopes = new Map();
  const scopeOf = (name) => {
    let s = scopes.get(name);
    if (!s) scopes.set(name, (s = { rules: [], log: [], held: new Set() }));
    return s;
  };
  /** Lets every request a `hold` rule keeps waiting go on. */
  const release = (scope) => {
    for (const go of scope.held) go();
    scope.held.clear();
  };

  async function handle(ctx, next) {
    const url = ctx.url;
    const { req, res } = ctx;

    let m = /^\/__chaos\/([\w-]+)(\/log|\/release)?\/?$/.exec(ctx.path);
    if (m) {
      ctx.respond = false;
      const scope = scopeOf(m[1]);
      if (m[2] === '/log' && req.method === 'GET') return send(res, 200, scope.log);
      if (m[2] === '/release' && req.method === 'POST') {
        release(scope);
        return send(res, 200, { ok: true });
      }
      if (!m[2] && req.method === 'POST') {
        const body = await readJson(req);
        scope.rules = (body.rules ?? []).map((r) => ({ ...r, left: r.times ?? 1 }));
        return send(res, 200, { ok: true });
      }
      if (!m[2] && req.method === 'DELETE') {
        release(scope);
        scopes.delete(m[1]);
        return send(res, 200, { ok: true });
      }
      return send(res, 405, 'method not allowed');
    }

    if (url.startsWith('/api/') || url === '/api') {
      const origin = await getOrigin();
      ctx.respond = false;
      await forward(origin, req, res, url);
      return;
    }

    m = /^\/chaos\/([\w-]+)(\/api(?:\/.*)?)$/.exec(url);
    if (m) {
      const origin = await getOrigin();
      ctx.respond = false;
      const scope = scopeOf(m[1]);
      const upstreamPath = m[2];
      const u = new URL(upstreamPath, 'http://x');
      const apiPath = u.pathname.replace(/^\/api/, '') || '/';
      const entry = {
        method: req.method,
        path: apiPath,
        query: u.search.replace(/^\?/, ''),
        idempotencyKey: req.headers['idempotency-key'] ?? null,
        authorization: Boolean(req.headers['authorization']),
        status: 0,
        /** ms since epoch when the request arrived (an extension of ChaosLogEntry). */
        time: Date.now(),
      };
      scope.log.push(entry);
      const rule = scope.rules.find(
        (r) =>
          r.left !== 0 &&
          (!r.match?.method || r.match.method.toUpperCase() === req.method) &&
          (!r.match?.path || new RegExp(r.match.path).test(apiPath)),
      );
      if (rule && rule.left > 0) rule.left--;
      const action = rule?.action;
      // Drain the request body before answering by ourselves.
      const drain = async () => {
        for await (const _ of req);
      };
      switch (action) {
        case 'drop':
          await drain();
          entry.status = 0;
          req.socket.destroy();
          return;
        case 'status': {
          await drain();
          const status = rule.status ?? 500;
          entry.status = status;
          return send(
            res,
            status,
            {
              type: 'about:blank',
              title: 'Injected failure',
              status,
              detail: `The chaos proxy answered ${status}.`,
            },
            { 'content-type': 'application/problem+json', ...(rule.headers ?? {}) },
          );
        }
        case 'html':
          await drain();
          entry.status = rule.status ?? 502;
          res.writeHead(entry.status, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
            ...(rule.headers ?? {}),
          });
          return res.end(
            '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>',
          );
        case 'malformed-json':
          await drain();
          entry.status = 200;
          return send(res, 200, '{"items": [{"activity": "https://x.test/a", "count": 1', {
            'content-type': 'application/json',
            ...(rule.headers ?? {}),
          });
        case 'wrong-shape':
          await drain();
          entry.status = 200;
          return send(
            res,
            200,
            { items: 'not a list', id: 42, unexpected: true },
            rule.headers ?? {},
          );
        case 'cut': {
          // Forwards, then drops the connection mid-answer (a stream cut by a proxy).
          const timer = setTimeout(() => req.socket.destroy(), rule.delayMs ?? 1000);
          res.on('close', () => clearTimeout(timer));
          entry.status = await forward(origin, req, res, upstreamPath);
          return;
        }
        case 'hold': {
          // Until the test releases it (`Chaos.release()`, or clearing the scope).
          await new Promise((go) => scope.held.add(go));
          if (req.destroyed || res.destroyed || req.socket.destroyed) {
            entry.status = 0;
            return;
          }
          break;
        }
        case 'delay': {
          await new Promise((r) => setTimeout(r, rule.delayMs ?? 1000));
          if (req.destroyed || res.destroyed || req.socket.destroyed) {
            entry.status = 0;
            return;
          }
          break;
        }
      }
      entry.status = await forward(origin, req, res, upstreamPath);
      return;
    }
    return next();
  }

  return async function peerkitServer(ctx, next) {
    await handle(ctx, next);
    // A request taken over here and never answered (a dropped connection) keeps Koa's
    // default status 404, which @web/test-runner would list under "404 network requests".
    if (ctx.respond === false && !ctx.res.headersSent) ctx.status = 502;
  };
}
