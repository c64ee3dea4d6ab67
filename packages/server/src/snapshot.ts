/**
 * `snapshot.ts <file>`: writes a migrated, seeded PGlite data directory as a tarball.
 * Test servers start from it in under a second instead of initialising a database each
 * time (`PEERKIT_PGLITE_SNAPSHOT=<file>`, or `createServer({ memory: true, snapshot })`).
 */
import { writeFile } from 'node:fs/promises';
import { openDb } from './db.js';
import { migrate } from './migrations.js';
import { seedIfEmpty } from './seed.js';

export async function writeSnapshot(file: string): Promise<void> {
  const db = await openDb({});
  try {
    await migrate(db);
    await seedIfEmpty(db);
    const blob = await db.dump!();
    await writeFile(file, Buffer.from(await blob.arrayBuffer()));
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: snapshot.ts <file>\n');
    process.exit(2);
  }
  await writeSnapshot(file);
}
