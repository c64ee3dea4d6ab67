#!/usr/bin/env node
// `npm run size`: what each part of Peerkit costs a page, minified and `gzip -9`, against the
// budgets of issue 10 (which replaced the foundation's and kudos' budgets, which counted zod
// where it cannot fit). It prints figures and PASS/OVER per budget and exits 1 when any
// budget is passed (the sizes are deterministic, so CI runs it).
//
// 1. Each package's main entry as a host's bundler would see it: Lit (`lit`, `lit/*`,
//    `@lit/*`) and the other @peerkit packages external, everything else (zod/mini, idb,
//    marked) bundled. Budget: @peerkit/core on import ≤ 11 KB (the contract checks, a lazy
//    chunk, not counted; the controllers are a separate entry, `@peerkit/core/controllers`).
// 2. The CDN module (`vite.config.ts --mode cdn`, Lit bundled): the entry, each chunk, what a
//    page loads before each widget paints (the entry and its static imports, plus that
//    widget's chunk), and every chunk the kit can load. Budgets: before `<peer-kudos>` paints
//    ≤ 22 KB (one request); before `<peer-discussion>` paints ≤ 40 KB; what a lazy widget's first
//    use adds to the entry (its chunk and the chunks it imports that the entry does not hold):
//    the expert finder ≤ 10 KB, the reflection card ≤ 8 KB; every chunk the kit can load
//    ≤ 116 KB (a ceiling at the figure measured after 2026-12-01's fault fixes, 115.32; the target is 93: 75
//    for the kit of issue 10, + 10 for the expert finder, + 8 for the reflection card; what
//    stands between, chunk by chunk, is in docs/decisions.md §15), the translations NOT
//    counted: issue 10's row ("every chunk the kit can load, all together", ~72 KB when it
//    was written) was measured by this script's row "entry + every chunk but translations"
//    (commit 743e674), so that is what it budgets. A page loads the translations of one
//    locale only; their figure is printed beside it.
//
// The builds run in memory with the same config as `npm run build`, so the figures always
// match the sources.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, mergeConfig, loadConfigFromFile } from 'vite';
import { browserPackages, buildCdn } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const configFile = join(root, 'vite.config.ts');
const KB = 1024;
const BUDGETS = {
  core: 11 * KB,
  firstPaint: { kudos: 22 * KB, discussion: 40 * KB },
  /**
   * What a lazy widget's first use adds to the entry: its chunk and the chunks only it needs
   * (docs/decisions.md §15; issues 11 and 12).
   */
  chunk: { experts: 10 * KB, reflection: 8 * KB },
  /**
   * A ceiling, not a target met: 115.32 KB measured after 2026-12-01's fault fixes (the live
   * lists' cursor, failed suggestions drawn, busy buttons; 114.81 after issue 13, 108.98 after
   * the size pass of issue 11), rounded up. The target the lead set is 93 (75 + 10 + 8); what
   * stands between is itemised in docs/decisions.md §15.
   */
  everything: 116 * KB,
};
/** The budgets passed, collected as the figures are printed. */
const over = [];
const verdictOf = (what, n, budget) => {
  if (n > budget) over.push(`${what}: ${kb(n)} > ${kb(budget)}`);
  return verdict(n, budget);
};

const gz = (code) => gzipSync(Buffer.from(code), { level: 9 }).length;
const kb = (n) => `${(n / KB).toFixed(2)} KB`;
const verdict = (n, budget) => (n <= budget ? 'PASS' : 'OVER');

async function configFor(mode) {
  const loaded = await loadConfigFromFile({ command: 'build', mode }, configFile, root, 'silent');
  return loaded.config;
}

/** Every output chunk of an in-memory build. */
async function chunksOf(config) {
  const result = await build({ ...config, configFile: false, logLevel: 'silent' });
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk');
}

const isLit = (id) => /^(lit|lit-html|lit-element)(\/|$)|^@lit\//.test(id);
const isPeerkit = (id) => /^(@peerkit\/|peerkit(\/|$))/.test(id);

async function packageSizes() {
  const rows = [];
  for (const name of browserPackages()) {
    const base = await configFor(`lib:${name}`);
    const config = mergeConfig(base, {
      build: { write: false, minify: true, sourcemap: false },
    });
    config.build.lib = {
      ...config.build.lib,
      entry: { index: join(root, 'packages', name, 'src/index.ts') },
    };
    config.build.rolldownOptions = {
      // The lib build's own options (its entry signatures), with Lit and @peerkit external.
      ...config.build.rolldownOptions,
      external: (id) => isLit(id) || isPeerkit(id),
      // Vite's lib mode keeps whitespace in ES output for the host's bundler, which minifies
      // it; measure what the host ships, fully minified.
      output: { minify: true, comments: { annotation: false, jsdoc: false, legal: true } },
    };
    const chunks = await chunksOf(config);
    const entry = chunks.find((c) => c.isEntry);
    if (process.argv.includes('--why')) explain(`@peerkit/${name}`, chunks);
    const total = chunks.reduce((n, c) => n + gz(c.code), 0);
    // What importing the entry loads: the entry and the chunks it imports statically (not
    // the ones it imports on demand, e.g. the xAPI delivery or a locale).
    const graph = new Map(chunks.map((c) => [c.fileName, c]));
    const onImport = closure(graph, entry.fileName);
    // With the contract checks (zod/mini and the schemas), which the client loads on demand.
    const schemas = chunks.find((c) => c.isDynamicEntry && c.name === 'schemas');
    const withZod = schemas ? sum(graph, closure(graph, schemas.fileName, new Set(onImport))) : 0;
    rows.push({
      name: name === 'peerkit' ? 'peerkit' : `@peerkit/${name}`,
      entry: sum(graph, onImport),
      withZod,
      total,
    });
  }
  return rows;
}

/** `--why`: the biggest modules of a build (minified bytes before gzip, by source file). */
function explain(label, chunks) {
  const sizes = new Map();
  for (const chunk of chunks) {
    for (const [id, mod] of Object.entries(chunk.modules ?? {})) {
      const key = relative(root, id).replace(/^node_modules\//, '');
      sizes.set(key, (sizes.get(key) ?? 0) + (mod.renderedLength ?? 0));
    }
  }
  const top = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(
    `  ${label}: biggest modules (rendered bytes, before minification of names/whitespace)`,
  );
  for (const [id, n] of top) console.log(`    ${String(n).padStart(7)}  ${id}`);
}

/** The CDN build's chunks with their static and dynamic imports. */
async function cdnGraph() {
  const base = await configFor('cdn');
  const config = mergeConfig(base, {
    build: { write: false, emptyOutDir: false, sourcemap: false },
  });
  const chunks = await chunksOf(config);
  if (process.argv.includes('--why')) explain('CDN', chunks);
  return new Map(chunks.map((c) => [c.fileName, c]));
}

/** A chunk and everything it imports statically. */
function closure(graph, fileName, seen = new Set()) {
  if (seen.has(fileName) || !graph.has(fileName)) return seen; // externals are not in the graph
  seen.add(fileName);
  for (const dep of graph.get(fileName)?.imports ?? []) closure(graph, dep, seen);
  return seen;
}

const sum = (graph, files) => [...files].reduce((n, f) => n + gz(graph.get(f).code), 0);

/** A widget package's tag, where it is not `peer-<package>`. */
const TAGS = { experts: 'expert-finder', reflection: 'reflection-card' };
const tagOf = (widget) => `<peer-${TAGS[widget] ?? widget}>`;

/**
 * Which widget a lazy chunk defines, else null: the chunk that holds the widget's
 * `define.ts` (made for it, or the chunk vite.config.ts groups the widget's static imports
 * in, which the loader's `import()` resolves to directly).
 */
function widgetOf(chunk) {
  if (chunk.isEntry) return null;
  for (const id of [chunk.facadeModuleId ?? '', ...Object.keys(chunk.modules ?? {})]) {
    const m = /packages\/([^/]+)\/src\/define\.ts$/.exec(id);
    if (m && m[1] !== 'core') return m[1];
  }
  return null;
}

/** The locale a lazy chunk holds translations for, else null. */
function localeOf(chunk) {
  const m = /\/l10n\/locales\/([\w-]+)\.ts$/.exec(chunk.facadeModuleId ?? '');
  return m ? m[1] : null;
}

function roleOf(chunk) {
  if (chunk.isEntry) return 'entry';
  const widget = widgetOf(chunk);
  if (widget) return `lazy: ${tagOf(widget)}`;
  if (!chunk.isDynamicEntry) return 'shared chunk';
  const locale = localeOf(chunk);
  if (locale) return `lazy: "${locale}" messages`;
  return `lazy: ${chunk.name}`;
}

/** Which part of the kit a module belongs to, for the breakdown. */
function groupOf(id) {
  if (/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(id))
    return 'Lit (+ @lit/context, @lit/localize)';
  if (/node_modules\/zod\//.test(id)) return 'zod/mini';
  if (/node_modules\/idb\//.test(id)) return 'idb';
  const m = /packages\/([^/]+)\/src\//.exec(id);
  if (m) return m[1] === 'peerkit' ? 'peerkit (CDN loader)' : `@peerkit/${m[1]}`;
  return 'other';
}

/**
 * Each part's share of `files`: the parts' code (as rendered, before minification) gzipped
 * on its own, scaled so the shares add up to the real gzip total. An estimate.
 */
function breakdown(graph, files) {
  const groups = new Map();
  for (const f of files) {
    for (const [id, mod] of Object.entries(graph.get(f).modules ?? {})) {
      const g = groupOf(id);
      groups.set(g, (groups.get(g) ?? '') + (mod.code ?? ''));
    }
  }
  const raw = [...groups].map(([g, code]) => [g, gz(code)]);
  const scale = sum(graph, files) / raw.reduce((n, [, v]) => n + v, 0);
  return raw.map(([g, v]) => [g, v * scale]).sort((a, b) => b[1] - a[1]);
}

function table(rows, columns) {
  const widths = columns.map((c) =>
    Math.max(c.length, ...rows.map((r) => String(r[columns.indexOf(c)]).length)),
  );
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log(line(columns));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main() {
  console.log('Peerkit sizes: minified, gzip -9\n');

  console.log(
    'Packages (main entry; lit, @lit/* and other @peerkit packages external; zod/mini, idb, marked bundled)',
  );
  const packages = await packageSizes();
  table(
    packages.map((p) => [
      p.name,
      kb(p.entry),
      p.withZod ? kb(p.withZod) : '',
      p.total !== p.entry ? kb(p.total) : '',
      p.name === '@peerkit/core'
        ? `≤ ${kb(BUDGETS.core)} on import ${verdictOf('@peerkit/core on import', p.entry, BUDGETS.core)}`
        : '',
    ]),
    ['package', 'on import', '+ zod (contract checks)', 'with every lazy chunk', 'budget'],
  );

  console.log('\nCDN module (Lit and zod/mini bundled)');
  const graph = await cdnGraph();
  const entry = [...graph.values()].find((c) => c.isEntry);
  const rows = [...graph.values()]
    .sort((a, b) => Number(b.isEntry) - Number(a.isEntry) || a.fileName.localeCompare(b.fileName))
    .map((c) => [c.fileName, kb(gz(c.code)), roleOf(c)]);
  table(rows, ['file', 'gzip', 'role']);

  const firstPaint = closure(graph, entry.fileName);
  // Every chunk the kit can load: the entry, the widgets, the contract checks, live threads,
  // the recorder's delivery; not the translations (issue 10's row was measured without them,
  // see the header), which are printed apart.
  const all = new Set(firstPaint);
  for (const chunk of graph.values()) if (!localeOf(chunk)) closure(graph, chunk.fileName, all);
  const everything = sum(graph, all);
  const translations = [...graph.values()].filter((c) => localeOf(c) && !all.has(c.fileName));
  const translated = sum(graph, new Set(translations.map((c) => c.fileName)));
  // The contract checks (zod/mini and the schemas): the client loads them beside its first
  // request, so a widget shows data only with them (a figure, not a budget).
  const checks = [...graph.values()].find((c) => c.isDynamicEntry && c.name === 'schemas');
  const withChecks = (files) =>
    checks ? closure(graph, checks.fileName, new Set(files)) : new Set(files);
  console.log('');
  const budgetRows = [];
  // What a page loads before each widget paints: the entry (with kudos) and the widget's chunk.
  for (const chunk of [null, ...graph.values()]) {
    if (chunk && !widgetOf(chunk)) continue;
    const widget = chunk ? widgetOf(chunk) : 'kudos';
    const files = chunk ? closure(graph, chunk.fileName, new Set(firstPaint)) : firstPaint;
    const size = sum(graph, files);
    const budget = BUDGETS.firstPaint[widget];
    const what = `before ${tagOf(widget)} paints (no zod yet)`;
    budgetRows.push([
      what,
      kb(size),
      budget ? `≤ ${kb(budget)}` : '',
      budget ? verdictOf(what, size, budget) : '',
    ]);
  }
  // What each lazy widget's chunk adds to the entry (its chunk and the chunks only it imports).
  for (const chunk of graph.values()) {
    const widget = widgetOf(chunk);
    const budget = widget && BUDGETS.chunk[widget];
    if (!budget) continue;
    const added =
      sum(graph, closure(graph, chunk.fileName, new Set(firstPaint))) - sum(graph, firstPaint);
    const what = `the ${tagOf(widget)} chunk (what it adds to the entry)`;
    budgetRows.push([what, kb(added), `≤ ${kb(budget)}`, verdictOf(what, added, budget)]);
  }
  budgetRows.push([
    '<peer-kudos> with its data (+ zod/mini and the schemas)',
    kb(sum(graph, withChecks(firstPaint))),
    '',
    '',
  ]);
  budgetRows.push([
    'every chunk the kit can load (translations not counted, as issue 10 measured it)',
    kb(everything),
    `≤ ${kb(BUDGETS.everything)}`,
    verdictOf('every chunk but translations', everything, BUDGETS.everything),
  ]);
  budgetRows.push([
    `  + the translations (${[...new Set(translations.map(localeOf))].join(', ')}; a page loads one locale's)`,
    kb(everything + translated),
    '',
    '',
  ]);
  table(budgetRows, ['what a page loads', 'gzip', 'budget', '']);

  console.log('\nWhat the first paint is made of (estimated share of its gzip size)');
  table(
    breakdown(graph, firstPaint).map(([g, n]) => [g, kb(n)]),
    ['part', 'gzip'],
  );

  // The server serves the written CDN build: make it when it is missing.
  const written = join(root, 'packages/peerkit/dist/cdn/peerkit.js');
  if (!existsSync(written)) {
    await buildCdn();
    console.log(`\n(built ${relative(root, written)})`);
  }
  if (over.length) {
    console.error(`\nOver budget:\n${over.map((o) => `  ${o}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
