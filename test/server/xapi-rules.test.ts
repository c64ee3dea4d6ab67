/**
 * Statement rules the ADL conformance suite checks, one requirement each (xAPI 1.0.3 Data
 * §2.2–4.1, Communication §1.1, §1.3, §2.1.3), against the real server and database.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { activity } from './helpers.js';
import { V, agent, basic, startLrs, statement, type Json, type Lrs } from './xapi-helpers.js';

describe('LRS statement rules', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  const status = async (body: unknown) => (await lrs.call('POST', '/statements', { body })).status;
  const withObject = (definition: Json) =>
    statement({ object: { objectType: 'Activity', id: activity('rules'), definition } });

  it('XAPI-00001/00118/00119: null is refused except as an extension value; empty extensions are fine', async () => {
    assert.equal(await status(statement({ result: { success: null } })), 400);
    assert.equal(await status(withObject({ name: null })), 400);
    const ext = { 'https://example.com/ext/empty': null };
    assert.equal(await status(withObject({ extensions: ext })), 200);
    assert.equal(await status(statement({ result: { extensions: {} } })), 200);
    assert.equal(
      await status(statement({ context: { extensions: { 'https://example.com/x': '' } } })),
      200,
    );
    assert.equal(await status(withObject({ extensions: { 'not an iri': 1 } })), 400);
  });

  it('XAPI-00013: language map keys are valid RFC 5646 tags (IANA registry), not just tag-shaped', async () => {
    for (const tag of ['es', 'es-MX', 'es-419', 'zh-Hant-TW', 'en-GB-oed']) {
      assert.equal(await status(withObject({ name: { [tag]: 'x' } })), 200, tag);
    }
    for (const tag of ['xx-bogus', 'en_US', 'english', '']) {
      assert.equal(await status(withObject({ name: { [tag]: 'x' } })), 400, tag);
    }
    assert.equal(await status(statement({ context: { language: 'qq-ZZZZ' } })), 400);
  });

  it('XAPI-00064: interaction properties need an interactionType', async () => {
    assert.equal(await status(withObject({ correctResponsesPattern: ['true'] })), 400);
    assert.equal(await status(withObject({ choices: [{ id: 'a' }] })), 400);
    const ok = { interactionType: 'true-false', correctResponsesPattern: ['true'] };
    assert.equal(await status(withObject(ok)), 200);
  });

  it('XAPI-00024/00098/00100: an authority is an Agent or an anonymous Group of exactly two Agents', async () => {
    const group = (member: Json[], over: Json = {}) => ({ objectType: 'Group', member, ...over });
    const a = agent('consumer');
    const b = agent('user');
    assert.equal(await status(statement({ authority: a })), 200);
    assert.equal(await status(statement({ authority: group([a, b]) })), 200);
    assert.equal(await status(statement({ authority: group([a]) })), 400);
    assert.equal(await status(statement({ authority: group([a, b, agent('third')]) })), 400);
    const identified = group([a, b], { mbox: `mailto:team-${randomUUID()}@example.com` });
    assert.equal(await status(statement({ authority: identified })), 400);
  });

  it('Data §2.4.5: a duration mixes weeks with nothing else (P4W, not P4W1D)', async () => {
    assert.equal(await status(statement({ result: { duration: 'P4W' } })), 200);
    assert.equal(await status(statement({ result: { duration: 'P4W1D' } })), 400);
  });

  it('XAPI-00150/00151: statementId or voidedStatementId go with format and attachments only', async () => {
    const st = statement();
    await lrs.post(st);
    const ok = await lrs.call(
      'GET',
      `/statements?statementId=${st.id}&format=ids&attachments=false`,
    );
    assert.equal(ok.status, 200);
    for (const q of [
      `statementId=${st.id}&limit=1`,
      `voidedStatementId=${st.id}&verb=https://x.example.com`,
    ]) {
      assert.equal((await lrs.call('GET', `/statements?${q}`)).status, 400, q);
    }
  });

  it('§2.1.3.s2.b5: X-Experience-API-Consistent-Through on every answer, 404 and 400 included', async () => {
    for (const q of [`statementId=${randomUUID()}`, 'limit=minus', '']) {
      const r = await lrs.call('GET', `/statements?${q}`);
      assert.ok(
        !Number.isNaN(Date.parse(r.headers.get('x-experience-api-consistent-through') ?? '')),
        q,
      );
    }
  });

  it('XAPI-00125/00126: HEAD on statements answers the GET headers without a body', async () => {
    const st = statement();
    await lrs.post(st);
    const head = await lrs.call('HEAD', `/statements?statementId=${st.id}`);
    assert.equal(head.status, 200);
    assert.equal(head.text, '');
    assert.match(head.headers.get('content-type') ?? '', /json/);
  });
});

describe('LRS Alternate Request Syntax (Communication §1.3)', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  const form = (
    method: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) =>
    lrs.s.call('POST', `/api/xapi/statements?method=${method}`, {
      raw: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });

  it('XAPI-00148: a GET sent as a POST form answers the StatementResult', async () => {
    const r = await form('GET', { limit: '1' }, { authorization: basic, ...V });
    assert.equal(r.status, 200, r.text);
    assert.ok(Array.isArray(r.body.statements));
    assert.equal(typeof r.body.more, 'string');
    await lrs.post(statement(), statement());
    const page = await form('GET', { limit: '1' }, { authorization: basic, ...V });
    assert.match(
      page.body.more,
      /^\/api\/xapi\/statements\?/,
      'the more link works from the server root',
    );
    const next = await lrs.s.call('GET', page.body.more, {
      headers: { authorization: basic, ...V },
    });
    assert.equal(next.status, 200);
    assert.equal(next.body.statements.length, 1);
  });

  it('XAPI-00336: a PUT sent as a POST form, its headers and content in the form, is stored', async () => {
    const st = statement();
    const fields = {
      statementId: st.id,
      content: JSON.stringify(st),
      Authorization: basic,
      'X-Experience-API-Version': '1.0.3',
    };
    const r = await form('PUT', fields);
    assert.equal(r.status, 204, r.text);
    assert.equal((await lrs.call('GET', `/statements?statementId=${st.id}`)).status, 200);
  });

  it('Communication §1.3.s3: form headers win, extra query parameters, other methods and non-forms are 400s', async () => {
    const st = statement();
    const base = { statementId: st.id, content: JSON.stringify(st) };
    const headers = { authorization: basic, ...V };
    assert.equal(
      (await form('PUT', { ...base, 'X-Experience-API-Version': '0.8' }, headers)).status,
      400,
    );
    assert.equal((await form(`PUT&statementId=${st.id}`, base, headers)).status, 400);
    assert.equal((await form('PUT', { statementId: st.id }, headers)).status, 400);
    const put = await lrs.call('PUT', `/statements?method=POST`, { body: st });
    assert.equal(put.status, 400);
    const json = await lrs.call('POST', `/statements?method=PUT`, { body: base });
    assert.equal(json.status, 400);
    assert.equal((await lrs.call('GET', `/statements?statementId=${st.id}`)).status, 404);
  });
});
