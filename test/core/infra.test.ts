import '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { API, SEED, chaos, signIn, uniqueActivity } from '../support/server.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

describe('test infrastructure', () => {
  failOnLitWarnings();

  it('serves the real reference server same-origin under /api', async () => {
    const token = await signIn(SEED.member);
    const res = await fetch(`${API}/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).to.equal(200);
    const me = (await res.json()) as { id: string };
    expect(me.id).to.equal(SEED.member);
  });

  it('logs requests through a chaos scope and injects faults', async () => {
    const c = await chaos([
      {
        match: { path: '^/kudos$' },
        action: 'status',
        status: 503,
        headers: { 'Retry-After': '2' },
      },
    ]);
    const activity = uniqueActivity('infra');
    const first = await fetch(`${c.endpoint}/kudos?activity=${encodeURIComponent(activity)}`);
    expect(first.status).to.equal(503);
    expect(first.headers.get('retry-after')).to.equal('2');
    const second = await fetch(`${c.endpoint}/kudos?activity=${encodeURIComponent(activity)}`, {
      headers: { 'Idempotency-Key': 'k1' },
    });
    expect(second.status).to.be.oneOf([200, 401]);
    const log = await c.log();
    expect(log.map((e) => e.status)).to.deep.equal([503, second.status]);
    expect(log[1]!.idempotencyKey).to.equal('k1');
    expect(log[0]!.path).to.equal('/kudos');
    await c.clear();
    expect(await c.log()).to.deep.equal([]);
  });
});
