/**
 * The statements `<peer-expert-finder>` records (verbs of the Peerkit xAPI profile,
 * `@peerkit/core/profile.jsonld`), through the recorder as `<peer-kudos>` does:
 *
 * - `searched`: object the activity searched on (a page); the text in `result.response`, the
 *   skill filters as a result extension, the number of people found in another;
 * - `endorsed` / `withdrew-endorsement`: object the person (`urn:peerkit:person:<id>`), the
 *   skill as a context extension. A withdrawal is its own statement rather than a voiding one:
 *   voiding erases the endorsement from an LRS's history, while the withdrawal is something the
 *   person did (as `withdrew-kudos`);
 * - `contacted`: object the person,
 *   the skill (if any) and the channel (`url`, `discussion`, `form`) as context extensions.
 */
import { PROFILE_ID, type StatementInput } from '@peerkit/core';

export const SKILL_EXTENSION = `${PROFILE_ID}/extensions/skill`;
const SKILLS_EXTENSION = `${PROFILE_ID}/extensions/skill-filters`;
const FOUND_EXTENSION = `${PROFILE_ID}/extensions/results`;

export const personIri = (id: string) => `urn:peerkit:person:${encodeURIComponent(id)}`;

export function searchedStatement(
  activity: string,
  query: string,
  skills: readonly string[],
  found: number,
): StatementInput {
  return {
    verb: 'searched',
    object: { id: activity, type: 'page' },
    result: {
      response: query,
      extensions: { [SKILLS_EXTENSION]: [...skills], [FOUND_EXTENSION]: found },
    },
  };
}

export function endorsementStatement(
  person: { id: string; name: string },
  skill: string,
  mine: boolean,
): StatementInput {
  return {
    verb: mine ? 'endorsed' : 'withdrew-endorsement',
    object: { id: personIri(person.id), type: 'person', name: person.name },
    extensions: { [SKILL_EXTENSION]: skill },
  };
}

const CHANNEL_EXTENSION = `${PROFILE_ID}/extensions/contact-channel`;

/** `contacted`: the kit made the contact, through a `url`, the `discussion` or its `form`. */
export function contactedStatement(
  person: { id: string; name: string },
  skill: string | null,
  channel: 'url' | 'discussion' | 'form',
): StatementInput {
  return {
    verb: 'contacted',
    object: { id: personIri(person.id), type: 'person', name: person.name },
    extensions: { [CHANNEL_EXTENSION]: channel, ...(skill ? { [SKILL_EXTENSION]: skill } : {}) },
  };
}
