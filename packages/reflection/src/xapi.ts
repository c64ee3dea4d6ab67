/**
 * The statements `<peer-reflection-card>` records, as docs/decisions.md §13 and the Peerkit
 * xAPI profile (`@peerkit/core/profile.jsonld`) say:
 *
 * - `reflected`: the actor is the writer; the object `urn:peerkit:reflection:<id>` (type
 *   `reflection`) with the activity as the context's parent; `result.response` the writer's
 *   answers as text (`prompt\nanswer` blocks separated by a blank line; on a team reflection
 *   only the actor's own entries); `result.extensions[…/extensions/answers]` the same as
 *   `[{ prompt: <id>, text }]`; the context's extensions `…/extensions/prompt-ids` (every
 *   prompt id), `…/extensions/visibility` and, for a team reflection, `…/extensions/team`.
 * - When (`StatementPacer`): on the first save the server accepts in an editing session (the
 *   card loaded, or the reflection opened for editing), then again only for a save accepted
 *   ≥ 30 minutes after the last `reflected` for that reflection from this card, or when the
 *   visibility changes or a team reflection is closed. Drafts, failed saves and the autosaves
 *   in between record nothing; each statement carries the full current answers.
 * - A lesson promoted to the discussion is the post's usual `commented`, with the reflection
 *   in `context.contextActivities.other`.
 */
import type { Post, Reflection, StatementInput } from '@peerkit/core';
import { REFLECTED_AGAIN_AFTER_MS, REFLECTION_EXTENSIONS } from '@peerkit/core/contract';

const {
  answers: ANSWERS,
  promptIds: PROMPT_IDS,
  visibility: VISIBILITY,
  team: TEAM,
} = REFLECTION_EXTENSIONS;

export const reflectionIri = (id: string) => `urn:peerkit:reflection:${id}`;

/** Which confirmed saves record `reflected` (see above); one per card. */
export class StatementPacer {
  readonly #last = new Map<string, { at: number; visibility: string; closed: boolean }>();

  /** The reflection was opened for editing: its next accepted save records. */
  begin(id: string): void {
    this.#last.delete(id);
  }

  /** Whether the save of `r` just accepted records a statement (and notes it if so). */
  due(r: Reflection, now = Date.now()): boolean {
    const last = this.#last.get(r.id);
    const closed = !!r.closed;
    const due =
      !last ||
      last.visibility !== r.visibility ||
      (closed && !last.closed) ||
      now - last.at >= REFLECTED_AGAIN_AFTER_MS;
    if (due) this.#last.set(r.id, { at: now, visibility: r.visibility, closed });
    return due;
  }
}

/** One written answer: the prompt's id and text, and what the writer wrote. */
export interface WrittenAnswer {
  id: string;
  prompt: string;
  text: string;
}

export function reflectedStatement(
  r: Reflection,
  written: readonly WrittenAnswer[],
  promptIds: readonly string[],
): StatementInput {
  const list = written.filter((a) => a.text.trim());
  return {
    verb: 'reflected',
    object: { id: reflectionIri(r.id), type: 'reflection' },
    parent: { id: r.activity, type: 'page' },
    result: {
      response: list.map((a) => `${a.prompt}\n${a.text}`).join('\n\n'),
      extensions: { [ANSWERS]: list.map((a) => ({ prompt: a.id, text: a.text })) },
    },
    extensions: {
      [PROMPT_IDS]: [...promptIds],
      [VISIBILITY]: r.visibility,
      ...(r.team ? { [TEAM]: r.team } : {}),
    },
  };
}

/** `commented` for the post a lesson became, related to the reflection it came from. */
export function promotedStatement(
  post: Post,
  reflectionId: string,
  thread: string,
): StatementInput {
  return {
    verb: 'commented',
    object: { id: `urn:peerkit:post:${post.id}`, type: 'post' },
    result: { response: post.body },
    parent: { id: thread, type: 'discussion' },
    other: [{ id: reflectionIri(reflectionId), type: 'reflection' }],
  };
}
