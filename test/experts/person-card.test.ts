/**
 * The kit's person card (docs/decisions.md §9) from `@peerkit/experts/define`: post authors in
 * `<peer-discussion>` and kudos givers become buttons that open it, anchored to the name, with
 * focus in it and back on the name when it closes; a host can take over `peer-person-open`.
 * And "Ask" in the expert finder using the discussion of the same activity (§10).
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '@peerkit/discussion/define';
import '@peerkit/experts/define';
import '@peerkit/kudos/define';
import { personCardAvailable } from '@peerkit/core/person-card';
import type { PeerDiscussion } from '@peerkit/discussion';
import { API, XAPI_BASIC, signIn } from '../support/server.js';
import {
  acknowledged,
  mount as mountDiscussion,
  seedPost,
  unmountAll as unmountDiscussions,
  waitForPost,
} from '../discussion/helpers.js';
import { card, mount, unmountAll } from './helpers.js';

const popover = () =>
  document
    .querySelector('peer-person-card')
    ?.shadowRoot?.querySelector<HTMLElement>('[part~="popover"]') ?? null;
const cardRoot = () => document.querySelector('peer-person-card')!.shadowRoot!;
const deepActive = () => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

async function discussionWithBensPost() {
  const ben = await signIn('ben.okafor');
  const { el, activity } = await mountDiscussion();
  await seedPost(ben, activity, 'Rolling deploys: ask me.');
  el.setAttribute('sort', 'newest');
  const post = await waitForPost(el, 'Rolling deploys: ask me.');
  return { el, activity, post };
}

describe('the person card', () => {
  failOnLitWarnings();
  afterEach(() => {
    unmountAll();
    unmountDiscussions();
  });

  it('opens from a post author, anchored to the name, and gives focus back when closed', async () => {
    expect(personCardAvailable(), 'registered by @peerkit/experts/define').to.equal(true);
    const { post } = await discussionWithBensPost();
    const author = post.querySelector<HTMLButtonElement>('button.author')!;
    expect(!!author, 'the name is a button').to.equal(true);
    author.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => popover()?.matches(':popover-open'), 'the card open');
    await waitUntil(() => cardRoot().querySelector('[part~="skills"]'), "Ben's skills");
    expect(cardRoot().querySelector('[part~="name"]')!.textContent!.trim()).to.equal('Ben Okafor');
    expect(deepActive()?.getAttribute('part'), 'focus in the card').to.equal('close');
    const a = author.getBoundingClientRect();
    const c = popover()!.getBoundingClientRect();
    expect(
      Math.abs(c.top - (a.bottom + 4)) < 2 || c.bottom <= a.top,
      'anchored under (or over) the name',
    ).to.equal(true);
    await expect(document.querySelector('peer-person-card')!).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !popover()!.matches(':popover-open'), 'closed');
    expect(deepActive() === author, 'focus back on the name').to.equal(true);
  });

  it('a host that handles peer-person-open keeps the card closed', async () => {
    const { post } = await discussionWithBensPost();
    const seen: string[] = [];
    const take = (e: Event) => {
      seen.push((e as CustomEvent<{ person: { id: string } }>).detail.person.id);
      e.preventDefault();
    };
    document.addEventListener('peer-person-open', take);
    try {
      post.querySelector<HTMLButtonElement>('button.author')!.click();
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).to.deep.equal(['ben.okafor']);
      expect(!!popover()?.matches(':popover-open')).to.equal(false);
    } finally {
      document.removeEventListener('peer-person-open', take);
    }
  });

  it('kudos givers are buttons that open the card', async () => {
    const ben = await signIn('ben.okafor');
    const activity = `https://peerkit.test/kudos-givers/${crypto.randomUUID()}`;
    await fetch(`${API}/kudos`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ben}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: JSON.stringify({ activity }),
    });
    const { providerFor } = await import('../support/provider.js');
    const { provider } = await providerFor({});
    const kudos = document.createElement('peer-kudos');
    kudos.setAttribute('activity', activity);
    provider.append(kudos);
    const box = document.createElement('div');
    box.append(provider);
    document.body.append(box);
    try {
      await waitUntil(() => kudos.shadowRoot?.querySelector('button[part~="count"]'), 'the count');
      kudos.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="count"]')!.click();
      await waitUntil(() => kudos.shadowRoot!.querySelector('[part~="giver"]'), 'a giver button');
      const giver = kudos.shadowRoot!.querySelector<HTMLButtonElement>('[part~="giver"]')!;
      expect(giver.textContent!.trim()).to.equal('Ben Okafor');
      giver.click();
      await waitUntil(() => popover()?.matches(':popover-open'), 'the card open');
    } finally {
      box.remove();
    }
  });

  it('"Ask" in the expert finder opens the discussion of the same activity with the expert mentioned', async () => {
    const { el: discussion, activity } = await mountDiscussion();
    acknowledged(activity, 'ana.ruiz');
    const { el } = await mount({ activity, attrs: { skills: 'Kubernetes' } });
    card(el, 'Ben Okafor')!.querySelector<HTMLButtonElement>('[part~="ask"]')!.click();
    const textarea = () =>
      (discussion as PeerDiscussion).shadowRoot!.querySelector<HTMLTextAreaElement>('textarea');
    await waitUntil(
      () => textarea()?.value.startsWith('[@Ben Okafor](mention:ben.okafor)'),
      'the mention in the composer',
    );
    expect(deepActive() === textarea(), 'focus in the composer').to.equal(true);
    expect(!!el.shadowRoot!.querySelector('[part~="ask-form"]'), 'no inline form').to.equal(false);
    await waitUntil(
      async () => {
        const res = await fetch(
          `${API}/xapi/statements?verb=${encodeURIComponent('https://w3id.org/xapi/peerkit/verbs/contacted')}&limit=100`,
          {
            headers: { Authorization: XAPI_BASIC, 'X-Experience-API-Version': '1.0.3' },
          },
        );
        const { statements } = (await res.json()) as {
          statements: {
            object: { id: string };
            context?: { extensions?: Record<string, unknown> };
          }[];
        };
        return statements.some(
          (s) =>
            s.object.id === 'urn:peerkit:person:ben.okafor' &&
            s.context?.extensions?.['https://w3id.org/xapi/peerkit/extensions/contact-channel'] ===
              'discussion',
        );
      },
      'the contacted statement',
      { timeout: 15_000 },
    );
  });
});
