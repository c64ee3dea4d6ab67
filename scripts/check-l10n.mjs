#!/usr/bin/env node
// `node scripts/check-l10n.mjs` (part of `npm run lint`): every translation file matches the
// messages its package uses.
//
// For each package with translations (`packages/<pkg>/src/**/locales/<locale>.ts`), it reads
// every `msg(..., { id: '...' })` under `packages/<pkg>/src` (the locale files excepted) and
// the keys of each locale file's `templates`, and reports:
//
// - missing: an id the package uses that a locale file does not translate (it would show in
//   English);
// - stale: a key in a locale file that no `msg()` in the package uses any more;
// - mismatched: a plain English string translated as a `str` template or the other way
//   round, or a `str` translation whose `${0}`, `${1}`… are not exactly the English
//   template's expressions (numbered in the order the English has them);
// - a `msg()` without a literal `id`, or one id given two different English texts.
//
// It prints a line per package and locale, and exits 1 if anything is wrong. The files are
// parsed with TypeScript (comments and strings that merely mention `id:` are ignored).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = join(root, 'packages');

/** Every `.ts` file under `dir`, recursively. */
function tsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const isLocaleFile = (path) => path.split(sep).includes('locales');
const rel = (path) => relative(root, path);

function parse(path) {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}

function where(file, node) {
  const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return `${rel(file.fileName)}:${line + 1}`;
}

const isStrTag = (node) =>
  ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'str';

/** The shape of a message: a plain string, or a `str` template with its expressions. */
function shapeOf(node, file) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return { kind: 'string', text: node.text };
  }
  if (isStrTag(node)) {
    const t = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(t)) return { kind: 'str', text: t.text, exprs: [] };
    const exprs = t.templateSpans.map((s) => s.expression.getText(file));
    const text = t.head.text + t.templateSpans.map((s, i) => `\${${i}}${s.literal.text}`).join('');
    return { kind: 'str', text, exprs };
  }
  return { kind: 'other', text: node.getText(file) };
}

/** Every `msg(…)` call in a source file: its id (or null) and its English shape. */
function messagesIn(file) {
  const found = [];
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ((ts.isIdentifier(node.expression) && node.expression.text === 'msg') ||
        (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'msg'))
    ) {
      const [template, options] = node.arguments;
      let id = null;
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const p of options.properties) {
          if (
            ts.isPropertyAssignment(p) &&
            p.name.getText(file).replace(/['"]/g, '') === 'id' &&
            (ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer))
          ) {
            id = p.initializer.text;
          }
        }
      }
      if (template) found.push({ id, shape: shapeOf(template, file), at: where(file, node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The entries of a locale file's `export const templates = { … }`. */
function templatesIn(file) {
  const entries = [];
  let literal = null;
  for (const stmt of file.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    for (const decl of stmt.declarationList.declarations) {
      if (ts.isIdentifier(decl.name) && decl.name.text === 'templates' && decl.initializer) {
        let init = decl.initializer;
        while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
        if (ts.isObjectLiteralExpression(init)) literal = init;
      }
    }
  }
  if (!literal) return null;
  for (const p of literal.properties) {
    if (!ts.isPropertyAssignment(p)) {
      entries.push({ key: null, at: where(file, p) });
      continue;
    }
    const key =
      ts.isStringLiteral(p.name) || ts.isIdentifier(p.name) || ts.isNumericLiteral(p.name)
        ? p.name.text
        : null;
    entries.push({ key, shape: shapeOf(p.initializer, file), at: where(file, p) });
  }
  return entries;
}

/** The `${N}` indices a translated `str` template uses. */
function placeholders(shape) {
  return [...shape.text.matchAll(/\$\{(\d+)\}/g)].map((m) => Number(m[1]));
}

/** Why a translation does not fit its English message, or null. */
function mismatch(english, translated) {
  if (translated.kind === 'other') return 'is neither a string nor a str`…` template';
  if (english.kind === 'other') return null;
  if (english.kind === 'string' && translated.kind === 'str') {
    return 'is a str`…` template, but the English is a plain string';
  }
  const n = english.kind === 'str' ? english.exprs.length : 0;
  if (english.kind === 'str' && translated.kind === 'string' && n > 0) {
    return `is a plain string, but the English has ${n} value(s): use str\`…\` with \${0}…`;
  }
  if (translated.kind === 'str') {
    const used = new Set(placeholders(translated));
    const wanted = Array.from({ length: n }, (_, i) => i);
    const lacking = wanted.filter((i) => !used.has(i));
    const extra = [...used].filter((i) => i >= n);
    if (lacking.length || extra.length) {
      const parts = [];
      if (lacking.length) parts.push(`lacks ${lacking.map((i) => `\${${i}}`).join(', ')}`);
      if (extra.length) parts.push(`has unknown ${extra.map((i) => `\${${i}}`).join(', ')}`);
      return `${parts.join(' and ')} (English: ${english.text})`;
    }
  }
  return null;
}

const problems = [];
const report = [];

for (const pkg of readdirSync(packagesDir).sort()) {
  const src = join(packagesDir, pkg, 'src');
  if (!existsSync(src)) continue;
  const files = tsFiles(src);
  const localeFiles = files.filter((f) => isLocaleFile(f) && /\/locales\/[\w-]+\.ts$/.test(f));
  if (localeFiles.length === 0) continue;

  /** id → { shape, at } (the first use). */
  const used = new Map();
  for (const path of files.filter((f) => !isLocaleFile(f))) {
    const file = parse(path);
    for (const m of messagesIn(file)) {
      if (m.id === null) {
        problems.push(`${m.at}: msg() without a literal id (translation files cannot name it)`);
        continue;
      }
      const first = used.get(m.id);
      if (!first) used.set(m.id, m);
      else if (first.shape.text !== m.shape.text) {
        problems.push(
          `${m.at}: id "${m.id}" has other English text than at ${first.at} ` +
            `(${JSON.stringify(m.shape.text)} vs ${JSON.stringify(first.shape.text)})`,
        );
      }
    }
  }

  for (const path of localeFiles) {
    const locale = path.slice(path.lastIndexOf(sep) + 1, -'.ts'.length);
    const file = parse(path);
    const entries = templatesIn(file);
    if (!entries) {
      problems.push(`${rel(path)}: no \`export const templates = { … }\` object found`);
      continue;
    }
    const keys = new Map();
    let bad = 0;
    for (const e of entries) {
      if (e.key === null) {
        problems.push(`${e.at}: not a plain "id": translation entry`);
        bad++;
        continue;
      }
      if (keys.has(e.key)) {
        problems.push(`${e.at}: "${e.key}" is translated twice (also at ${keys.get(e.key).at})`);
        bad++;
        continue;
      }
      keys.set(e.key, e);
    }
    const missing = [...used.keys()].filter((id) => !keys.has(id)).sort();
    const stale = [...keys.keys()].filter((key) => !used.has(key)).sort();
    for (const id of missing) {
      problems.push(
        `${rel(path)}: missing "${id}" (${JSON.stringify(used.get(id).shape.text)}, ${used.get(id).at})`,
      );
    }
    for (const key of stale) {
      problems.push(`${keys.get(key).at}: stale "${key}": no msg() in ${pkg} uses it`);
    }
    for (const [key, e] of keys) {
      const english = used.get(key);
      if (!english) continue;
      const why = mismatch(english.shape, e.shape);
      if (why) {
        problems.push(`${e.at}: "${key}" ${why}`);
        bad++;
      }
    }
    report.push(
      `${pkg} ${locale}: ${keys.size - stale.length}/${used.size} ids translated` +
        (missing.length ? `, ${missing.length} missing` : '') +
        (stale.length ? `, ${stale.length} stale` : '') +
        (bad ? `, ${bad} malformed` : ''),
    );
  }
}

for (const line of report) console.log(line);
if (problems.length) {
  console.error(`\n${problems.length} localisation problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
if (report.length === 0) {
  console.error('No translation files found under packages/*/src/**/locales/.');
  process.exit(1);
}
console.log('Translations match the messages.');
