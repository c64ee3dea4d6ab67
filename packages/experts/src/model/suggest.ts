/**
 * What the expert finder's search field suggests for the text typed: up to six skills (from
 * the skills vocabulary, `GET /skills?q=`, leaving out the filters already chosen) and up to
 * five people (`GET /people?q=&limit=5`, ranked for the activity), asked together. It loads
 * with the later parts (`parts.ts`): typing is the first time it is needed.
 */
import { skillKey, type Expert, type PeerClient, type SkillSuggestion } from '@peerkit/core';

/** A suggestion in the search field: a skill to filter by, or a person by name. */
export type Suggestion =
  { kind: 'skill'; skill: SkillSuggestion } | { kind: 'person'; person: Expert };

export async function suggest(
  client: PeerClient,
  q: string,
  filters: readonly string[],
  activity: string,
  signal: AbortSignal,
): Promise<Suggestion[]> {
  const taken = new Set(filters.map(skillKey));
  const [skills, people] = await Promise.all([
    client.listSkills(q, { signal }),
    client.listPeople({ q, limit: 5, activity }, { signal }),
  ]);
  return [
    ...skills
      .filter((s) => !taken.has(skillKey(s.name)))
      .slice(0, 6)
      .map((skill) => ({ kind: 'skill' as const, skill })),
    ...people.items.map((person) => ({ kind: 'person' as const, person })),
  ];
}
