/**
 * Reflection prompts and lessons as plain values (no zod), so a widget's first paint can use
 * them (docs/decisions.md §13).
 */
import { PROFILE_ID } from '../xapi/profile-id.js';
import type { PersonSummary } from './people.js';
import type { Reflection } from './reflections.js';

/** What a prompt id may be: 1–40 of `a-z`, `0-9`, `-`, `_`, starting with a letter or digit. */
export const PROMPT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/**
 * The ids of Charles Jennings' three questions, the card's default prompts: what we
 * achieved, what we would do differently, what we learned that others can use next time.
 */
export const DEFAULT_PROMPT_IDS = ['achieved', 'differently', 'learned'] as const;

/** The prompt whose answers are an activity's lessons. */
export const LESSON_PROMPT_ID = 'learned';

const X = `${PROFILE_ID}/extensions/`;

/**
 * The xAPI profile's extensions for `reflected` statements (`peerkit-profile.jsonld`, its
 * `reflected` template): `answers` (result: `[{ prompt, text }]`, the actor's answers by
 * prompt id, or text when it has none), `promptIds` (context: every prompt id of the
 * reflection, in order), `visibility` (context: `private` | `team` | `public`), `team`
 * (context: the team of a team reflection).
 */
export const REFLECTION_EXTENSIONS = {
  answers: `${X}answers`,
  promptIds: `${X}prompt-ids`,
  visibility: `${X}visibility`,
  team: `${X}team`,
} as const;

/**
 * After the first save the server accepts in an editing session, a `reflected` statement for
 * the same reflection is recorded again only for a save accepted this long (30 minutes) after
 * the last one from the page, a visibility change or a team reflection closed.
 */
export const REFLECTED_AGAIN_AFTER_MS = 30 * 60_000;

/** One lesson: a "what we learned" answer (or one member's entry of a team reflection). */
export interface Lesson {
  reflectionId: string;
  /** The entry's id on a team reflection; absent for a personal reflection's answer. */
  entryId?: string;
  activity: string;
  author: PersonSummary;
  /** The team reflection's team; absent for a personal reflection. */
  team?: string;
  text: string;
  updatedAt: string;
}

/**
 * The lessons in `reflections`, in their order (within a team reflection, its entries'
 * order): the non-blank answers, and team entries, whose answer id is `prompt`.
 */
export function lessonsOf(reflections: readonly Reflection[], prompt = LESSON_PROMPT_ID): Lesson[] {
  const lessons: Lesson[] = [];
  for (const r of reflections) {
    for (const a of r.answers) {
      if (a.id !== prompt) continue;
      const base = { reflectionId: r.id, activity: r.activity };
      if (a.answer.trim()) {
        lessons.push({ ...base, author: r.author, text: a.answer, updatedAt: r.updatedAt });
      }
      for (const e of a.entries ?? []) {
        if (!e.text.trim()) continue;
        lessons.push({
          ...base,
          entryId: e.id,
          author: e.author,
          ...(r.team !== undefined ? { team: r.team } : {}),
          text: e.text,
          updatedAt: e.updatedAt,
        });
      }
    }
  }
  return lessons;
}
