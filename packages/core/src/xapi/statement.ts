/**
 * Turns what a widget says (`StatementInput`) into an xAPI 1.0.3 statement: id
 * `crypto.randomUUID()`, timestamp (now on the server's clock, `clock.ts`: the LRS compares it
 * with its own `stored`), actor from `/me` (an `account` whose `homePage` is the
 * endpoint's origin and whose `name` is the person id), verb and type IRIs from the
 * vocabulary, context with the page as parent (unless given), the Peerkit profile as
 * category, `language` = locale, `platform` "Peerkit". Part of the delivery chunk.
 */
import type { Me, Statement } from '../contract.js';
import { pageIri } from '../page.js';
import { serverNow } from '../clock.js';
import type { StatementInput } from './types.js';
import { ACTIVITY_TYPES, PROFILE_CATEGORY, VERBS } from './vocabulary.js';

export function buildStatement(
  input: StatementInput,
  me: Me,
  locale: string,
  homePage: string,
): Statement {
  const lang = locale || 'en';
  const activity = (a: { id: string; type: keyof typeof ACTIVITY_TYPES; name?: string }) => ({
    objectType: 'Activity' as const,
    id: a.id,
    definition: { type: ACTIVITY_TYPES[a.type], ...(a.name ? { name: { [lang]: a.name } } : {}) },
  });
  const title = document.title.trim();
  const parent = input.parent
    ? activity(input.parent)
    : activity({ id: pageIri(), type: 'page', name: title || undefined });
  const verb = VERBS[input.verb];
  return {
    id: crypto.randomUUID(),
    timestamp: new Date(serverNow()).toISOString(),
    actor: { objectType: 'Agent', name: me.name, account: { homePage, name: me.id } },
    verb: { id: verb.id, display: { en: verb.display } },
    object: activity(input.object),
    ...(input.result ? { result: input.result } : {}),
    context: {
      contextActivities: {
        parent: [parent],
        ...(input.grouping?.length ? { grouping: input.grouping.map(activity) } : {}),
        ...(input.other?.length ? { other: input.other.map(activity) } : {}),
        category: [{ ...PROFILE_CATEGORY }],
      },
      language: lang,
      platform: 'Peerkit',
      ...(input.extensions ? { extensions: input.extensions } : {}),
    },
  };
}
