/**
 * "Why this person": the one localised line a card shows, built from the machine-readable
 * `Expert.reasons` the server returns with the score (docs/decisions.md §12), never from free
 * text. Each reason becomes one short fragment and the fragments are joined with " · "
 * ("Knows SQL (level 5) · endorsed 12 times · thanked 9 times · answered 3 times here").
 * A reason of a kind this version does not know is skipped (forward compatible); the
 * contract's reader already drops them, and a host's own client may not.
 */
import type { ExpertReason } from '@peerkit/core';
import { messages as t } from '../messages.js';

/** One fragment per reason, in the server's order (strongest first); unknown kinds give none. */
export function reasonFragments(reasons: readonly ExpertReason[], locale: string): string[] {
  const out: string[] = [];
  for (const r of reasons) {
    const text = fragment(r, locale);
    if (text) out.push(text);
  }
  return out;
}

function fragment(r: ExpertReason, locale: string): string | undefined {
  switch (r.kind) {
    case 'skill':
      return t.reasonSkill(r.skill, r.level, locale);
    case 'endorsed':
      return t.reasonEndorsed(r.count, locale);
    case 'thanked':
      return t.reasonThanked(r.count, locale);
    case 'answered-here':
      return t.reasonAnswered(r.count, locale);
    case 'accepted':
      return t.reasonAccepted(r.count, locale);
    case 'activity-skill':
      return t.reasonActivitySkill(r.skill);
    case 'top-helper':
      return t.reasonTopHelper(r.count, locale);
    case 'mentor':
      return t.reasonMentor();
    default:
      return undefined;
  }
}

/** The whole line, or `''` when no reason is known. */
export function whyLine(reasons: readonly ExpertReason[], locale: string): string {
  return reasonFragments(reasons, locale).join(' · ');
}
