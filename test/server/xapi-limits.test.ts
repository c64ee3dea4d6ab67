/**
 * The write limits of the statements endpoint (issue 14, item 1; decisions §14): an HTTP
 * Basic (LRS) client has its own generous limit (`PEERKIT_XAPI_RATE_LIMIT`), a person's
 * bearer token keeps the per-person limit (`PEERKIT_RATE_LIMIT`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ANA, BEN, startServer, type TestServer } from './helpers.js';
import { KEY, SECRET, V, basic, statement } from './xapi-helpers.js';

describe('LRS write limits', () => {
  let s: TestServer;
  before(async () => {
    s = await startServer({
      xapiKey: KEY,
      xapiSecret: SECRET,
      rateLimit: 3,
      xapiRateLimit: 8,
      xapiBodyLimit: 64 * 1024,
    });
  });
  after(() => s.close());

  const post = (authorization: string) =>
    s.call('POST', '/api/xapi/statements', {
      body: [statement(), statement()],
      headers: { authorization, ...V },
    });

  it('an HTTP Basic client is not held to the per-person limit, but to its own', async () => {
    for (let i = 0; i < 8; i++) {
      const r = await post(basic);
      assert.equal(r.status, 200, `batch ${i + 1}: ${r.text}`);
    }
    const over = await post(basic);
    assert.equal(over.status, 429);
    assert.match(over.text, /at most 8 writes a minute/);
    assert.ok(Number(over.headers.get('retry-after')) >= 1);
  });

  it('a person writing statements with a bearer token keeps the per-person limit', async () => {
    const bearer = `Bearer ${await s.token(ANA)}`;
    for (let i = 0; i < 3; i++) assert.equal((await post(bearer)).status, 200);
    const over = await post(bearer);
    assert.equal(over.status, 429);
    assert.match(over.text, /at most 3 writes a minute/);
  });

  it('a caller named in an Alternate Request Syntax form is held to its limit too', async () => {
    const form = async (authorization: string) =>
      s.call('POST', '/api/xapi/statements?method=POST', {
        raw: new URLSearchParams({
          Authorization: authorization,
          'X-Experience-API-Version': '1.0.3',
          content: JSON.stringify(statement()),
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const bearer = `Bearer ${await s.token(BEN)}`;
    for (let i = 0; i < 3; i++) assert.equal((await form(bearer)).status, 200);
    assert.equal((await form(bearer)).status, 429);
  });

  it('the body limit of the LRS is its own (PEERKIT_XAPI_BODY_LIMIT), attachments included', async () => {
    const big = statement({ result: { response: 'x'.repeat(70 * 1024) } });
    const r = await s.call('PUT', `/api/xapi/statements?statementId=${big.id}`, {
      body: big,
      headers: { authorization: basic, ...V },
    });
    assert.equal(r.status, 413);
  });
});
