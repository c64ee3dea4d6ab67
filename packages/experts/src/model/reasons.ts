/**
 * "Why this person": the one localised line a card shows, built from the machine-readable
 * `Expert.reasons` the server returns with the score (docs/decisions.md §12), never from free
 * text. The strongest reason of each kind becomes one short fragment, at most four, joined with
 * " · " ("Knows SQL (level 5) · endorsed 12 times · thanked 9 times · answered 3 times here").
 * A reason of a kind this version does not know is skipped (forward compatible); the
 * contract's reader already drops them, and a host's own client may not.
 */
import type { ExpertReason } from '@peerkit/core';
import { messages as t } from '../messages.js';

/** At most this many fragments: one line, as the example ("Knows SQL (level 5) · …"). */
export const REASONS_SHOWN = 4;

/**
 * One fragment per kind of reason, the strongest of each (the server sends them strongest
 * first; a kind may come once per skill, e.g. `thanked` for SQL and for Python), at most
 * `REASONS_SHOWN`; unknown kinds give none.
 */
export function reasonFragments(reasons: readonly ExpertReason[], locale: string): string[] {
  const out: string[] = [];
  const kinds = new Set<string>();
  for (const r of reasons) {
    if (kinds.has(r.kind)) continue;
    const text = fragment(r, locale);
    if (!text) continue;
    kinds.add(r.kind);
    if (out.push(text) === REASONS_SHOWN) break;
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
      return t.reasonThanked(r.count, locale, r.skill);
    case 'answered-here':
      return t.reasonAnswered(r.count, locale);
    case 'accepted':
      return t.reasonAccepted(r.count, locale, r.skill);
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
