/**
 * Every text limit of the contract counts one unit, Unicode code points ("characters"), in
 * the server, the OpenAPI document and the widgets' counters (issue 15, item 2): 😀 is one
 * character. Anything the server stored can be saved again unchanged.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import {
  KUDOS_MESSAGE_MAX,
  NAME_MAX,
  POST_BODY_MAX,
  REFLECTION_ANSWER_MAX,
  REFLECTION_PROMPT_MAX,
  REFLECTION_PROMPTS_MAX,
  REPORT_NOTE_MAX,
  SKILL_MAX,
  textLength,
} from '@peerkit/core/contract';
import { activity, startServer, startSignedIn, type TestServer } from './helpers.js';

const E = '😀';

describe('text limits count characters', () => {
  let s: TestServer;
  let ana: string;
  let ben: string;
  before(async () => {
    ({ s, ana, ben } = await startSignedIn());
  });
  after(() => s.close());

  const newPost = (body: string, token = ana) =>
    s.call('POST', '/api/posts', { token, body: { activity: activity(), body } });

  it('stores a 6,000-emoji post and saves it again unchanged; refuses one character too many', async () => {
    const body = E.repeat(6_000);
    const created = await newPost(body);
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.body, body);
    const again = await s.call('PATCH', `/api/posts/${created.body.id}`, {
      token: ana,
      body: { body: created.body.body },
    });
    assert.equal(again.status, 200, 'the stored post saves unchanged');
    assert.equal(again.body.body, body);
    assert.equal((await newPost(E.repeat(POST_BODY_MAX))).status, 201, 'exactly at the limit');
    const over = await newPost(E.repeat(POST_BODY_MAX + 1));
    assert.equal(over.status, 400);
    assert.deepEqual(
      over.body.errors.map((e: { path: string }) => e.path),
      ['body'],
    );
    const edit = await s.call('PATCH', `/api/posts/${created.body.id}`, {
      token: ana,
      body: { body: E.repeat(POST_BODY_MAX + 1) },
    });
    assert.equal(edit.status, 400);
  });

  it('counts kudos messages and report notes in characters', async () => {
    const post = (await newPost('Worth thanking')).body;
    const kudos = (message: string) =>
      s.call('POST', '/api/kudos', {
        token: ben,
        body: { activity: `urn:peerkit:post:${post.id}`, message },
      });
    assert.equal((await kudos(E.repeat(KUDOS_MESSAGE_MAX))).status, 201);
    assert.equal((await kudos(E.repeat(KUDOS_MESSAGE_MAX + 1))).status, 400);
    const report = (note: string) =>
      s.call('POST', `/api/posts/${post.id}/reports`, {
        token: ben,
        body: { reason: 'other', note },
      });
    assert.equal((await report(E.repeat(REPORT_NOTE_MAX))).status, 201);
    assert.equal((await report(E.repeat(REPORT_NOTE_MAX + 1))).status, 400);
    const endorse = await s.call('POST', '/api/people/ana.ruiz/endorsements', {
      token: ben,
      body: { skill: E.repeat(SKILL_MAX + 1) },
    });
    assert.equal(endorse.status, 400, 'a skill past its limit');
  });

  it('saves a reflection whose every prompt and answer is at its limit in emoji', async () => {
    const answers = Array.from({ length: REFLECTION_PROMPTS_MAX }, () => ({
      prompt: E.repeat(REFLECTION_PROMPT_MAX),
      answer: E.repeat(REFLECTION_ANSWER_MAX),
    }));
    const body = { activity: activity(), visibility: 'private', answers };
    const saved = await s.call('PUT', `/api/reflections/${randomUUID()}`, { token: ana, body });
    assert.equal(saved.status, 201, saved.text.slice(0, 200));
    assert.deepEqual(saved.body.answers, answers);
    answers[0]!.answer += E;
    const over = await s.call('PUT', `/api/reflections/${randomUUID()}`, { token: ana, body });
    assert.equal(over.status, 400);
  });

  it('says in the OpenAPI document that text limits count characters (code points)', async () => {
    const doc = (await s.call('GET', '/api/openapi.json')).body;
    assert.match(doc.info.description, /code points/);
    const schemas = doc.components.schemas;
    assert.equal(schemas.CreatePost.properties.body.maxLength, POST_BODY_MAX);
    assert.equal(schemas.UpdatePost.properties.body.maxLength, POST_BODY_MAX);
    assert.equal(schemas.GiveKudos.properties.message.maxLength, KUDOS_MESSAGE_MAX);
    assert.equal(schemas.CreateReport.properties.note.maxLength, REPORT_NOTE_MAX);
    assert.equal(schemas.CreateEndorsement.properties.skill.maxLength, SKILL_MAX);
  });
});

describe('names from tokens', () => {
  const secret = 'text-limits-secret-of-a-good-length-123';
  let s: TestServer;
  before(async () => {
    s = await startServer({ demo: false, jwtSecret: secret });
  });
  after(() => s.close());

  it('cuts a long name between characters, never inside one', async () => {
    const token = await new SignJWT({ name: `A${E.repeat(NAME_MAX)}` })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('long.name')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    const me = await s.call('GET', '/api/me', { token });
    assert.equal(me.status, 200);
    assert.equal(textLength(me.body.name), NAME_MAX);
    assert.equal(me.body.name, `A${E.repeat(NAME_MAX - 1)}`, 'no half of an emoji at the end');
  });
});
