/**
 * Team reflections on PostgreSQL itself (docs/decisions.md §13): members starting their
 * team's reflection at the same moment end on one (the unique index of open team
 * reflections, 409 with it as `current`), members writing at once all keep their entries,
 * and a member's entry written through one instance reaches a teammate's stream on another.
 * PostgreSQL only: `scripts/test-server.mjs` runs `*.pg.test.ts` files in its PostgreSQL half.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { activity, openStream, startTwoInstances, type TestServer } from './helpers.js';

const q = encodeURIComponent;
const DATA_TEAM = ['ana.ruiz', 'mei.chen', 'dev.patel', 'jonas.weber', 'umar.bello', 'wei.zhang'];
const PROMPTS = [
  { id: 'achieved', prompt: 'What did we achieve?', answer: '' },
  { id: 'learned', prompt: 'What did we learn?', answer: '' },
];

describe('team reflections on PostgreSQL', () => {
  let a: TestServer;
  let b: TestServer;
  let tokens: string[];
  before(async () => {
    ({ a, b } = await startTwoInstances());
    tokens = await Promise.all(DATA_TEAM.map((id) => a.token(id)));
  });
  after(async () => {
    await b.close();
    await a.close();
  });

  const start = (s: TestServer, token: string, act: string) =>
    s.call('PUT', `/api/reflections/${randomUUID()}`, {
      token,
      body: { activity: act, visibility: 'team', team: 'Data', answers: PROMPTS },
    });

  it('ends six members starting at once on one team reflection', async () => {
    const act = activity('team');
    const answers = await Promise.all(tokens.map((t, i) => start(i % 2 ? b : a, t, act)));
    const made = answers.filter((r) => r.status === 201);
    assert.equal(made.length, 1, answers.map((r) => r.status).join(','));
    for (const r of answers.filter((x) => x.status !== 201)) {
      assert.equal(r.status, 409);
      assert.equal(r.body.current.id, made[0]!.body.id, 'the others are told which one is open');
    }
    const rid = made[0]!.body.id as string;
    const entries = await Promise.all(
      tokens.map((t, i) =>
        (i % 2 ? b : a).call('PUT', `/api/reflections/${rid}/entries/${randomUUID()}`, {
          token: t,
          body: { prompt: 'learned', text: `lesson ${i}` },
        }),
      ),
    );
    assert.deepEqual(
      entries.map((r) => r.status),
      tokens.map(() => 201),
    );
    const list = await a.call('GET', `/api/reflections?activity=${q(act)}&scope=team&team=Data`, {
      token: tokens[0]!,
    });
    assert.equal(list.body.total, 1);
    assert.equal(list.body.items[0].authors.length, DATA_TEAM.length);
  });

  it("streams a member's entry written through one instance to a teammate on another", async () => {
    const act = activity('team');
    const rid = (await start(a, tokens[0]!, act)).body.id as string;
    const url = `${b.url}/api/reflections/stream?activity=${q(act)}&team=Data`;
    const stream = await openStream(url, { authorization: `Bearer ${tokens[1]}` });
    try {
      await stream.next((e) => e.comment === 'ready');
      await a.call('PUT', `/api/reflections/${rid}/entries/${randomUUID()}`, {
        token: tokens[0]!,
        body: { prompt: 'learned', text: 'across instances' },
      });
      const e = JSON.parse((await stream.next((x) => !!x.data)).data!);
      assert.equal(e.type, 'entry.saved');
      assert.equal(e.entry.text, 'across instances');
      assert.equal(e.entry.author.id, 'ana.ruiz');
    } finally {
      stream.close();
    }
  });
});
