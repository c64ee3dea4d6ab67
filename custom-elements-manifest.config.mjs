/**
 * The Custom Elements Manifest (`custom-elements.json` at the root, made by `npm run analyze`),
 * generated from the elements' JSDoc (`@summary @attr @fires @csspart @cssproperty @slot`).
 * Storybook's controls and docs tables and the IDE data come from it.
 */
/** Class name → tags, from `define('peer-x', Class)` calls. */
const tagsFound = {};

export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/server/**', 'packages/*/src/**/*.d.ts', 'packages/*/src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Tags are registered through the core's guarded `define('peer-x', Class)` (in each
      // package's `define.ts`), which the analyzer does not know: read those calls.
      name: 'peerkit-define-calls',
      analyzePhase({ ts, node }) {
        if (!ts.isCallExpression(node) || node.expression.getText() !== 'define') return;
        const [tag, ctor] = node.arguments;
        if (!tag || !ctor || !ts.isStringLiteral(tag) || !ts.isIdentifier(ctor)) return;
        (tagsFound[ctor.text] ??= new Set()).add(tag.text);
      },
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const decl of mod.declarations ?? []) {
            const tags = tagsFound[decl.name];
            if (decl.kind !== 'class' || !tags) continue;
            decl.customElement = true;
            decl.tagName = [...tags][0];
            mod.exports ??= [];
            for (const tag of tags) {
              mod.exports.push({
                kind: 'custom-element-definition',
                name: tag,
                declaration: { name: decl.name, module: mod.path },
              });
            }
          }
        }
      },
    },
    {
      // Only the public surface: private and protected members (Lit's internal `@state`,
      // helpers) and statics are not controls a host can set.
      name: 'peerkit-public-surface',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const decl of mod.declarations ?? []) {
            // Events dispatched with a computed name (the base class's `emit`) have none.
            if (decl.events) decl.events = decl.events.filter((e) => e.name);
            if (decl.members) {
              decl.members = decl.members.filter(
                (m) =>
                  !m.static &&
                  m.privacy !== 'private' &&
                  m.privacy !== 'protected' &&
                  !m.name.startsWith('_'),
              );
            }
          }
        }
      },
    },
  ],
};
