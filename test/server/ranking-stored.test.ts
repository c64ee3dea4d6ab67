/**
 * The stored scores behind `GET /people?skill=` (one skill) and `?q=` (migration 20,
 * `data/ranking-fast.ts`) stay right after every kind of write: endorsing and withdrawing,
 * kudos on a post in a tagged thread (given, withdrawn, the tag edited away, the post
 * deleted), an answer accepted and unaccepted, a skill removed or relevelled in the
 * directory, a person opting out and back in. After each write the order, scores and
 * reasons a searcher sees change as they should, and they are the same as those of the
 * general query, which reads posts directly (a search with an `activity` nobody posted on
 * adds nothing to any score and goes through it).
 *
 * The fixture people and their skills are written into the database, as in
 * `ranking.test.ts` (skills come from the organisation's directory), with `s.writeDirect`,
 * which waits until the server has heard of each write (docs/decisions.md §21); everything
 * else goes through the API.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ExpertPage, type Expert } from '@peerkit/core/contract';
import { activity, startSignedIn, type TestServer } from './helpers.js';

const enc = encodeURIComponent;
const tag = randomUUID().slice(0, 6);
const SKILL = `Origami ${tag}`;
const id = (name: string) => `stored.${name}.${tag}`;
const ECHO = id('echo');
const FOXTROT = id('foxtrot');
const GOLF = id('golf');

/** Every write below is checked through these two searches. */
const BY_SKILL = `skill=${enc(SKILL)}`;
const BY_TEXT = `q=${enc(tag)}`;

describe('stored ranking scores follow every write', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  /** An activity nobody posts on: naming it sends a search through the general query. */
  const quiet = activity('quiet');
  const place = activity('origami');

  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn());
    for (const [pid, name] of [
      [ECHO, `Echo ${tag}`],
      [FOXTROT, `Foxtrot ${tag}`],
      [GOLF, `Golf ${tag}`],
    ] as const) {
      await s.writeDirect(
        `INSERT INTO people (id, name, title, team, demo) VALUES ($1, $2, 'Folder', 'Paper', TRUE)`,
        [pid, name],
      );
      await s.writeDirect(
        'INSERT INTO person_skills (person_id, skill, skill_key, level) VALUES ($1, $2, $3, 3)',
        [pid, SKILL, SKILL.toLowerCase()],
      );
    }
  });
  after(() => s.close());

  /** A question tagged with the skill (asked with `asker`'s token) and `replier`'s reply to it. */
  async function askAndReply(asker: string, replier: string) {
    const question = await s.call('POST', '/api/posts', {
      token: asker,
      body: { activity: place, body: 'Which fold comes first?', tags: [SKILL] },
    });
    ok(question, 201);
    const reply = await s.call('POST', '/api/posts', {
      token: await s.token(replier),
      body: { activity: place, parentId: question.body.id, body: 'An answer.' },
    });
    ok(reply, 201);
    return { question, reply };
  }

  /** A page as Chloe sees it: ids in order, score and reasons by id, and the total. */
  async function search(query: string) {
    const r = await s.call('GET', `/api/people?${query}&limit=50`, { token: chloe });
    assert.equal(r.status, 200, r.text);
    const page = ExpertPage.parse(r.body);
    const mine = page.items.filter((e) => e.id.startsWith('stored.'));
    return {
      ids: mine.map((e) => e.id),
      total: page.total,
      score: (pid: string) => mine.find((e) => e.id === pid)?.score,
      reasons: (pid: string) => mine.find((e) => e.id === pid)?.reasons ?? [],
      items: mine,
    };
  }

  /** The stored ranking (`query`) and the general query give the same page. */
  async function ranked(query: string) {
    const stored = await search(query);
    const general = await search(`${query}&activity=${enc(quiet)}`);
    const view = (items: Expert[]) =>
      items.map((e) => ({ id: e.id, score: e.score, reasons: e.reasons }));
    assert.deepEqual(view(stored.items), view(general.items), `stored and general: ${query}`);
    assert.equal(stored.total, general.total);
    return stored;
  }

  const ok = (r: { status: number; text: string }, status = 200) =>
    assert.equal(r.status, status, r.text);

  it('lifts an endorsed person at once, and puts them back when it is withdrawn', async () => {
    const start = await ranked(BY_SKILL);
    // Three people at level 3, nothing else: by name.
    assert.deepEqual(start.ids, [ECHO, FOXTROT, GOLF]);
    assert.equal(start.score(GOLF), 30);
    ok(
      await s.call('POST', `/api/people/${GOLF}/endorsements`, {
        token: ben,
        body: { skill: SKILL },
      }),
      201,
    );
    const endorsed = await ranked(BY_SKILL);
    assert.deepEqual(endorsed.ids, [GOLF, ECHO, FOXTROT]);
    assert.equal(endorsed.score(GOLF), 33);
    assert.deepEqual(endorsed.reasons(GOLF)[1], { kind: 'endorsed', skill: SKILL, count: 1 });
    // Free text: endorsements of all their skills count (× 3) there too.
    const text = await ranked(BY_TEXT);
    assert.deepEqual(text.ids, [GOLF, ECHO, FOXTROT]);
    ok(
      await s.call('DELETE', `/api/people/${GOLF}/endorsements?skill=${enc(SKILL)}`, {
        token: ben,
      }),
    );
    assert.deepEqual((await ranked(BY_SKILL)).ids, [ECHO, FOXTROT, GOLF]);
    assert.deepEqual((await ranked(BY_TEXT)).ids, [ECHO, FOXTROT, GOLF]);
  });

  it('counts kudos in a thread tagged with the skill until the tag, the kudos or the post goes', async () => {
    const foxtrot = await s.token(FOXTROT);
    const post = await s.call('POST', '/api/posts', {
      token: foxtrot,
      body: { activity: place, body: 'Valley fold first, then the mountain fold.', tags: [SKILL] },
    });
    ok(post, 201);
    const kudos = `urn:peerkit:post:${post.body.id}`;
    ok(await s.call('POST', '/api/kudos', { token: ana, body: { activity: kudos } }), 201);
    const thanked = await ranked(BY_SKILL);
    // 30 + 2 (kudos received) + 3 (in a thread tagged with the skill) + recency (~3).
    assert.equal(thanked.ids[0], FOXTROT);
    assert.ok(thanked.score(FOXTROT)! > 37.9, `${thanked.score(FOXTROT)}`);
    assert.deepEqual(
      thanked.reasons(FOXTROT).filter((x) => x.kind === 'thanked'),
      [
        { kind: 'thanked', count: 1, skill: SKILL },
        { kind: 'thanked', count: 1 },
      ],
    );
    const withTag = thanked.score(FOXTROT)!;
    // The tag edited away: the kudos still count as kudos received, no longer for the skill.
    ok(await s.call('PATCH', `/api/posts/${post.body.id}`, { token: foxtrot, body: { tags: [] } }));
    const untagged = await ranked(BY_SKILL);
    assert.ok(Math.abs(withTag - untagged.score(FOXTROT)! - 3) < 0.01);
    assert.deepEqual(
      untagged.reasons(FOXTROT).filter((x) => x.kind === 'thanked'),
      [{ kind: 'thanked', count: 1 }],
    );
    ok(
      await s.call('PATCH', `/api/posts/${post.body.id}`, {
        token: foxtrot,
        body: { tags: [SKILL] },
      }),
    );
    assert.ok(Math.abs((await ranked(BY_SKILL)).score(FOXTROT)! - withTag) < 0.01);
    // Withdrawn: nothing thanked is left.
    ok(await s.call('DELETE', `/api/kudos?activity=${enc(kudos)}`, { token: ana }));
    const withdrawn = await ranked(BY_SKILL);
    assert.ok(!withdrawn.reasons(FOXTROT).some((x) => x.kind === 'thanked'));
    // Thanked again, then the post deleted: a deleted post's kudos stop counting for the skill.
    ok(await s.call('POST', '/api/kudos', { token: ben, body: { activity: kudos } }), 201);
    assert.ok(
      (await ranked(BY_SKILL)).reasons(FOXTROT).some((x) => 'skill' in x && x.kind === 'thanked'),
    );
    const gone = await s.call('DELETE', `/api/posts/${post.body.id}`, { token: foxtrot });
    assert.ok(gone.status === 200 || gone.status === 204, gone.text);
    const deleted = await ranked(BY_SKILL);
    assert.ok(!deleted.reasons(FOXTROT).some((x) => x.kind === 'thanked' && 'skill' in x));
  });

  it('counts a reply thanked under a tagged question toward the skill (the thread is its root)', async () => {
    const { question, reply } = await askAndReply(ana, ECHO);
    ok(
      await s.call('POST', '/api/kudos', {
        token: ben,
        body: { activity: `urn:peerkit:post:${reply.body.id}` },
      }),
      201,
    );
    const page = await ranked(BY_SKILL);
    assert.deepEqual(
      page.reasons(ECHO).find((x) => x.kind === 'thanked'),
      {
        kind: 'thanked',
        count: 1,
        skill: SKILL,
      },
    );
    // The question's tag edited away: the reply's kudos no longer count for the skill.
    ok(await s.call('PATCH', `/api/posts/${question.body.id}`, { token: ana, body: { tags: [] } }));
    const untagged = await ranked(BY_SKILL);
    assert.ok(!untagged.reasons(ECHO).some((x) => x.kind === 'thanked' && 'skill' in x));
  });

  it('adds an accepted answer at once, and takes it back when it is unaccepted', async () => {
    const { reply: answer } = await askAndReply(ben, GOLF);
    const before = (await ranked(BY_SKILL)).score(GOLF)!;
    ok(await s.call('PUT', `/api/posts/${answer.body.id}/acceptance`, { token: ben }));
    const accepted = await ranked(BY_SKILL);
    // + 4 for an accepted answer, + 4 more as its question is tagged with the skill.
    assert.ok(Math.abs(accepted.score(GOLF)! - before - 8) < 0.01);
    assert.deepEqual(
      accepted.reasons(GOLF).filter((x) => x.kind === 'accepted'),
      [
        { kind: 'accepted', count: 1, skill: SKILL },
        { kind: 'accepted', count: 1 },
      ],
    );
    // Free text: the accepted answer counts (× 4), with no skill asked.
    await ranked(BY_TEXT);
    ok(await s.call('DELETE', `/api/posts/${answer.body.id}/acceptance`, { token: ben }));
    const unaccepted = await ranked(BY_SKILL);
    assert.ok(Math.abs(unaccepted.score(GOLF)! - before) < 0.01);
    assert.ok(!unaccepted.reasons(GOLF).some((x) => x.kind === 'accepted'));
  });

  it('follows the directory: a skill relevelled, removed and listed again', async () => {
    await s.writeDirect(
      'UPDATE person_skills SET level = 5 WHERE person_id = $1 AND skill_key = $2',
      [GOLF, SKILL.toLowerCase()],
    );
    const relevelled = await ranked(BY_SKILL);
    assert.equal(relevelled.ids[0], GOLF);
    assert.deepEqual(relevelled.reasons(GOLF)[0], { kind: 'skill', skill: SKILL, level: 5 });
    const total = relevelled.total;
    await s.writeDirect('DELETE FROM person_skills WHERE person_id = $1 AND skill_key = $2', [
      GOLF,
      SKILL.toLowerCase(),
    ]);
    const removed = await ranked(BY_SKILL);
    assert.ok(!removed.ids.includes(GOLF));
    assert.equal(removed.total, total - 1);
    // Listed again: the figures of their posts in threads tagged with it come back with it.
    const foxtrotBefore = (await ranked(BY_SKILL)).score(FOXTROT)!;
    await s.writeDirect('DELETE FROM person_skills WHERE person_id = $1 AND skill_key = $2', [
      FOXTROT,
      SKILL.toLowerCase(),
    ]);
    await s.writeDirect(
      'INSERT INTO person_skills (person_id, skill, skill_key, level) VALUES ($1, $2, $3, 3)',
      [FOXTROT, SKILL, SKILL.toLowerCase()],
    );
    assert.ok(Math.abs((await ranked(BY_SKILL)).score(FOXTROT)! - foxtrotBefore) < 0.01);
  });

  it('leaves out someone who opts out, from skill and text searches, until they opt back in', async () => {
    const echo = await s.token(ECHO);
    const total = (await ranked(BY_SKILL)).total;
    ok(await s.call('PATCH', '/api/me/profile', { token: echo, body: { listed: false } }));
    for (const query of [BY_SKILL, BY_TEXT]) {
      const page = await ranked(query);
      assert.ok(!page.ids.includes(ECHO), query);
    }
    assert.equal((await ranked(BY_SKILL)).total, total - 1);
    ok(await s.call('PATCH', '/api/me/profile', { token: echo, body: { listed: true } }));
    assert.ok((await ranked(BY_SKILL)).ids.includes(ECHO));
    assert.ok((await ranked(BY_TEXT)).ids.includes(ECHO));
  });
});
