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
      'Knows SQL (level 5) · endorsed 12 times · thanked 9 times · answered 3 times here',
    );
  });

  it('says once in the singular, and nothing for no reason', () => {
    expect(whyLine([{ kind: 'endorsed', count: 1 }, { kind: 'mentor' }], 'en')).to.equal(
      'endorsed once · mentors',
    );
    expect(whyLine([], 'en')).to.equal('');
  });
});
