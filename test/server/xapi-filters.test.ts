/**
 * The filters of `GET /api/xapi/statements`, rule by rule after xAPI 1.0.3 Communication
 * §2.1.3 (the parameter table, "Filter Conditions for StatementRefs") and §2.1.4 (voided
 * statements).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { activity, startServer, type TestServer } from './helpers.js';
import {
  COMMENTED,
  KEY,
  SECRET,
  V,
  basic,
  search,
  type Json,
  VOIDED,
  agent,
  ref,
  startLrs,
  statement,
  verb,
  type Lrs,
} from './xapi-helpers.js';

describe('LRS filters: statements that target other statements (§2.1.3 StatementRefs)', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  it('a comment on a statement is found by the verb and the activity of the statement it comments on', async () => {
    const v = verb('completed');
    const o = activity('course');
    const a = statement({ verb: { id: v }, object: { id: o } });
    const b = statement({ verb: { id: COMMENTED }, object: ref(a.id) });
    await lrs.post(a, b);
    assert.deepEqual(await lrs.ids({ verb: v }), [b.id, a.id]);
    assert.deepEqual(await lrs.ids({ activity: o }), [b.id, a.id]);
    assert.deepEqual(await lrs.ids({ verb: v, ascending: true }), [a.id, b.id]);
  });

  it('the rule applies down a chain of references, whichever arrived first', async () => {
    const v = verb('passed');
    const a = statement({ verb: { id: v } });
    const b = statement({ object: ref(a.id) });
    const c = statement({ object: ref(b.id) });
    // c and b arrive before the statements they target.
    await lrs.post(c, b, a);
    assert.deepEqual(await lrs.ids({ verb: v }), [a.id, b.id, c.id]);
  });

  it('statements that refer to each other in a circle are each answered once', async () => {
    const v = verb('looped');
    const [x, y] = [randomUUID(), randomUUID()];
    const a = statement({ id: x, verb: { id: v }, object: ref(y) });
    const b = statement({ id: y, object: ref(x) });
    const registration = randomUUID();
    const self = statement({ context: { registration } });
    self['object'] = ref(self.id);
    await lrs.post(a, b, self);
    assert.deepEqual(await lrs.ids({ verb: v }), [b.id, a.id]);
    assert.deepEqual(
      await lrs.ids({ registration }),
      [self.id],
      'a statement that refers to itself',
    );
  });

  it('the agent and registration filters match through the reference too', async () => {
    const ben = agent('ben');
    const registration = randomUUID();
    const a = statement({ actor: ben, context: { registration } });
    const confirm = statement({ actor: agent('andrew'), object: ref(a.id) });
    await lrs.post(a, confirm);
    assert.deepEqual(await lrs.ids({ agent: ben }), [confirm.id, a.id]);
    assert.deepEqual(await lrs.ids({ registration }), [confirm.id, a.id]);
  });

  it('the filters apply together to the targeted statement', async () => {
    const v = verb('passed');
    const ben = agent('ben');
    const andrew = agent('andrew');
    const a = statement({ actor: ben, verb: { id: v } });
    const confirm = statement({ actor: andrew, object: ref(a.id) });
    await lrs.post(a, confirm);
    assert.deepEqual(await lrs.ids({ verb: v, agent: ben }), [confirm.id, a.id]);
    // Andrew did not pass: neither statement says so.
    assert.deepEqual(await lrs.ids({ verb: v, agent: andrew }), []);
  });

  it('since and until apply to the referring statement, not to the one it targets', async () => {
    const v = verb('attempted');
    const a = statement({ verb: { id: v } });
    await lrs.post(a);
    const stored = (await lrs.call('GET', `/statements?statementId=${a.id}`)).body.stored;
    const b = statement({ object: ref(a.id) });
    await lrs.post(b);
    assert.deepEqual(await lrs.ids({ verb: v, since: stored }), [b.id]);
    assert.deepEqual(await lrs.ids({ verb: v, until: stored }), [a.id]);
    assert.deepEqual(await lrs.ids({ verb: v, limit: 1 }), [b.id]);
  });

  it('a StatementRef in context.statement does not make a statement match', async () => {
    const v = verb('read');
    const a = statement({ verb: { id: v } });
    const aside = statement({ context: { statement: ref(a.id) } });
    await lrs.post(a, aside);
    assert.deepEqual(await lrs.ids({ verb: v }), [a.id]);
  });

  it('a voided statement is left out but its voiding statement and other references are returned', async () => {
    const v2 = verb('attempted');
    const c = statement({ verb: { id: v2 } });
    const comment = statement({ object: ref(c.id) });
    const d = statement({ verb: { id: VOIDED }, object: ref(c.id) });
    await lrs.post(c, comment, d);
    assert.deepEqual(await lrs.ids({ verb: v2 }), [d.id, comment.id]);
    assert.deepEqual(await lrs.ids({ activity: (c['object'] as { id: string }).id }), [
      d.id,
      comment.id,
    ]);
    assert.equal((await lrs.call('GET', `/statements?statementId=${c.id}`)).status, 404);
    assert.equal((await lrs.call('GET', `/statements?voidedStatementId=${c.id}`)).status, 200);
    assert.equal((await lrs.call('GET', `/statements?statementId=${d.id}`)).status, 200);
  });
});

describe('LRS filters: agent and related_agents (§2.1.3 agent, related_agents)', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  it('agent matches the actor or an Agent object, not the context', async () => {
    const ana = agent('ana');
    const asActor = statement({ actor: ana });
    const asObject = statement({ object: ana });
    const asInstructor = statement({ context: { instructor: ana } });
    await lrs.post(asActor, asObject, asInstructor);
    assert.deepEqual(await lrs.ids({ agent: ana }), [asObject.id, asActor.id]);
  });

  it('agent matches a Group actor or object that has the agent as a member', async () => {
    const ana = agent('ana');
    const team = { objectType: 'Group', name: 'Team', member: [agent('ben'), ana] };
    const identified = {
      objectType: 'Group',
      account: { homePage: 'https://lms.example.com', name: `g-${randomUUID()}` },
      member: [ana],
    };
    const byTeam = statement({ actor: team });
    const toGroup = statement({ object: identified });
    await lrs.post(byTeam, toGroup);
    assert.deepEqual(await lrs.ids({ agent: ana }), [toGroup.id, byTeam.id]);
    // An identified Group is itself a filter value.
    assert.deepEqual(
      await lrs.ids({ agent: { objectType: 'Group', account: identified.account } }),
      [toGroup.id],
    );
  });

  it('agent compares one identifier of the same kind with an equal value', async () => {
    const email = `mailto:sha-${randomUUID()}@example.com`;
    const sha = 'c'.repeat(39) + '1';
    const byMbox = statement({ actor: { mbox: email } });
    const bySha = statement({ actor: { mbox_sha1sum: sha } });
    await lrs.post(byMbox, bySha);
    assert.deepEqual(await lrs.ids({ agent: { mbox: email } }), [byMbox.id]);
    assert.deepEqual(await lrs.ids({ agent: { mbox_sha1sum: sha.toUpperCase() } }), [bySha.id]);
    assert.deepEqual(await lrs.ids({ agent: { mbox: email, name: 'Another name' } }), [byMbox.id]);
  });

  it('agent refuses an anonymous Group or a value that is not an Agent', async () => {
    for (const value of [
      JSON.stringify({ objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }] }),
      JSON.stringify({ name: 'no identifier' }),
      'not json',
    ]) {
      const r = await lrs.call('GET', `/statements?agent=${encodeURIComponent(value)}`);
      assert.equal(r.status, 400, value);
    }
  });

  it('related_agents also matches the authority, instructor, team, their members, and a SubStatement', async () => {
    const ana = agent('ana');
    const instructed = statement({ context: { instructor: ana } });
    const inTeam = statement({
      context: { team: { objectType: 'Group', member: [agent('ben'), ana] } },
    });
    const sub = (inner: Record<string, unknown>) =>
      statement({
        object: {
          objectType: 'SubStatement',
          actor: agent('carl'),
          verb: { id: COMMENTED },
          object: { id: activity() },
          ...inner,
        },
      });
    const subActor = sub({ actor: ana });
    const subObject = sub({ object: ana });
    const subInstructor = sub({ context: { instructor: ana } });
    const all = [instructed, inTeam, subActor, subObject, subInstructor];
    await lrs.post(...all);
    assert.deepEqual(await lrs.ids({ agent: ana }), [], 'none of these without related_agents');
    assert.deepEqual(
      await lrs.ids({ agent: ana, related_agents: true }),
      all.map((x) => x.id).reverse(),
    );
  });

  it('related_agents matches the authority the LRS set', async () => {
    const home = new URL(lrs.s.url).origin;
    const authority = { objectType: 'Agent', account: { homePage: home, name: KEY } };
    const mine = statement({ verb: { id: verb('authored') } });
    await lrs.post(mine);
    const all = await lrs.ids({ agent: authority, related_agents: true, limit: 0 });
    assert.ok(all.includes(mine.id), 'the authority is a related agent');
    assert.ok(!(await lrs.ids({ agent: authority })).includes(mine.id), 'not the actor');
  });
});

describe('LRS filters: activity, registration, time and paging (§2.1.3)', () => {
  let lrs: Lrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs.close());

  it('activity matches the object only; related_activities adds every context activity and the SubStatement', async () => {
    const o = activity('target');
    const asObject = statement({ object: { id: o } });
    const kinds = ['parent', 'grouping', 'category', 'other'].map((kind) =>
      statement({ context: { contextActivities: { [kind]: [{ id: o }] } } }),
    );
    const subObject = statement({
      object: {
        objectType: 'SubStatement',
        actor: agent(),
        verb: { id: COMMENTED },
        object: { id: o },
      },
    });
    const subContext = statement({
      object: {
        objectType: 'SubStatement',
        actor: agent(),
        verb: { id: COMMENTED },
        object: { id: activity() },
        context: { contextActivities: { grouping: { id: o } } },
      },
    });
    const all = [asObject, ...kinds, subObject, subContext];
    await lrs.post(...all);
    assert.deepEqual(await lrs.ids({ activity: o }), [asObject.id]);
    assert.deepEqual(
      await lrs.ids({ activity: o, related_activities: true }),
      all.map((x) => x.id).reverse(),
    );
  });

  it('registration matches context.registration in any letter case', async () => {
    const registration = randomUUID();
    const st = statement({ context: { registration } });
    await lrs.post(st, statement());
    assert.deepEqual(await lrs.ids({ registration: registration.toUpperCase() }), [st.id]);
    assert.equal((await lrs.call('GET', '/statements?registration=nope')).status, 400);
  });

  it('since is exclusive and until inclusive, on the stored time', async () => {
    const v = verb('timed');
    const [a, b, c] = Array.from({ length: 3 }, () => statement({ verb: { id: v } }));
    await lrs.post(a!, b!, c!);
    const stored = (await lrs.call('GET', `/statements?statementId=${b!.id}`)).body.stored;
    assert.deepEqual(await lrs.ids({ verb: v, since: stored, ascending: true }), [c!.id]);
    assert.deepEqual(await lrs.ids({ verb: v, until: stored, ascending: true }), [a!.id, b!.id]);
    // The same instant written with another offset.
    const plusTwo = new Date(Date.parse(stored) + 2 * 3600_000)
      .toISOString()
      .replace('Z', '+02:00');
    assert.deepEqual(await lrs.ids({ verb: v, until: plusTwo, ascending: true }), [a!.id, b!.id]);
    const minusOne = new Date(Date.parse(stored) - 3600_000).toISOString().replace('Z', '-01');
    assert.deepEqual(await lrs.ids({ verb: v, since: minusOne, ascending: true }), [c!.id]);
  });

  it('limit 0 means the server maximum; limit n pages with a more link; ascending reverses', async () => {
    const v = verb('paged');
    const list = Array.from({ length: 5 }, () => statement({ verb: { id: v } }));
    await lrs.post(...list);
    const ids = list.map((x) => x.id);
    const all = await lrs.call('GET', `/statements?verb=${encodeURIComponent(v)}&limit=0`);
    assert.deepEqual(
      all.body.statements.map((x: { id: string }) => x.id),
      [...ids].reverse(),
    );
    assert.equal(all.body.more, '');
    const first = await lrs.call(
      'GET',
      `/statements?verb=${encodeURIComponent(v)}&limit=2&ascending=true`,
    );
    assert.deepEqual(
      first.body.statements.map((x: { id: string }) => x.id),
      ids.slice(0, 2),
    );
    const next = await lrs.s.call('GET', first.body.more, { headers: V });
    assert.equal(next.status, 401, 'the more link needs the same credentials');
    const second = await lrs.call('GET', first.body.more.replace(/^\/api\/xapi/, ''));
    assert.deepEqual(
      second.body.statements.map((x: { id: string }) => x.id),
      ids.slice(2, 4),
    );
    for (const bad of ['-1', '1.5', 'ten']) {
      assert.equal((await lrs.call('GET', `/statements?limit=${bad}`)).status, 400, bad);
    }
    assert.equal((await lrs.call('GET', '/statements?ascending=yes')).status, 400);
  });

  it('an empty result is 200 with an empty list', async () => {
    const r = await lrs.call('GET', `/statements?verb=${encodeURIComponent(verb('never'))}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { statements: [], more: '' });
  });
});

describe('LRS filters: statements stored by an older server', () => {
  it('are found by the new filter rules after a restart', async () => {
    const dataDir = process.env['DATABASE_URL']
      ? undefined
      : `${process.env['TMPDIR'] ?? '/tmp'}/peerkit-reindex-${randomUUID()}`;
    const options = { xapiKey: KEY, xapiSecret: SECRET, demo: true };
    const first = await startServer({ ...options, ...(dataDir ? { memory: false, dataDir } : {}) });
    const member = agent('member');
    const v = verb('older');
    const inGroup = statement({ actor: { objectType: 'Group', member: [member] } });
    const a = statement({ verb: { id: v } });
    const b = statement({ object: ref(a.id) });
    let second: TestServer | undefined;
    let firstOpen = true;
    try {
      for (const st of [inGroup, a, b]) {
        const r = await first.call('POST', '/api/xapi/statements', {
          headers: { authorization: basic, ...V },
          body: st,
        });
        assert.equal(r.status, 200);
      }
      // What a server before migration 3 derived: no member keys, no StatementRef target.
      await first.writeDirect(
        `UPDATE statements SET agents = '{}', related_agents = '{}', object_ref = NULL,
           index_version = 0`,
      );
      const get = async (server: TestServer, q: Record<string, string | Json>) =>
        (
          await server.call('GET', `/api/xapi/statements?${search(q)}`, {
            headers: { authorization: basic, ...V },
          })
        ).body.statements.map((x: { id: string }) => x.id);
      assert.deepEqual(await get(first, { agent: member }), []);
      if (dataDir) {
        await first.close();
        firstOpen = false;
      }
      second = await startServer({
        ...options,
        seed: false,
        ...(dataDir ? { memory: false, dataDir } : { databaseUrl: first.databaseUrl! }),
      });
      assert.deepEqual(await get(second, { agent: member }), [inGroup.id]);
      assert.deepEqual(await get(second, { verb: v }), [b.id, a.id]);
    } finally {
      await second?.close();
      if (firstOpen) await first.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  });
});
