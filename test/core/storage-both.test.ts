import '../support/lit-warnings.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { refuseIndexedDb, refuseLocalStorage, workWithoutStorage } from './storage-fixture.js';

describe('a browser with neither IndexedDB nor localStorage', () => {
  failOnLitWarnings();

  it('keeps drafts in the page, still delivers statements, and says so once (kind storage, in Spanish)', async () => {
    const undoIdb = refuseIndexedDb();
    const undoLocal = refuseLocalStorage();
    try {
      await workWithoutStorage();
    } finally {
      undoLocal();
      undoIdb();
    }
  });
});
