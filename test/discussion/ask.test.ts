/**
 * Mentions in `<peer-discussion>` (docs/decisions.md §10): `ask()` opens the new-post box with
 * a mention and focus; posts draw a mention as the person's current name, a button that opens
 * the person card when one is registered, plain text otherwise, the link text for an unknown
 * id. Real Chromium against the real server.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { setPersonCardOpener, type PersonCardRequest } from '@peerkit/core/person-card';
import {
  $,
  $$,
  acknowledged,
  activeElement,
  mount,
  postThroughUi,
  rootTextarea,
  seedPost,
  serverPosts,
  unmountAll,
  waitForPost,
} from './helpers.js';

const BEN = { id: 'ben.okafor', name: 'Ben Okafor' };
const BEN_LINK = '[@Ben Okafor](mention:ben.okafor)';

describe('<peer-discussion> ask() and mentions', () => {
  failOnLitWarnings();
  afterEach(() => {
    setPersonCardOpener(null);
    unmountAll();
  });

  it('ask() writes the mention into the new-post box and moves focus after it', async () => {
    const { el, activity } = await mount();
    acknowledged(activity, 'ana.ruiz');
    expect(await el.ask({ person: BEN, skill: 'Kubernetes' })).to.equal(true);
    const textarea = rootTextarea(el);
    expect(textarea.value).to.equal(`${BEN_LINK} `);
    expect(activeElement()).to.equal(textarea);
    expect(textarea.selectionStart).to.equal(BEN_LINK.length + 1);
    // asking again does not write the mention twice
    expect(await el.ask({ person: BEN })).to.equal(true);
    expect(textarea.value).to.equal(`${BEN_LINK} `);
    const mentioned = oneEvent(el, 'peer-mention-created');
    const posted = await postThroughUi(
      el,
      `${textarea.value}how do I drain a node?`,
      '@Ben Okafor how do I drain a node?',
    );
    expect(posted.querySelector('.mention')?.textContent?.trim()).to.equal('@Ben Okafor');
    const { detail } = await mentioned;
    expect(detail.people.map((p: { id: string }) => p.id)).to.deep.equal(['ben.okafor']);
    expect(detail.post.body).to.contain(BEN_LINK);
  });

  it('ask() with a skill presets it as a tag chip, and the post is created with the tag', async () => {
    const { el, activity, token } = await mount();
    acknowledged(activity, 'ana.ruiz');
    const chips = () =>
      $$(el, '[part~="composer"][data-mode="new"] [part~="tag-chip"]').map((b) =>
        b.getAttribute('aria-label'),
      );
    expect(await el.ask({ person: BEN, skill: 'Kubernetes' })).to.equal(true);
    await el.updateComplete;
    expect(chips()).to.deep.equal(['Remove tag Kubernetes']);
    expect(activeElement()).to.equal(rootTextarea(el), 'focus stays in the text');
    // the same skill again (any case) is one tag
    expect(await el.ask({ person: BEN, skill: 'kubernetes' })).to.equal(true);
    await el.updateComplete;
    expect(chips()).to.deep.equal(['Remove tag Kubernetes']);
    const created = oneEvent(el, 'peer-post-created');
    await postThroughUi(el, `${rootTextarea(el).value}how do I drain a node?`, 'drain a node');
    const { detail } = await created;
    expect(detail.post.tags).to.deep.equal(['Kubernetes']);
    const [stored] = await serverPosts(token!, activity);
    expect(stored!.tags).to.deep.equal(['Kubernetes']);
    await el.updateComplete;
    expect(chips()).to.deep.equal([], 'the next post starts without it');
  });

  it('ask() keeps what the person had typed, after the mention', async () => {
    const { el } = await mount();
    const textarea = rootTextarea(el);
    textarea.value = 'Draft so far';
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(await el.ask({ person: BEN })).to.equal(true);
    expect(rootTextarea(el).value).to.equal(`${BEN_LINK} Draft so far`);
  });

  it('ask() answers false and writes nothing when readonly or signed out', async () => {
    const { el: ro } = await mount({ attrs: { readonly: true } });
    expect(await ro.ask({ person: BEN })).to.equal(false);
    expect($(ro, 'textarea')).to.equal(null);
    const { el: out } = await mount({ person: null });
    expect(await out.ask({ person: BEN })).to.equal(false);
    expect($(out, 'textarea')).to.equal(null);
    expect($(out, '.notice.signed-out')?.textContent).to.contain('Sign in');
  });

  it('ask() called before the thread loaded waits for it', async () => {
    const { el } = await mount({ ready: false });
    expect(await el.ask({ person: BEN })).to.equal(true);
    expect(rootTextarea(el).value).to.equal(`${BEN_LINK} `);
  });

  it('draws a mention with the current name, as a button to the person card only when one is registered', async () => {
    const { activity, token } = await mount({ ready: false });
    unmountAll();
    await seedPost(
      token!,
      activity,
      'Ask [@Benny](mention:ben.okafor) or [@Who](mention:nobody.x)',
    );
    const { el } = await mount({ activity });
    const post = await waitForPost(el, 'Ask');
    const body = post.querySelector('[part~="body"]')!;
    expect(body.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Ask @Ben Okafor or @Who');
    expect(body.querySelector('button')).to.equal(null, 'no card: names are text');
    unmountAll();

    const opened: PersonCardRequest[] = [];
    setPersonCardOpener((request) => void opened.push(request));
    const { el: withCard } = await mount({ activity });
    const again = await waitForPost(withCard, 'Ask');
    const buttons = [...again.querySelectorAll<HTMLButtonElement>('[part~="body"] button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['@Ben Okafor']);
    let event: CustomEvent | null = null;
    withCard.addEventListener('peer-person-open', (e) => (event = e as CustomEvent), {
      once: true,
    });
    buttons[0]!.click();
    await waitUntil(() => opened.length === 1, 'the card opened');
    expect(opened[0]!.person.id).to.equal('ben.okafor');
    expect(opened[0]!.anchor).to.equal(buttons[0]);
    expect(event!.detail.person.name).to.equal('Ben Okafor');
  });
});
