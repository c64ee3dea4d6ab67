/**
 * Statement attachments (xAPI 1.0.3 Data §2.4.11, Communication §1.5.2):
 * - `validateAttachments`: each Attachment object has `usageType` (IRI), `display` (language
 *   map), optional `description`, `contentType` (string), `length` (integer ≥ 0), `sha2`
 *   (hex SHA-2) and optional `fileUrl` (IRI).
 * - `readMultipart`: a `multipart/mixed` request: the boundary from the `Content-Type` header
 *   (400 without one), the first part `application/json` (the statements), every other part
 *   with `Content-Transfer-Encoding: binary` (XAPI-00135) and `X-Experience-API-Hash`; the
 *   parts' bytes are taken exactly as sent.
 * - `matchParts`: every attachment without `fileUrl` has its part (by `sha2`), every part
 *   belongs to an attachment, and a part's bytes hash to its `sha2`; with
 *   `application/json` every attachment needs a `fileUrl`.
 * - `multipartAnswer`: `GET … attachments=true` as `multipart/mixed`: the JSON, then one part
 *   per attachment the answer's statements reference and this LRS holds.
 * The multipart reader is small and strict on purpose: the xAPI rules need each part's raw
 * headers and exact bytes, which the form-data parsers (busboy, `Request.formData`) hide.
 */
import { createHash, randomUUID } from 'node:crypto';
import { HttpError } from '../problem.js';
import { StatementError, iri, langMap, obj } from './validate.js';

type Json = Record<string, unknown>;

export const SIGNATURE = 'http://adlnet.gov/expapi/attachments/signature';

const ATTACHMENT = new Set([
  'usageType',
  'display',
  'description',
  'contentType',
  'length',
  'sha2',
  'fileUrl',
]);

/** The raw bytes of an attachment part and its content type. */
export interface AttachmentPart {
  sha2: string;
  contentType: string;
  content: Uint8Array;
}

function bad(message: string): never {
  throw new HttpError(400, message);
}

/** Checks a statement's `attachments` (Data §2.4.11); throws `StatementError`. */
export function validateAttachments(v: unknown, path: string): void {
  if (!Array.isArray(v)) throw new StatementError(`${path}: must be an array`);
  v.forEach((a: unknown, i) => {
    const p = `${path}[${i}]`;
    const o = obj(a, p, ATTACHMENT);
    iri(o['usageType'], `${p}.usageType`);
    langMap(o['display'], `${p}.display`);
    if (o['description'] !== undefined) langMap(o['description'], `${p}.description`);
    if (typeof o['contentType'] !== 'string' || !/^[\w.+-]+\/[\w.+-]+/.test(o['contentType'])) {
      throw new StatementError(`${p}.contentType: must be an Internet Media Type`);
    }
    if (!Number.isInteger(o['length']) || (o['length'] as number) < 0) {
      throw new StatementError(`${p}.length: must be a non-negative integer`);
    }
    if (typeof o['sha2'] !== 'string' || !/^[0-9a-fA-F]{56,128}$/.test(o['sha2'])) {
      throw new StatementError(`${p}.sha2: must be a hex SHA-2 hash`);
    }
    if (o['fileUrl'] !== undefined) iri(o['fileUrl'], `${p}.fileUrl`);
  });
}

/** Index of `needle` in `hay` from `from`, or -1. */
const find = (hay: Buffer, needle: Buffer, from: number) => hay.indexOf(needle, from);

/** The headers of a part, lower-cased names. */
function partHeaders(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) out.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return out;
}

/** The parts of a multipart body: headers and exact bytes (RFC 2046 §5.1.1). */
function splitParts(
  body: Buffer,
  boundary: string,
): { headers: Map<string, string>; content: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  let at = find(body, delimiter, 0);
  if (at < 0) bad('the multipart body does not contain its boundary');
  const parts: { headers: Map<string, string>; content: Buffer }[] = [];
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    const headStart = find(body, Buffer.from('\r\n'), at) + 2;
    const headEnd = find(body, Buffer.from('\r\n\r\n'), headStart - 2);
    if (headStart < 2 || headEnd < 0) bad('a multipart part has no header block');
    const next = find(body, Buffer.from(`\r\n--${boundary}`), headEnd + 4);
    if (next < 0) bad('the multipart body does not end with its closing boundary');
    const headers = partHeaders(body.subarray(headStart, headEnd).toString('latin1'));
    parts.push({ headers, content: body.subarray(headEnd + 4, next) });
    at = next + 2;
  }
}

/**
 * A `multipart/mixed` statements request: the JSON text of the first part and the
 * attachment parts by their `X-Experience-API-Hash` (Communication §1.5.2).
 */
export function readMultipart(
  contentType: string,
  body: Uint8Array,
): { json: string; parts: AttachmentPart[] } {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) bad('multipart/mixed needs a boundary in its Content-Type');
  const [first, ...rest] = splitParts(Buffer.from(body), boundary);
  if (!first) bad('the multipart body has no parts');
  if (!/^application\/json\b/i.test(first.headers.get('content-type') ?? '')) {
    bad('the first part must be the statements as application/json');
  }
  const parts = rest.map(({ headers, content }) => {
    if (headers.get('content-transfer-encoding')?.toLowerCase() !== 'binary') {
      bad('every attachment part needs Content-Transfer-Encoding: binary (XAPI-00135)');
    }
    const sha2 = headers.get('x-experience-api-hash');
    if (!sha2) bad('every attachment part needs X-Experience-API-Hash');
    const contentType = headers.get('content-type') ?? 'application/octet-stream';
    return { sha2: sha2.toLowerCase(), contentType, content: new Uint8Array(content) };
  });
  return { json: first.content.toString('utf8'), parts };
}

/** The Attachment objects of statements (SubStatements carry none). */
export function attachmentsOf(statements: Json[]): Json[] {
  return statements.flatMap((s) =>
    Array.isArray(s['attachments']) ? (s['attachments'] as Json[]) : [],
  );
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Matches attachment parts to the statements' Attachment objects (see the module comment);
 * answers the parts to store.
 */
export function matchParts(statements: Json[], parts: AttachmentPart[]): AttachmentPart[] {
  const bySha = new Map(parts.map((p) => [p.sha2, p]));
  if (bySha.size !== parts.length) bad('two attachment parts have the same hash');
  const used = new Set<string>();
  for (const a of attachmentsOf(statements)) {
    const sha2 = String(a['sha2']).toLowerCase();
    const part = bySha.get(sha2);
    if (!part && a['fileUrl'] === undefined) {
      bad(`attachment ${sha2} has neither a fileUrl nor a part in the request`);
    }
    if (part) used.add(sha2);
  }
  for (const p of parts) {
    if (!used.has(p.sha2)) bad(`the part ${p.sha2} belongs to no attachment of the statements`);
    if (p.sha2.length === 64 && sha256(p.content) !== p.sha2) {
      bad(`the part ${p.sha2} does not hash to its X-Experience-API-Hash`);
    }
  }
  return parts;
}

/** `multipart/mixed`: the JSON answer, then each attachment part given (Communication §1.5.2). */
export function multipartAnswer(
  json: unknown,
  parts: AttachmentPart[],
): { body: Buffer; type: string } {
  const boundary = `xapi-${randomUUID()}`;
  const chunks: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`,
    ),
  ];
  for (const p of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Type: ${p.contentType}\r\nContent-Transfer-Encoding: binary\r\n` +
          `X-Experience-API-Hash: ${p.sha2}\r\n\r\n`,
      ),
      Buffer.from(p.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/mixed; boundary=${boundary}` };
}
