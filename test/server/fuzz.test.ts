/**
 * Property-based fuzzing of every endpoint with fast-check: malformed, oversized and
 * wrong-typed input (queries, bodies, path ids, headers, credentials). Every answer must be
 * below 500, every error must be problem+json, and the server must keep answering.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ANA, CHLOE, startServer, type TestServer } from './helpers.js';

const RUNS = Number(process.env['PEERKIT_FUZZ_RUNS'] ?? 60);
const KEY = 'fuzz-key';
const SECRET = 'fuzz-secret';

interface Endpoint {
  method: string;
  path: string;
  query?: string[];
  body?: string[];
  /** A valid body; the fuzzer also sends it with one field spoiled. */
  valid?: Record<string, unknown>;
}

const IRI = 'https://learn.example.com/fuzz';
const STATEMENT = {
  actor: { mbox: 'mailto:fuzz@example.com' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/commented' },
  object: { id: IRI },
};

const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/api/me' },
  { method: 'GET', path: '/api/me/profile' },
  {
    method: 'PATCH',
    path: '/api/me/profile',
    body: ['askMeAbout', 'wantsToLearn', 'mentor', 'availability', 'availabilityNote', 'listed'],
    valid: { mentor: true, askMeAbout: ['SQL'] },
  },
  { method: 'GET', path: '/api/posts', query: ['activity', 'cursor', 'limit', 'sort'] },
  {
    method: 'POST',
    path: '/api/posts',
    body: ['activity', 'parentId', 'body'],
    valid: { activity: IRI, body: 'hello' },
  },
  { method: 'PATCH', path: '/api/posts/{id}', body: ['body'], valid: { body: 'edited' } },
  { method: 'DELETE', path: '/api/posts/{id}' },
  {
    method: 'POST',
    path: '/api/posts/{id}/reports',
    body: ['reason', 'note'],
    valid: { reason: 'spam' },
  },
  { method: 'GET', path: '/api/posts/stream', query: ['activity'] },
  { method: 'GET', path: '/api/people', query: ['q', 'skill', 'activity', 'cursor', 'limit'] },
  {
    method: 'POST',
    path: '/api/people/{id}/endorsements',
    body: ['skill'],
    valid: { skill: 'SQL' },
  },
  { method: 'GET', path: '/api/skills', query: ['q', 'limit'] },
  { method: 'GET', path: '/api/reflections', query: ['activity', 'scope', 'cursor', 'limit'] },
  {
    method: 'PUT',
    path: '/api/reflections/{id}',
    body: ['activity', 'visibility', 'answers'],
    valid: { activity: IRI, visibility: 'team', answers: [{ prompt: 'Why?', answer: 'Because' }] },
  },
  { method: 'DELETE', path: '/api/reflections/{id}' },
  { method: 'GET', path: '/api/kudos', query: ['activity'] },
  {
    method: 'POST',
    path: '/api/kudos',
    body: ['activity', 'recipient', 'value', 'message'],
    valid: { activity: IRI, value: 'helpful' },
  },
  {
    method: 'POST',
    path: '/api/kudos/query',
    body: ['activity'],
    valid: { activity: [IRI] },
  },
  { method: 'DELETE', path: '/api/kudos', query: ['activity'] },
  { method: 'GET', path: '/api/kudos/givers', query: ['activity', 'cursor', 'limit'] },
  { method: 'GET', path: '/api/reports', query: ['activity', 'status', 'cursor', 'limit'] },
  {
    method: 'POST',
    path: '/api/reports/{id}/resolve',
    body: ['action'],
    valid: { action: 'hide' },
  },
  { method: 'GET', path: '/api/demo/people' },
  {
    method: 'POST',
    path: '/api/demo/session',
    body: ['personId'],
    valid: { personId: 'ana.ruiz' },
  },
  {
    method: 'GET',
    path: '/api/xapi/statements',
    query: [
      'statementId',
      'voidedStatementId',
      'agent',
      'verb',
      'activity',
      'since',
      'until',
      'limit',
      'ascending',
      'cursor',
      'registration',
      'format',
    ],
  },
  {
    method: 'POST',
    path: '/api/xapi/statements',
    body: [
      'id',
      'actor',
      'verb',
      'object',
      'result',
      'context',
      'timestamp',
      'authority',
      'version',
    ],
    valid: STATEMENT,
  },
  {
    method: 'PUT',
    path: '/api/xapi/statements',
    query: ['statementId'],
    body: ['id', 'actor', 'verb', 'object'],
    valid: STATEMENT,
  },
];

/** Awkward scalar values. */
const scalar = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    'undefined',
    '-1',
    '0',
    '1e309',
    'NaN',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '<script>',
    'https://x',
    'urn:a:b',
    'oldest',
    'top',
    'public',
    'team',
    'spam',
    'other',
    'delete',
    '00000000-0000-4000-8000-000000000000',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('x'.repeat(3000)),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 }),
  ),
})).v;

const safeEncode = (v: unknown) => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '?'));
  }
};

const printable = fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, 'x'));

describe('fuzzing every endpoint', () => {
  let s: TestServer;
  let tokens: Record<string, string>;
  before(async () => {
    s = await startServer({ xapiKey: KEY, xapiSecret: SECRET });
    tokens = {
      member: await s.token(ANA),
      moderator: await s.token(CHLOE),
      garbage: 'eyJhbGciOiJIUzI1NiJ9.e30.bad',
    };
  });
  after(() => s.close());

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.method} ${endpoint.path}: never a 5xx, errors are problem+json`, async () => {
      const request = fc.record({
        id: fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.uuid(),
          fc.constant('..'),
          fc.constant('a/b'),
        ),
        query: fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...(endpoint.query ?? ['x'])), fc.string({ maxLength: 10 })),
            value,
          ),
          { maxLength: 6 },
        ),
        body: fc.oneof(
          // Right keys, wrong values.
          fc.dictionary(fc.constantFrom(...(endpoint.body ?? ['x'])), value, { maxKeys: 5 }),
          // A valid body with one field spoiled.
          fc
            .tuple(fc.constantFrom(...(endpoint.body ?? ['x'])), value)
            .map(([k, v]) => ({ ...(endpoint.valid ?? {}), [k]: v })),
          // Anything JSON.
          value,
          // Not JSON at all, or too large.
          fc.string({ maxLength: 200 }).map((raw) => ({ __raw: raw })),
          fc.constant({ __raw: JSON.stringify({ body: 'x'.repeat(1_100_000) }) }),
        ),
        contentType: fc.constantFrom(
          'application/json',
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          '',
        ),
        auth: fc.constantFrom('none', 'member', 'moderator', 'garbage', 'basic', 'weird'),
        idempotencyKey: fc.option(printable, { nil: undefined }),
        xapiVersion: fc.constantFrom('1.0.3', '1.0.3', '1.0.0', '2.0', '', undefined),
        lastEventId: fc.option(printable, { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const path = endpoint.path.replace('{id}', safeEncode(r.id));
          const qs = r.query.map(([k, v]) => `${safeEncode(k)}=${safeEncode(v)}`).join('&');
          const headers: Record<string, string> = {};
          if (r.auth === 'basic')
            headers['authorization'] =
              `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`;
          else if (r.auth === 'weird') headers['authorization'] = 'Negotiate abc';
          else if (r.auth !== 'none') headers['authorization'] = `Bearer ${tokens[r.auth]}`;
          if (r.idempotencyKey !== undefined) headers['idempotency-key'] = r.idempotencyKey;
          if (r.xapiVersion !== undefined) headers['x-experience-api-version'] = r.xapiVersion;
          if (r.lastEventId !== undefined) headers['last-event-id'] = r.lastEventId;
          let body: string | undefined;
          if (endpoint.method !== 'GET') {
            const b = r.body as { __raw?: string } | unknown;
            body =
              b && typeof b === 'object' && '__raw' in (b as object)
                ? (b as { __raw: string }).__raw
                : (JSON.stringify(b) ?? '');
            if (r.contentType) headers['content-type'] = r.contentType;
          }
          const controller = new AbortController();
          const res = await fetch(`${s.url}${path}${qs ? `?${qs}` : ''}`, {
            method: endpoint.method,
            headers,
            signal: controller.signal,
            ...(body !== undefined ? { body } : {}),
          });
          const type = res.headers.get('content-type') ?? '';
          if (type.startsWith('text/event-stream')) {
            controller.abort();
            assert.equal(res.status, 200);
            return;
          }
          const text = await res.text();
          assert.ok(
            res.status < 500,
            `${endpoint.method} ${path}?${qs} answered ${res.status}: ${text.slice(0, 300)}`,
          );
          if (res.status >= 400) {
            assert.ok(
              type.startsWith('application/problem+json'),
              `status ${res.status} without problem+json`,
            );
            const problem = JSON.parse(text);
            assert.equal(problem.status, res.status);
            assert.equal(typeof problem.title, 'string');
            assert.ok(!/\n\s+at /.test(text), 'no stack trace');
          }
        }),
        { numRuns: RUNS },
      );
      const health = await s.call('GET', '/api/health');
      assert.equal(health.status, 200, 'the server keeps answering');
    });
  }

  it('answers oversized headers and URLs with a 4xx problem', async () => {
    const long = `/api/kudos?${Array.from({ length: 200 }, (_, i) => `activity=https://learn.example.com/${'x'.repeat(100)}/${i}`).join('&')}`;
    const res = await fetch(s.url + long);
    assert.equal(res.status, 431);
    assert.match(res.headers.get('content-type')!, /problem\+json/);
    assert.equal((await s.call('GET', '/api/health')).status, 200);
  });
});
