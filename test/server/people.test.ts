/** People and skills: `GET /people`, `GET /skills`, endorsements (routes/people.ts). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ExpertPage } from '@peerkit/core/contract';
import { ANA, BEN, activity, startSignedIn, type TestServer } from './helpers.js';

const q = encodeURIComponent;

describe('people and skills', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  before(async () => {
    ({ s, ana, ben } = await startSignedIn());
  });
  after(() => s.close());

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

  it('pages through a ranking in the order of one whole page, with the same scores', async () => {
    // The page's figures are read for a short list only (ranking.ts): paging must not show it.
    for (const query of ['', 'q=a', `skill=${q('Storytelling')}`]) {
      const whole = await s.call('GET', `/api/people?${query}&limit=100`);
      assert.ok(whole.body.total > 3 && whole.body.total <= 100, `${query}: ${whole.body.total}`);
      const paged: { id: string; score: number }[] = [];
      let cursor: string | null = null;
      do {
        const p: { body: { items: { id: string; score: number }[]; nextCursor: string | null } } =
          await s.call(
            'GET',
            `/api/people?${query}&limit=3${cursor ? `&cursor=${q(cursor)}` : ''}`,
          );
        paged.push(...p.body.items.map(({ id, score }) => ({ id, score })));
        cursor = p.body.nextCursor;
      } while (cursor);
      const all = whole.body.items.map(({ id, score }: { id: string; score: number }) => ({
        id,
        score,
      }));
      assert.deepEqual(paged, all, query);
    }
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
