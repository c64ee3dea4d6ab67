/**
 * The contract checks (zod/mini and the schemas) are a chunk the client loads on demand. When
 * it cannot be fetched, a call fails as a retryable network error, nothing unchecked reaches
 * the caller, and the next call loads the chunk again. A file of its own: the chunk must not
 * have been loaded in this page before.
 */
import '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { PeerError, RestClient } from '@peerkit/core';
import { SEED, signIn, uniqueActivity } from '../support/server.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

const MODULE = 'packages/core/src/client/schemas.js';
const failModule = (on: boolean) => {
  document.cookie = on
    ? `peerkit-fail-module=${encodeURIComponent(MODULE)}; path=/`
    : 'peerkit-fail-module=; path=/; max-age=0';
};

describe('RestClient when the contract checks cannot load', () => {
  failOnLitWarnings();
  afterEach(() => failModule(false));

  it('fails as a retryable network error, then works once the chunk can be fetched', async () => {
    failModule(true);
    const token = await signIn(SEED.member);
    const client = new RestClient({ endpoint: '/api', getToken: () => token, retries: 0 });
    const activity = uniqueActivity('checks');
    let error: unknown;
    try {
      await client.kudos(activity);
    } catch (e) {
      error = e;
    }
    expect(error, 'a PeerError').to.be.instanceOf(PeerError);
    expect((error as PeerError).kind).to.equal('network');
    expect((error as PeerError).retryable).to.equal(true);
    expect((error as PeerError).message).to.equal('Could not load the contract checks.');

    failModule(false);
    const count = await client.kudos(activity);
    expect(count).to.include({ activity, count: 0 });
  });
});
