/**
 * Signed statements (xAPI 1.0.3 Data §2.6): a statement with an attachment of usageType
 * `http://adlnet.gov/expapi/attachments/signature` carries a JWS (RFC 7515, compact form) in
 * that attachment's part. The LRS rejects with 400 (XAPI-00115–00117):
 * - a signature attachment whose contentType is not `application/octet-stream`, or whose
 *   part is missing or not a compact JWS;
 * - an algorithm other than RS256, RS384, RS512;
 * - a payload that is not the JSON of the statement as it was before the signature was
 *   added (compared as `sameStatement` does, without `attachments`);
 * - when the JWS header carries an X.509 certificate (`x5c`), a signature that does not
 *   verify with it (checked with `jose`). Without a certificate the LRS cannot know the
 *   signer's key: the statement is stored as signed, unverified (Data §2.6.s4: the LRS
 *   "MUST validate the signature" only with what the JWS provides).
 * The statement is stored exactly as received, the signature part included, so it can be
 * forwarded and read back unchanged.
 */
import { compactVerify, decodeProtectedHeader, importX509 } from 'jose';
import { HttpError } from '../problem.js';
import { SIGNATURE, type AttachmentPart } from './attachments.js';
import { StatementError, sameStatement, validateStatement } from './validate.js';

type Json = Record<string, unknown>;

const ALGORITHMS = ['RS256', 'RS384', 'RS512'];

function bad(message: string): never {
  throw new HttpError(400, `signed statement: ${message}`);
}

function payloadOf(jws: string): Json {
  const [, payload] = jws.split('.');
  try {
    const value: unknown = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Json;
  } catch {
    // below
  }
  return bad('the JWS payload is not the JSON of a statement (XAPI-00116)');
}

/** Verifies one statement's signature, if it has one (see the module comment). */
async function verifyOne(statement: Json, parts: Map<string, AttachmentPart>): Promise<void> {
  const attachments = (statement['attachments'] as Json[] | undefined) ?? [];
  const signature = attachments.find((a) => a['usageType'] === SIGNATURE);
  if (!signature) return;
  if (signature['contentType'] !== 'application/octet-stream') {
    bad('the signature attachment must be application/octet-stream (XAPI-00115)');
  }
  const part = parts.get(String(signature['sha2']).toLowerCase());
  if (!part) bad('the signature attachment has no part (XAPI-00115)');
  const jws = Buffer.from(part.content).toString('utf8').trim();
  if (!/^[\w-]+\.[\w-]*\.[\w-]+$/.test(jws)) bad('the signature is not a compact JWS (XAPI-00115)');
  let header;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return bad('the JWS header is not valid (XAPI-00115)');
  }
  if (!ALGORITHMS.includes(String(header.alg)))
    bad('the JWS algorithm must be RS256, RS384 or RS512 (XAPI-00117)');
  const { attachments: _a, ...unsigned } = statement;
  let signed: Json;
  try {
    signed = validateStatement(payloadOf(jws)).statement;
  } catch (error) {
    if (error instanceof StatementError)
      bad(`the JWS payload is not a valid statement (XAPI-00116)`);
    throw error;
  }
  const { attachments: _b, ...payload } = signed;
  if (!sameStatement(payload, unsigned))
    bad('the JWS payload differs from the statement (XAPI-00116)');
  const [certificate] = header.x5c ?? [];
  if (certificate) {
    try {
      const pem = `-----BEGIN CERTIFICATE-----\n${certificate}\n-----END CERTIFICATE-----`;
      await compactVerify(jws, await importX509(pem, String(header.alg)));
    } catch {
      bad('the signature does not verify with the certificate in its header');
    }
  }
}

/** Verifies every signed statement of a batch (400 on the first that fails). */
export async function verifySignatures(statements: Json[], parts: AttachmentPart[]): Promise<void> {
  const bySha = new Map(parts.map((p) => [p.sha2, p]));
  for (const s of statements) await verifyOne(s, bySha);
}
