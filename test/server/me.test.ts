/** The signed-in person: `GET /me`, `GET` and `PATCH /me/profile` (routes/me.ts). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Profile } from '@peerkit/core/contract';
import { ANA, isProblem, startSignedIn, type TestServer } from './helpers.js';

describe('me', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  before(async () => {
    ({ s, ana, ben } = await startSignedIn());
  });
  after(() => s.close());

  const listed = async (token: string) =>
    (await s.call('GET', '/api/people?limit=100', { token })).body.items.map(
      (p: { id: string }) => p.id,
    );

  it('keeps a profile with a version, and refuses a stale change with 412', async () => {
    const first = await s.call('GET', '/api/me/profile', { token: ana });
    assert.equal(first.status, 200);
    assert.ok(Profile.safeParse(first.body).success, first.text);
    const v = first.body.version;
    assert.equal(first.headers.get('etag'), `"${v}"`);
    const change = (body: Record<string, unknown>, ifMatch?: string) =>
      s.call('PATCH', '/api/me/profile', {
        token: ana,
        body,
        ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
      });
    const tabOne = await change(
      {
        askMeAbout: ['Window functions'],
        mentor: true,
        availability: 'busy',
        availabilityNote: 'Tuesdays',
      },
      `"${v}"`,
    );
    assert.equal(tabOne.status, 200);
    assert.equal(tabOne.body.version, v + 1);
    assert.deepEqual(tabOne.body.askMeAbout, ['Window functions']);
    assert.equal(tabOne.body.availability, 'busy');
    assert.equal(tabOne.body.availabilityNote, 'Tuesdays');
    const tabTwo = await change({ mentor: false }, `"${v}"`);
    assert.equal(tabTwo.status, 412);
    assert.ok(isProblem(tabTwo));
    assert.equal(tabTwo.body.current.mentor, true);
    assert.equal(tabTwo.body.current.version, v + 1);
    const cleared = await change({ availabilityNote: null });
    assert.equal(cleared.body.availabilityNote, null);
    assert.equal(cleared.body.availability, 'busy', 'the note is cleared apart from the state');
    assert.equal(cleared.body.mentor, true, 'fields left out are kept');
  });

  it('keeps the version when a change changes nothing, so other tabs are not made stale', async () => {
    const { body: now } = await s.call('GET', '/api/me/profile', { token: ben });
    const same = await s.call('PATCH', '/api/me/profile', {
      token: ben,
      body: { mentor: now.mentor, askMeAbout: now.askMeAbout },
      headers: { 'if-match': `"${now.version}"` },
    });
    assert.equal(same.status, 200);
    assert.equal(same.body.version, now.version, 'nothing changed: the same version');
    const other = await s.call('PATCH', '/api/me/profile', {
      token: ben,
      body: { mentor: !now.mentor },
      headers: { 'if-match': `"${now.version}"` },
    });
    assert.equal(other.status, 200, "the other tab's real change still goes through");
    assert.equal(other.body.version, now.version + 1);
  });

  it('leaves a person who is not listed out of the expert search', async () => {
    assert.ok((await listed(ben)).includes(ANA));
    await s.call('PATCH', '/api/me/profile', { token: ana, body: { listed: false } });
    assert.ok(!(await listed(ben)).includes(ANA));
    await s.call('PATCH', '/api/me/profile', { token: ana, body: { listed: true } });
    assert.ok((await listed(ben)).includes(ANA));
  });
});
