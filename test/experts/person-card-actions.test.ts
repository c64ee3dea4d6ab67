/**
 * What a learner does in the person card's popover (docs/decisions.md §9, §10), against the
 * real server: open it from a name in a discussion, endorse a skill and take it back, a refused
 * endorsement said and rolled back without losing what the server has, "Ask" into the
 * discussion's composer, into the inline form, or as a link from a `contact` template (a real
 * `<a href>` filled before the click, so the browser opens it within the click's user
 * activation), the keyboard, and axe.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '@peerkit/discussion/define';
import '@peerkit/experts/define';
import '@peerkit/kudos/define';
import type { PeerDiscussion } from '@peerkit/discussion';
import type { PeerEndorsementCreatedEvent } from '@peerkit/experts';
import { place, providerFor } from '../support/provider.js';
import { API, chaos, signAs, signIn, uniqueActivity } from '../support/server.js';
import {
  acknowledged,
  settled as discussionSettled,
  seedPost,
  waitForPost,
  unmountAll as unmountDiscussions,
} from '../discussion/helpers.js';
import { atServer, mount as mountFinder, skillRow, unmountAll } from './helpers.js';
import { mount as mountKudos, unmountAll as unmountKudos } from '../kudos/helpers.js';
import { untilSaid } from '../support/announced.js';
import { follow } from '../support/follow.js';

const SKILL = 'Kubernetes';
const cardEl = () => document.querySelector('peer-person-card')!;
const popover = () =>
  document
    .querySelector('peer-person-card')
    ?.shadowRoot?.querySelector<HTMLElement>('[part~="popover"]') ?? null;
const inCard = <T extends Element = HTMLElement>(selector: string) =>
  cardEl().shadowRoot!.querySelector<T>(selector);
const bensCard = () => inCard('[part~="card"]')!;
const deepActive = () => {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};
const announced = () =>
  [...cardEl().shadowRoot!.querySelectorAll('[role="status"]')].map((n) => n.textContent).join('|');

const mounted: HTMLElement[] = [];

/** A person nobody has seen before, so their endorsements start from none. */
async function freshToken() {
  const id = `card-${crypto.randomUUID().slice(0, 8)}`;
  return { id, token: await signAs({ id, name: 'Carla Card' }) };
}

/** A discussion where Ben has written, read by `me` through `endpoint`. */
async function discussionWithBen(me: { id: string; token: string }, endpoint?: string) {
  const activity = uniqueActivity('card');
  await seedPost(await signIn('ben.okafor'), activity, 'Rolling deploys: ask me.');
  const { provider } = await providerFor({ person: null, ...(endpoint ? { endpoint } : {}) });
  provider.token = me.token;
  const el = document.createElement('peer-discussion');
  el.setAttribute('activity', activity);
  el.setAttribute('sort', 'newest');
  acknowledged(activity, me.id);
  provider.append(el);
  place(provider, mounted);
  await discussionSettled(el);
  const post = await waitForPost(el, 'Rolling deploys: ask me.');
  return { el, activity, author: post.querySelector<HTMLButtonElement>('button.author')! };
}

/** Opens the card from `name` with the keyboard, and waits for Ben's skills. */
async function openFrom(name: HTMLElement) {
  name.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => popover()?.matches(':popover-open'), 'the card open');
  await waitUntil(() => inCard('[part~="skills"]'), "Ben's skills", { timeout: 10_000 });
}

/** A `<peer-kudos>` on `activity` with Ben as its giver, and his name as a button. */
async function kudosGivenByBen(activity: string) {
  const res = await fetch(`${API}/kudos`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await signIn('ben.okafor')}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify({ activity }),
  });
  expect(res.status).to.be.oneOf([200, 201]);
  const { el: kudos } = await mountKudos({ activity });
  await waitUntil(() => kudos.shadowRoot?.querySelector('button[part~="count"]'), 'the count');
  kudos.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="count"]')!.click();
  await waitUntil(() => kudos.shadowRoot!.querySelector('[part~="giver"]'), 'a giver button');
  return kudos.shadowRoot!.querySelector<HTMLButtonElement>('[part~="giver"]')!;
}

describe('the person card popover', () => {
  failOnLitWarnings();
  afterEach(() => {
    for (const box of mounted.splice(0)) box.remove();
    unmountAll();
    unmountDiscussions();
    unmountKudos();
  });

  it('endorses from the popover, counts it, and withdraws it; the server agrees', async () => {
    const me = await freshToken();
    const { author } = await discussionWithBen(me);
    await openFrom(author);
    const created: PeerEndorsementCreatedEvent[] = [];
    cardEl().addEventListener('peer-endorsement-created', (e) => created.push(e));
    const before = skillRow(bensCard(), SKILL);
    const n = parseInt(before.count, 10);
    expect(before.pressed).to.equal('false');

    before.button!.click();
    await waitUntil(() => created.length === 1, 'peer-endorsement-created');
    expect(skillRow(bensCard(), SKILL).pressed).to.equal('true');
    expect(skillRow(bensCard(), SKILL).count).to.equal(`${n + 1} endorsements`);
    await untilSaid(announced, `You endorsed Ben Okafor for ${SKILL}. ${n + 1} endorsements.`);
    expect((await atServer('ben.okafor', SKILL, me.token)).endorsedByMe).to.equal(true);
    expect(popover()!.matches(':popover-open'), 'the card stays open').to.equal(true);
    await expect(cardEl()).to.be.accessible();

    skillRow(bensCard(), SKILL).button!.click();
    await waitUntil(() => skillRow(bensCard(), SKILL).pressed === 'false', 'withdrawn');
    await waitUntil(
      async () => !(await atServer('ben.okafor', SKILL, me.token)).endorsedByMe,
      'withdrawn at the server',
    );
    expect(skillRow(bensCard(), SKILL).count).to.equal(`${n} endorsements`);
    expect((await atServer('ben.okafor', SKILL, me.token)).endorsements).to.equal(n);
  });

  for (const status of [403, 503]) {
    it(`a ${status} on endorse says so, keeps the server's state, and the retry saves it`, async () => {
      const me = await freshToken();
      const proxy = await chaos([
        {
          match: { method: 'POST', path: '^/people/[^/]+/endorsements$' },
          action: 'status',
          status,
          times: -1,
        },
      ]);
      try {
        const { author } = await discussionWithBen(me, proxy.endpoint);
        await openFrom(author);
        const n = parseInt(skillRow(bensCard(), SKILL).count, 10);
        skillRow(bensCard(), SKILL).button!.click();
        await waitUntil(() => skillRow(bensCard(), SKILL).failed !== '', 'the failure line', {
          timeout: 15_000,
        });
        const rolled = skillRow(bensCard(), SKILL);
        expect(rolled.pressed, 'rolled back').to.equal('false');
        expect(rolled.count).to.equal(`${n} endorsements`);
        expect(rolled.failed).to.contain(`Your endorsement for ${SKILL} could not be saved.`);
        await untilSaid(announced, `Your endorsement for ${SKILL} could not be saved.`);
        expect(popover()!.matches(':popover-open'), 'the card stays open').to.equal(true);
        await expect(cardEl()).to.be.accessible();

        await proxy.set([]);
        rolled.row!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
        await waitUntil(
          async () => (await atServer('ben.okafor', SKILL, me.token)).endorsedByMe,
          'saved at the server',
        );
        await waitUntil(() => skillRow(bensCard(), SKILL).pressed === 'true', 'pressed');
        expect(skillRow(bensCard(), SKILL).count).to.equal(`${n + 1} endorsements`);
      } finally {
        await proxy.clear();
      }
    });
  }

  it('"Ask" from a post author\'s card opens that discussion\'s composer with the mention', async () => {
    const me = await freshToken();
    const { el, author } = await discussionWithBen(me);
    await openFrom(author);
    inCard<HTMLButtonElement>('[part~="ask"]')!.click();
    const textarea = () =>
      (el as PeerDiscussion).shadowRoot!.querySelector<HTMLTextAreaElement>(
        '[part~="composer"][data-mode="new"] textarea',
      );
    await waitUntil(
      () => textarea()?.value.startsWith('[@Ben Okafor](mention:ben.okafor)'),
      'the mention in the composer',
    );
    expect(deepActive() === textarea(), 'focus in the composer').to.equal(true);
    expect(!!inCard('[part~="ask-form"]'), 'no inline form').to.equal(false);
  });

  it('"Ask" without a discussion posts from the inline form in the card', async () => {
    const activity = uniqueActivity('card-ask');
    const giver = await kudosGivenByBen(activity);
    await openFrom(giver);
    inCard<HTMLButtonElement>('[part~="ask"]')!.click();
    await waitUntil(() => inCard('[part~="ask-form"] textarea'), 'the inline form');
    const textarea = inCard<HTMLTextAreaElement>('[part~="ask-form"] textarea')!;
    await waitUntil(() => deepActive() === textarea, 'focus in the form');
    await sendKeys({ type: 'How do you roll back a deploy?' });
    await expect(cardEl()).to.be.accessible();
    inCard<HTMLButtonElement>('[part~="ask-send"]')!.click();
    await waitUntil(async () => {
      const res = await fetch(`${API}/posts?activity=${encodeURIComponent(activity)}`);
      const { items } = (await res.json()) as { items: { body: string }[] };
      return items.some(
        (p) => p.body === '[@Ben Okafor](mention:ben.okafor) How do you roll back a deploy?',
      );
    }, 'the question in the thread');
    await waitUntil(() => !inCard('[part~="ask-form"]'), 'the form closes');
    await untilSaid(announced, 'Your question for Ben Okafor is in the discussion.');
  });

  it('with a finder\'s `contact` template, "Ask" is a real link, filled before the click, opened within it', async () => {
    const activity = uniqueActivity('card-contact');
    await mountFinder({
      activity,
      attrs: { skills: SKILL, contact: 'https://chat.example/to/{id}?n={name}&s={skill}' },
    });
    const giver = await kudosGivenByBen(activity);
    await openFrom(giver);
    const link = inCard<HTMLAnchorElement>('a[part~="ask"]');
    expect(!!link, '"Ask" is a link').to.equal(true);
    expect(link!.href).to.equal('https://chat.example/to/ben.okafor?n=Ben%20Okafor&s=');
    expect(link!.target).to.equal('_blank');
    expect(link!.rel.split(' ')).to.include('noopener');
    // A real key press on the link: the browser follows it in the same task, within the
    // press's user activation (a popup blocker lets it through). The test stops the tab.
    expect(await follow(link!)).to.deep.equal({
      href: 'https://chat.example/to/ben.okafor?n=Ben%20Okafor&s=',
      prevented: false,
      active: true,
    });
    await expect(cardEl()).to.be.accessible();
  });

  it('Escape closes the card and gives focus back to the name it opened from', async () => {
    const activity = uniqueActivity('card-keys');
    const giver = await kudosGivenByBen(activity);
    await openFrom(giver);
    expect(deepActive()?.getAttribute('part'), 'focus on the close button').to.equal('close');
    await sendKeys({ press: 'Tab' });
    expect(cardEl().shadowRoot!.contains(deepActive()), 'Tab stays in the card').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !popover()!.matches(':popover-open'), 'closed');
    await waitUntil(() => deepActive() === giver, 'focus back on the giver');
  });
});
