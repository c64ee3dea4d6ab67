/**
 * Endorsing and withdrawing on a card, against the real server: optimistic, `aria-pressed`
 * and the count announced, the events, the statements, a refused change rolled back with a
 * retry that works, and a double click ending where the person left it.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { PeerEndorsementCreatedEvent, PeerEndorsementWithdrawnEvent } from '@peerkit/experts';
import { API, XAPI_BASIC, chaos, signAs } from '../support/server.js';
import { announced, atServer, card, mount, skillRow, unmountAll } from './helpers.js';
import { untilSaid } from '../support/announced.js';

/** A person nobody has seen before, so their endorsements start from none. */
async function freshPerson() {
  const id = `endorser-${crypto.randomUUID().slice(0, 8)}`;
  return { id, token: await signAs({ id, name: 'Eva Endorser' }) };
}

const BEN = 'Ben Okafor';
const SKILL = 'Kubernetes';

async function statementsOf(actor: string, verb: string) {
  const res = await fetch(`${API}/xapi/statements?verb=${encodeURIComponent(verb)}&limit=50`, {
    headers: { Authorization: XAPI_BASIC, 'X-Experience-API-Version': '1.0.3' },
  });
  const body = (await res.json()) as {
    statements: { actor: { account?: { name: string } }; object: { id: string } }[];
  };
  return body.statements.filter((s) => s.actor.account?.name === actor);
}

describe('<peer-expert-finder> endorsing', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('endorses at once, says so, fires the event, and the server has it; then withdraws', async () => {
    const me = await freshPerson();
    const { el } = await mount({ token: me.token, attrs: { skills: SKILL } });
    const before = skillRow(card(el, BEN)!, SKILL);
    const n = parseInt(before.count, 10);
    expect(before.pressed).to.equal('false');
    const created: PeerEndorsementCreatedEvent[] = [];
    const withdrawn: PeerEndorsementWithdrawnEvent[] = [];
    el.addEventListener('peer-endorsement-created', (e) => created.push(e));
    el.addEventListener('peer-endorsement-withdrawn', (e) => withdrawn.push(e));

    before.button!.click();
    await el.updateComplete;
    const now = skillRow(card(el, BEN)!, SKILL);
    expect(now.pressed, 'pressed at once').to.equal('true');
    expect(now.count).to.equal(`${n + 1} endorsements`);
    await waitUntil(() => created.length === 1, 'peer-endorsement-created');
    expect(created[0]!.detail).to.deep.equal({
      personId: 'ben.okafor',
      skill: SKILL,
      endorsements: n + 1,
    });
    await untilSaid(
      () => announced(el),
      `You endorsed ${BEN} for ${SKILL}. ${n + 1} endorsements.`,
    );
    expect((await atServer('ben.okafor', SKILL, me.token)).endorsedByMe).to.equal(true);
    await expect(el).to.be.accessible();

    skillRow(card(el, BEN)!, SKILL).button!.click();
    await waitUntil(() => withdrawn.length === 1, 'peer-endorsement-withdrawn');
    expect(skillRow(card(el, BEN)!, SKILL).pressed).to.equal('false');
    expect(skillRow(card(el, BEN)!, SKILL).count).to.equal(`${n} endorsements`);
    await untilSaid(() => announced(el), `You withdrew your endorsement of ${BEN} for ${SKILL}.`);
    const server = await atServer('ben.okafor', SKILL, me.token);
    expect(server.endorsedByMe).to.equal(false);
    expect(server.endorsements).to.equal(n);

    // Through the recorder: endorsed, then withdrew-endorsement, about Ben.
    await waitUntil(
      async () =>
        (await statementsOf(me.id, 'https://w3id.org/xapi/peerkit/verbs/withdrew-endorsement'))
          .length === 1,
      'the withdrawal statement',
      { timeout: 15_000 },
    );
    const endorsed = await statementsOf(me.id, 'https://w3id.org/xapi/peerkit/verbs/endorsed');
    expect(endorsed.map((s) => s.object.id)).to.deep.equal(['urn:peerkit:person:ben.okafor']);
  });

  it('a 500 rolls back to what the server has, says so, and the retry saves it once', async () => {
    const me = await freshPerson();
    const proxy = await chaos([
      {
        match: { method: 'POST', path: '^/people/[^/]+/endorsements$' },
        action: 'status',
        status: 500,
        times: -1,
      },
    ]);
    try {
      const { el } = await mount({
        token: me.token,
        endpoint: proxy.endpoint,
        attrs: { skills: SKILL },
      });
      const n = parseInt(skillRow(card(el, BEN)!, SKILL).count, 10);
      skillRow(card(el, BEN)!, SKILL).button!.click();
      await waitUntil(() => skillRow(card(el, BEN)!, SKILL).failed !== '', 'the failure line', {
        timeout: 15_000,
      });
      const rolled = skillRow(card(el, BEN)!, SKILL);
      expect(rolled.pressed, 'rolled back').to.equal('false');
      expect(rolled.count).to.equal(`${n} endorsements`);
      expect(rolled.failed).to.contain(`Your endorsement for ${SKILL} could not be saved.`);
      await untilSaid(() => announced(el), `Your endorsement for ${SKILL} could not be saved.`);
      await expect(el).to.be.accessible();

      await proxy.set([]);
      rolled.row!.querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await waitUntil(
        () =>
          skillRow(card(el, BEN)!, SKILL).pressed === 'true' &&
          !skillRow(card(el, BEN)!, SKILL).failed,
        'saved',
      );
      await waitUntil(
        async () => (await atServer('ben.okafor', SKILL, me.token)).endorsedByMe,
        'at the server',
      );
      expect((await atServer('ben.okafor', SKILL, me.token)).endorsements).to.equal(n + 1);
    } finally {
      await proxy.clear();
    }
  });

  it('a double click ends where the person left it, with at most one request in flight', async () => {
    const me = await freshPerson();
    const proxy = await chaos([
      { match: { path: '^/people/[^/]+/endorsements' }, action: 'delay', delayMs: 300, times: -1 },
    ]);
    try {
      const { el } = await mount({
        token: me.token,
        endpoint: proxy.endpoint,
        attrs: { skills: SKILL },
      });
      const n = parseInt(skillRow(card(el, BEN)!, SKILL).count, 10);
      const confirmed: string[] = [];
      el.addEventListener('peer-endorsement-created', () => confirmed.push('created'));
      el.addEventListener('peer-endorsement-withdrawn', () => confirmed.push('withdrawn'));
      const button = skillRow(card(el, BEN)!, SKILL).button!;
      button.click();
      button.click();
      await el.updateComplete;
      expect(skillRow(card(el, BEN)!, SKILL).pressed, 'the second click undoes the first').to.equal(
        'false',
      );
      // The server confirms the endorsement, then (only then) the withdrawal.
      await waitUntil(() => confirmed.length >= 2, 'both changes confirmed', {
        seen: () => confirmed,
      });
      expect(confirmed).to.deep.equal(['created', 'withdrawn']);
      await el.updateComplete;
      const row = skillRow(card(el, BEN)!, SKILL);
      expect(row.pressed).to.equal('false');
      expect(row.count).to.equal(`${n} endorsements`);
      const server = await atServer('ben.okafor', SKILL, me.token);
      expect(server.endorsedByMe).to.equal(false);
      expect(server.endorsements).to.equal(n);
      const log = (await proxy.log()).filter((r) => r.path.includes('/endorsements'));
      expect(log.length, 'one request per change').to.equal(2);
      for (let i = 1; i < log.length; i++)
        expect(log[i]!.time, 'one after the other').to.be.at.least(log[i - 1]!.time + 250);
    } finally {
      await proxy.clear();
    }
  });
});
