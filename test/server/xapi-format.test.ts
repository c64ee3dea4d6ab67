/**
 * How `GET /api/xapi/statements` shapes its answer, after xAPI 1.0.3 Communication §2.1.3:
 * `format` (ids, exact, canonical with Accept-Language), `attachments` (multipart or
 * JSON) and the X-Experience-API-Consistent-Through header on every answer.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { activity } from './helpers.js';
import {
  COMMENTED,
  agent,
  startLrs,
  statement,
  verb,
  type Json,
  type Lrs,
} from './xapi-helpers.js';

const rich = () => {
  const v = verb('answered');
  const o = activity('question');
  const parent = activity('course');
  const st = statement({
    actor: { objectType: 'Group', name: 'Pair', member: [agent('ana'), agent('ben')] },
    verb: { id: v, display: { 'en-US': 'answered', 'en-GB': 'answered (GB)', es: 'respondió' } },
    object: {
      objectType: 'Activity',
      id: o,
      definition: {
        name: { 'en-US': 'Question', es: 'Pregunta' },
        description: { 'en-US': 'Pick one', es: 'Elige una' },
        interactionType: 'choice',
        choices: [{ id: 'a', description: { 'en-US': 'Yes', es: 'Sí' } }],
      },
    },
    context: {
      instructor: agent('carl'),
      team: {
        objectType: 'Group',
        name: 'Team',
        mbox: `mailto:team-${randomUUID()}@example.com`,
        member: [agent('dana')],
      },
      contextActivities: {
        parent: [{ id: parent, definition: { name: { 'en-US': 'Course', es: 'Curso' } } }],
      },
    },
  });
  return { st, v, o, parent };
};

describe('LRS answers: format, attachments and headers (§2.1.3)', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  it('format=ids keeps only what identifies each agent, group, verb and activity', async () => {
    const { st, v, o, parent } = rich();
    const sub = statement({
      verb: { id: COMMENTED, display: { en: 'commented' } },
      object: {
        objectType: 'SubStatement',
        actor: { objectType: 'Agent', name: 'Eve', mbox: 'mailto:eve@example.com' },
        verb: { id: v, display: { en: 'answered' } },
        object: { id: o, definition: { name: { en: 'Question' } } },
      },
    });
    await lrs.post(st, sub);
    const list = await lrs.call('GET', `/statements?verb=${encodeURIComponent(v)}&format=ids`);
    const got = list.body.statements.find((x: Json) => x['id'] === st.id);
    const team = (st['context'] as Json)['team'] as Json;
    const members = (st['actor'] as Json)['member'] as Json[];
    assert.deepEqual(got.actor, {
      objectType: 'Group',
      member: members.map((m) => ({ objectType: 'Agent', mbox: m['mbox'] })),
    });
    assert.deepEqual(got.verb, { id: v });
    assert.deepEqual(got.object, { id: o });
    assert.deepEqual(got.context.team, { objectType: 'Group', mbox: team['mbox'] });
    assert.deepEqual(Object.keys(got.context.instructor).sort(), ['mbox', 'objectType']);
    assert.deepEqual(got.context.contextActivities.parent, [{ id: parent }]);
    assert.deepEqual(Object.keys(got.authority).sort(), ['account', 'objectType']);
    const one = await lrs.call('GET', `/statements?statementId=${sub.id}&format=ids`);
    assert.equal(one.status, 200);
    assert.deepEqual(one.body.verb, { id: COMMENTED });
    assert.deepEqual(one.body.object.actor, {
      objectType: 'Agent',
      mbox: 'mailto:eve@example.com',
    });
    assert.deepEqual(one.body.object.verb, { id: v });
    assert.deepEqual(one.body.object.object, { id: o });
  });

  it('format=exact (and no format) answers the statement as it was received', async () => {
    const { st } = rich();
    await lrs.post(st);
    for (const q of ['', '&format=exact']) {
      const one = await lrs.call('GET', `/statements?statementId=${st.id}${q}`, {
        headers: { 'accept-language': 'es' },
      });
      assert.deepEqual(one.body.actor, st['actor']);
      assert.deepEqual(one.body.verb, st['verb']);
      assert.deepEqual(one.body.object, st['object']);
      assert.deepEqual(one.body.context, st['context']);
    }
  });

  it('format=canonical keeps one language per map, the one Accept-Language prefers', async () => {
    const { st, v } = rich();
    await lrs.post(st);
    const get = (lang: string, q = `statementId=${st.id}`) =>
      lrs.call('GET', `/statements?${q}&format=canonical`, {
        headers: { 'accept-language': lang },
      });
    const es = (await get('fr;q=0.9, es, en;q=0.5')).body;
    assert.deepEqual(es.verb.display, { es: 'respondió' });
    assert.deepEqual(es.object.definition.name, { es: 'Pregunta' });
    assert.deepEqual(es.object.definition.description, { es: 'Elige una' });
    assert.deepEqual(es.object.definition.choices[0].description, { es: 'Sí' });
    assert.deepEqual(es.context.contextActivities.parent[0].definition.name, { es: 'Curso' });
    assert.deepEqual(es.actor, st['actor'], 'agents and groups as received');
    const gb = (await get('en-GB', `verb=${encodeURIComponent(v)}`)).body.statements[0];
    assert.deepEqual(gb.verb.display, { 'en-GB': 'answered (GB)' });
    assert.deepEqual(
      gb.object.definition.name,
      { 'en-US': 'Question' },
      'en-GB falls back to en-*',
    );
    const none = (await get('fr')).body;
    assert.equal(Object.keys(none.verb.display).length, 1, 'one language even with no match');
  });

  it('attachments=true answers multipart/mixed with the result as its JSON part; false answers JSON', async () => {
    const st = statement({ verb: { id: verb('attached') } });
    await lrs.post(st);
    const multi = await lrs.call('GET', `/statements?statementId=${st.id}&attachments=true`);
    assert.equal(multi.status, 200);
    const type = multi.headers.get('content-type') ?? '';
    const boundary = /^multipart\/mixed;\s*boundary="?([^";]+)"?/i.exec(type)?.[1];
    assert.ok(boundary, type);
    const parts = multi.text.split(`--${boundary}`);
    assert.equal(parts.at(-1)!.trim(), '--', 'closed by the final boundary');
    const [head, body] = parts[1]!.split('\r\n\r\n');
    assert.match(head!, /content-type: application\/json/i);
    assert.equal(JSON.parse(body!).id, st.id);
    const list = await lrs.call(
      'GET',
      `/statements?verb=${encodeURIComponent((st['verb'] as Json)['id'] as string)}&attachments=true`,
    );
    assert.match(list.headers.get('content-type') ?? '', /^multipart\/mixed/);
    const plain = await lrs.call('GET', `/statements?statementId=${st.id}&attachments=false`);
    assert.match(plain.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(plain.body.id, st.id);
  });

  it('every answer of the statements resource says how consistent it is, errors and writes too', async () => {
    const answers = [
      await lrs.call('GET', '/statements?colour=blue'),
      await lrs.call('GET', `/statements?statementId=${randomUUID()}`),
      await lrs.call('POST', '/statements', { body: statement() }),
      await lrs.call('GET', '/statements?limit=1'),
    ];
    for (const a of answers) {
      const value = a.headers.get('x-experience-api-consistent-through');
      assert.ok(value && !Number.isNaN(Date.parse(value)), `${a.status}: ${value}`);
    }
  });

  it('format must be ids, exact or canonical', async () => {
    assert.equal((await lrs.call('GET', '/statements?format=full')).status, 400);
  });
});
