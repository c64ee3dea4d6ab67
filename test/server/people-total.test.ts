/**
 * The count a free-text people search gives (`GET /people?q=`): exact up to 100 matches;
 * past that, while more pages follow, a lower bound the answer says is one
 * (`totalRelation: 'gte'`, docs/decisions.md §12), so a finder can say "100+ people found"
 * rather than a wrong figure; on the last page exact again. Before, 130 matches were
 * answered `total: 101` with nothing to say it was not the count.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ExpertPage } from '@peerkit/core/contract';
import { startSignedIn, type TestServer } from './helpers.js';

const tag = `zq${randomUUID().slice(0, 6)}`;
const MATCHES = 130;

describe('GET /people?q= counts its matches honestly', () => {
  let s: TestServer;
  let ana: string;

  before(async () => {
    ({ s, ana } = await startSignedIn());
    for (let i = 0; i < MATCHES; i++)
      await s.writeDirect(
        `INSERT INTO people (id, name, team, demo) VALUES ($1, $2, 'Many', TRUE)`,
        [`total.${tag}.${i}`, `Person ${i} ${tag}`],
      );
  });
  after(() => s.close());

  async function page(query: string) {
    const r = await s.call('GET', `/api/people?${query}`, { token: ana });
    assert.equal(r.status, 200);
    return ExpertPage.parse(r.body);
  }

  it('says the total is a lower bound while more follow, and exact on the last page', async () => {
    const first = await page(`q=${tag}&limit=50`);
    assert.equal(first.items.length, 50);
    assert.equal(first.totalRelation, 'gte', 'the count is not exact');
    assert.ok(first.total >= 100 && first.total <= MATCHES, `${first.total}`);
    assert.ok(first.nextCursor, 'more follow');
    let cursor: string | null = first.nextCursor;
    const seen = new Set(first.items.map((p) => p.id));
    let last = first;
    while (cursor) {
      last = await page(`q=${tag}&limit=50&cursor=${encodeURIComponent(cursor)}`);
      for (const p of last.items) seen.add(p.id);
      cursor = last.nextCursor;
    }
    assert.equal(seen.size, MATCHES, 'every match is reachable by paging');
    assert.equal(last.total, MATCHES, 'exact on the last page');
    assert.notEqual(last.totalRelation, 'gte');
  });

  it('gives an exact count, without the flag, for 100 matches or fewer', async () => {
    const few = await page(`q=${encodeURIComponent(`Person 1 ${tag}`)}`);
    assert.equal(few.total, 1);
    assert.equal(few.totalRelation, undefined);
    // "Person 1", "Person 10"–"19" and "Person 100"–"129": 41 matches, counted exactly.
    const some = await page(`q=${encodeURIComponent('Person 1')}&limit=5`);
    assert.equal(some.total, 41);
    assert.equal(some.totalRelation, undefined);
  });
});
