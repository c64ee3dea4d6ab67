/** Reflections: `GET /reflections`, `PUT` and `DELETE /reflections/{id}` (routes/reflections.ts). */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ReflectionPage, lessonsOf } from '@peerkit/core/contract';
import { DEMO_ACTIVITIES } from '@peerkit/server';
import { activity, isProblem, startSignedIn, type Answer, type TestServer } from './helpers.js';

const q = encodeURIComponent;

describe('reflections', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn());
  });
  after(() => s.close());

  const save = (
    token: string,
    id: string,
    a: string,
    visibility: string,
    answer = 'It went well',
  ) =>
    s.call('PUT', `/api/reflections/${id}`, {
      token,
      body: { activity: a, visibility, answers: [{ prompt: 'What did you try?', answer }] },
    });

  it('saves idempotently under a client-made id and lists my own', async () => {
    const a = activity('r');
    const id = randomUUID();
    const first = await save(ana, id, a, 'private');
    assert.equal(first.status, 201);
    const second = await save(ana, id, a, 'private', 'Edited answer');
    assert.equal(second.status, 200);
    const mine = await s.call('GET', `/api/reflections?activity=${q(a)}`, { token: ana });
    assert.ok(ReflectionPage.safeParse(mine.body).success);
    assert.equal(mine.body.total, 1);
    assert.equal(mine.body.items[0].answers[0].answer, 'Edited answer');
    assert.equal(
      (await s.call('GET', `/api/reflections?activity=${q(a)}&scope=everyone`, { token: ana }))
        .status,
      400,
    );
  });

  it('shows private ones to their author only, team ones to the team, public ones to all', async () => {
    const a = activity('r');
    const priv = randomUUID();
    const team = randomUUID();
    const pub = randomUUID();
    await save(ana, priv, a, 'private');
    await save(ana, team, a, 'team');
    await save(ana, pub, a, 'public');
    const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id).sort();
    // Mei is in Ana's team (Data); Ben is not.
    const mei = await s.token('mei.chen');
    const teamView = await s.call('GET', `/api/reflections?activity=${q(a)}&scope=team`, {
      token: mei,
    });
    assert.deepEqual(ids(teamView), [team, pub].sort());
    const benTeam = await s.call('GET', `/api/reflections?activity=${q(a)}&scope=team`, {
      token: ben,
    });
    assert.deepEqual(ids(benTeam), []);
    const publicView = await s.call('GET', `/api/reflections?activity=${q(a)}&scope=public`);
    assert.deepEqual(ids(publicView), [pub]);
    const benMine = await s.call('GET', `/api/reflections?activity=${q(a)}&scope=mine`, {
      token: ben,
    });
    assert.deepEqual(ids(benMine), []);
    assert.equal((await s.call('GET', `/api/reflections?activity=${q(a)}&scope=mine`)).status, 401);
    // Nobody else may overwrite or delete it.
    assert.equal((await save(ben, priv, a, 'public', 'hijack')).status, 403);
    assert.equal(
      (await s.call('DELETE', `/api/reflections/${priv}`, { token: chloe })).status,
      403,
    );
    assert.equal((await s.call('DELETE', `/api/reflections/${priv}`, { token: ana })).status, 204);
    assert.equal((await s.call('DELETE', `/api/reflections/${priv}`, { token: ana })).status, 404);
    assert.equal(
      (await s.call('PUT', '/api/reflections/not-a-uuid', { token: ana, body: {} })).status,
      400,
    );
  });

  it('has seeded reflections on the demo activities', async () => {
    const r = await s.call(
      'GET',
      `/api/reflections?activity=${q(DEMO_ACTIVITIES.dataStorytelling)}&scope=public`,
    );
    assert.ok(r.body.total >= 1);
    const lessons = lessonsOf(r.body.items).map((l) => l.text);
    assert.ok(lessons.includes('Annotations carry more meaning than colour.'), 'a seeded lesson');
  });

  it('refuses a save from a stale copy of a reflection (412 with the current one)', async () => {
    const id = randomUUID();
    const a = activity();
    const save = (answer: string, ifMatch?: string) =>
      s.call('PUT', `/api/reflections/${id}`, {
        token: ana,
        body: { activity: a, visibility: 'private', answers: [{ prompt: 'What?', answer }] },
        ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
      });
    const early = await save('Too early', '"1"');
    assert.equal(early.status, 412, 'nothing is stored yet to match');
    assert.equal(early.body.current, undefined);
    const created = await save('First');
    assert.equal(created.status, 201);
    assert.equal(created.body.version, 1);
    assert.equal(created.headers.get('etag'), '"1"');
    const laptop = await save('From the laptop', '"1"');
    assert.equal(laptop.status, 200);
    assert.equal(laptop.body.version, 2);
    const phone = await save('From the phone, stale', '"1"');
    assert.equal(phone.status, 412);
    assert.ok(isProblem(phone));
    assert.equal(phone.body.current.answers[0].answer, 'From the laptop');
    assert.equal(phone.body.current.version, 2);
    const mine = await s.call('GET', `/api/reflections?activity=${encodeURIComponent(a)}`, {
      token: ana,
    });
    assert.equal(mine.body.items[0].answers[0].answer, 'From the laptop');
    assert.equal(mine.body.items[0].version, 2);
  });

  it('lists all my reflections without an activity, paged, for an export', async () => {
    const mei = await s.token('mei.chen');
    const activities = [activity('export'), activity('export'), activity('export')];
    const ids: string[] = [];
    for (const a of activities) {
      const id = randomUUID();
      ids.push(id);
      assert.equal((await save(mei, id, a, 'private', `on ${a}`)).status, 201);
    }
    // A team reflection Mei wrote in (started by Ana) is hers to export too.
    const team = randomUUID();
    const teamActivity = activity('export');
    await s.call('PUT', `/api/reflections/${team}`, {
      token: ana,
      body: {
        activity: teamActivity,
        visibility: 'team',
        team: 'Data',
        answers: [{ id: 'learned', prompt: 'What did we learn?', answer: '' }],
      },
    });
    await s.call('PUT', `/api/reflections/${team}/entries/${randomUUID()}`, {
      token: mei,
      body: { prompt: 'learned', text: 'Mine to export' },
    });
    await save(ana, randomUUID(), activities[0]!, 'public', 'not Mei’s');
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const r: Answer = await s.call(
        'GET',
        `/api/reflections?scope=mine&limit=2${cursor ? `&cursor=${q(cursor)}` : ''}`,
        { token: mei },
      );
      assert.equal(r.status, 200, r.text);
      assert.ok(ReflectionPage.safeParse(r.body).success);
      assert.ok(r.body.items.length <= 2);
      seen.push(...r.body.items.map((i: { id: string }) => i.id));
      ({ nextCursor: cursor, total } = r.body);
    } while (cursor);
    // Mei's seeded public reflection is hers too.
    assert.equal(total, seen.length);
    assert.deepEqual(seen.slice(0, 4), [team, ...[...ids].reverse()], 'newest first');
    assert.equal(
      (await s.call('GET', '/api/reflections?scope=team', { token: mei })).status,
      400,
      'other scopes need an activity',
    );
    assert.equal((await s.call('GET', '/api/reflections?scope=mine')).status, 401);
  });

  it('reads team and public ones together with scope=shared, prompt ids kept', async () => {
    const a = activity('shared');
    const answers = [
      { id: 'achieved', prompt: 'What did you achieve?', answer: 'A dashboard' },
      { id: 'learned', prompt: 'What did you learn?', answer: 'Annotate, do not colour' },
    ];
    const put = (token: string, visibility: string) =>
      s.call('PUT', `/api/reflections/${randomUUID()}`, {
        token,
        body: { activity: a, visibility, answers },
      });
    const anaTeam = (await put(ana, 'team')).body.id;
    const benPublic = (await put(ben, 'public')).body.id;
    await put(ben, 'team');
    await put(ana, 'private');
    const ids = (r: Answer) => r.body.items.map((i: { id: string }) => i.id).sort();
    const mei = await s.token('mei.chen');
    const shared = await s.call('GET', `/api/reflections?activity=${q(a)}&scope=shared`, {
      token: mei,
    });
    assert.deepEqual(ids(shared), [anaTeam, benPublic].sort());
    assert.equal(shared.body.total, 2);
    assert.deepEqual(shared.body.items[0].answers, answers, 'answers keep their prompt ids');
    const lessons = lessonsOf(shared.body.items).map((l) => l.text);
    assert.deepEqual(lessons, ['Annotate, do not colour', 'Annotate, do not colour']);
    const anonymous = await s.call('GET', `/api/reflections?activity=${q(a)}&scope=shared`);
    assert.deepEqual(ids(anonymous), [benPublic]);
    const personal = await s.call(
      'GET',
      `/api/reflections?activity=${q(a)}&scope=shared&kind=team`,
      { token: mei },
    );
    assert.equal(personal.body.total, 0);
  });

  it('lets a lesson be promoted into the discussion as a post quoting it with a link back', async () => {
    const a = activity('promote');
    const id = randomUUID();
    await s.call('PUT', `/api/reflections/${id}`, {
      token: ana,
      body: {
        activity: a,
        visibility: 'public',
        answers: [{ id: 'learned', prompt: 'What did you learn?', answer: 'Ask readers first.' }],
      },
    });
    const link = `https://learn.example.com/course#reflection-${id}`;
    const post = await s.call('POST', '/api/posts', {
      token: ben,
      body: {
        activity: a,
        body: `> Ask readers first.\n\nA lesson from [Ana's reflection](${link})`,
      },
    });
    assert.equal(post.status, 201, post.text);
    const tree = JSON.stringify(post.body.bodyTree);
    assert.ok(tree.includes('"blockquote"'), 'the lesson is quoted');
    assert.ok(tree.includes(link), 'with the link back kept');
  });
});
