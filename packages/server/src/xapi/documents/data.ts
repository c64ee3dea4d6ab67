/**
 * The documents of the State, Activity Profile and Agent Profile resources (xAPI 1.0.3
 * Communication §2.2–2.7), one table for the three (`xapi_documents`, migration 8): the
 * bytes as received, their content type, the SHA-1 ETag (Communication §3.1) and when it
 * was last written. Same SQL on PGlite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../../db.js';
import type { DocumentKey } from './params.js';

export interface StoredDocument {
  content: Uint8Array;
  contentType: string;
  /** SHA-1 of the content, hex, unquoted. */
  etag: string;
  /** ISO 8601. */
  updated: string;
}

type Row = { content: Uint8Array; content_type: string; etag: string; updated: unknown };

const WHERE = 'kind = $1 AND activity_id = $2 AND agent = $3 AND registration = $4';
const keyArgs = (k: DocumentKey) => [k.kind, k.activityId, k.agent, k.registration];

export const etagOf = (content: Uint8Array) => createHash('sha1').update(content).digest('hex');

export async function getDocument(
  q: Queryable,
  key: DocumentKey,
): Promise<StoredDocument | undefined> {
  const [row] = await q.query<Row>(
    `SELECT content, content_type, etag, updated FROM xapi_documents WHERE ${WHERE} AND doc_id = $5`,
    [...keyArgs(key), key.id],
  );
  if (!row) return undefined;
  return {
    content: new Uint8Array(row.content),
    contentType: row.content_type,
    etag: row.etag,
    updated: new Date(row.updated as string).toISOString(),
  };
}

/** The ids of a set of documents, written after `since` when given (exclusive). */
export async function listDocuments(
  q: Queryable,
  key: DocumentKey,
  since: string | undefined,
): Promise<string[]> {
  const rows = await q.query<{ doc_id: string }>(
    `SELECT doc_id FROM xapi_documents WHERE ${WHERE}
       AND ($5::timestamptz IS NULL OR updated > $5::timestamptz) ORDER BY doc_id`,
    [...keyArgs(key), since ?? null],
  );
  return rows.map((r) => r.doc_id);
}

/** Stores (inserts or replaces) one document. */
export async function putDocument(
  q: Queryable,
  key: DocumentKey,
  content: Uint8Array,
  contentType: string,
): Promise<void> {
  await q.query(
    `INSERT INTO xapi_documents (kind, activity_id, agent, registration, doc_id, content,
       content_type, etag, updated)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
     ON CONFLICT (kind, activity_id, agent, registration, doc_id) DO UPDATE
       SET content = EXCLUDED.content, content_type = EXCLUDED.content_type,
           etag = EXCLUDED.etag, updated = EXCLUDED.updated`,
    [...keyArgs(key), key.id, content, contentType, etagOf(content)],
  );
}

/** Deletes one document (`key.id`) or every document of the set. */
export async function deleteDocuments(q: Queryable, key: DocumentKey): Promise<void> {
  if (key.id === undefined) {
    await q.query(`DELETE FROM xapi_documents WHERE ${WHERE}`, keyArgs(key));
  } else {
    await q.query(`DELETE FROM xapi_documents WHERE ${WHERE} AND doc_id = $5`, [
      ...keyArgs(key),
      key.id,
    ]);
  }
}
