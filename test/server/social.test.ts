/**
 * Kudos, people and skills (ranking, endorsements) and reflections (who reads what).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ExpertPage, KudosCountList, ReflectionPage } from '@peerkit/core/contract';
import { DEMO_ACTIVITIES } from '@peerkit/server';
import { ANA, BEN, activity, isProblem, startSignedIn, type TestServer } from './helpers.js';

const q = encodeURIComponent;

describe('kudos, people, reflections', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn());
  });
  after(() => s.close());

  describe('kudos', () => {
    it('counts many activities in one call, with my own kudos and values', async () => {
      const [a, b, c] = [activity('k'), activity('k'), activity('k')];
      assert.equal(
        (
          await s.call('POST', '/api/kudos', {
            token: ana,
            body: { activity: a, value: 'helpful' },
          })
        ).status,
        201,
      );
      await s.call('POST', '/api/kudos', {
        token: ben,
        body: { activity: a, value: 'clear', message: 'Great!' },
      });
      await s.call('POST', '/api/kudos', { token: chloe, body: { activity: b } });
      const r = await s.call(
        'GET',
        `/api/kudos?activity=${q(a)}&activity=${q(b)}&activity=${q(c)}`,
        { token: ana },
      );
      assert.equal(r.status, 200);
      assert.ok(KudosCountList.safeParse(r.body).success);
      assert.deepEqual(r.body.items, [
        { activity: a, count: 2, mine: true, myValue: 'helpful', values: { helpful: 1, clear: 1 } },
        { activity: b, count: 1, mine: false, myValue: null, values: {} },
        { activity: c, count: 0, mine: false, myValue: null, values: {} },
      ]);
      const anon = await s.call('GET', `/api/kudos?activity=${q(a)}`);
      assert.equal(anon.body.items[0].mine, false);
      const none = await s.call('GET', '/api/kudos');
      assert.equal(none.status, 400);
    });

    it('gives once per person (a second give changes the value), and withdraws', async () => {
      const a = activity('k');
      await s.call('POST', '/api/kudos', { token: ana, body: { activity: a, value: 'helpful' } });
      const change = await s.call('POST', '/api/kudos', {
        token: ana,
        body: { activity: a, value: 'kind' },
      });
      assert.equal(change.status, 200);
      assert.deepEqual(change.body, {
        activity: a,
        count: 1,
        mine: true,
        myValue: 'kind',
        values: { kind: 1 },
      });
      const withdraw = await s.call('DELETE', `/api/kudos?activity=${q(a)}`, { token: ana });
      assert.equal(withdraw.status, 200);
      assert.equal(withdraw.body.count, 0);
      assert.equal(withdraw.body.mine, false);
      const bad = await s.call('POST', '/api/kudos', {
        token: ana,
        body: { activity: a, value: 'Not A Value' },
      });
      assert.equal(bad.status, 400);
      const self = await s.call('POST', '/api/kudos', {
        token: ana,
        body: { activity: a, recipient: ANA },
      });
      assert.equal(self.status, 403);
      assert.ok(isProblem(self));
    });

    it("ties kudos on a post to the post's count and its author", async () => {
      const a = activity();
      const p = await s.call('POST', '/api/posts', {
        token: ben,
        body: { activity: a, body: 'Helpful answer' },
      });
      const iri = `urn:peerkit:post:${p.body.id}`;
      await s.call('POST', '/api/kudos', { token: ana, body: { activity: iri } });
      await s.call('POST', '/api/kudos', {
        token: chloe,
        body: { activity: `${a}#post-${p.body.id}` },
      });
      const page = await s.call('GET', `/api/posts?activity=${q(a)}`);
      assert.equal(page.body.items[0].kudos, 2);
      const own = await s.call('POST', '/api/kudos', { token: ben, body: { activity: iri } });
      assert.equal(own.status, 403, 'no kudos for your own post');
      const givers = await s.call('GET', `/api/kudos/givers?activity=${q(iri)}`);
      assert.equal(givers.status, 200);
      assert.deepEqual(
        givers.body.items.map((g: { person: { id: string } }) => g.person.id),
        [ANA],
      );
    });

    it('pages the givers newest first', async () => {
      const a = activity('k');
      const people = ['dev.patel', 'emma.larsen', 'farid.haddad', 'grace.kim', 'hugo.silva'];
      for (const p of people) {
        await s.call('POST', '/api/kudos', {
          token: await s.token(p),
          body: { activity: a, message: `from ${p}` },
        });
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const r: {
          body: {
            items: { person: { id: string }; message: string }[];
            nextCursor: string | null;
            total: number;
          };
        } = await s.call(
          'GET',
          `/api/kudos/givers?activity=${q(a)}&limit=2${cursor ? `&cursor=${q(cursor)}` : ''}`,
        );
        assert.equal(r.body.total, 5);
        seen.push(...r.body.items.map((g) => g.person.id));
        cursor = r.body.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [...people].reverse());
    });
  });

  describe('people and skills', () => {
    it('ranks people by skill level, endorsements and kudos', async () => {
      const r = await s.call('GET', '/api/people?skill=sql&limit=5', { token: ana });
      assert.equal(r.status, 200);
      assert.ok(ExpertPage.safeParse(r.body).success);
      const ids = r.body.items.map((e: { id: string }) => e.id);
      assert.ok(!ids.includes(ANA), 'I am not listed to myself');
      // Mei (level 5, endorsed) ranks above Umar (level 3, no endorsements).
      const all = await s.call('GET', '/api/people?skill=SQL&limit=50');
      const order = all.body.items.map((e: { id: string }) => e.id);
      assert.ok(order.indexOf('mei.chen') < order.indexOf('umar.bello'));
      for (const e of all.body.items)
        assert.ok(e.skills.some((k: { name: string }) => k.name === 'SQL'));
      const scores = all.body.items.map((e: { score: number }) => e.score);
      assert.deepEqual(
        scores,
        [...scores].sort((x, y) => y - x),
      );
    });

    it('favours people active on the given activity', async () => {
      const a = activity();
      const before = await s.call('GET', `/api/people?skill=Python&activity=${q(a)}&limit=50`);
      const rank = (body: { items: { id: string }[] }) =>
        body.items.findIndex((e) => e.id === 'umar.bello');
      // Wei (Python 5) ranks above Jonas (Python 4) until Jonas is active on the activity.
      const order0 = before.body.items.map((e: { id: string }) => e.id);
      assert.ok(order0.indexOf('wei.zhang') < order0.indexOf('jonas.weber'));
      const jonas = await s.token('jonas.weber');
      for (let i = 0; i < 4; i++) {
        await s.call('POST', '/api/posts', {
          token: jonas,
          body: { activity: a, body: `Pipeline tip ${i}` },
        });
      }
      const after = await s.call('GET', `/api/people?skill=Python&activity=${q(a)}&limit=50`);
      const order1 = after.body.items.map((e: { id: string }) => e.id);
      assert.ok(order1.indexOf('jonas.weber') < order1.indexOf('wei.zhang'));
      assert.equal(rank(after.body), -1, 'people without the skill are not listed');
    });

    it('searches by free text across names, titles, topics and skills, and pages', async () => {
      const byTopic = await s.call('GET', `/api/people?q=${q('database migrations')}`);
      assert.deepEqual(
        byTopic.body.items.map((e: { id: string }) => e.id),
        ['farid.haddad'],
      );
      const seen: string[] = [];
      let cursor: string | null = null;
      let total = 0;
      do {
        const p: { body: { items: { id: string }[]; nextCursor: string | null; total: number } } =
          await s.call('GET', `/api/people?limit=7${cursor ? `&cursor=${q(cursor)}` : ''}`);
        total = p.body.total;
        seen.push(...p.body.items.map((e) => e.id));
        cursor = p.body.nextCursor;
      } while (cursor);
      assert.equal(seen.length, total);
      assert.equal(new Set(seen).size, total);
      const wild = await s.call('GET', `/api/people?q=${q('%_\\')}`);
      assert.equal(wild.status, 200);
      assert.equal(wild.body.items.length, 0, 'LIKE wildcards are matched literally');
    });

    it('suggests skills with the number of people', async () => {
      const r = await s.call('GET', '/api/skills?q=sto');
      assert.equal(r.status, 200);
      const story = r.body.items.find((i: { name: string }) => i.name === 'Storytelling');
      assert.ok(story.people >= 5);
      assert.ok(r.body.items.every((i: { name: string }) => /sto/i.test(i.name)));
    });

    it("endorses a listed skill once, never one's own, never an unlisted one", async () => {
      const endorse = (personId: string, skill: string, token?: string) =>
        s.call('POST', `/api/people/${personId}/endorsements`, {
          ...(token ? { token } : {}),
          body: { skill },
        });
      const first = await endorse('umar.bello', 'statistics', ben);
      assert.equal(first.status, 201);
      assert.deepEqual(first.body, {
        personId: 'umar.bello',
        skill: 'Statistics',
        endorsements: 1,
      });
      const again = await endorse('umar.bello', 'Statistics', ben);
      assert.equal(again.status, 200);
      assert.equal(again.body.endorsements, 1);
      const listed = await s.call('GET', '/api/people?skill=Statistics&limit=50', { token: ben });
      const umar = listed.body.items.find((e: { id: string }) => e.id === 'umar.bello');
      assert.equal(
        umar.skills.find((k: { name: string }) => k.name === 'Statistics').endorsedByMe,
        true,
      );
      assert.equal((await endorse(BEN, 'Kubernetes', ben)).status, 403);
      assert.equal((await endorse('umar.bello', 'Cooking', ben)).status, 404);
      assert.equal((await endorse('nobody', 'SQL', ben)).status, 404);
      assert.equal((await endorse('umar.bello', 'SQL')).status, 401);
    });
  });

  describe('reflections', () => {
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
      const ids = (r: { body: { items: { id: string }[] } }) =>
        r.body.items.map((i) => i.id).sort();
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
      assert.equal(
        (await s.call('GET', `/api/reflections?activity=${q(a)}&scope=mine`)).status,
        401,
      );
      // Nobody else may overwrite or delete it.
      assert.equal((await save(ben, priv, a, 'public', 'hijack')).status, 403);
      assert.equal(
        (await s.call('DELETE', `/api/reflections/${priv}`, { token: chloe })).status,
        403,
      );
      assert.equal(
        (await s.call('DELETE', `/api/reflections/${priv}`, { token: ana })).status,
        204,
      );
      assert.equal(
        (await s.call('DELETE', `/api/reflections/${priv}`, { token: ana })).status,
        404,
      );
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
    });
  });
});
