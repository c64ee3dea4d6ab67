/**
 * Browser-side helpers for tests against the real reference server (started by
 * `web-test-runner.config.mjs` and served same-origin).
 */

/** The reference server's REST API, same-origin. Give it to `<peer-provider endpoint>`. */
export const API = '/api';

/** Seeded demo people. `moderator` has the moderator role. */
export const SEED = {
  member: 'ana.ruiz',
  colleague: 'ben.okafor',
  moderator: 'chloe.martin',
} as const;

/** Credentials of the test server's statements endpoint (HTTP Basic, as an LRS issues them). */
export const XAPI_BASIC = `Basic ${btoa('peerkit-test-key:peerkit-test-secret')}`;

/** A JWT for a seeded person, through the demo sign-in. */
export async function signIn(personId: string): Promise<string> {
  const res = await fetch(`${API}/demo/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ personId }),
  });
  if (!res.ok)
    throw new Error(`Demo sign-in for ${personId} answered ${res.status}: ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return token;
}

/** The secret the test server checks JWTs with (`TEST_JWT_SECRET` in reference-server.mjs). */
const TEST_JWT_SECRET = 'peerkit-browser-tests-secret-0123456789abcdef';

const base64url = (bytes: Uint8Array | string) =>
  btoa(typeof bytes === 'string' ? bytes : String.fromCharCode(...bytes))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');

/**
 * A JWT for any person, signed as a host LMS would (HS256 with the test server's secret):
 * for people the seed does not have, e.g. a name in Hebrew. The server records the name
 * from the token when the person first writes.
 */
export async function signAs(person: {
  id: string;
  name: string;
  roles?: string[];
  team?: string;
}) {
  const utf8 = (s: string) => String.fromCharCode(...new TextEncoder().encode(s));
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: person.id,
    name: person.name,
    roles: person.roles ?? [],
    ...(person.team ? { team: person.team } : {}),
    iat: now,
    exp: now + 3600,
  };
  const payload = base64url(utf8(JSON.stringify(claims)));
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(TEST_JWT_SECRET),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign(
    'HMAC',
    key,
    new TextEncoder().encode(`${header}.${payload}`),
  );
  return `${header}.${payload}.${base64url(new Uint8Array(mac))}`;
}

/** A fresh absolute IRI, so tests never share data. */
export function uniqueActivity(label = 'activity'): string {
  return `https://peerkit.test/${encodeURIComponent(label)}/${crypto.randomUUID()}`;
}

export interface ChaosRule {
  match?: {
    method?: string;
    /** RegExp source tested against the path after `/api` (e.g. `^/kudos$`). */
    path?: string;
  };
  /**
   * `drop` destroys the socket like a stopped server; `status` answers problem+json with
   * `status` and `headers` (e.g. `Retry-After`); `html` a 502 HTML error page;
   * `malformed-json` a 200 with broken JSON; `wrong-shape` a 200 with valid JSON of the
   * wrong shape; `delay` waits `delayMs` then forwards; `cut` forwards and drops the
   * connection `delayMs` later, mid-answer (a stream cut by a proxy); `hold` keeps the
   * request waiting until `Chaos.release()` (or `clear()`), then forwards it.
   */
  action: 'drop' | 'status' | 'malformed-json' | 'html' | 'wrong-shape' | 'delay' | 'cut' | 'hold';
  status?: number;
  headers?: Record<string, string>;
  /** How many requests the rule applies to (default 1; -1 = always). */
  times?: number;
  delayMs?: number;
}

export interface ChaosLogEntry {
  method: string;
  /** The path after `/api`, e.g. `/kudos`. */
  path: string;
  /** The query string without `?`. */
  query: string;
  idempotencyKey: string | null;
  authorization: boolean;
  /**
   * The status the browser got: 0 while the request is still in flight (the entry is logged
   * when the request arrives) and when the connection was dropped. A test that needs the
   * server to have answered (a poll's baseline taken before a write) waits for the status,
   * not for the entry.
   */
  status: number;
  /** When the request arrived (ms since epoch). */
  time: number;
}

export interface Chaos {
  /** What to give `<peer-provider endpoint>` (or `RestClient`): the API through this scope's proxy. */
  endpoint: string;
  set(rules: ChaosRule[]): Promise<void>;
  log(): Promise<ChaosLogEntry[]>;
  /** Lets every request a `hold` rule keeps waiting go on to the server. */
  release(): Promise<void>;
  clear(): Promise<void>;
}

/** A fresh fault-injecting proxy scope in front of the real server. */
export async function chaos(rules: ChaosRule[] = []): Promise<Chaos> {
  const scope = crypto.randomUUID();
  const control = `/__chaos/${scope}`;
  const set = async (next: ChaosRule[]) => {
    const res = await fetch(control, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rules: next }),
    });
    if (!res.ok) throw new Error(`Setting chaos rules answered ${res.status}`);
  };
  await set(rules);
  return {
    endpoint: `/chaos/${scope}/api`,
    set,
    async log() {
      const res = await fetch(`${control}/log`);
      return (await res.json()) as ChaosLogEntry[];
    },
    async release() {
      const res = await fetch(`${control}/release`, { method: 'POST' });
      if (!res.ok) throw new Error(`Releasing held requests answered ${res.status}`);
    },
    async clear() {
      await fetch(control, { method: 'DELETE' });
    },
  };
}

/** Resolves when `check()` is truthy, polling every `intervalMs`; rejects after `timeoutMs`. */
export async function until<T>(
  check: () => T | Promise<T>,
  message = 'condition',
  timeoutMs = 15_000,
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
