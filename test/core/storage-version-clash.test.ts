import '../support/lit-warnings.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { workWithoutStorage } from './storage-fixture.js';

/** Another page's database of the same name at a newer version: `open` fails with VersionError. */
async function clash(name: string): Promise<() => Promise<void>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 2);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return () =>
    new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
}

describe('an IndexedDB database of the same name at a newer version', () => {
  failOnLitWarnings();

  it('still delivers statements, keeps drafts, and says once (kind storage, in Spanish) that nothing survives a reload', async () => {
    const undo = await clash('peerkit-xapi');
    try {
      await workWithoutStorage();
    } finally {
      await undo();
    }
  });
});
