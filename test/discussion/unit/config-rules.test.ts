/** The attribute rules without an element: what each value of each checked attribute means. */
import { expect } from '@open-wc/testing';
import { CONFIG_RULES, given } from '../../../packages/discussion/src/model/config.js';
import { feedTarget } from '../../../packages/discussion/src/controllers/feed-keys.js';

const rule = (attr: string) => CONFIG_RULES.find((r) => r.attr === attr)!;

describe('attribute rules (model/config.ts)', () => {
  it('sort: oldest, newest and top are used; anything else falls back to oldest', () => {
    for (const v of ['oldest', 'newest', 'top']) expect(rule('sort').judge(v).kind).to.equal('ok');
    expect(rule('sort').judge('bogus').kind).to.equal('bad');
    expect(rule('sort').judge(null).kind).to.equal('absent');
    expect(rule('sort').fallback).to.equal('oldest');
  });

  it('page-size: whole numbers from 1, capped at 100; else 20', () => {
    const r = rule('page-size');
    expect(r.judge(1).kind).to.equal('ok');
    expect(r.judge(0).kind).to.equal('bad');
    expect(r.judge(2.5).kind).to.equal('bad');
    expect(r.judge(Number.NaN).kind).to.equal('bad');
    expect(r.judge(500)).to.deep.equal({ kind: 'cap', to: 100 });
    expect(r.fallback).to.equal(20);
  });

  it('max-depth: whole numbers from 0, capped at 8; else 3', () => {
    const r = rule('max-depth');
    expect(r.judge(0).kind).to.equal('ok');
    expect(r.judge(-1).kind).to.equal('bad');
    expect(r.judge(12)).to.deep.equal({ kind: 'cap', to: 8 });
    expect(r.fallback).to.equal(3);
  });

  it('names a bad number as the host wrote it', () => {
    expect(given('ten', Number.NaN)).to.equal('ten');
    expect(given(null, 2.5)).to.equal('2.5');
  });

  it('Page Down / Page Up move one article, and stop at the ends', () => {
    expect(feedTarget('PageDown', 0, 3)).to.equal(1);
    expect(feedTarget('PageUp', 0, 3)).to.equal(null);
    expect(feedTarget('PageDown', 2, 3)).to.equal(null);
    expect(feedTarget('ArrowDown', 0, 3)).to.equal(null);
    expect(feedTarget('PageUp', -1, 3)).to.equal(null);
  });
});
