/**
 * Statement attachments (xAPI 1.0.3 Data §2.4.11, Communication §1.5.2) and signed
 * statements (Data §2.6), against the real server and database.
 */
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CompactSign } from 'jose';
import { V, basic, startLrs, statement, type Json, type Lrs } from './xapi-helpers.js';

const SIGNATURE = 'http://adlnet.gov/expapi/attachments/signature';
const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

interface Part {
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** A `multipart/mixed` body: the statements' JSON, then the parts as given. */
function multipart(json: unknown, parts: Part[], boundary = `b-${randomUUID()}`) {
  const chunks: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`,
    ),
  ];
  for (const p of parts) {
    const headers = Object.entries(p.headers ?? {})
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: ${p.type}\r\n${headers}\r\n`));
    chunks.push(Buffer.from(p.body), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    raw: new Uint8Array(Buffer.concat(chunks)),
    type: `multipart/mixed; boundary=${boundary}`,
  };
}

/** An attachment part of `content` with the headers xAPI requires. */
const part = (
  content: string | Buffer,
  type = 'text/plain',
  over: Record<string, string> = {},
): Part => ({
  type,
  body: content,
  headers: {
    'Content-Transfer-Encoding': 'binary',
    'X-Experience-API-Hash': sha256(content),
    ...over,
  },
});

const attachment = (content: string | Buffer, over: Json = {}) => ({
  usageType: 'https://example.com/attachment-usage/note',
  display: { 'en-US': 'A note' },
  contentType: 'text/plain',
  length: Buffer.byteLength(content),
  sha2: sha256(content),
  ...over,
});

describe('LRS attachments (Data §2.4.11, Communication §1.5.2)', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  const postMultipart = (body: { raw: Uint8Array; type: string }) =>
    lrs.call('POST', '/statements', {
      raw: body.raw,
      headers: { 'content-type': body.type },
    });

  it('XAPI-00161/00167: raw attachments are stored and answered with attachments=true, exactly', async () => {
    const content = Buffer.from([0, 1, 2, 250, 255, 13, 10, 45, 45]);
    const st = statement({
      attachments: [attachment(content, { contentType: 'application/octet-stream' })],
    });
    const r = await postMultipart(multipart(st, [part(content, 'application/octet-stream')]));
    assert.equal(r.status, 200, r.text);
    const multi = await lrs.call('GET', `/statements?statementId=${st.id}&attachments=true`);
    assert.match(multi.headers.get('content-type') ?? '', /^multipart\/mixed; boundary=/);
    const bytes = Buffer.from(
      await (
        await fetch(`${lrs.s.url}/api/xapi/statements?statementId=${st.id}&attachments=true`, {
          headers: { authorization: basic, ...V },
        })
      ).arrayBuffer(),
    );
    assert.ok(bytes.includes(content), 'the attachment bytes come back as sent');
    assert.ok(bytes.includes(Buffer.from(`X-Experience-API-Hash: ${sha256(content)}`)));
    const plain = await lrs.call('GET', `/statements?statementId=${st.id}&attachments=false`);
    assert.match(plain.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(plain.body.attachments[0].sha2, sha256(content));
  });

  it('XAPI-00133: an attachment with a fileUrl needs no part, also as application/json', async () => {
    const st = statement({
      attachments: [attachment('far away', { fileUrl: 'https://files.example.com/a.txt' })],
    });
    assert.equal((await lrs.call('POST', '/statements', { body: st })).status, 200);
  });

  it('XAPI-00133/00134/00135: parts are checked (missing, extra, wrong hash, no binary encoding, JSON not first)', async () => {
    const text = 'hello attachment';
    const st = () => statement({ attachments: [attachment(text)] });
    const cases: [string, { raw: Uint8Array; type: string } | Json][] = [
      ['raw data sent as application/json', st()],
      ['missing part', multipart(st(), [])],
      ['extra part', multipart(st(), [part(text), part('another')])],
      [
        'hash mismatch',
        multipart(st(), [part(text, 'text/plain', { 'X-Experience-API-Hash': sha256('other') })]),
      ],
      [
        'no Content-Transfer-Encoding',
        multipart(st(), [
          { type: 'text/plain', body: text, headers: { 'X-Experience-API-Hash': sha256(text) } },
        ]),
      ],
      [
        'no boundary in the header',
        { raw: multipart(st(), [part(text)]).raw, type: 'multipart/mixed' },
      ],
      [
        'multipart/form-data',
        { raw: multipart(st(), [part(text)]).raw, type: 'multipart/form-data; boundary=x' },
      ],
    ];
    for (const [name, body] of cases) {
      const r =
        'raw' in body && body['raw'] instanceof Uint8Array
          ? await postMultipart(body as { raw: Uint8Array; type: string })
          : await lrs.call('POST', '/statements', { body });
      assert.equal(r.status, 400, name);
    }
  });

  it('attachment objects are validated: usageType IRI, display language map, length, sha2', async () => {
    for (const over of [
      { usageType: 'nope' },
      { display: { 'not a tag!': 'x' } },
      { length: -1 },
      { sha2: 'xyz' },
    ]) {
      const st = statement({
        attachments: [attachment('x', { fileUrl: 'https://f.example.com/x', ...over })],
      });
      assert.equal(
        (await lrs.call('POST', '/statements', { body: st })).status,
        400,
        JSON.stringify(over),
      );
    }
    const notArray = statement({ attachments: { usageType: 'https://x.example.com' } });
    assert.equal((await lrs.call('POST', '/statements', { body: notArray })).status, 400);
  });
});

describe('LRS signed statements (Data §2.6)', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  async function signed(st: Json, alg = 'RS256', payload: Json = st, over: Json = {}) {
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg })
      .sign(privateKey);
    const full = {
      ...st,
      attachments: [
        attachment(jws, { usageType: SIGNATURE, contentType: 'application/octet-stream', ...over }),
      ],
    };
    return multipart(full, [part(jws, 'application/octet-stream')]);
  }
  const post = (body: { raw: Uint8Array; type: string }) =>
    lrs.call('POST', '/statements', {
      raw: body.raw,
      headers: { 'content-type': body.type },
    });

  it('XAPI-00117: RS256, RS384 and RS512 signatures are accepted and stored as sent', async () => {
    for (const alg of ['RS256', 'RS384', 'RS512']) {
      const st = statement();
      const r = await post(await signed(st, alg));
      assert.equal(r.status, 200, `${alg}: ${r.text}`);
      const back = await lrs.call('GET', `/statements?statementId=${st.id}`);
      assert.equal(back.body.attachments[0].usageType, SIGNATURE);
    }
  });

  it('XAPI-00117: another algorithm is a 400', async () => {
    const { privateKey: ec } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const st = statement();
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(st)))
      .setProtectedHeader({ alg: 'ES256' })
      .sign(ec);
    const full = {
      ...st,
      attachments: [
        attachment(jws, { usageType: SIGNATURE, contentType: 'application/octet-stream' }),
      ],
    };
    assert.equal(
      (await post(multipart(full, [part(jws, 'application/octet-stream')]))).status,
      400,
    );
  });

  it('XAPI-00116: a payload that is not the statement is a 400', async () => {
    const st = statement();
    const other = { ...st, verb: { id: 'https://example.com/verbs/other' } };
    assert.equal((await post(await signed(st, 'RS256', other))).status, 400);
  });

  it('XAPI-00115: a signature attachment that is not application/octet-stream, or not a JWS, is a 400', async () => {
    const st = statement();
    assert.equal(
      (await post(await signed(st, 'RS256', st, { contentType: 'text/plain' }))).status,
      400,
    );
    const junk = 'not.a.jws!';
    const full = {
      ...st,
      attachments: [
        attachment(junk, { usageType: SIGNATURE, contentType: 'application/octet-stream' }),
      ],
    };
    assert.equal(
      (await post(multipart(full, [part(junk, 'application/octet-stream')]))).status,
      400,
    );
  });
});
