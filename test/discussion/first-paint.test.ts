/**
 * Reading a thread needs no Markdown parser (DECISIONS §5): posts arrive parsed
 * (`Post.bodyTree`) and are drawn from the tree; the parser loads only for the composer's
 * preview, or for a host's `PeerClient` that sends no tree.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, waitUntil } from '@open-wc/testing';
import { RestClient, type PeerClient, type PostPage } from '@peerkit/core';
import { API, article, seedPost, settled, unmountAll } from './helpers.js';
import { providerFor } from '../support/provider.js';
import { SEED, signIn, uniqueActivity } from '../support/server.js';

describe('<peer-discussion> Markdown on the first paint', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it("shows Markdown from a host's own client that sends no parsed tree", async () => {
    const activity = uniqueActivity('no-tree');
    const token = await signIn(SEED.colleague);
    await seedPost(token, activity, 'A list:\n\n- one\n- **two**');
    const rest = new RestClient({ endpoint: API, getToken: () => token });
    // A host's client for another backend: the same posts, without `bodyTree`.
    const client: PeerClient = Object.create(rest as object) as PeerClient;
    client.listPosts = async (query, options): Promise<PostPage> => {
      const page = await rest.listPosts(query, options);
      return { ...page, items: page.items.map(({ bodyTree: _, ...post }) => post) };
    };
    const { provider } = await providerFor({ person: SEED.colleague });
    provider.client = client;
    const el = document.createElement('peer-discussion');
    el.setAttribute('activity', activity);
    provider.append(el);
    document.body.append(provider);
    try {
      await settled(el);
      await waitUntil(() => article(el, 'A list').querySelector('li strong'), 'parsed here');
      expect(article(el, 'A list').querySelectorAll('li').length).to.equal(2);
    } finally {
      provider.remove();
    }
  });
});
