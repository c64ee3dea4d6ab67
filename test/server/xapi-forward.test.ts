/**
 * Forwarding to an upstream LRS (issue 14, item 4): statements with attachments, voiding
 * statements and signed statements reach the upstream exactly as stored. The upstream is a
 * second real Peerkit LRS, so it checks hashes, parts and signatures as any conformant LRS
 * would.
 */
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CompactSign } from 'jose';
import { startServer, type TestServer } from './helpers.js';
import {
  KEY,
  SECRET,
  V,
  VOIDED,
  basic,
  ref,
  startLrs,
  statement,
  type Lrs,
} from './xapi-helpers.js';

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

/** A `multipart/mixed` statements request: the JSON, then one binary part per content. */
function multipart(json: unknown, contents: (string | Buffer)[]) {
  const boundary = `b-${randomUUID()}`;
  const chunks = [
    Buffer.from(
      `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`,
    ),
  ];
  for (const c of contents) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n` +
          `X-Experience-API-Hash: ${sha256(c)}\r\n\r\n`,
      ),
      Buffer.from(c),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    raw: new Uint8Array(Buffer.concat(chunks)),
    type: `multipart/mixed; boundary=${boundary}`,
  };
}

const attachment = (content: string | Buffer, usageType = 'https://example.com/usage/file') => ({
  usageType,
  display: { 'en-US': 'file' },
  contentType: 'application/octet-stream',
  length: Buffer.byteLength(content),
  sha2: sha256(content),
});

describe('forwarding attachments, voiding and signed statements (issue 14, item 4)', () => {
  let upstream: Lrs;
  let s: TestServer;
  before(async () => {
    upstream = await startLrs();
    s = await startServer({
      xapiKey: 'local-key',
      xapiSecret: 'local-secret',
      lrsUrl: `${upstream.s.url}/api/xapi`,
      lrsKey: KEY,
      lrsSecret: SECRET,
      lrsPollMs: 50,
      lrsRetryMs: 50,
    });
  });
  after(async () => {
    await s.close();
    await upstream.close();
  });

  const local = `Basic ${Buffer.from('local-key:local-secret').toString('base64')}`;
  /** Posts JSON statements, or a multipart body (`{ raw, type }`), to the local LRS. */
  const post = (body: unknown) => {
    const multi = body as { raw?: Uint8Array; type?: string };
    const headers = { authorization: local, ...V };
    return s.call(
      'POST',
      '/api/xapi/statements',
      multi.raw instanceof Uint8Array
        ? { raw: multi.raw, headers: { ...headers, 'content-type': multi.type! } }
        : { body, headers },
    );
  };
  /** Waits until the upstream answers `query` with 200. */
  async function upstreamHas(query: string) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const r = await upstream.call('GET', `/statements?${query}`);
      if (r.status === 200 || Date.now() > deadline) return r;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  it('a statement with a raw attachment arrives with the same bytes', async () => {
    const content = Buffer.from([1, 2, 3, 0, 255, 13, 10]);
    const st = statement({ attachments: [attachment(content)] });
    assert.equal((await post(multipart(st, [content]))).status, 200);
    assert.equal((await upstreamHas(`statementId=${st.id}`)).status, 200);
    const res = await fetch(
      `${upstream.s.url}/api/xapi/statements?statementId=${st.id}&attachments=true`,
      {
        headers: { authorization: basic, ...V },
      },
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.ok(bytes.includes(content), 'the upstream holds the attachment bytes');
  });

  it('a voiding statement voids its target upstream too', async () => {
    const target = statement();
    const voiding = statement({ verb: { id: VOIDED }, object: ref(target.id) });
    assert.equal((await post([target])).status, 200);
    assert.equal((await post([voiding])).status, 200);
    assert.equal((await upstreamHas(`statementId=${voiding.id}`)).status, 200);
    assert.equal(
      (await upstream.call('GET', `/statements?voidedStatementId=${target.id}`)).status,
      200,
    );
    assert.equal((await upstream.call('GET', `/statements?statementId=${target.id}`)).status, 404);
  });

  it('a signed statement arrives with its signature, which the upstream verifies again', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const st = statement();
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(st)))
      .setProtectedHeader({ alg: 'RS256' })
      .sign(privateKey);
    const signed = {
      ...st,
      attachments: [attachment(jws, 'http://adlnet.gov/expapi/attachments/signature')],
    };
    assert.equal((await post(multipart(signed, [jws]))).status, 200);
    const r = await upstreamHas(`statementId=${st.id}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.attachments, signed.attachments);
    assert.deepEqual(r.body.verb, st.verb);
  });
});
