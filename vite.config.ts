/**
 * Every Peerkit build, chosen by `--mode` (what `scripts/build.mjs` and `scripts/size.mjs` pass):
 *
 * - `lib:<package>` (`lib:core`, `lib:kudos`, `lib:discussion`, `lib:experts`, `lib:peerkit`): the library
 *   build of one package into `packages/<package>/dist/`: ES modules, one per entry of the
 *   package's `exports` map, with `lit` and every dependency external (two copies of Lit on a
 *   host page is a bug report waiting to happen), unminified (the host's bundler minifies).
 * - `cdn`: the one self-contained ES module for a `<script type="module">` tag,
 *   `packages/peerkit/dist/cdn/peerkit.js`, with Lit and zod bundled and minified; code that
 *   only one widget needs is split into chunks next to it, loaded when the widget's tag first
 *   appears (see `packages/peerkit/src/cdn.ts`).
 *
 * - any other mode (Storybook loads this file): only the `source` resolve condition.
 *
 * Packages import each other by name and resolve to their `src/*.ts` through the `source`
 * export condition, so no build order between packages is needed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, defaultClientConditions, type UserConfig } from 'vite';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { minify, type MinifyOptions } from 'terser';
import { defaultMinifyOptions } from '@lit-labs/rollup-plugin-minify-html-literals/lib/strategy.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkgDir = (name: string) => `${root}packages/${name}`;

/** The entries of a package: every `exports` subpath that has a `source` file. */
function entriesOf(name: string): Record<string, string> {
  const pkg = JSON.parse(readFileSync(`${pkgDir(name)}/package.json`, 'utf8')) as {
    exports: Record<string, { source?: string }>;
  };
  const entries: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (!target.source) continue;
    const file = `${pkgDir(name)}/${target.source.replace(/^\.\//, '')}`;
    if (!existsSync(file)) continue;
    const entryName = subpath === '.' ? 'index' : subpath.replace(/^\.\//, '');
    entries[entryName] = file;
  }
  return entries;
}

/** Bare specifiers (a package and its subpaths) stay external; relative files are bundled. */
const isBare = (id: string) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

const resolve = { conditions: ['source', ...defaultClientConditions] };

/**
 * Lit's templates minified at build (`@lit-labs/rollup-plugin-minify-html-literals`, the Lit
 * team's plugin): CSS in `css` through lightningcss, whitespace in `html` collapsed
 * conservatively (one space stays where there was some, so text never runs together), empty
 * attributes kept. The bundler's minifier does not touch template strings.
 */
function minifyTemplates() {
  return minifyHTML({
    include: ['packages/*/src/**/*.ts'],
    failOnError: true,
    options: {
      minifyOptions: {
        ...defaultMinifyOptions,
        conservativeCollapse: true,
        removeEmptyAttributes: false,
      },
    },
  });
}

function libConfig(name: string): UserConfig {
  return {
    resolve,
    plugins: [minifyTemplates()],
    logLevel: 'warn',
    build: {
      outDir: `${pkgDir(name)}/dist`,
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      lib: { entry: entriesOf(name), formats: ['es'], fileName: (_format, entry) => `${entry}.js` },
      rolldownOptions: { external: isBare, preserveEntrySignatures: 'allow-extension' },
    },
  };
}

/**
 * `marked` ships one pre-bundled file whose default instance (`marked`, `new Marked()` and
 * the property writes on it) runs at import, so the bundler keeps the Parser, the Renderer and
 * the `Marked` class beside the Lexer, the only part the kit uses (`core/src/markdown/tree.ts`
 * builds its own tree from the tokens). In the CDN build this plugin drops that default
 * instance and exports the Lexer alone, so the rest is tree-shaken: about 3 KB gzip off the
 * lazy Markdown chunk. It also cuts the rules of marked's `pedantic` mode (the original
 * Markdown.pl's quirks: its block rules with their HTML tag list, its inline rules and their
 * emphasis delimiters), which the kit never turns on (`new Lexer({ gfm: true, breaks: true })`):
 * the rule tables name the normal rules in their place. Their definitions call functions, so
 * no minifier drops them unused. It fails the build if the file no longer has the expected
 * shape (the version is pinned in `packages/core/package.json`; check the cuts again on an
 * upgrade).
 */
/** The definitions of marked 18.2.1's pedantic rules, each as its start and the next one's. */
const PEDANTIC_ONLY = [
  [',nt={...fe,html:', ',rt=/^'],
  [',Dt={...me,', ',pe={...me,'],
  [',gt=g(', ',ze='],
  [',xt=g(', ',bt=g('],
  [',Tt=g(', ',Ot=g('],
] as const;

function markedLexerOnly() {
  const instance = 'var v=new ne;';
  return {
    name: 'peerkit:marked-lexer-only',
    transform(code: string, id: string) {
      if (!/[\\/]node_modules[\\/]marked[\\/]lib[\\/]marked\.esm\.js$/.test(id)) return null;
      const start = code.indexOf(instance);
      const end = code.indexOf('export{', start);
      if (start < 0 || end < 0 || !/export\{[^}]*\bw as Lexer\b/.test(code.slice(end))) {
        throw new Error(`${id}: not the marked build markedLexerOnly() was written for`);
      }
      let out = `${code.slice(0, start)}export{w as Lexer};\n`;
      // [from, to): each pedantic-only definition, up to the next definition.
      for (const [from, to] of PEDANTIC_ONLY) {
        const a = out.indexOf(from);
        const b = out.indexOf(to, a + 1);
        if (a < 0 || b < 0 || out.indexOf(from, a + 1) >= 0) {
          throw new Error(`${id}: no single ${from} … ${to} to cut (markedLexerOnly)`);
        }
        out = out.slice(0, a) + out.slice(b);
      }
      out = out.replace('pedantic:nt}', 'pedantic:fe}').replace('pedantic:Dt}', 'pedantic:me}');
      if (/[:(,=]\s*(nt|Dt|gt|xt|Tt)(?![\w$])/.test(out)) {
        throw new Error(`${id}: a pedantic rule is still referred to (markedLexerOnly)`);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * `@lit/localize` hashes a message's text into an id (`generateMsgId`, FNV-1a 64) when a
 * `msg()` call gives none. Every Peerkit `msg()` gives a literal id (`scripts/check-l10n.mjs`
 * fails the lint run otherwise), so in the CDN build the hashing is cut: the id-less lookup
 * finds no translation and shows the English text, as Lit does for a missing translation.
 * About 0.3 KB gzip off the first paint (`peerkit.js`). Fails the build if the module no
 * longer exports what `runtime-msg.js` imports.
 */
function localizeIdsGiven() {
  return {
    name: 'peerkit:localize-ids-given',
    transform(code: string, id: string) {
      if (!/[\\/]@lit[\\/]localize[\\/]internal[\\/]id-generation\.js$/.test(id)) return null;
      if (!/export (const|function) generateMsgId\b/.test(code)) {
        throw new Error(`${id}: not the @lit/localize build localizeIdsGiven() was written for`);
      }
      return { code: 'export const generateMsgId = () => "";\n', map: null };
    },
  };
}

/**
 * terser over each chunk of the CDN module as it is rendered, before the bundler's own (oxc)
 * minifier: `compress.passes: 3` with `pure_getters` (the kit reads no property for a getter's
 * side effect) finds what one oxc pass leaves (inlined constants, joined statements, dropped
 * dead branches). Together ~1.1 KB gzip off every chunk the kit can load, 0.2 off the first
 * paint (measured, docs/decisions.md §15); terser alone, without oxc after it, gains less
 * (0.3 KB: oxc then mangles the chunks' imports and exports). Adds ~5 s to the CDN build.
 * Legal comments stay, each distinct notice once per file (Lit's modules repeat the same
 * BSD-3-Clause notice seven times in `peerkit.js`).
 */
function terserChunks() {
  return {
    name: 'peerkit:terser-chunks',
    async renderChunk(code: string) {
      const kept = new Set<string>();
      const options: MinifyOptions = {
        module: true,
        ecma: 2022,
        compress: { passes: 3, pure_getters: true, ecma: 2022 },
        format: {
          ecma: 2022,
          comments: (_node, { value }) => {
            if (!/^!|@license|@preserve/i.test(value) || kept.has(value)) return false;
            kept.add(value);
            return true;
          },
        },
        sourceMap: true,
      };
      const out = await minify(code, options);
      return { code: out.code!, map: out.map as string };
    },
  };
}

/**
 * Core modules the CDN's first paint loads on demand (see `cdnConfig`): the errors' wording,
 * `l10n/messages.ts` and its entry `@peerkit/core/wording`. Without the latter here, the
 * discussion's group took `wording.ts` (the discussion imports it statically), and the
 * provider's and the reflection card's `import('@peerkit/core/wording')` loaded the whole
 * discussion chunk, defining `<peer-discussion>`, to word one error.
 */
const FIRST_ERROR = [/[\\/]core[\\/]src[\\/]l10n[\\/](messages|wording)\.ts$/];

/** `<peer-discussion>`'s module: its chunk holds what it imports statically (see `cdnConfig`). */
const DISCUSSION_DEFINE = /[\\/]discussion[\\/]src[\\/]define\.ts$/;
/** `<peer-expert-finder>`'s module (with `<peer-person-card>`): one chunk, as the discussion's. */
const EXPERTS_DEFINE = /[\\/]experts[\\/]src[\\/]define\.ts$/;
/** The bidi helpers, shared by the discussion and `<peer-kudos>`' lazy part. */
const BIDI = /[\\/]core[\\/]src[\\/]bidi\.ts$/;
/**
 * What the editing widgets share and the first paint does not use: the core's draft storage,
 * the `ErrorClaim` controller and `@peerkit/core/conflict`. The discussion and the reflection
 * card (and the card's team part) import them statically. A chunk of their own (~0.5 KB), else the discussion's group takes them and the reflection card's chunk
 * imports the discussion's (defining `<peer-discussion>`, and loading it whole).
 */
const EDITING =
  /[\\/]core[\\/]src[\\/](storage|controllers[\\/]error-claim|client[\\/]conflict)\.ts$/;
/**
 * The xAPI profile's IRI: the expert finder's, the reflection card's and kudos' statements and
 * the recorder's delivery name their extensions with it (90 bytes, its own chunk, so none of
 * them imports another's chunk for it).
 */
const PROFILE_ID = /[\\/]core[\\/]src[\\/]xapi[\\/]profile-id\.ts$/;
/**
 * The lessons section of the contract: the reflection card's prompts and the contract checks'
 * schemas both use it (its own chunk, else the checks import the reflection card's).
 */
const LESSONS = /[\\/]core[\\/]src[\\/]contract[\\/]lessons\.ts$/;
/** The reflection card's module: its chunk holds what it imports statically (its messages too). */
const REFLECTION_DEFINE = /[\\/]reflection[\\/]src[\\/]define\.ts$/;
/**
 * The core's editable combobox (controller and view): the expert finder's search and the
 * discussion's composer tools (skills picker, `@` mentions) both use it. A chunk of its own,
 * else the experts' group takes it and the discussion's tools import the experts' chunk
 * (defining `<peer-expert-finder>`).
 */
const COMBOBOX = /[\\/]core[\\/]src[\\/]controllers[\\/]combobox(-view)?\.ts$/;
/** The person-card hook, shared by the discussion, `<peer-kudos>`' lazy part and the expert finder. */
const PERSON_CARD = /[\\/]core[\\/]src[\\/]person-card\.ts$/;

function cdnConfig(): UserConfig {
  return {
    resolve,
    plugins: [minifyTemplates(), markedLexerOnly(), localizeIdsGiven(), terserChunks()],
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: `${pkgDir('peerkit')}/dist/cdn`,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      copyPublicDir: false,
      // Lib mode: plain `import()` for the lazy widgets (no preload helper writing <link>
      // tags) and the entry's exports kept.
      lib: {
        entry: { peerkit: `${pkgDir('peerkit')}/src/cdn.ts` },
        formats: ['es'],
        fileName: (_format, entry) => `${entry}.js`,
      },
      rolldownOptions: {
        // terser's renderChunk (`terserChunks`, ~6 s of an ~8 s build on this machine) is the
        // known, measured cost of the smaller chunks (decisions §15); rolldown's "plugin
        // timings" warning about it is noise every `npm start` printed at a newcomer.
        checks: { bundlerTimings: false },
        // The entry may export more than `load` and `configure`: what the first paint needs
        // (Lit, the core's runtime, `<peer-kudos>`) stays in `peerkit.js` and the lazy chunks
        // import it from there. With the strict default, the bundler moved that code to a
        // shared chunk and cut the small modules lazy chunks also use (limits, errors,
        // @lit/localize) into chunks of their own: six requests for the first paint, one now.
        preserveEntrySignatures: 'allow-extension',
        output: {
          // Six base64url characters of content hash (36 bits; the default is 8): the names
          // are written at every import site and gzip cannot shrink them (−15 B on the expert
          // finder's first use, −20 on the reflection card's, −153 on every chunk). A changed
          // chunk keeps its old name, and a cache serves the old file, with odds of 1 in 2^36.
          chunkFileNames: 'chunks/[name]-[hash:6].js',
          // Everything the first paint imports statically stays in `peerkit.js`, stated rather
          // than left to the bundler's heuristics (which, once a lazy chunk shared a module with
          // another, cut Lit and the core into six small chunks again). The modules of
          // FIRST_ERROR are reached only through the core's index re-exports (which tag them
          // `$initial`) and an `import()`: they load with the first thing that needs them.
          codeSplitting: {
            groups: [
              {
                name: 'peerkit',
                tags: ['$initial'],
                test: (id: string) => !FIRST_ERROR.some((re) => re.test(id)),
              },
              // The core modules that lazy parts outside the discussion share with it (the
              // errors' wording, loaded with the first error; the bidi helpers, also used by
              // `<peer-kudos>`' lazy part) stay chunks of their own, not in the discussion's.
              { name: 'messages', test: (id: string) => FIRST_ERROR.some((re) => re.test(id)) },
              { name: 'bidi', test: (id: string) => BIDI.test(id) },
              { name: 'person-card', test: (id: string) => PERSON_CARD.test(id) },
              { name: 'editing', test: (id: string) => EDITING.test(id) },
              { name: 'profile-id', test: (id: string) => PROFILE_ID.test(id) },
              { name: 'lessons', test: (id: string) => LESSONS.test(id) },
              { name: 'combobox', test: (id: string) => COMBOBOX.test(id) },
              // `<peer-discussion>` and everything it imports statically (the group takes a
              // module's static imports with it; what it imports with `import()`, its lazy
              // parts and translations, stays out) in one chunk: its messages were a chunk
              // apart (its lazy parts use them too) though they always load with it; one
              // chunk is ~0.3 KB less gzip and one request less, and the first paint of a
              // page without the discussion does not change.
              { name: 'discussion', test: DISCUSSION_DEFINE },
              { name: 'experts', test: EXPERTS_DEFINE },
              { name: 'reflection', test: REFLECTION_DEFINE },
            ],
          },
          // Vite keeps whitespace and annotations in lib-mode ES output for the host's
          // bundler; this module goes to the browser as it is, so minify it fully.
          minify: true,
          comments: { annotation: false, jsdoc: false, legal: true },
        },
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'cdn') return cdnConfig();
  const lib = /^lib:([a-z-]+)$/.exec(mode);
  if (lib) return libConfig(lib[1]!);
  // Any other mode (Storybook's dev server and build load this file too): resolve the
  // packages' sources, nothing else.
  return { resolve };
});
