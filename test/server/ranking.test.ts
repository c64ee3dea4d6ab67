/**
 * Expert ranking and its reasons (docs/decisions.md §12) on a fixture of four people who
 * list one skill nobody else does: the order and the reasons of a search by that skill, the
 * recommendations of an activity whose question is tagged with it, the person card, and
 * people who opted out (`listed = false`) never being returned.
 *
 * The fixture people and their skills are written into this server's database (the API has
 * no call that lists skills: they come from the organisation's directory, as the seed's do);
 * everything else — the question, the answers, kudos, endorsements — goes through the API.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Expert, ExpertPage, type ExpertReason } from '@peerkit/core/contract';
import { activity, startSignedIn, type TestServer } from './helpers.js';

const q = encodeURIComponent;
const tag = randomUUID().slice(0, 6);
const SKILL = `Quantum ${tag}`;
const id = (name: string) => `fixture.${name}.${tag}`;
const ALPHA = id('alpha');
const BRAVO = id('bravo');
const CHARLIE = id('charlie');
const DELTA = id('delta');

/** [id, name, level of SKILL, mentor, listed] */
const PEOPLE: [string, string, number, boolean, boolean][] = [
  [ALPHA, `Alpha ${tag}`, 5, false, true],
  [BRAVO, `Bravo ${tag}`, 3, true, true],
  [CHARLIE, `Charlie ${tag}`, 4, false, true],
  [DELTA, `Delta ${tag}`, 5, true, false],
];

async function writeFixture(s: TestServer) {
  for (const [pid, name, level, mentor, listed] of PEOPLE) {
    await s.writeDirect(
      `INSERT INTO people (id, name, title, team, mentor, listed, demo)
       VALUES ($1, $2, 'Physicist', 'Research', $3, $4, TRUE)`,
      [pid, name, mentor, listed],
    );
    await s.writeDirect(
      'INSERT INTO person_skills (person_id, skill, skill_key, level) VALUES ($1, $2, $3, $4)',
      [pid, SKILL, SKILL.toLowerCase(), level],
    );
  }
}

describe('expert ranking and reasons', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  const course = activity('course');

  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn());
    await writeFixture(s);
    const ok = (r: { status: number; text: string }, status = 201) =>
      assert.equal(r.status, status, r.text);
    // Alpha: endorsed by Ana and Ben.
    for (const token of [ana, ben])
      ok(
        await s.call('POST', `/api/people/${ALPHA}/endorsements`, {
          token,
          body: { skill: SKILL },
        }),
      );
    // Ana asks on the course, tagged with the skill; Bravo and Delta answer; Ana and Ben
    // thank Bravo's answer, Ana thanks Delta's.
    const question = await s.call('POST', '/api/posts', {
      token: ana,
      body: { activity: course, body: 'How do I entangle two qubits?', tags: [SKILL] },
    });
    ok(question);
    const answer = async (who: string, body: string) => {
      const r = await s.call('POST', '/api/posts', {
        token: await s.token(who),
        body: { activity: course, parentId: question.body.id, body },
      });
      ok(r);
      return r.body.id as string;
    };
    const bravo = await answer(BRAVO, 'A Hadamard, then a CNOT.');
    const delta = await answer(DELTA, 'Start from a Bell pair.');
    for (const [token, post] of [
      [ana, bravo],
      [ben, bravo],
      [ana, delta],
    ] as const)
      ok(
        await s.call('POST', '/api/kudos', {
          token,
          body: { activity: `urn:peerkit:post:${post}` },
        }),
      );
  });
  after(() => s.close());

  const reasons = (e: Expert) => e.reasons;
  const find = (items: Expert[], pid: string) => items.find((e) => e.id === pid);

  it('ranks a skill search by level, endorsements and kudos in threads tagged with it, and says why', async () => {
    const r = await s.call('GET', `/api/people?skill=${q(SKILL.toUpperCase())}`, { token: chloe });
    assert.equal(r.status, 200, r.text);
    const page = ExpertPage.parse(r.body);
    // Alpha: 10×5 + 3×2 endorsements = 56. Bravo: 10×3 + 2×2 kudos + 3×2 kudos in a thread
    // tagged with the skill + 1 mentor + ~3 for posting today = ~44. Charlie: 10×4 = 40.
    // Bravo's thanked answer lifts them above Charlie, who lists a higher level.
    assert.deepEqual(
      page.items.map((e) => e.id),
      [ALPHA, BRAVO, CHARLIE],
    );
    assert.equal(page.total, 3);
    assert.deepEqual(reasons(page.items[0]!), [
      { kind: 'skill', skill: SKILL, level: 5 },
      { kind: 'endorsed', skill: SKILL, count: 2 },
    ]);
    assert.deepEqual(reasons(page.items[1]!), [
      { kind: 'skill', skill: SKILL, level: 3 },
      { kind: 'thanked', count: 2, skill: SKILL },
      { kind: 'thanked', count: 2 },
      { kind: 'mentor' },
    ]);
    assert.deepEqual(reasons(page.items[2]!), [{ kind: 'skill', skill: SKILL, level: 4 }]);
    assert.equal(page.items[0]!.score, 56);
    assert.ok(page.items[1]!.score > 43 && page.items[1]!.score <= 44, `${page.items[1]!.score}`);
    assert.equal(page.items[2]!.score, 40);
  });

  it('adds what people did on the activity when it is named', async () => {
    const scores = async (extra: string) => {
      const r = await s.call('GET', `/api/people?skill=${q(SKILL)}${extra}`);
      const page = ExpertPage.parse(r.body);
      return { page, score: (pid: string) => find(page.items, pid)!.score };
    };
    const plain = await scores('');
    const here = await scores(`&activity=${q(course)}`);
    // Everyone lists the skill the course's question is tagged with: +5. Bravo also posted
    // there (+4) and was thanked twice there (+3 × 2).
    assert.equal(here.score(ALPHA) - plain.score(ALPHA), 5);
    assert.equal(here.score(CHARLIE) - plain.score(CHARLIE), 5);
    assert.ok(Math.abs(here.score(BRAVO) - plain.score(BRAVO) - 15) < 0.1);
    const bravo = find(here.page.items, BRAVO)!;
    assert.deepEqual(
      reasons(bravo).filter((x) => x.kind === 'answered-here' || x.kind === 'activity-skill'),
      [
        { kind: 'activity-skill', skill: SKILL },
        { kind: 'answered-here', count: 1 },
      ],
    );
  });

  it("recommends the activity's helpers, then people with its skills, then the top helpers", async () => {
    const r = await s.call('GET', `/api/people?activity=${q(course)}&limit=50`, { token: chloe });
    assert.equal(r.status, 200, r.text);
    const page = ExpertPage.parse(r.body);
    const ids = page.items.map((e) => e.id);
    assert.equal(ids[0], BRAVO, 'the one who answered and was thanked comes first');
    assert.deepEqual(reasons(page.items[0]!).slice(0, 3), [
      { kind: 'answered-here', count: 1 },
      { kind: 'thanked', count: 2, skill: SKILL },
      { kind: 'thanked', count: 2 },
    ]);
    assert.deepEqual(ids.slice(1, 3), [ALPHA, CHARLIE], 'then those listing its tagged skill');
    for (const e of page.items.slice(1, 3))
      assert.deepEqual(reasons(e)[0], { kind: 'activity-skill', skill: SKILL });
    const rest = page.items.slice(3);
    assert.ok(rest.length > 0, 'then the most thanked helpers of the organisation');
    for (const e of rest) {
      const top = reasons(e)[0] as Extract<ExpertReason, { kind: 'top-helper' }>;
      assert.equal(top.kind, 'top-helper');
      assert.equal(top.count, e.kudosReceived);
      assert.ok(top.count > 0);
    }
    assert.ok(!ids.includes('chloe.martin'), 'never the caller');
    const scores = page.items.map((e) => e.score);
    assert.deepEqual(
      scores,
      [...scores].sort((x, y) => y - x),
      'scores read higher first',
    );
  });

  it('never returns people who are not listed: not by skill, name, recommendation or card', async () => {
    const searches = [
      `/api/people?skill=${q(SKILL)}&limit=50`,
      `/api/people?q=${q(`Delta ${tag}`)}`,
      `/api/people?q=${q('Physicist')}&limit=100`,
      `/api/people?activity=${q(course)}&limit=100`,
      `/api/people?limit=100`,
    ];
    for (const path of searches) {
      for (const token of [undefined, chloe]) {
        const r = await s.call('GET', path, token ? { token } : {});
        assert.equal(r.status, 200, r.text);
        assert.ok(!r.body.items.some((e: Expert) => e.id === DELTA), path);
      }
    }
    const named = await s.call('GET', `/api/people?q=${q(`Delta ${tag}`)}`);
    assert.equal(named.body.total, 0);
    assert.equal((await s.call('GET', `/api/people/${DELTA}`, { token: chloe })).status, 404);
    const own = await s.call('GET', `/api/people/${DELTA}`, { token: await s.token(DELTA) });
    assert.equal(own.status, 200, 'a person sees their own card');
    assert.equal(Expert.parse(own.body).id, DELTA);
    // Opting out through the profile takes Charlie out at once; opting in brings them back.
    const charlie = await s.token(CHARLIE);
    const out = await s.call('PATCH', '/api/me/profile', {
      token: charlie,
      body: { listed: false },
    });
    assert.equal(out.status, 200, out.text);
    const gone = await s.call('GET', `/api/people?skill=${q(SKILL)}`);
    assert.deepEqual(
      gone.body.items.map((e: Expert) => e.id),
      [ALPHA, BRAVO],
    );
    await s.call('PATCH', '/api/me/profile', { token: charlie, body: { listed: true } });
    const back = await s.call('GET', `/api/people?skill=${q(SKILL)}`);
    assert.equal(back.body.total, 3);
  });

  it("opens a person's card with the reasons for an activity", async () => {
    const r = await s.call('GET', `/api/people/${BRAVO}?activity=${q(course)}`, { token: ana });
    assert.equal(r.status, 200, r.text);
    const card = Expert.parse(r.body);
    assert.equal(card.name, `Bravo ${tag}`);
    assert.equal(card.availability, 'unknown');
    assert.deepEqual(card.skills, [
      { name: SKILL, level: 3, endorsements: 0, endorsedByMe: false },
    ]);
    assert.ok(reasons(card).some((x) => x.kind === 'answered-here' && x.count === 1));
    assert.ok(reasons(card).some((x) => x.kind === 'activity-skill' && x.skill === SKILL));
    assert.equal((await s.call('GET', '/api/people/nobody.at.all')).status, 404);
  });

  it('counts accepted answers (Q&A) toward the skill their question is tagged with', async () => {
    const score = async () => {
      const r = await s.call('GET', `/api/people?skill=${q(SKILL)}`, { token: chloe });
      return find(ExpertPage.parse(r.body).items, CHARLIE)!;
    };
    const before = await score();
    assert.ok(!reasons(before).some((x) => x.kind === 'accepted'));
    const elsewhere = activity('qa');
    const question = await s.call('POST', '/api/posts', {
      token: ana,
      body: { activity: elsewhere, body: 'Which gate makes a superposition?', tags: [SKILL] },
    });
    const answer = await s.call('POST', '/api/posts', {
      token: await s.token(CHARLIE),
      body: { activity: elsewhere, parentId: question.body.id, body: 'A Hadamard gate.' },
    });
    assert.equal(answer.status, 201, answer.text);
    const accepted = await s.call('PUT', `/api/posts/${answer.body.id}/acceptance`, {
      token: ana,
    });
    assert.equal(accepted.status, 200, accepted.text);
    const after = await score();
    // +4 for an accepted answer, +4 more as its question is tagged with the skill asked, and
    // up to 3 for having posted today (Charlie had never posted).
    const delta = after.score - before.score;
    assert.ok(delta > 10.9 && delta <= 11, `${delta}`);
    assert.deepEqual(
      reasons(after).filter((x) => x.kind === 'accepted'),
      [
        { kind: 'accepted', count: 1, skill: SKILL },
        { kind: 'accepted', count: 1 },
      ],
    );
  });
});
