/**
 * Shared by the xAPI test files: an LRS started with the Basic key, statement builders and
 * a reader of `GET /api/xapi/statements` that answers the ids in order.
 */
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { activity, startServer, type Answer, type TestServer } from './helpers.js';

export const KEY = 'lrs-key';
export const SECRET = 'lrs-secret';
export const basic = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`;
export const V = { 'x-experience-api-version': '1.0.3' };
export const COMMENTED = 'http://adlnet.gov/expapi/verbs/commented';
export const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

export type Json = Record<string, unknown>;

/** A unique verb IRI. */
export const verb = (label = 'v') => `https://w3id.org/xapi/peerkit/verbs/${label}-${randomUUID()}`;
/** A unique Agent identified by mbox. */
export const agent = (name = 'someone') => ({
  objectType: 'Agent',
  name,
  mbox: `mailto:${name}-${randomUUID()}@example.com`,
});

export const statement = (over: Json = {}): Json & { id: string } => ({
  id: randomUUID(),
  actor: { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.com' },
  verb: { id: COMMENTED, display: { 'en-US': 'commented' } },
  object: { objectType: 'Activity', id: activity('xapi') },
  timestamp: new Date().toISOString(),
  ...over,
});

export const ref = (id: string) => ({ objectType: 'StatementRef', id });

export interface Lrs {
  s: TestServer;
  call(
    method: string,
    path: string,
    init?: { body?: unknown; headers?: Record<string, string>; raw?: string | Uint8Array },
  ): Promise<Answer>;
  /** Posts statements one request each, in order (so their `stored` times ascend). */
  post(...statements: Json[]): Promise<void>;
  /** The ids `GET /statements?<query>` answers, in the order answered. */
  ids(query: Record<string, string | boolean | number | Json>): Promise<string[]>;
  close(): Promise<void>;
}

export async function startLrs(): Promise<Lrs> {
  const s = await startServer({ xapiKey: KEY, xapiSecret: SECRET, demo: true });
  const call: Lrs['call'] = (method, path, init = {}) =>
    s.call(method, `/api/xapi${path}`, {
      ...init,
      headers: { authorization: basic, ...V, ...init.headers },
    });
  return {
    s,
    call,
    async post(...statements) {
      for (const st of statements) {
        const r = await call('POST', '/statements', { body: st });
        assert.equal(r.status, 200, r.text);
      }
    },
    async ids(query) {
      const r = await call('GET', `/statements?${search(query)}`);
      assert.equal(r.status, 200, r.text);
      return r.body.statements.map((x: { id: string }) => x.id);
    },
    close: () => s.close(),
  };
}

/** A query string; objects are sent as JSON (the `agent` parameter). */
export function search(query: Record<string, string | boolean | number | Json>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    p.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  return p.toString();
}
