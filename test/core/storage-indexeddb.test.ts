import '../support/lit-warnings.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { refuseIndexedDb, workWithoutStorage } from './storage-fixture.js';

describe('a browser that will not open IndexedDB', () => {
  failOnLitWarnings();

  it('still delivers statements, keeps drafts, and says once (kind storage, in Spanish) that nothing survives a reload', async () => {
    const undo = refuseIndexedDb();
    try {
      await workWithoutStorage();
    } finally {
      undo();
    }
  });
});
