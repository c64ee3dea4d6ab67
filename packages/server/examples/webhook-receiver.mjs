// A Peerkit webhook receiver: checks the Standard Webhooks signature, drops replays, and posts
// each event to a chat channel (a Slack-style incoming webhook at CHAT_WEBHOOK_URL).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const secret = process.env.PEERKIT_WEBHOOK_SECRET; // the server's own, `whsec_…` or any text
const key = secret.startsWith('whsec_')
  ? Buffer.from(secret.slice(6), 'base64')
  : Buffer.from(secret);
const same = (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const seen = new Set(); // webhook-ids already handled (a retry after a lost answer repeats one)

const server = createServer(async (req, res) => {
  let body = '';
  req.setEncoding('utf8');
  for await (const chunk of req) body += chunk;
  const { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': sig = '' } = req.headers;
  const expected = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64')}`;
  const fresh = Math.abs(Date.now() / 1000 - Number(ts)) < 300; // five minutes against replay
  if (!fresh || !sig.split(' ').some((s) => same(s, expected))) return res.writeHead(401).end();
  if (seen.has(id)) return res.writeHead(204).end();
  const { type, data } = JSON.parse(body);
  const who = data.recipient?.name ?? 'moderators';
  const text = `${type}: ${data.actor.name} → ${who}: ${data.post.body.slice(0, 200)}`;
  const chat = await fetch(process.env.CHAT_WEBHOOK_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (chat.ok) seen.add(id);
  res.writeHead(chat.ok ? 204 : 502).end(); // not 2xx: Peerkit sends it again later
});
server.listen(Number(process.env.PORT ?? 3000), () =>
  console.log(`listening on ${server.address().port}`),
);
