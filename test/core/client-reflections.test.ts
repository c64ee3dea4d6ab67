/**
 * `RestClient` and team reflections (docs/decisions.md §13), in Chromium against the real
 * server: members' entries through `saveReflectionEntry`, the 409 that makes a second start
 * adopt the open reflection, and `subscribeReflections` on the stream and, when the stream
 * is unavailable, by polling.
 */
import '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import {
  PeerError,
  RestClient,
  type Reflection,
  type ReflectionEvent,
  type SaveReflection,
} from '@peerkit/core';
import { chaos, signIn, uniqueActivity, until, type Chaos } from '../support/server.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

const abs = (path: string) => new URL(path, location.href).href;
/** Both in the seeded Data team. */
const ANA = 'ana.ruiz';
const MEI = 'mei.chen';

const teamReflection = (activity: string): SaveReflection => ({
  activity,
  visibility: 'team',
  team: 'Data',
  answers: [
    { id: 'achieved', prompt: 'What did we achieve?', answer: '' },
    { id: 'learned', prompt: 'What did we learn?', answer: '' },
  ],
});

describe('RestClient and team reflections', () => {
  failOnLitWarnings();
  let c: Chaos;
  let ana: RestClient;
  let mei: RestClient;

  beforeEach(async () => {
    c = await chaos();
    const [anaToken, meiToken] = await Promise.all([signIn(ANA), signIn(MEI)]);
    ana = new RestClient({ endpoint: abs(c.endpoint), getToken: () => anaToken, backoffMs: 20 });
    mei = new RestClient({ endpoint: abs('/api'), getToken: () => meiToken });
  });
  afterEach(async () => {
    await c.clear();
  });

  it('keeps two members’ entries and tells a second start which reflection is open', async () => {
    const activity = uniqueActivity('team');
    const made = await ana.saveReflection(crypto.randomUUID(), teamReflection(activity));
    let conflict: PeerError | undefined;
    try {
      await mei.saveReflection(crypto.randomUUID(), teamReflection(activity));
    } catch (e) {
      conflict = e as PeerError;
    }
    expect(conflict?.status).to.equal(409);
    expect((conflict?.details.problem?.['current'] as Reflection).id).to.equal(made.id);
    const [a, m] = await Promise.all([
      ana.saveReflectionEntry(made.id, crypto.randomUUID(), { prompt: 'learned', text: 'A' }),
      mei.saveReflectionEntry(made.id, crypto.randomUUID(), { prompt: 'learned', text: 'M' }),
    ]);
    expect([a.author.id, m.author.id]).to.deep.equal([ANA, MEI]);
    const page = await mei.listReflections({ activity, scope: 'team', team: 'Data' });
    const learned = page.items[0]!.answers.find((x) => x.id === 'learned')!;
    expect(learned.entries!.map((e) => e.text).sort()).to.deep.equal(['A', 'M']);
    await mei.deleteReflectionEntry(made.id, m.id);
    const after = await ana.listReflections({ activity, scope: 'team', team: 'Data' });
    expect(after.items[0]!.authors!.map((p) => p.id)).to.deep.equal([ANA]);
  });

  it("delivers a teammate's entry through the reflections stream", async () => {
    const activity = uniqueActivity('team-live');
    const made = await mei.saveReflection(crypto.randomUUID(), teamReflection(activity));
    const events: ReflectionEvent[] = [];
    let opened = false;
    const close = ana.subscribeReflections(
      { activity, team: 'Data' },
      { onEvent: (e) => events.push(e), onOpen: () => (opened = true) },
    );
    try {
      await until(() => opened, 'the stream to open');
      await mei.saveReflectionEntry(made.id, crypto.randomUUID(), {
        prompt: 'learned',
        text: 'Seen live by Ana',
      });
      const saved = await until(
        () => events.find((e) => e.type === 'entry.saved'),
        'the entry, live',
      );
      expect(saved.type === 'entry.saved' && saved.entry.author.id).to.equal(MEI);
      const log = await c.log();
      expect(log.find((e) => e.path === '/reflections/stream')?.authorization).to.equal(true);
    } finally {
      close();
    }
  });

  it('falls back to polling the team’s reflections when the stream is unavailable', async () => {
    await c.set([
      { match: { path: '^/reflections/stream$' }, action: 'status', status: 404, times: -1 },
    ]);
    const anaToken = await signIn(ANA);
    const polling = new RestClient({
      endpoint: abs(c.endpoint),
      getToken: () => anaToken,
      pollIntervalMs: 200,
    });
    const activity = uniqueActivity('team-poll');
    const made = await mei.saveReflection(crypto.randomUUID(), teamReflection(activity));
    const events: ReflectionEvent[] = [];
    const close = polling.subscribeReflections(
      { activity, team: 'Data' },
      { onEvent: (e) => events.push(e) },
    );
    try {
      // The first poll is the baseline (nothing in it is news): write once it was answered.
      await until(
        async () => (await c.log()).some((e) => e.path === '/reflections' && e.status === 200),
        'the first poll answered',
      );
      await mei.saveReflectionEntry(made.id, crypto.randomUUID(), {
        prompt: 'learned',
        text: 'Seen by polling',
      });
      const polled = await until(
        () =>
          events.find(
            (e) =>
              e.type === 'reflection.saved' &&
              e.reflection.answers.some((a) =>
                a.entries?.some((x) => x.text === 'Seen by polling'),
              ),
          ),
        'the polled reflection',
      );
      expect(polled.type).to.equal('reflection.saved');
    } finally {
      close();
    }
  });
});
