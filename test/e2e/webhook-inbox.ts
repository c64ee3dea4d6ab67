/**
 * A host's webhook receiver for the end-to-end tests, on 127.0.0.1: it keeps every request
 * and checks its Standard Webhooks signature itself, with `node:crypto` (not the server's
 * signing code, nor the library the server suite checks with), as the spec says
 * (https://www.standardwebhooks.com/, "Verifying webhook authenticity"):
 *
 * - the key is the secret after `whsec_`, base64-decoded;
 * - the signed content is `<webhook-id>.<webhook-timestamp>.<raw body>`;
 * - `webhook-signature` is a space-separated list of `v1,<base64 HMAC-SHA256>`: one must match,
 *   compared in constant time;
 * - `webhook-timestamp` (seconds) is within five minutes of now.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/** The Standard Webhooks form of a secret: `whsec_` and 32 random-looking bytes in base64. */
export const WEBHOOK_SECRET = `whsec_${Buffer.from('e2e webhook key, thirty-two b!!!').toString('base64')}`;

/** A request the receiver got, with what it found of its signature. */
export interface Delivery {
  id: string;
  type: string;
  /** Whether the signature, the timestamp and the body's `id` all checked out. */
  valid: boolean;
  /** Why not, when not. */
  problem: string | null;
  /** The request as received (to check the check: a changed byte must fail it). */
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  data: {
    activity: string;
    post: { id: string; body: string };
    actor: { id: string };
    recipient: { id: string } | null;
    question?: { id: string };
  };
}

/** What the spec's verification says of one request: `null` when valid, else why not. */
export function verify(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now = Date.now(),
): string | null {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string')
    return 'missing webhook-id, webhook-timestamp or webhook-signature';
  if (!/^\d+$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > 5 * 60)
    return `timestamp ${timestamp} is not within five minutes of now`;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  const match = signatures.split(' ').some((s) => {
    const [version, value] = s.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!match) return 'no v1 signature matches';
  try {
    if ((JSON.parse(body) as { id?: unknown }).id !== id) return 'the body’s id is not webhook-id';
  } catch {
    return 'the body is not JSON';
  }
  return null;
}

/** Starts the receiver: it answers 204 to every request and keeps it in `deliveries`. */
export async function startInbox(secret = WEBHOOK_SECRET) {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const problem = verify(secret, req.headers, body);
      let event: Partial<Delivery> = {};
      try {
        event = JSON.parse(body) as Delivery;
      } catch {
        // kept as an invalid delivery
      }
      deliveries.push({
        id: String(req.headers['webhook-id'] ?? ''),
        type: String(event.type ?? ''),
        valid: problem === null,
        problem,
        headers: req.headers,
        raw: body,
        data: event.data as Delivery['data'],
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/peerkit-events`,
    deliveries,
    /** Waits (at most `timeoutMs`) until `check` holds of the deliveries so far. */
    async until(check: (d: readonly Delivery[]) => boolean, what: string, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!check(deliveries)) {
        if (Date.now() > deadline)
          throw new Error(
            `the receiver never got ${what}; it got ${deliveries.map((d) => d.type).join(', ')}`,
          );
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
