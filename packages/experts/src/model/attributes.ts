/**
 * The attributes of `<peer-expert-finder>` that need checking, as a table for the core's
 * `AttributeChecks` (as the discussion's `model/config.ts`):
 *
 * - `limit`: a whole number from 1 → else 10 with a notice and a `peer-error`; above 100 → 100
 *   (the server's `limit` maximum), a console warning only;
 * - `skills`: a comma list of skill names, each at most `SKILL_MAX` code points
 *   (docs/decisions.md §1) and at most `SKILL_FILTERS_MAX` of them; anything else → no preset
 *   filters, with a notice.
 * Pure: no element, no DOM.
 */
import { LIMIT_MAX, SKILL_FILTERS_MAX, SKILL_MAX, skillKey, textLength } from '@peerkit/core';
import { wholeNumber, type AttributeRule } from '@peerkit/core/controllers';
import { messages } from '../messages.js';

export const LIMIT_DEFAULT = 10;

/** The skills of a `skills` attribute: trimmed, empty entries dropped, duplicates (any case) once. */
export function parseSkills(value: string | undefined | null): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of (value ?? '').split(',')) {
    const s = raw.trim();
    if (!s || seen.has(skillKey(s))) continue;
    seen.add(skillKey(s));
    out.push(s);
  }
  return out;
}

export const validSkills = (value: unknown): boolean => {
  const list = parseSkills(value as string);
  return list.length <= SKILL_FILTERS_MAX && list.every((s) => textLength(s) <= SKILL_MAX);
};

export const ATTRIBUTE_RULES: readonly AttributeRule[] = [
  wholeNumber('limit', 'limit', { min: 1, max: LIMIT_MAX, fallback: LIMIT_DEFAULT }, (given) =>
    messages.badLimit(given),
  ),
  {
    attribute: 'skills',
    property: 'skills',
    valid: validSkills,
    fallback: '',
    message: (given) => messages.badSkills(given),
  },
];
