/**
 * The "why this person" line (`model/reasons.ts`): from the server's machine-readable reasons,
 * one localised fragment per kind (the strongest), at most four, unknown kinds skipped.
 */
import { expect } from '@open-wc/testing';
import type { ExpertReason } from '@peerkit/core';
import { whyLine } from '../../../packages/experts/src/model/reasons.js';

describe('whyLine', () => {
  it('words each kind once, strongest first, at most four, skipping kinds it does not know', () => {
    const reasons = [
      { kind: 'skill', skill: 'SQL', level: 5 },
      { kind: 'endorsed', skill: 'SQL', count: 12 },
      { kind: 'future-kind', count: 3 },
      { kind: 'thanked', skill: 'SQL', count: 9 },
      { kind: 'thanked', skill: 'Python', count: 4 },
      { kind: 'answered-here', count: 3 },
      { kind: 'mentor' },
    ] as unknown as ExpertReason[];
    expect(whyLine(reasons, 'en')).to.equal(
      'Knows SQL (level 5) · endorsed 12 times · thanked 9 times for SQL · answered 3 times here',
    );
  });

  it('names the skill a count is for, so a count for one skill never reads as the total', () => {
    const reasons = [
      { kind: 'accepted', skill: 'SQL', count: 4 },
      { kind: 'accepted', count: 7 },
      { kind: 'thanked', skill: 'Kubernetes', count: 1 },
      { kind: 'thanked', count: 9 },
    ] as ExpertReason[];
    expect(whyLine(reasons, 'en')).to.equal(
      'answered 4 SQL questions · thanked once for Kubernetes',
    );
    expect(whyLine([{ kind: 'accepted', skill: 'SQL', count: 1 }], 'en')).to.equal(
      'answered 1 SQL question',
    );
    expect(
      whyLine(
        [
          { kind: 'accepted', count: 7 },
          { kind: 'thanked', count: 1 },
        ],
        'en',
      ),
    ).to.equal('7 accepted answers · thanked once');
  });

  it('says once in the singular, and nothing for no reason', () => {
    expect(whyLine([{ kind: 'endorsed', count: 1 }, { kind: 'mentor' }], 'en')).to.equal(
      'endorsed once · mentors',
    );
    expect(whyLine([], 'en')).to.equal('');
  });
});
