/**
 * The questions a reflection card asks. By default Charles Jennings' Three Question Card
 * ("what we achieved", "what we would do differently", "what we learned that others can use
 * next time", with the ids `achieved`, `differently`, `learned`); the `prompts` attribute
 * replaces them with a JSON array of strings or `{ id, text, hint }` objects (1 to
 * `REFLECTION_PROMPTS_MAX`, each text at most `REFLECTION_PROMPT_MAX` code points,
 * docs/decisions.md §1; ids unique and matching `PROMPT_ID_PATTERN`, §13). A string's id is `q1`, `q2`… by position.
 *
 * The "lessons" of a reflection are its answers to the prompt with the id `learned`.
 * Pure: no element, no DOM.
 */
import { REFLECTION_PROMPT_MAX, REFLECTION_PROMPTS_MAX, textLength } from '@peerkit/core';
import { LESSON_PROMPT_ID, PROMPT_ID_PATTERN } from '@peerkit/core/contract';
import { messages as t } from '../messages.js';

export interface Prompt {
  /** Stable id (`achieved`, `differently`, `learned`, or the host's; `PROMPT_ID_PATTERN`). */
  id: string;
  /** The question as shown (≤ `REFLECTION_PROMPT_MAX` code points). */
  text: string;
  /** A short hint under the question. */
  hint?: string;
}

/** The prompt id whose answers are the lessons others can use (docs/decisions.md §13). */
export const LESSON_PROMPT = LESSON_PROMPT_ID;

/** The three questions, in the page's language. */
export function defaultPrompts(): Prompt[] {
  return [
    { id: 'achieved', text: t.achieved(), hint: t.achievedHint() },
    { id: 'differently', text: t.differently(), hint: t.differentlyHint() },
    { id: LESSON_PROMPT, text: t.learned(), hint: t.learnedHint() },
  ];
}

const okText = (s: unknown): s is string =>
  typeof s === 'string' && s.trim() !== '' && textLength(s) <= REFLECTION_PROMPT_MAX;

/** One item of the list as a prompt (`i`: its position), or `null` when it is not one. */
function promptOf(item: unknown, i: number): Prompt | null {
  if (okText(item)) return { id: `q${i + 1}`, text: item.trim() };
  if (!item || typeof item !== 'object') return null;
  const { id, text, hint } = item as Record<string, unknown>;
  if (!okText(text)) return null;
  if (id !== undefined && !(typeof id === 'string' && PROMPT_ID_PATTERN.test(id))) return null;
  if (hint !== undefined && !okText(hint)) return null;
  const own = (id as string | undefined) ?? `q${i + 1}`;
  return { id: own, text: text.trim(), ...(okText(hint) ? { hint: hint.trim() } : {}) };
}

/** The `prompts` attribute parsed; `null` when it is not a usable list. */
export function parsePrompts(value: string): Prompt[] | null {
  let list: unknown;
  try {
    list = JSON.parse(value);
  } catch {
    return null;
  }
  if (!Array.isArray(list) || list.length < 1 || list.length > REFLECTION_PROMPTS_MAX) return null;
  const prompts = list.map(promptOf);
  if (prompts.some((p) => !p)) return null;
  const ok = prompts as Prompt[];
  return new Set(ok.map((p) => p.id)).size === ok.length ? ok : null;
}
