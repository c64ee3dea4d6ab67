import { build, loadConfigFromFile } from 'vite';
import { relative } from 'node:path';
const root = process.cwd();
const { config } = await loadConfigFromFile({ command: 'build', mode: 'cdn' }, root + '/vite.config.ts', root, 'silent');
config.build.write = false; config.build.sourcemap = false;
const res = await build({ ...config, configFile: false, logLevel: 'silent' });
const chunks = (Array.isArray(res) ? res : [res]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
const want = process.argv[2];
for (const c of chunks) {
  if (!c.fileName.includes(want)) continue;
  console.log('==', c.fileName, c.code.length);
  for (const [id, m] of Object.entries(c.modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength)) console.log(String(m.renderedLength).padStart(7), relative(root, id));
}
