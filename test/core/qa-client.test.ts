/**
 * The REST client's Q&A calls (docs/decisions.md §18) against the real server: a question's
 * author accepts and unaccepts an answer (`acceptAnswer`), a moderator highlights a post
 * (`highlightPost`), someone else is refused, and `listPosts` reads the filters, the
 * `unanswered` sort and the open count, every answer checked with the contract schemas.
 */
import { expect } from '@open-wc/testing';
import { PeerError, RestClient } from '@peerkit/core';
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { API, SEED, signIn, uniqueActivity } from '../support/server.js';

const clientFor = async (person: string) => {
  const token = await signIn(person);
  return new RestClient({ endpoint: new URL(API, location.href).href, getToken: () => token });
};

describe('RestClient questions and answers', () => {
  failOnLitWarnings();

  it('accepts, unaccepts and highlights, and reads the unanswered view', async () => {
    const [ana, ben, chloe] = await Promise.all(
      [SEED.member, SEED.colleague, SEED.moderator].map(clientFor),
    );
    const activity = uniqueActivity('qa-client');
    const question = await ana!.createPost({
      activity,
      body: 'How do I drain a node?',
      tags: ['kubernetes'],
    });
    const other = await ben!.createPost({ activity, body: 'Still open?' });
    const answer = await ben!.createPost({
      activity,
      body: 'kubectl drain',
      parentId: question.id,
    });
    expect(question.tags).to.deep.equal(['Kubernetes']);
    expect(question.question?.accepted).to.equal(false);

    const refused = await ben!.acceptAnswer(answer.id, true).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(PeerError);
    expect((refused as PeerError).status).to.equal(403);
    expect((await ana!.acceptAnswer(answer.id, true)).accepted).to.equal(true);

    const unanswered = await ana!.listPosts({ activity, filter: 'unanswered' });
    expect(unanswered.items.map((p) => p.id)).to.deep.equal([other.id]);
    expect(unanswered.open).to.equal(1);
    const sorted = await ana!.listPosts({ activity, sort: 'unanswered' });
    expect(sorted.items.filter((p) => !p.parentId).map((p) => p.id)).to.deep.equal([
      other.id,
      question.id,
    ]);
    expect((await ana!.acceptAnswer(answer.id, false)).accepted).to.equal(false);
    expect((await ana!.listPosts({ activity })).open).to.equal(2);

    expect((await chloe!.highlightPost(answer.id, true)).highlighted).to.equal(true);
    const highlights = await ana!.listPosts({ activity, filter: 'highlighted' });
    expect(highlights.items.map((p) => p.id)).to.deep.equal([question.id, answer.id]);
    expect((await chloe!.highlightPost(answer.id, false)).highlighted).to.equal(false);
  });
});
