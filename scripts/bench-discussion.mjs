#!/usr/bin/env node
// `npm run bench -- discussion`: <peer-discussion> in headless Chromium against the real
// reference server (in memory), on threads of 50 and 5,000 posts seeded straight into its
// database. Prints, per thread: post elements in the DOM (after loading and after reading
// far down), the time from the posts' data arriving to the first posts painted, and the
// requests made on load (kudos counts for all visible posts must be one request), and the
// frame times while scrolling the drawn thread (one 120 px step a frame). Also the
// gzip size of the discussion chunk (esbuild bundle + minify; lit, @peerkit/core and its
// subpaths, and @peerkit/kudos external). Budgets: ≤ 200 post elements; the 5,000-post
// time within twice the 50-post time. A bench prints figures; it never fails the build on a
// slow box.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The server is TypeScript source: run this script again under tsx with the `source` condition.
if (!process.env.PEERKIT_BENCH_CHILD) {
  const run = spawnSync(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, PEERKIT_BENCH_CHILD: '1' } },
  );
  process.exit(run.status ?? 1);
}

const esbuild = await import('esbuild');
const puppeteer = (await import('puppeteer-core')).default;
const { CHROME_FLAGS, findChrome } = await import('./find-chrome.mjs');
const { createServer } = await import('@peerkit/server');

const REPLIES_PER_ROOT = 4;
const PAGE_SIZE = 20;

// ---------------------------------------------------------------------------------------
// The discussion chunk's size.

async function chunkSize() {
  const result = await esbuild.build({
    entryPoints: [join(root, 'packages/discussion/src/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    conditions: ['source'],
    // The core's subpaths (`/markdown`, `/controllers`, ...) are the core too. esbuild already
    // treats `pkg/...` as external when `pkg` is listed; `@peerkit/core/*` says so plainly.
    external: [
      'lit',
      'lit/*',
      '@lit/*',
      '@peerkit/core',
      '@peerkit/core/*',
      '@peerkit/kudos',
      '@peerkit/kudos/*',
    ],
    tsconfig: join(root, 'tsconfig.json'),
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  const markedBytes = Object.entries(result.metafile.outputs)[0][1].inputs;
  const marked = Object.entries(markedBytes)
    .filter(([file]) => file.includes('node_modules/marked'))
    .reduce((n, [, v]) => n + v.bytesInOutput, 0);
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, marked };
}

// ---------------------------------------------------------------------------------------
// The page: the provider and one discussion, bundled like a host would load them.

async function buildPage(dir) {
  const entry = `import '@peerkit/core/define';
import '@peerkit/discussion/define';
const params = new URLSearchParams(location.search);
const res = await fetch('/api/demo/session', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ personId: 'ana.ruiz' }),
});
const { token } = await res.json();
const provider = document.createElement('peer-provider');
provider.setAttribute('endpoint', '/api');
provider.setAttribute('xapi', 'off');
provider.token = token;
const el = document.createElement('peer-discussion');
el.setAttribute('activity', params.get('activity'));
el.setAttribute('page-size', params.get('pageSize') ?? '20');
provider.append(el);
document.querySelector('main').append(provider);
(window as any).__el = el;
`;
  await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(dir, 'bench.js'),
    conditions: ['source'],
    tsconfig: join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/bench.js"></script></head><body><main></main></body></html>`,
  );
}

// ---------------------------------------------------------------------------------------
// Seeding: roots with replies, straight into the database (bulk insert).

async function seedThread(db, activity, total) {
  const people = ['ana.ruiz', 'ben.okafor', 'chloe.martin'];
  const rows = { id: [], parent: [], root: [], depth: [], author: [], body: [], created: [] };
  const start = Date.now() - total * 60_000;
  let n = 0;
  while (n < total) {
    const rootId = randomUUID();
    const push = (id, parent, depth) => {
      rows.id.push(id);
      rows.parent.push(parent);
      rows.root.push(rootId);
      rows.depth.push(depth);
      rows.author.push(people[n % people.length]);
      rows.body.push(
        `Post ${n + 1}: a **question** or an _answer_ with \`code\`, a [link](https://example.com/${n}) and\n\n- a list item\n- another`,
      );
      rows.created.push(new Date(start + n * 60_000).toISOString());
      n++;
    };
    push(rootId, null, 0);
    let parent = rootId;
    for (let r = 0; r < REPLIES_PER_ROOT && n < total; r++) {
      const id = randomUUID();
      push(id, parent, r < 2 ? r + 1 : 2);
      if (r < 1) parent = id;
    }
  }
  await db.query(
    `INSERT INTO posts (id, activity, parent_id, root_id, depth, author_id, body, created_at)
     SELECT id, $1, parent_id, root_id, depth, author_id, body, created_at
     FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::timestamptz[])
       AS t(id, parent_id, root_id, depth, author_id, body, created_at)`,
    [activity, rows.id, rows.parent, rows.root, rows.depth, rows.author, rows.body, rows.created],
  );
}

// ---------------------------------------------------------------------------------------

async function measure(browser, base, activity) {
  const page = await browser.newPage();
  const api = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/api/') && url.pathname !== '/api/demo/session') {
      api.push(`${req.method()} ${url.pathname}`);
    }
  });
  await page.evaluateOnNewDocument(() => {
    // First frame in which posts are in the DOM, then the frame after it (painted).
    window.__painted = new Promise((resolve) => {
      const check = () => {
        const el = window.__el;
        if (el?.shadowRoot?.querySelector('article'))
          requestAnimationFrame(() => resolve(performance.now()));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
  await page.goto(`${base}/?${new URLSearchParams({ activity, pageSize: String(PAGE_SIZE) })}`);
  const painted = await page.evaluate(() => window.__painted);
  const dataAt = await page.evaluate(() => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes('/api/posts?'));
    return entry ? entry.responseEnd : NaN;
  });
  // Let the kudos counts and the rest settle.
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 }).catch(() => undefined);
  const onLoad = await page.evaluate(
    () => window.__el.shadowRoot.querySelectorAll('article').length,
  );
  const requests = [...api];
  // Read far down: "Load more" twenty times (a reader going through ~400 posts).
  let most = onLoad;
  for (let i = 0; i < 20; i++) {
    const more = await page.evaluate(() => {
      const b = window.__el.shadowRoot.querySelector('[data-action="more"]');
      if (!b) return false;
      b.click();
      return true;
    });
    if (!more) break;
    await page.waitForNetworkIdle({ idleTime: 150, timeout: 15_000 }).catch(() => undefined);
    const count = await page.evaluate(
      () => window.__el.shadowRoot.querySelectorAll('article').length,
    );
    most = Math.max(most, count);
  }
  // Scroll the drawn thread top to bottom, one step a frame, and time the frames.
  const frames = await page.evaluate(async () => {
    const el = window.__el;
    el.scrollIntoView();
    const height = el.getBoundingClientRect().height;
    const times = [];
    let last = performance.now();
    for (let y = 0; y < height; y += 120) {
      window.scrollTo(0, el.offsetTop + y);
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    times.sort((a, b) => a - b);
    return {
      n: times.length,
      p95: times[Math.floor(times.length * 0.95)] ?? 0,
      long: times.filter((t) => t > 50).length,
    };
  });
  await page.close();
  return {
    frames,
    onLoad,
    most,
    ms: painted - dataAt,
    requests,
    // Counts requests: `GET /api/kudos` while the URL fits, else one `POST /api/kudos/query`.
    kudosRequests: requests.filter((r) => r === 'GET /api/kudos' || r === 'POST /api/kudos/query')
      .length,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'peerkit-bench-discussion-'));
let server;
let browser;
try {
  const size = await chunkSize();
  await buildPage(dir);
  server = await createServer({ memory: true, port: 0, staticDir: dir, rateLimit: 1_000_000 });
  const threads = [50, 5_000];
  const activities = {};
  for (const n of threads) {
    activities[n] = `https://peerkit.test/bench/${n}/${randomUUID()}`;
    await seedThread(server.db, activities[n], n);
  }
  const chrome = findChrome();
  if (!chrome) throw new Error('no Chromium found (set CHROME_PATH)');
  browser = await puppeteer.launch({
    executablePath: chrome,
    headless: true,
    args: [...CHROME_FLAGS],
  });
  const results = {};
  const RUNS = 5;
  for (const n of threads) {
    // Warm once, then take the median of the runs.
    await measure(browser, server.url, activities[n]);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server.url, activities[n]));
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    results[n] = {
      ...runs[0],
      ms: times[Math.floor(RUNS / 2)],
      most: Math.max(...runs.map((r) => r.most)),
      frames: runs.map((r) => r.frames).sort((a, b) => a.p95 - b.p95)[Math.floor(RUNS / 2)],
    };
  }

  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  console.log(
    `discussion chunk: ${kb(size.raw)} minified, ${kb(size.gzip)} gzip -9 (marked: ${kb(size.marked)} of the minified code)`,
  );
  console.log(
    `page size ${PAGE_SIZE} root posts, ${REPLIES_PER_ROOT} replies each; median of ${RUNS} loads\n`,
  );
  console.log(
    'thread   | posts in DOM on load | most while reading on | data → first posts painted | requests on load',
  );
  for (const n of threads) {
    const r = results[n];
    const counts = {};
    for (const q of r.requests) counts[q] = (counts[q] ?? 0) + 1;
    const list = Object.entries(counts)
      .map(([k, v]) => `${k}×${v}`)
      .join(', ');
    console.log(
      `${String(n).padStart(5)}    | ${String(r.onLoad).padStart(20)} | ${String(r.most).padStart(21)} | ${`${r.ms.toFixed(1)} ms`.padStart(26)} | ${r.requests.length} (${list})`,
    );
  }
  for (const n of threads) {
    const f = results[n].frames;
    console.log(
      `scrolling the ${n}-post thread after reading on (${results[n].most} posts drawn): ${f.n} frames, p95 ${f.p95.toFixed(1)} ms, ${f.long} over 50 ms`,
    );
  }
  const big = results[5_000];
  const small = results[50];
  const domOk = Math.max(big.most, small.most) <= 200;
  const timeOk = big.ms <= 2 * Math.max(small.ms, 1);
  const kudosOk = big.kudosRequests === 1 && small.kudosRequests === 1;
  console.log('');
  console.log(
    `budget ≤ 200 post elements: ${domOk ? 'met' : 'MISSED'} (most ${Math.max(big.most, small.most)})`,
  );
  console.log(
    `budget 5,000-post time ≤ 2 × 50-post time: ${timeOk ? 'met' : 'MISSED'} (${big.ms.toFixed(1)} ms vs ${small.ms.toFixed(1)} ms)`,
  );
  console.log(
    `kudos counts in one request: ${kudosOk ? 'yes' : 'NO'} (${small.kudosRequests} and ${big.kudosRequests})`,
  );
} finally {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
}
