import { build, loadConfigFromFile, mergeConfig } from 'vite';
import { gzipSync } from 'node:zlib';
import { minify as terser } from 'terser';
import { minifySync as oxc } from 'rolldown/utils';
const root = process.cwd();
const loaded = await loadConfigFromFile({ command: 'build', mode: 'cdn' }, root + '/vite.config.ts', root, 'silent');
const config = loaded.config;
config.plugins = config.plugins.filter((p) => p?.name !== 'peerkit:terser-chunks');
config.build.minify = false;
config.build.sourcemap = false;
config.build.write = false;
config.build.rolldownOptions.output.minify = process.env.OXCFIRST ? true : false;
const res = await build({ ...config, configFile: false, logLevel: 'silent' });
const chunks = (Array.isArray(res) ? res : [res]).flatMap((o) => o.output).filter((c) => c.type === 'chunk' && !/l10n\/locales/.test(c.facadeModuleId ?? ''));
const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;
const variants = {
  oxc: null,
  t3: { compress: { passes: 3, pure_getters: true } },
  t3u: { compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true, unsafe_comps: true, unsafe_math: true, unsafe_symbols: true, unsafe_undefined: true, booleans_as_integers: false, hoist_funs: false } },
  t3uprop: { compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true }, mangle: { properties: { regex: /^_[a-z]/ } } },
};
for (const [name, opts] of Object.entries(variants)) {
  let total = 0, totalOx = 0;
  const per = {};
  for (const c of chunks) {
    let code = c.code;
    if (opts) code = (await terser(code, { module: true, ecma: 2022, ...opts, compress: { ecma: 2022, ...opts.compress }, format: { comments: false } })).code;
    const ox = oxc(c.fileName, code, { compress: { target: 'es2022' }, mangle: true }).code;
    total += gz(code); totalOx += gz(ox);
    per[c.name] = gz(ox);
  }
  console.log(name, (total / 1024).toFixed(2), 'then oxc', (totalOx / 1024).toFixed(2), JSON.stringify(Object.fromEntries(Object.entries(per).filter(([k,v])=>v>5000).map(([k,v])=>[k,(v/1024).toFixed(2)]))));
}
