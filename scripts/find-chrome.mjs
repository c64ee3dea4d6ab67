#!/usr/bin/env node
// Finds a Chromium/Chrome binary for the browser tests: CHROME_PATH, else the usual install
// paths. Running as root on Debian/Ubuntu with none found, it installs Debian's `chromium`;
// otherwise it says exactly what to install and exits 1. Imported, `findChrome()` answers the
// path (or null) and `CHROME_FLAGS` the switches every headless run here launches it with;
// run directly, it prints the path.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CANDIDATES = [
  '/usr/lib/chromium/chromium', // Debian's binary itself (the /usr/bin wrapper adds flags)
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The switches every headless Chromium here starts with (the browser tests, the e2e tests,
 * the discussion bench): no sandbox (containers, root), no GPU, no /dev/shm (small in
 * containers), and none of the background work a fresh profile would start.
 */
export const CHROME_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

/** The first browser binary that exists, or null. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
    return null;
  }
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Finds the browser, installing Debian's chromium when we may; exits 1 when there is none. */
export function ensureChrome() {
  let path = findChrome();
  if (path) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
  if (isRoot && hasApt && !process.env.CHROME_PATH) {
    console.log("No Chromium found: installing Debian's chromium (apt-get install -y chromium)…");
    const run = (args) =>
      spawnSync('apt-get', args, {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    if (run(['update']).status === 0 && run(['install', '-y', 'chromium']).status === 0) {
      path = findChrome();
      if (path) return path;
    }
  }
  console.error(
    [
      'The browser tests need Chromium or Chrome and none was found.',
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
      '  Fedora:         sudo dnf install -y chromium',
      '  macOS:          brew install --cask chromium   (or install Google Chrome)',
      'or point CHROME_PATH at an existing binary, e.g. CHROME_PATH=/path/to/chrome npm run test:browser',
    ].join('\n'),
  );
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(ensureChrome());
}
