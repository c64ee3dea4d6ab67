/**
 * The document resources (State, Activity Profile, Agent Profile: xAPI 1.0.3 Communication
 * §2.2–2.7, §3.1 concurrency) and the Agents, Activities and About resources (§2.4, §2.5,
 * §2.8), against the real server and database.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { activity } from './helpers.js';
import { agent, search, startLrs, statement, type Json, type Lrs } from './xapi-helpers.js';

describe('LRS document resources (Communication §2.2–2.7, §3.1)', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  const state = (over: Json = {}) => ({
    activityId: activity('state'),
    agent: agent('learner'),
    stateId: randomUUID(),
    ...over,
  });
  const send = (method: string, resource: string, params: Json, body?: unknown, headers = {}) =>
    lrs.call(method, `/${resource}?${search(params as Record<string, string | Json>)}`, {
      ...(body === undefined ? {} : typeof body === 'string' ? { raw: body } : { body }),
      headers,
    });

  it('XAPI-00230/00190/00188/00187: State PUT stores, GET answers it with its type, DELETE removes it', async () => {
    const p = state();
    assert.equal((await send('PUT', 'activities/state', p, { step: 3 })).status, 204);
    const got = await send('GET', 'activities/state', p);
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, { step: 3 });
    assert.match(got.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal((await send('DELETE', 'activities/state', p)).status, 204);
    assert.equal((await send('GET', 'activities/state', p)).status, 404);
  });

  it('XAPI-00322: ETag is the quoted SHA-1 of the document; non-JSON documents keep their bytes', async () => {
    const p = state();
    const text = 'plain words, not JSON';
    const put = await send('PUT', 'activities/state', p, text, { 'content-type': 'text/plain' });
    assert.equal(put.status, 204);
    const got = await send('GET', 'activities/state', p);
    assert.equal(got.text, text);
    assert.equal(got.headers.get('content-type'), 'text/plain');
    const sha1 = createHash('sha1').update(text).digest('hex');
    assert.equal(got.headers.get('etag'), `"${sha1}"`);
  });

  it('XAPI-00183/00184/00233/00234: POST stores a new document, then merges JSON one level deep', async () => {
    const p = state();
    assert.equal(
      (await send('POST', 'activities/state', p, { a: 1, nested: { x: 1, y: 2 } })).status,
      204,
    );
    assert.equal(
      (await send('POST', 'activities/state', p, { b: 2, nested: { x: 9 } })).status,
      204,
    );
    const got = await send('GET', 'activities/state', p);
    assert.deepEqual(got.body, { a: 1, b: 2, nested: { x: 9 } });
  });

  it('XAPI-00232/00235: POST over a non-JSON document, of a non-JSON body, or of JSON that is not an object is a 400 and changes nothing', async () => {
    const p = state();
    await send('PUT', 'activities/state', p, 'text', { 'content-type': 'text/plain' });
    assert.equal((await send('POST', 'activities/state', p, { a: 1 })).status, 400);
    const q = state();
    await send('PUT', 'activities/state', q, { a: 1 });
    const notJson = await send('POST', 'activities/state', q, 'x', {
      'content-type': 'text/plain',
    });
    assert.equal(notJson.status, 400);
    const array = await send('POST', 'activities/state', q, '[1,2]', {
      'content-type': 'application/json',
    });
    assert.equal(array.status, 400);
    assert.equal((await send('GET', 'activities/state', p)).text, 'text');
    assert.deepEqual((await send('GET', 'activities/state', q)).body, { a: 1 });
  });

  it('XAPI-00193/00195/00194: GET without stateId lists ids (after since); DELETE without it clears the set', async () => {
    const base = state();
    const { stateId: _s, ...set } = base;
    await send('PUT', 'activities/state', { ...set, stateId: 'first' }, { n: 1 });
    const middle = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await send('PUT', 'activities/state', { ...set, stateId: 'second' }, { n: 2 });
    assert.deepEqual((await send('GET', 'activities/state', set)).body, ['first', 'second']);
    assert.deepEqual((await send('GET', 'activities/state', { ...set, since: middle })).body, [
      'second',
    ]);
    assert.equal((await send('DELETE', 'activities/state', set)).status, 204);
    assert.deepEqual((await send('GET', 'activities/state', set)).body, []);
  });

  it('XAPI-00218/00220: a registration keeps its own documents', async () => {
    const p = state();
    const registration = randomUUID();
    await send('PUT', 'activities/state', { ...p, registration }, { in: 'registration' });
    await send('PUT', 'activities/state', p, { in: 'none' });
    assert.deepEqual((await send('GET', 'activities/state', { ...p, registration })).body, {
      in: 'registration',
    });
    assert.deepEqual((await send('GET', 'activities/state', p)).body, { in: 'none' });
  });

  it('XAPI-00199/00204/00207/00210/00213/00215: missing or malformed activityId, agent, registration, since are 400s', async () => {
    const p = state();
    const cases: Json[] = [
      { agent: p.agent, stateId: 's' },
      { activityId: p.activityId, stateId: 's' },
      { ...p, agent: 'not json' },
      { ...p, agent: { objectType: 'Agent', name: 'no identifier' } },
      { ...p, registration: 'not-a-uuid' },
      { activityId: 'no scheme', agent: p.agent, stateId: 's' },
      { activityId: p.activityId, agent: p.agent, since: 'yesterday' },
      { ...p, unknown: 'x' },
    ];
    for (const params of cases) {
      const r = await send('PUT', 'activities/state', params, { a: 1 });
      assert.equal(r.status, 400, JSON.stringify(params));
    }
    assert.equal((await send('GET', 'activities/state', cases[6]!)).status, 400);
  });

  it('XAPI-00322/00273: profile PUT needs If-Match or If-None-Match (400 new, 409 existing); wrong ones are 412', async () => {
    const p = { activityId: activity('profile'), profileId: randomUUID() };
    const doc = { v: 1 };
    assert.equal((await send('PUT', 'activities/profile', p, doc)).status, 400);
    assert.equal(
      (await send('PUT', 'activities/profile', p, doc, { 'if-none-match': '*' })).status,
      204,
    );
    assert.equal(
      (await send('PUT', 'activities/profile', p, { v: 2 }, { 'if-none-match': '*' })).status,
      412,
    );
    assert.equal((await send('PUT', 'activities/profile', p, { v: 2 })).status, 409);
    const bad = '"1111111111111111111111111111111111111111"';
    assert.equal(
      (await send('PUT', 'activities/profile', p, { v: 2 }, { 'if-match': bad })).status,
      412,
    );
    const etag = (await send('GET', 'activities/profile', p)).headers.get('etag')!;
    assert.equal(
      (await send('PUT', 'activities/profile', p, { v: 3 }, { 'if-match': etag })).status,
      204,
    );
    assert.deepEqual((await send('GET', 'activities/profile', p)).body, { v: 3 });
    assert.equal(
      (await send('DELETE', 'activities/profile', p, undefined, { 'if-match': etag })).status,
      412,
    );
  });

  it('XAPI-00270/00279/00280: agent profiles are kept per agent, merged on POST, listed by id', async () => {
    const who = agent('profiled');
    const p = { agent: who, profileId: 'settings' };
    assert.equal((await send('POST', 'agents/profile', p, { theme: 'dark' })).status, 204);
    assert.equal((await send('POST', 'agents/profile', p, { size: 'large' })).status, 204);
    assert.deepEqual((await send('GET', 'agents/profile', p)).body, {
      theme: 'dark',
      size: 'large',
    });
    assert.deepEqual((await send('GET', 'agents/profile', { agent: who })).body, ['settings']);
    assert.deepEqual((await send('GET', 'agents/profile', { agent: agent('other') })).body, []);
  });

  it('XAPI-00125/00126: HEAD answers like GET without a body', async () => {
    const p = state();
    await send('PUT', 'activities/state', p, { a: 1 });
    const head = await send('HEAD', 'activities/state', p);
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
    assert.ok(head.headers.get('etag'));
  });
});

describe('LRS Agents, Activities and About resources (Communication §2.4, §2.5, §2.8)', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  it('XAPI-00237–00242/00248: GET /agents answers a Person whose properties are arrays', async () => {
    const who = agent('person');
    const r = await lrs.call('GET', `/agents?${search({ agent: who })}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { objectType: 'Person', name: [who.name], mbox: [who.mbox] });
    assert.equal((await lrs.call('GET', '/agents')).status, 400);
    assert.equal(
      (await lrs.call('GET', `/agents?${search({ agent: { name: 'x' } })}`)).status,
      400,
    );
  });

  it('XAPI-00254: GET /activities merges the definitions every statement gave, languages added', async () => {
    const id = activity('defined');
    const first = { objectType: 'Activity', id, definition: { name: { 'en-US': 'Course' } } };
    const second = { objectType: 'Activity', id, definition: { name: { 'es-ES': 'Curso' } } };
    await lrs.post(statement({ object: first }), statement({ object: second }));
    const r = await lrs.call('GET', `/activities?${search({ activityId: id })}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, {
      objectType: 'Activity',
      id,
      definition: { name: { 'en-US': 'Course', 'es-ES': 'Curso' } },
    });
    assert.equal((await lrs.call('GET', '/activities')).status, 400);
  });

  it('the OpenAPI document lists every LRS resource', async () => {
    const doc = (await lrs.s.call('GET', '/api/openapi.json')).body;
    for (const path of [
      'activities/state',
      'activities/profile',
      'agents/profile',
      'agents',
      'activities',
      'about',
    ]) {
      assert.ok(doc.paths[`/xapi/${path}`], path);
    }
  });

  it('GET /about names the versions without a version header', async () => {
    const r = await lrs.s.call('GET', '/api/xapi/about');
    assert.equal(r.status, 200);
    assert.ok(r.body.version.includes('1.0.3'));
    assert.deepEqual(r.body.extensions, {});
  });
});
