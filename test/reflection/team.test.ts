/**
 * `mode="team"` (issue 12, "Done when": "a team can fill one card together and see each
 * other's answers appear"): two members, each in their own card, write into one team
 * reflection; each sees the other's entries appear live, attributed; the server ends with one
 * team reflection holding both members' entries.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import '@peerkit/core/define';
import '@peerkit/reflection/define';
import type { Reflection } from '@peerkit/core';
import type { PeerReflectionCard } from '@peerkit/reflection';
import { API, chaos, signAs, uniqueActivity } from '../support/server.js';
import { $, $$, field, statusIs, typeInto, until } from './helpers.js';

const mounted: HTMLElement[] = [];

async function member(
  name: string,
  team: string,
  activity: string,
  options: { endpoint?: string; id?: string } = {},
) {
  const id = options.id ?? `${name.toLowerCase()}.${crypto.randomUUID().slice(0, 8)}`;
  const token = await signAs({ id, name, team });
  const provider = document.createElement('peer-provider');
  provider.setAttribute('endpoint', options.endpoint ?? API);
  provider.token = token;
  const el = document.createElement('peer-reflection-card');
  el.setAttribute('activity', activity);
  el.setAttribute('mode', 'team');
  provider.append(el);
  const box = document.createElement('div');
  box.append(provider);
  document.body.append(box);
  mounted.push(box);
  await until(() => !!$(el, '[part~="form"]'), `${name}'s team card`, 15_000);
  return { el, token, id, box };
}

const entries = (el: PeerReflectionCard, prompt: string) =>
  $$(el, `[data-prompt="${prompt}"] [part~="entry"]`).map((li) =>
    li.textContent!.replace(/\s+/g, ' ').trim(),
  );

describe('<peer-reflection-card mode="team">', () => {
  failOnLitWarnings();
  afterEach(() => {
    for (const box of mounted.splice(0)) box.remove();
  });

  it("lets two members fill one card and see each other's answers appear", async () => {
    const team = `Team ${crypto.randomUUID().slice(0, 6)}`;
    const activity = uniqueActivity('team');
    const ana = await member('Ana', team, activity);
    const ben = await member('Ben', team, activity);
    expect($(ana.el, '[part~="heading"]')!.textContent!.trim()).to.equal(
      `Team reflection: ${team}`,
    );

    await typeInto(ana.el, 'achieved', 'Shipped the pilot');
    await statusIs(ana.el, 'saved');
    await until(
      () => entries(ben.el, 'achieved').includes('Shipped the pilot — Ana'),
      "Ana's answer appears in Ben's card",
    );
    await typeInto(ben.el, 'learned', 'Demo early');
    await statusIs(ben.el, 'saved');
    await until(
      () => entries(ana.el, 'learned').includes('Demo early — Ben'),
      "Ben's answer appears in Ana's card",
    );
    await expect(ana.el).to.be.accessible();

    const res = await fetch(
      `${API}/reflections?activity=${encodeURIComponent(activity)}&scope=shared&team=${encodeURIComponent(team)}&kind=team`,
      { headers: { Authorization: `Bearer ${ana.token}` } },
    );
    const { items } = (await res.json()) as { items: Reflection[] };
    expect(items.length, 'one team reflection').to.equal(1);
    const text = (id: string) =>
      items[0]!.answers
        .find((a) => a.id === id)!
        .entries!.map((e) => `${e.text} (${e.author.name})`);
    expect(text('achieved')).to.deep.equal(['Shipped the pilot (Ana)']);
    expect(text('learned')).to.deep.equal(['Demo early (Ben)']);
    expect(items[0]!.authors!.map((p) => p.name)).to.deep.equal(['Ana', 'Ben']);
  });

  it("keeps a member's words through a lost network and a reload, and syncs them once back", async () => {
    const proxy = await chaos([]);
    try {
      const team = `Team ${crypto.randomUUID().slice(0, 6)}`;
      const activity = uniqueActivity('team-offline');
      const ana = await member('Ana', team, activity, { endpoint: proxy.endpoint });
      await typeInto(ana.el, 'achieved', 'Half done');
      await statusIs(ana.el, 'saved');
      await proxy.set([{ match: { method: 'PUT', path: '/entries/' }, action: 'drop', times: -1 }]);
      await typeInto(ana.el, 'achieved', ' and the rest tomorrow');
      field(ana.el, 'achieved').blur();
      await statusIs(ana.el, 'offline');
      ana.box.remove();
      const again = await member('Ana', team, activity, { endpoint: proxy.endpoint, id: ana.id });
      await until(() => field(again.el, 'achieved')?.value === 'Half done and the rest tomorrow');
      await proxy.set([]);
      window.dispatchEvent(new Event('online'));
      await statusIs(again.el, 'saved');
      const res = await fetch(
        `${API}/reflections?activity=${encodeURIComponent(activity)}&scope=shared&team=${encodeURIComponent(team)}&kind=team`,
        { headers: { Authorization: `Bearer ${ana.token}` } },
      );
      const { items } = (await res.json()) as { items: Reflection[] };
      const entries = items[0]!.answers.find((a) => a.id === 'achieved')!.entries!;
      expect(entries.map((e) => e.text)).to.deep.equal(['Half done and the rest tomorrow']);
    } finally {
      await proxy.clear();
    }
  });

  it('shows live what a member wrote after the card read the team reflection but before its stream opened', async () => {
    // The stream's request is held at the proxy (a slow connection) while Ana writes; the
    // team's list says where the team's stream stood when it was read (`eventId`), and the
    // stream starts there (docs/decisions.md §22).
    const proxy = await chaos([
      { match: { method: 'GET', path: '^/reflections/stream' }, action: 'hold', times: 1 },
    ]);
    try {
      const team = `Team ${crypto.randomUUID().slice(0, 6)}`;
      const activity = uniqueActivity('team-gap');
      const anaToken = await signAs({
        id: `ana.${crypto.randomUUID().slice(0, 8)}`,
        name: 'Ana',
        team,
      });
      const call = async (method: string, path: string, body: unknown) => {
        const res = await fetch(`${API}${path}`, {
          method,
          headers: { Authorization: `Bearer ${anaToken}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}`);
      };
      const rid = crypto.randomUUID();
      await call('PUT', `/reflections/${rid}`, {
        activity,
        visibility: 'team',
        team,
        answers: ['achieved', 'differently', 'learned'].map((id) => ({
          id,
          prompt: id,
          answer: '',
        })),
      });
      await call('PUT', `/reflections/${rid}/entries/${crypto.randomUUID()}`, {
        prompt: 'achieved',
        text: 'Read with the card',
      });
      const ben = await member('Ben', team, activity, { endpoint: proxy.endpoint });
      await until(() => entries(ben.el, 'achieved').includes('Read with the card — Ana'));
      await until(
        async () => (await proxy.log()).some((e) => e.path === '/reflections/stream'),
        'the stream is asked for (and held)',
      );
      await call('PUT', `/reflections/${rid}/entries/${crypto.randomUUID()}`, {
        prompt: 'learned',
        text: 'Written in the gap',
      });
      await proxy.release();
      await until(
        () => entries(ben.el, 'learned').includes('Written in the gap — Ana'),
        "Ana's entry written in the gap appears in Ben's card",
        20_000,
      );
      expect(entries(ben.el, 'achieved')).to.deep.equal(['Read with the card — Ana']);
    } finally {
      await proxy.clear();
    }
  });

  it('says so when the signed-in person is in no team', async () => {
    const token = await signAs({ id: `solo.${crypto.randomUUID().slice(0, 8)}`, name: 'Solo' });
    const provider = document.createElement('peer-provider');
    provider.setAttribute('endpoint', API);
    provider.token = token;
    const el = document.createElement('peer-reflection-card');
    el.setAttribute('mode', 'team');
    el.setAttribute('activity', uniqueActivity('no-team'));
    provider.append(el);
    const box = document.createElement('div');
    box.append(provider);
    document.body.append(box);
    mounted.push(box);
    await until(() => /not in a team/.test(el.shadowRoot!.textContent ?? ''), 'the note');
    await expect(el).to.be.accessible();
  });
});
