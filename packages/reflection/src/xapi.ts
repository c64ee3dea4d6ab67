/**
 * The statements `<peer-reflection-card>` records (Peerkit xAPI profile,
 * `@peerkit/core/profile.jsonld`): `reflected` for a save, `promoted` for a lesson posted to
 * the activity's discussion. The object is the reflection (`urn:peerkit:reflection:<id>`),
 * the activity it is about is the parent.
 *
 * When a save records (the profile's rule, so edits do not multiply statements): the first
 * save of a reflection; a save that answers a question not answered before or empties one;
 * a save that changes who can read it. More words in an answer already recorded record
 * nothing new (the LRS has the reflection; the next recorded save carries the answers as
 * they are then).
 */
import { PROFILE_ID, type Reflection, type StatementInput } from '@peerkit/core';
import type { Answers } from './model/drafts.js';

/** Result extension: the answers, `[{ promptId, prompt, answer }]`. */
export const ANSWERS_EXTENSION = `${PROFILE_ID}/extensions/reflection-answers`;
/** Context extension: the prompt ids asked, in order. */
export const PROMPTS_EXTENSION = `${PROFILE_ID}/extensions/prompt-ids`;

export const reflectionIri = (id: string) => `urn:peerkit:reflection:${id}`;

const answered = (a: Answers | null) =>
  Object.keys(a ?? {})
    .filter((k) => a![k]!.trim())
    .sort()
    .join('\n');

/** Whether a confirmed save records `reflected` (see above). */
export function worthRecording(
  r: Reflection,
  now: Answers,
  previous: Answers | null,
  visibilityChanged: boolean,
): boolean {
  return r.version === 1 || !previous || visibilityChanged || answered(now) !== answered(previous);
}

export function reflectedStatement(
  r: Reflection,
  prompts: readonly { id: string; text: string }[],
  answers: Answers,
): StatementInput {
  const list = prompts
    .filter((p) => answers[p.id]?.trim())
    .map((p) => ({ promptId: p.id, prompt: p.text, answer: answers[p.id]! }));
  return {
    verb: 'reflected',
    object: { id: reflectionIri(r.id), type: 'reflection' },
    parent: { id: r.activity, type: 'page' },
    result: {
      response: list.map((a) => `${a.prompt}\n${a.answer}`).join('\n\n'),
      extensions: { [ANSWERS_EXTENSION]: list },
    },
    extensions: { [PROMPTS_EXTENSION]: prompts.map((p) => p.id) },
  };
}
