/**
 * Team reflections (docs/decisions.md §13): one reflection a team fills in together, each
 * member writing their own entries, checked for membership, live on
 * `GET /reflections/stream`. Across instances and concurrent starts on PostgreSQL:
 * `reflections.pg.test.ts`.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { Reflection, ReflectionEvent, ReflectionPage, lessonsOf } from '@peerkit/core/contract';
import { DEMO_ACTIVITIES } from '@peerkit/server';
import { activity, isProblem, openStream, startServer, type TestServer } from './helpers.js';

const q = encodeURIComponent;
const SECRET = 'team-reflections-test-secret-0123456789';
const PROMPTS = [
  { id: 'achieved', prompt: 'What did we achieve?', answer: '' },
  { id: 'differently', prompt: 'What would we do differently?', answer: '' },
  { id: 'learned', prompt: 'What did we learn that others can use?', answer: '' },
];

describe('team reflections', () => {
  let s: TestServer;
  /** Data team: Ana, Mei. Platform: Ben. */
  let ana: string;
  let mei: string;
  let ben: string;
  before(async () => {
    s = await startServer({ jwtSecret: SECRET, heartbeatMs: 300 });
    [ana, mei, ben] = await Promise.all(['ana.ruiz', 'mei.chen', 'ben.okafor'].map(s.token));
  });
  after(() => s.close());

  const start = (token: string, id: string, a: string, extra: Record<string, unknown> = {}) =>
    s.call('PUT', `/api/reflections/${id}`, {
      token,
      body: { activity: a, visibility: 'team', team: 'Data', answers: PROMPTS, ...extra },
    });
  const write = (token: string, rid: string, eid: string, text: string, ifMatch?: string) =>
    s.call('PUT', `/api/reflections/${rid}/entries/${eid}`, {
      token,
      body: { prompt: 'learned', text },
      ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
    });
  const teamList = async (token: string, a: string) => {
    const r = await s.call('GET', `/api/reflections?activity=${q(a)}&scope=team&team=Data`, {
      token,
    });
    assert.equal(r.status, 200, r.text);
    assert.ok(ReflectionPage.safeParse(r.body).success, 'the page matches the contract');
    return r.body as { items: Reflection[]; total: number };
  };

  it('keeps both members’ words, attributed, when two write at once', async () => {
    const a = activity('team');
    const rid = randomUUID();
    assert.equal((await start(ana, rid, a)).status, 201);
    const [fromAna, fromMei] = await Promise.all([
      write(ana, rid, randomUUID(), 'Ask the readers first.'),
      write(mei, rid, randomUUID(), 'Annotate the two incidents.'),
    ]);
    assert.equal(fromAna.status, 201, fromAna.text);
    assert.equal(fromMei.status, 201, fromMei.text);
    assert.equal(fromAna.headers.get('etag'), '"1"');
    const [team] = (await teamList(mei, a)).items;
    assert.equal(team!.team, 'Data');
    assert.equal(team!.closed, false);
    const learned = team!.answers.find((x) => x.id === 'learned')!;
    const byAuthor = Object.fromEntries(learned.entries!.map((e) => [e.author.id, e.text]));
    assert.deepEqual(byAuthor, {
      'ana.ruiz': 'Ask the readers first.',
      'mei.chen': 'Annotate the two incidents.',
    });
    assert.deepEqual(team!.authors!.map((p) => p.id).sort(), ['ana.ruiz', 'mei.chen']);
    assert.equal(team!.version, 1, "entries do not change the reflection's version");
    assert.deepEqual(
      lessonsOf([team!])
        .map((l) => l.author.id)
        .sort(),
      ['ana.ruiz', 'mei.chen'],
    );
  });

  it('makes a second start adopt the open one (409 with current), and a closed one takes no entries', async () => {
    const a = activity('team');
    const first = randomUUID();
    assert.equal((await start(ana, first, a)).status, 201);
    const second = await start(mei, randomUUID(), a);
    assert.equal(second.status, 409);
    assert.ok(isProblem(second));
    assert.equal(second.body.current.id, first);
    const closed = await start(mei, first, a, { closed: true });
    assert.equal(closed.status, 200, 'any member may close it');
    assert.equal(closed.body.version, 2);
    const late = await write(ana, first, randomUUID(), 'too late');
    assert.equal(late.status, 409);
    assert.equal(late.body.current.closed, true);
    assert.equal((await start(mei, randomUUID(), a)).status, 201, 'the team starts a new one');
    assert.equal((await start(ana, first, a, { closed: false })).status, 409, 'one open at a time');
    const moved = await start(ana, first, a, { answers: PROMPTS.slice(0, 2), closed: true });
    assert.equal(moved.status, 409, 'prompt ids do not change');
    assert.equal((await teamList(ana, a)).total, 2);
  });

  it('refuses non-members, other members’ entries and malformed team reflections', async () => {
    const a = activity('team');
    const rid = randomUUID();
    await start(ana, rid, a);
    const anaEntry = randomUUID();
    await write(ana, rid, anaEntry, 'mine');
    assert.equal((await start(ben, randomUUID(), activity())).status, 403, 'Ben is not in Data');
    assert.equal((await write(ben, rid, randomUUID(), 'intruding')).status, 403);
    assert.equal((await write(mei, rid, anaEntry, 'overwrite Ana')).status, 403);
    const del = await s.call('DELETE', `/api/reflections/${rid}/entries/${anaEntry}`, {
      token: mei,
    });
    assert.equal(del.status, 403);
    for (const token of [ben]) {
      const list = await s.call('GET', `/api/reflections?activity=${q(a)}&scope=team&team=Data`, {
        token,
      });
      assert.equal(list.status, 403);
      const shared = await s.call('GET', `/api/reflections?activity=${q(a)}&scope=shared`, {
        token,
      });
      assert.equal(shared.body.total, 0, 'a team-only team reflection stays in the team');
    }
    const stream = await s.call('GET', `/api/reflections/stream?activity=${q(a)}&team=Data`, {
      token: ben,
    });
    assert.equal(stream.status, 403);
    const privateTeam = await start(ana, randomUUID(), activity(), { visibility: 'private' });
    assert.equal(privateTeam.status, 400);
    const withAnswer = PROMPTS.map((p) => ({ ...p, answer: 'typed here' }));
    assert.equal((await start(ana, randomUUID(), activity(), { answers: withAnswer })).status, 400);
    const badPrompt = await s.call('PUT', `/api/reflections/${rid}/entries/${randomUUID()}`, {
      token: ana,
      body: { prompt: 'nope', text: 'x' },
    });
    assert.equal(badPrompt.status, 400);
    assert.equal((await s.call('DELETE', `/api/reflections/${rid}`, { token: mei })).status, 403);
    const personal = { activity: a, visibility: 'team', answers: PROMPTS };
    const asPersonal = await s.call('PUT', `/api/reflections/${rid}`, {
      token: ana,
      body: personal,
    });
    assert.equal(asPersonal.status, 409, 'a team reflection stays one');
    const mine = randomUUID();
    await s.call('PUT', `/api/reflections/${mine}`, { token: ana, body: personal });
    assert.equal((await start(ana, mine, activity())).status, 409, 'a personal one stays one');
    assert.equal((await s.call('DELETE', `/api/reflections/${rid}`, { token: ana })).status, 204);
  });

  it('refuses a stale entry write (412 with the current entry), one member in two tabs', async () => {
    const rid = randomUUID();
    await start(ana, rid, activity('team'));
    const eid = randomUUID();
    assert.equal((await write(ana, rid, eid, 'first', '"1"')).status, 412);
    assert.equal((await write(ana, rid, eid, 'first')).status, 201);
    const laptop = await write(ana, rid, eid, 'from the laptop', '"1"');
    assert.equal(laptop.status, 200);
    assert.equal(laptop.body.version, 2);
    const phone = await write(ana, rid, eid, 'from the phone, stale', '"1"');
    assert.equal(phone.status, 412);
    assert.ok(isProblem(phone));
    assert.equal(phone.body.current.text, 'from the laptop');
    assert.equal(phone.headers.get('etag'), '"2"');
  });

  it('streams entries and changes to a second member, resumable with Last-Event-ID', async () => {
    const a = activity('team');
    const url = `${s.url}/api/reflections/stream?activity=${q(a)}&team=Data`;
    const stream = await openStream(url, { authorization: `Bearer ${mei}` });
    const parse = (e: { data?: string }) => {
      const event = JSON.parse(e.data!);
      assert.ok(ReflectionEvent.safeParse(event).success, 'the event matches the contract');
      return event as ReflectionEvent;
    };
    let lastId: string;
    const rid = randomUUID();
    const eid = randomUUID();
    try {
      assert.equal(stream.status, 200);
      await stream.next((e) => e.comment === 'ready');
      await start(ana, rid, a);
      const made = parse(await stream.next());
      assert.equal(made.type, 'reflection.saved');
      await write(ana, rid, eid, 'Seen live');
      const e = await stream.next();
      const saved = parse(e);
      assert.equal(saved.type, 'entry.saved');
      assert.ok(saved.type === 'entry.saved' && saved.entry.author.id === 'ana.ruiz');
      assert.ok(saved.type === 'entry.saved' && saved.entry.text === 'Seen live');
      lastId = e.id!;
    } finally {
      stream.close();
    }
    await s.call('DELETE', `/api/reflections/${rid}/entries/${eid}`, { token: ana });
    const resumed = await openStream(url, {
      authorization: `Bearer ${mei}`,
      'last-event-id': lastId,
    });
    try {
      // On PostgreSQL a resume may repeat events of the seconds before (`EventLog.since`).
      const missed = parse(
        await resumed.next((x) => !!x.data && parse(x).type === 'entry.deleted'),
      );
      assert.deepEqual(missed, {
        type: 'entry.deleted',
        reflectionId: rid,
        entryId: eid,
        prompt: 'learned',
      });
      await s.call('DELETE', `/api/reflections/${rid}`, { token: ana });
      const gone = parse(await resumed.next((x) => !!x.data && parse(x).type !== 'entry.deleted'));
      assert.deepEqual(gone, { type: 'reflection.deleted', id: rid, activity: a, team: 'Data' });
    } finally {
      resumed.close();
    }
  });

  it("says where the team's stream stood when the list was read, so a member resumes from there", async () => {
    const a = activity('team');
    const rid = randomUUID();
    assert.equal((await start(ana, rid, a)).status, 201);
    const page = (await teamList(mei, a)) as { items: Reflection[]; eventId?: string };
    assert.match(page.eventId ?? '', /^[1-9]\d*$/);
    const mine = await s.call('GET', `/api/reflections?activity=${q(a)}&scope=shared`, {
      token: mei,
    });
    assert.equal(mine.body.eventId, undefined, 'no team named: no stream to resume');
    // Ana writes after Mei's list was read, before Mei's stream opens.
    await write(ana, rid, randomUUID(), 'Written in the gap');
    const stream = await openStream(`${s.url}/api/reflections/stream?activity=${q(a)}&team=Data`, {
      authorization: `Bearer ${mei}`,
      'last-event-id': page.eventId!,
    });
    try {
      const e = await stream.next((x) => !!x.data && JSON.parse(x.data).type === 'entry.saved');
      const saved = JSON.parse(e.data!) as ReflectionEvent;
      assert.ok(saved.type === 'entry.saved' && saved.entry.text === 'Written in the gap');
      const after = stream.events.filter((x) => x.data && Number(x.id) > Number(page.eventId));
      assert.equal(after.length, 1, 'only the entry is newer than the list');
    } finally {
      stream.close();
    }
  });

  it('takes the team from the token’s team claim', async () => {
    const token = await new SignJWT({ name: 'Nora New', roles: [], team: 'Data' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('nora.new')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    assert.equal((await s.call('GET', '/api/me', { token })).body.team, 'Data');
    const rid = randomUUID();
    await start(ana, rid, activity('team'));
    const entry = await write(token, rid, randomUUID(), 'New here, learned a lot');
    assert.equal(entry.status, 201, entry.text);
    assert.equal(entry.body.author.team, 'Data');
  });

  it('seeds earlier team lessons on the demo project for the Platform team', async () => {
    const a = DEMO_ACTIVITIES.atlasMigration;
    const r = await s.call('GET', `/api/reflections?activity=${q(a)}&scope=team&team=Platform`, {
      token: ben,
    });
    assert.equal(r.status, 200, r.text);
    const items = r.body.items as Reflection[];
    assert.ok(items.length >= 2);
    assert.ok(
      items.every((x) => x.closed),
      'the earlier ones are closed',
    );
    assert.ok(
      items.some((x) => (x.authors ?? []).length >= 2),
      'with several authors',
    );
    assert.ok(lessonsOf(items).length >= 3);
  });
});
