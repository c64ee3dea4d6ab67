/**
 * The attribute rules of `<peer-reflection-card>`, as a table for the core's `AttributeChecks`
 * (`@peerkit/core/controllers`), the way `<peer-discussion>` checks its own:
 *
 * - `mode`: `personal` or `team`; anything else → `personal` with a notice;
 * - `visibility`: `private`, `team` or `public`; anything else → `private` with a notice;
 * - `prompts`: a JSON list of questions (`model/prompts.ts`); anything else → the three
 *   questions with a notice (the property keeps the bad value; the card asks `has('prompts')`).
 * Each bad value also fires one `peer-error` of kind `config`. Pure: no element, no DOM.
 */
import { oneOf, type AttributeRule } from '@peerkit/core/controllers';
import type { Visibility } from '@peerkit/core';
import { messages as t } from '../messages.js';
import { parsePrompts } from './prompts.js';

export type CardMode = 'personal' | 'team';
export const MODES: readonly CardMode[] = ['personal', 'team'];
export const VISIBILITY_VALUES: readonly Visibility[] = ['private', 'team', 'public'];

export const CONFIG_RULES: readonly AttributeRule[] = [
  oneOf('mode', 'mode', MODES, (given) => t.badAttribute('mode', given)),
  oneOf('visibility', 'visibility', VISIBILITY_VALUES, (given) =>
    t.badAttribute('visibility', given),
  ),
  {
    attribute: 'prompts',
    property: 'prompts',
    valid: (v) => typeof v === 'string' && parsePrompts(v) !== null,
    message: () => t.badPrompts(),
  },
];
