import '../support/lit-warnings.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { refuseLocalStorage, workWithoutStorage } from './storage-fixture.js';

describe('a browser whose localStorage throws', () => {
  failOnLitWarnings();

  it('keeps drafts in the page, still delivers statements, and says once (kind storage, in Spanish) that nothing survives a reload', async () => {
    const undo = refuseLocalStorage();
    try {
      await workWithoutStorage();
    } finally {
      undo();
    }
  });
});
