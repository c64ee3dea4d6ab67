/**
 * "Ask" on a card: the cancelable `peer-expert-contact`, the `contact` URL template, and the
 * inline form posting the question to the activity's thread with the expert mentioned
 * (docs/decisions.md §10), against the real server.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { PeerExpertContactEvent } from '@peerkit/experts';
import { API } from '../support/server.js';
import { $, announced, card, mount, unmountAll } from './helpers.js';
import { untilSaid } from '../support/announced.js';
import { follow } from '../support/follow.js';

const BEN = 'Ben Okafor';
const askButton = (el: Element) =>
  card(el, BEN)!.querySelector<HTMLButtonElement>('[part~="ask"]')!;
const focused = (el: Element) => el.shadowRoot!.activeElement;

async function postsOf(activity: string) {
  const res = await fetch(`${API}/posts?activity=${encodeURIComponent(activity)}`);
  return ((await res.json()) as { items: { body: string; author: { id: string } | null }[] }).items;
}

describe('<peer-expert-finder> asking', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('fires peer-expert-contact; a host that prevents it takes over and nothing else happens', async () => {
    const { el, activity } = await mount({ attrs: { skills: 'Kubernetes' } });
    const events: PeerExpertContactEvent[] = [];
    el.addEventListener('peer-expert-contact', (e) => {
      events.push(e);
      e.preventDefault();
    });
    askButton(el).click();
    await waitUntil(() => events.length === 1, 'the event');
    await el.updateComplete;
    expect(events[0]!.cancelable).to.equal(true);
    expect(events[0]!.detail.person.id).to.equal('ben.okafor');
    expect(events[0]!.detail.skill).to.equal('Kubernetes');
    expect(events[0]!.detail.activity).to.equal(activity);
    expect(!!$(el, '[part~="ask-form"]'), 'no form').to.equal(false);
  });

  it('with contact, opens the URL template filled with encoded values, within the click', async () => {
    const { el } = await mount({
      attrs: {
        skills: 'Kubernetes',
        contact: 'https://chat.example/to/{id}?topic={skill}&n={name}&m={email}',
      },
    });
    // "Ask" is a real link, filled before the click: the browser follows it within the
    // press's user activation, so no popup blocker stops it (window.open after a chunk load
    // could be). A real key press; the test stops the new tab.
    const link = askButton(el) as unknown as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.target).to.equal('_blank');
    expect(link.rel.split(' ')).to.include('noopener');
    const followed = await follow(link);
    expect(followed).to.deep.equal({
      href: 'https://chat.example/to/ben.okafor?topic=Kubernetes&n=Ben%20Okafor&m=ben.okafor%40example.com',
      prevented: false,
      active: true,
    });
    await el.updateComplete;
    expect(!!$(el, '[part~="ask-form"]')).to.equal(false);
  });

  it('with contact, a host that prevents peer-expert-contact keeps the link from opening', async () => {
    const { el } = await mount({
      attrs: { skills: 'Kubernetes', contact: 'mailto:{email}?subject={skill}' },
    });
    const events: PeerExpertContactEvent[] = [];
    el.addEventListener('peer-expert-contact', (e) => {
      events.push(e);
      e.preventDefault();
    });
    const followed = await follow(askButton(el) as unknown as HTMLAnchorElement);
    expect(events.map((e) => e.detail.person.id)).to.deep.equal(['ben.okafor']);
    expect(followed.prevented, 'not followed').to.equal(true);
  });

  it('a contact template that would not be a safe link is not opened', async () => {
    const opened: string[] = [];
    const open = window.open;
    window.open = ((url: string) => (opened.push(url), null)) as typeof window.open;
    try {
      const { el } = await mount({
        attrs: { skills: 'Kubernetes', contact: 'javascript:alert({name})' },
      });
      askButton(el).click();
      await waitUntil(() => !!$(el, '[part~="ask-form"]'), 'the default instead');
      expect(opened).to.deep.equal([]);
    } finally {
      window.open = open;
    }
  });

  it('with no discussion on the page, the inline form posts the question to the thread, mentioning the expert', async () => {
    const { el, activity } = await mount({ attrs: { skills: 'Kubernetes' } });
    askButton(el).click();
    await waitUntil(() => !!$(el, '[part~="ask-form"]'), 'the form');
    expect(focused(el)?.localName, 'focus in the question').to.equal('textarea');
    await sendKeys({ type: 'How do you roll back a bad deploy?' });
    $<HTMLButtonElement>(el, '[part~="ask-send"]')!.click();
    await waitUntil(() => !$(el, '[part~="ask-form"]'), 'the form closes');
    await untilSaid(() => announced(el), `Your question for ${BEN} is in the discussion.`);
    expect(focused(el) === askButton(el), 'focus back on Ask').to.equal(true);
    const posts = await postsOf(activity);
    expect(posts.map((p) => p.body)).to.deep.equal([
      '[@Ben Okafor](mention:ben.okafor) How do you roll back a bad deploy?',
    ]);
  });

  it('an empty question is refused in place, with the reason', async () => {
    const { el } = await mount({ attrs: { skills: 'Kubernetes' } });
    askButton(el).click();
    await waitUntil(() => !!$(el, '[part~="ask-form"]'), 'the form');
    $<HTMLButtonElement>(el, '[part~="ask-send"]')!.click();
    await el.updateComplete;
    expect($(el, '.form-error')?.textContent).to.contain('Write a question first.');
    expect($(el, '[part~="ask-form"] textarea')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
