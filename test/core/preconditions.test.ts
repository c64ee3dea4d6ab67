/**
 * A stale writer cannot overwrite a newer change (issue 15 #10, docs/decisions.md §2): the REST
 * client sends `CallOptions.ifMatch` as `If-Match: "<version>"` on every write that replaces
 * shared data, and a changed resource fails the call with a `PeerError` of status 412 whose
 * problem carries the resource as it is now. Against the real server.
 */
import '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { PeerError, RestClient, type Post, type Reflection } from '@peerkit/core';
import { SEED, chaos, signIn, uniqueActivity, type Chaos } from '../support/server.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

const abs = (path: string) => new URL(path, location.href).href;

async function rejection(promise: Promise<unknown>): Promise<PeerError> {
  try {
    await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(PeerError);
    return e as PeerError;
  }
  throw new Error('expected the call to fail');
}

describe('RestClient preconditions (If-Match)', () => {
  failOnLitWarnings();
  let c: Chaos;
  let client: RestClient;
  let token: string;

  before(async () => {
    token = await signIn(SEED.member);
  });
  beforeEach(async () => {
    c = await chaos();
    client = new RestClient({ endpoint: abs(c.endpoint), getToken: () => token });
  });
  afterEach(async () => {
    await c.clear();
  });

  it('keeps the newer text of a post when a second tab saves an edit of the old one', async () => {
    const post = await client.createPost({ activity: uniqueActivity('if-match'), body: 'First' });
    expect(post.version).to.equal(1);
    const first = await client.updatePost(post.id, { body: 'Edited in tab one' }, { ifMatch: 1 });
    expect(first.version).to.equal(2);
    const stale = await rejection(
      client.updatePost(post.id, { body: 'Edited in tab two' }, { ifMatch: 1 }),
    );
    expect(stale.kind).to.equal('http');
    expect(stale.status).to.equal(412);
    const current = stale.details.problem?.['current'] as Post;
    expect(current.body).to.equal('Edited in tab one');
    expect(current.version).to.equal(2);
    const sent = (await c.log()).filter((e) => e.method === 'PATCH');
    expect(sent.map((e) => e.status)).to.deep.equal([200, 412]);
  });

  it('keeps a reflection saved elsewhere when a stale copy is saved over it', async () => {
    const id = crypto.randomUUID();
    const activity = uniqueActivity('reflection');
    const answers = (text: string) => [{ prompt: 'What will you try?', answer: text }];
    const saved = await client.saveReflection(id, {
      activity,
      visibility: 'private',
      answers: answers('One'),
    });
    await client.saveReflection(
      id,
      { activity, visibility: 'private', answers: answers('Two') },
      { ifMatch: saved.version },
    );
    const stale = await rejection(
      client.saveReflection(
        id,
        { activity, visibility: 'private', answers: answers('Stale') },
        { ifMatch: saved.version },
      ),
    );
    expect(stale.status).to.equal(412);
    expect((stale.details.problem?.['current'] as Reflection).answers[0]!.answer).to.equal('Two');
  });

  it('keeps a profile changed elsewhere when a stale form is saved', async () => {
    const me = await client.profile();
    const changed = await client.updateProfile(
      { availabilityNote: `Mornings ${crypto.randomUUID().slice(0, 8)}` },
      { ifMatch: me.version },
    );
    expect(changed.version).to.equal(me.version + 1);
    const stale = await rejection(
      client.updateProfile({ availabilityNote: 'Stale' }, { ifMatch: me.version }),
    );
    expect(stale.status).to.equal(412);
    expect(stale.details.problem?.['current']).to.deep.include({
      availabilityNote: changed.availabilityNote,
    });
  });

  it("keeps a moderator's decision from applying to a post that changed since they read it", async () => {
    const post = await client.createPost({ activity: uniqueActivity('moderated'), body: 'Rude' });
    const ben = new RestClient({
      endpoint: abs(c.endpoint),
      getToken: () => signIn(SEED.colleague),
    });
    const report = await ben.reportPost(post.id, { reason: 'harassment' });
    await client.updatePost(post.id, { body: 'Rewritten kindly' }, { ifMatch: post.version });
    const chloe = new RestClient({
      endpoint: abs(c.endpoint),
      getToken: () => signIn(SEED.moderator),
    });
    const stale = await rejection(
      chloe.resolveReport(report.id, { action: 'hide' }, { ifMatch: post.version }),
    );
    expect(stale.status).to.equal(412);
    const current = stale.details.problem?.['current'] as { post: Post };
    expect(current.post.body).to.equal('Rewritten kindly');
    const kept = await chloe.resolveReport(
      report.id,
      { action: 'keep' },
      { ifMatch: current.post.version },
    );
    expect(kept.status).to.equal('kept');
  });
});
