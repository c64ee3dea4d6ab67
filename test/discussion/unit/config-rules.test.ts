/** The attribute rules without an element: what each value of each checked attribute means. */
import { expect } from '@open-wc/testing';
import { CONFIG_RULES, tagsAttribute } from '../../../packages/discussion/src/model/config.js';
import { feedTarget } from '../../../packages/discussion/src/controllers/feed-keys.js';

const rule = (attr: string) => CONFIG_RULES.find((r) => r.attribute === attr)!;

describe('attribute rules (model/config.ts)', () => {
  it('sort: oldest, newest and top are used; anything else falls back to oldest', () => {
    for (const v of ['oldest', 'newest', 'top']) expect(rule('sort').valid(v)).to.equal(true);
    expect(rule('sort').valid('bogus')).to.equal(false);
    expect(rule('sort').fallback).to.equal('oldest');
    expect(rule('sort').message('bogus')).to.equal(
      'sort="bogus" is not one of oldest, newest, top; using oldest.',
    );
  });

  it('page-size: whole numbers from 1, capped at 100; else 20', () => {
    const r = rule('page-size');
    expect(r.valid(1)).to.equal(true);
    expect(r.valid(0)).to.equal(false);
    expect(r.valid(2.5)).to.equal(false);
    expect(r.valid(Number.NaN)).to.equal(false);
    expect(r.max).to.equal(100);
    expect(r.fallback).to.equal(20);
  });

  it('max-depth: whole numbers from 0, capped at 8; else 3', () => {
    const r = rule('max-depth');
    expect(r.valid(0)).to.equal(true);
    expect(r.valid(-1)).to.equal(false);
    expect(r.max).to.equal(8);
    expect(r.fallback).to.equal(3);
  });

  it('tags: a comma list of at most 5 skills of at most 100 characters; else none', () => {
    const r = rule('tags');
    expect(tagsAttribute.fromAttribute(' SQL, Data modelling ,,')).to.deep.equal([
      'SQL',
      'Data modelling',
    ]);
    expect(tagsAttribute.fromAttribute(null)).to.equal(undefined);
    expect(r.valid([])).to.equal(true);
    expect(r.valid(['a', 'b', 'c', 'd', 'e'])).to.equal(true);
    expect(r.valid(['a', 'b', 'c', 'd', 'e', 'f'])).to.equal(false);
    expect(r.valid(['x'.repeat(100)])).to.equal(true);
    expect(r.valid(['x'.repeat(101)])).to.equal(false);
    expect(r.valid(['😀'.repeat(100)]), 'code points, not UTF-16 units').to.equal(true);
    expect(r.valid('SQL')).to.equal(false);
    expect(r.valid([42])).to.equal(false);
    expect(r.fallback).to.deep.equal([]);
    expect(r.message('a,b,c,d,e,f')).to.equal(
      'tags="a,b,c,d,e,f" holds more than 5 skills or one over 100 characters; none preset.',
    );
  });

  it('Page Down / Page Up move one article, and stop at the ends', () => {
    expect(feedTarget('PageDown', 0, 3)).to.equal(1);
    expect(feedTarget('PageUp', 0, 3)).to.equal(null);
    expect(feedTarget('PageDown', 2, 3)).to.equal(null);
    expect(feedTarget('ArrowDown', 0, 3)).to.equal(null);
    expect(feedTarget('PageUp', -1, 3)).to.equal(null);
  });
});
