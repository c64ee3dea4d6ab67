/**
 * `GET /people` filters and `DELETE /people/{id}/endorsements`: several skills at once
 * (AND), availability as the profile says it, endorsements withdrawn (idempotent, one per
 * endorser, never one's own), and input the contract refuses (400 problem+json).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Endorsement, ExpertPage, SKILL_FILTERS_MAX, type Expert } from '@peerkit/core/contract';
import { ANA, isProblem, startSignedIn, type TestServer } from './helpers.js';

const q = encodeURIComponent;
const has = (e: Expert, skill: string) =>
  e.skills.some((k) => k.name.toLowerCase() === skill.toLowerCase());

describe('people filters and withdrawn endorsements', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  let chloe: string;
  before(async () => {
    ({ s, ana, ben, chloe } = await startSignedIn());
  });
  after(() => s.close());

  it('narrows to people who list every skill asked (?skill= repeated), and says so', async () => {
    const one = ExpertPage.parse(
      (await s.call('GET', '/api/people?skill=SQL&limit=100', { token: ben })).body,
    );
    const both = ExpertPage.parse(
      (await s.call('GET', '/api/people?skill=SQL&skill=python&limit=100', { token: ben })).body,
    );
    assert.ok(both.items.length > 0, 'someone lists both');
    assert.ok(both.items.length < one.items.length, 'fewer than with one skill');
    assert.equal(both.total, both.items.length);
    for (const e of both.items) {
      assert.ok(has(e, 'SQL') && has(e, 'Python'), e.id);
      const skills = e.reasons.filter((r) => r.kind === 'skill').map((r) => r.skill);
      assert.deepEqual(skills, ['SQL', 'Python'], 'one reason per skill asked, in order');
    }
    const expected = one.items.filter((e) => has(e, 'Python')).map((e) => e.id);
    assert.deepEqual(new Set(both.items.map((e) => e.id)), new Set(expected));
    const none = await s.call('GET', '/api/people?skill=SQL&skill=Cooking', { token: ben });
    assert.equal(none.body.total, 0);
  });

  it('shows the availability people set, and refuses values it does not know', async () => {
    const set = await s.call('PATCH', '/api/me/profile', {
      token: ana,
      body: { availability: 'away', availabilityNote: 'Back on Monday' },
    });
    assert.equal(set.status, 200, set.text);
    assert.equal(set.body.availability, 'away');
    const found = await s.call('GET', '/api/people?skill=SQL&limit=100', { token: ben });
    const me = found.body.items.find((e: Expert) => e.id === ANA);
    assert.equal(me.availability, 'away');
    const mei = found.body.items.find((e: Expert) => e.id === 'mei.chen');
    assert.equal(mei.availability, 'available', 'as the seed set it');
    const bad = await s.call('PATCH', '/api/me/profile', {
      token: ana,
      body: { availability: 'on holiday' },
    });
    assert.equal(bad.status, 400);
    assert.ok(isProblem(bad));
    assert.equal(bad.body.errors[0].path, 'availability');
    const kept = await s.call('GET', '/api/me/profile', { token: ana });
    assert.equal(kept.body.availability, 'away');
    assert.equal(kept.body.availabilityNote, 'Back on Monday');
  });

  it('withdraws an endorsement: the count goes down, again is a no-op, never of oneself', async () => {
    const path = '/api/people/umar.bello/endorsements';
    const withdraw = (token: string | undefined, skill = 'Statistics') =>
      s.call('DELETE', `${path}?skill=${q(skill)}`, token ? { token } : {});
    const endorse = (token: string) =>
      s.call('POST', path, { token, body: { skill: 'statistics' } });
    const before = (await endorse(ben)).body.endorsements as number;
    const twice = await endorse(ben);
    assert.equal(twice.status, 200, 'one per person, skill and endorser');
    assert.equal(twice.body.endorsements, before);
    assert.equal((await endorse(chloe)).body.endorsements, before + 1);

    const gone = await withdraw(ben, 'STATISTICS');
    assert.equal(gone.status, 200, gone.text);
    assert.deepEqual(Endorsement.parse(gone.body), {
      personId: 'umar.bello',
      skill: 'Statistics',
      endorsements: before,
    });
    const again = await withdraw(ben);
    assert.equal(again.status, 200, 'withdrawing what is not there is no error');
    assert.equal(again.body.endorsements, before, 'and leaves the others');
    const card = await s.call('GET', '/api/people?skill=Statistics&limit=100', { token: ben });
    const umar = card.body.items.find((e: Expert) => e.id === 'umar.bello');
    const stats = umar.skills.find((k: { name: string }) => k.name === 'Statistics');
    assert.equal(stats.endorsedByMe, false);
    assert.equal(stats.endorsements, before);
    const theirs = await s.call('GET', '/api/people?skill=Statistics&limit=100', { token: chloe });
    const forChloe = theirs.body.items.find((e: Expert) => e.id === 'umar.bello');
    assert.equal(
      forChloe.skills.find((k: Expert['skills'][0]) => k.name === 'Statistics').endorsedByMe,
      true,
    );

    const self = await s.call('DELETE', `/api/people/${ANA}/endorsements?skill=SQL`, {
      token: ana,
    });
    assert.equal(self.status, 403);
    assert.ok(isProblem(self));
    assert.equal((await withdraw(undefined)).status, 401);
    assert.equal((await withdraw(ben, 'Cooking')).status, 404);
    assert.equal((await s.call('DELETE', path, { token: ben })).status, 400, 'skill is required');
  });

  it('reads anonymously where the server allows it, with nothing endorsed by me', async () => {
    const r = await s.call('GET', '/api/people?skill=Data%20visualisation');
    assert.equal(r.status, 200);
    const page = ExpertPage.parse(r.body);
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((e) => e.skills.every((k) => !k.endorsedByMe)));
    assert.ok(
      page.items.every((e) => e.email === undefined),
      'no colleague email goes to an anonymous reader',
    );
    const signedIn = ExpertPage.parse(
      (await s.call('GET', '/api/people?skill=Data%20visualisation', { token: ben })).body,
    );
    const ana = signedIn.items.find((e) => e.id === 'ana.ruiz');
    assert.equal(
      ana?.email,
      'ana.ruiz@example.com',
      "a signed-in colleague gets the email for the finder's contact template",
    );
  });

  it('refuses queries outside the contract with a 400 problem', async () => {
    const tooMany = Array.from({ length: SKILL_FILTERS_MAX + 1 }, (_, i) => `skill=s${i}`);
    for (const query of [
      tooMany.join('&'),
      `skill=${'x'.repeat(101)}`,
      'limit=0',
      'limit=101',
      'activity=not%20an%20iri',
      'cursor=%7B',
    ]) {
      const r = await s.call('GET', `/api/people?${query}`, { token: ben });
      assert.equal(r.status, 400, query);
      assert.ok(isProblem(r), query);
    }
    const card = await s.call('GET', '/api/people/mei.chen?activity=nope', { token: ben });
    assert.equal(card.status, 400);
  });
});
