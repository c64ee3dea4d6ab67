// @web/test-runner: element and client tests in real headless Chromium, against ONE real
// reference server that this config starts (see test/support/reference-server.mjs) and
// serves same-origin under /api and /chaos/<scope>/api. Run through `npm run test:browser`
// (scripts/test-browser.mjs finds or installs Chromium first).
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { CHROME_FLAGS, findChrome } from './scripts/find-chrome.mjs';
import {
  referenceServerMiddleware,
  startReferenceServer,
} from './test/support/reference-server.mjs';

const executablePath = findChrome();
if (!executablePath) {
  throw new Error(
    'No Chromium found: run the tests with `npm run test:browser` (it finds or installs one).',
  );
}

/** How many times slower than this machine test pages run (1: as fast as it is). */
const CPU_SLOWDOWN = Number(process.env.PEERKIT_TEST_CPU_SLOWDOWN ?? 1);

let server;
let starting;
const origin = () => (starting ??= startReferenceServer().then((s) => ((server = s), s.origin)));

/** Starts the reference server with the dev server, and stops it with it. */
const referenceServer = {
  name: 'peerkit-reference-server',
  async serverStart() {
    await origin();
  },
  async serverStop() {
    await server?.stop();
  },
};

/**
 * A module the page asks for gets no answer (the connection is dropped, as offline or on a
 * network hiccup) while the cookie `peerkit-fail-module` names the end of its path: the way a
 * test sees a lazy chunk that cannot be fetched, then recovers once the cookie is gone.
 */
async function failingModules(ctx, next) {
  const m = /(?:^|;\s*)peerkit-fail-module=([^;]+)/.exec(ctx.get('cookie'));
  const suffix = m ? decodeURIComponent(m[1]) : null;
  if (suffix && ctx.path.replace(/\.ts$/, '.js').endsWith(suffix)) {
    // Not answered at all; the status only keeps it out of the "404 network requests" report.
    ctx.status = 502;
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  await next();
}

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['test/{core,kudos,discussion,experts,reflection}/**/*.test.ts'],
  hostname: '127.0.0.1',
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  // One page at a time: a second tab in the same headless browser is a background tab
  // (hidden: no animation frames, no keyboard focus), which hangs focus and rAF-driven
  // tests. PEERKIT_TEST_CONCURRENCY=2 runs two at a time for suites that don't care.
  concurrency: Number(process.env.PEERKIT_TEST_CONCURRENCY ?? 1),
  concurrentBrowsers: 1,
  // Per test file; the slowest file takes ~30 s, so a hung page fails in 3 minutes.
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 30_000 } },
  // test/support/setup.ts first: a failed `equal` on DOM nodes reports instead of hanging.
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script type="module" src="/test/support/setup.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
  middleware: [failingModules, referenceServerMiddleware(origin)],
  // Lit's one-line notice that it runs in dev mode, printed by every test file, says nothing
  // (test/support/lit-warnings.ts fails a test on Lit's real warnings).
  filterBrowserLogs: ({ args }) =>
    !(typeof args[0] === 'string' && /^Lit is in dev mode/.test(args[0])),
  plugins: [
    referenceServer,
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          ...CHROME_FLAGS,
          // Test pages run side by side in tabs: keep background ones at full speed.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
      // Every test file is a first visit: no HTTP cache between files. The test runner marks
      // every module `max-age` a year, so a lazy chunk one file loaded would otherwise come from
      // the cache in the next file, and a test of that chunk failing to load would not see it
      // fail (test/core/checks-chunk.test.ts after client.test.ts).
      //
      // PEERKIT_TEST_CPU_SLOWDOWN=4 runs every page at a quarter of this machine's CPU speed
      // (Chrome's CPU throttling): a busy CI machine on demand, to shake out tests that assume
      // how fast things happen (CI once failed on one that had passed here three times).
      async createPage({ context }) {
        const page = await context.newPage();
        await page.setCacheEnabled(false);
        if (CPU_SLOWDOWN > 1) {
          const cdp = await page.createCDPSession();
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        }
        return page;
      },
    }),
  ],
};
