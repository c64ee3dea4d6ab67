// A host's TypeScript app, built from what `npm pack` ships (issue 15 #9): every public
// entry — `.` and `/define` of each package, `peerkit`, `peerkit/define` and the CDN module's
// `peerkit/cdn` — brings the tag map, the event map and the element properties, so code like
//   import '@peerkit/kudos/define';
//   document.querySelector('peer-kudos')!.addEventListener('peer-kudos-given', (e) => e.detail.count);
// type-checks under `strict`. Each import style is its own program (a global augmentation
// seen by one file would otherwise leak into the others).
//
// The packages are packed (`npm pack`, after building `dist/` when stale), extracted into a
// temporary app's node_modules, and their dependencies (lit, @lit/*, zod, idb, marked) linked
// from the root's: no network. Run by `npm run test:types`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ensureLibBuild, libraryPackages } from '../../scripts/lib/lib-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** What a Vite + TypeScript app's tsconfig says (`npm create vite`, vanilla-ts). */
const HOST_OPTIONS = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  noUnusedLocals: true,
  types: [],
};

/**
 * One host file per import style. Each reads an event's `detail` and an element's property
 * (a typo in either must fail: `@ts-expect-error` proves they are not `any`).
 */
const KUDOS_USE = `
const kudos = document.querySelector('peer-kudos')!;
kudos.addEventListener('peer-kudos-given', (e) => console.log(e.detail.count.toFixed(0)));
kudos.addEventListener('peer-kudos-withdrawn', (e) => console.log(e.detail.activity.length));
const made = document.createElement('peer-kudos');
made.label = 'Thank';
made.readonly = true;
// @ts-expect-error: not a property of <peer-kudos>
made.labell = 'typo';
// @ts-expect-error: not part of the event's detail
kudos.addEventListener('peer-kudos-given', (e) => e.detail.nope);
`;
const DISCUSSION_USE = `
const thread = document.querySelector('peer-discussion')!;
thread.addEventListener('peer-post-created', (e) => console.log(e.detail.post.id.length));
thread.live = true;
thread.pageSize = 10;
// @ts-expect-error: a number, not a string
thread.pageSize = '10';
// @ts-expect-error: not part of the event's detail
thread.addEventListener('peer-post-created', (e) => e.detail.nope);
`;
const REFLECTION_USE = `
const card = document.querySelector('peer-reflection-card')!;
card.addEventListener('peer-reflection-saved', (e) => console.log(e.detail.reflection.version.toFixed(0)));
card.addEventListener('peer-lesson-promoted', (e) => console.log(e.detail.post.id, e.detail.lesson.length));
card.mode = 'team';
card.showShared = true;
// @ts-expect-error: not a mode
card.mode = 'solo';
// @ts-expect-error: not part of the event's detail
card.addEventListener('peer-reflection-saved', (e) => e.detail.nope);
`;
const PROVIDER_USE = `
const provider = document.querySelector('peer-provider')!;
provider.endpoint = '/api';
provider.token = 'a.jwt';
provider.addEventListener('peer-error', (e) => console.log(e.detail.error.kind));
// @ts-expect-error: not part of the event's detail
provider.addEventListener('peer-error', (e) => e.detail.nope);
`;
const HOSTS = {
  'core-main': `import { PeerProvider } from '@peerkit/core';\nconsole.log(PeerProvider.name);\n${PROVIDER_USE}`,
  'core-define': `import '@peerkit/core/define';\n${PROVIDER_USE}`,
  'kudos-main': `import { PeerKudos } from '@peerkit/kudos';\nconsole.log(PeerKudos.name);\n${KUDOS_USE}`,
  'kudos-define': `import '@peerkit/kudos/define';\n${KUDOS_USE}`,
  'discussion-main': `import { PeerDiscussion } from '@peerkit/discussion';\nconsole.log(PeerDiscussion.name);\n${DISCUSSION_USE}`,
  'discussion-define': `import '@peerkit/discussion/define';\n${DISCUSSION_USE}${KUDOS_USE}`,
  'reflection-main': `import { PeerReflectionCard } from '@peerkit/reflection';\nconsole.log(PeerReflectionCard.name);\n${REFLECTION_USE}`,
  'reflection-define': `import '@peerkit/reflection/define';\n${REFLECTION_USE}`,
  'peerkit-main': `import { configure } from 'peerkit';\nconfigure({ endpoint: '/api' });\n${PROVIDER_USE}${KUDOS_USE}${DISCUSSION_USE}${REFLECTION_USE}`,
  'peerkit-define': `import 'peerkit/define';\n${PROVIDER_USE}${KUDOS_USE}${DISCUSSION_USE}${REFLECTION_USE}`,
  'peerkit-cdn': `import { load } from 'peerkit/cdn';\nvoid load('peer-discussion');\n${PROVIDER_USE}${KUDOS_USE}${DISCUSSION_USE}`,
};

describe('a host app built from the packed packages', () => {
  let app;

  before(() => {
    ensureLibBuild();
    app = mkdtempSync(join(tmpdir(), 'peerkit-consumer-'));
    const packs = join(app, 'packs');
    mkdirSync(packs);
    const packed = JSON.parse(
      execFileSync(
        'npm',
        [
          'pack',
          '--json',
          '--ignore-scripts',
          '--pack-destination',
          packs,
          ...libraryPackages().flatMap((name) => ['--workspace', `packages/${name}`]),
        ],
        { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      ),
    );
    const modules = join(app, 'node_modules');
    mkdirSync(join(modules, '@peerkit'), { recursive: true });
    for (const { name, filename } of packed) {
      const into = join(modules, name);
      mkdirSync(into, { recursive: true });
      execFileSync('tar', ['-xzf', join(packs, filename), '-C', into, '--strip-components=1']);
    }
    // Their dependencies, from the root's node_modules (not the workspace packages).
    for (const entry of readdirSync(join(root, 'node_modules'))) {
      if (entry === '@peerkit' || entry === 'peerkit' || entry.startsWith('.')) continue;
      symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
    }
    for (const [name, text] of Object.entries(HOSTS)) writeFileSync(join(app, `${name}.ts`), text);
  });

  after(() => {
    if (app) rmSync(app, { recursive: true, force: true });
  });

  // Library files are parsed once and shared by every program.
  const cache = new Map();
  const host = () => {
    const base = ts.createCompilerHost(HOST_OPTIONS, true);
    const getSourceFile = base.getSourceFile.bind(base);
    base.getSourceFile = (file, language, ...rest) => {
      if (!file.includes('node_modules') && !file.includes('/typescript/lib/'))
        return getSourceFile(file, language, ...rest);
      if (!cache.has(file)) cache.set(file, getSourceFile(file, language, ...rest));
      return cache.get(file);
    };
    return base;
  };

  for (const name of Object.keys(HOSTS)) {
    it(`types tags, events and properties for a host that imports ${name.replace('-', ' ')}`, () => {
      const file = join(app, `${name}.ts`);
      const program = ts.createProgram([file], HOST_OPTIONS, host());
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
        const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
        if (!d.file || d.start === undefined) return text;
        const { line } = d.file.getLineAndCharacterOfPosition(d.start);
        return `${d.file.fileName.replace(app, '')}:${line + 1} ${text}`;
      });
      assert.deepEqual(diagnostics, []);
    });
  }
});
