/**
 * A webhook receiver for the tests, on 127.0.0.1: it verifies every request with the
 * `standardwebhooks` reference library (so the server is checked against the scheme, not
 * against itself), counts attempts per event id, and answers what the test says.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';

/** The Standard Webhooks form of a secret: `whsec_` and the key in base64. */
export const SECRET = `whsec_${Buffer.from('a test key of thirty-two bytes!!').toString('base64')}`;

export interface Received {
  id: string;
  type: string;
  data: Record<string, unknown> & {
    recipient: { id: string } | null;
    actor: { id: string };
    post: { id: string; body: string };
  };
}

/** A webhook receiver on 127.0.0.1: records verified events, answers `status()` (default 200). */
export async function receiver(status: (event: Received, attempt: number) => number = () => 200) {
  const verifier = new Webhook(SECRET);
  const accepted: Received[] = [];
  const attempts = new Map<string, number>();
  const invalid: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let event: Received;
      try {
        event = verifier.verify(body, req.headers as Record<string, string>) as Received;
      } catch (e) {
        invalid.push((e as Error).message);
        res.writeHead(400).end();
        return;
      }
      assert.equal(req.headers['webhook-id'], event.id, 'the body carries the webhook-id');
      const n = (attempts.get(event.id) ?? 0) + 1;
      attempts.set(event.id, n);
      const code = status(event, n);
      if (code < 300) accepted.push(event);
      res.writeHead(code).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    accepted,
    attempts,
    invalid,
    /** Waits until `n` events were accepted, then a little longer to see any duplicate. */
    async until(n: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (accepted.length < n) {
        if (Date.now() > deadline)
          throw new Error(`${accepted.length} of ${n} events arrived: ${types(accepted)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      await new Promise((r) => setTimeout(r, 300));
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export const types = (events: Received[]) => events.map((e) => e.type).join(', ');
