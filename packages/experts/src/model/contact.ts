/**
 * Where "Ask" goes by default, when the host did not handle `peer-expert-contact`:
 *
 * 1. a `contact` URL template (`mailto:{email}?subject={skill}`, a chat deep link): its
 *    placeholders `{email}`, `{name}`, `{skill}`, `{id}` filled with percent-encoded values
 *    (`encodeURIComponent`; an unknown value is empty), and only when the result's scheme is
 *    one a link may safely open (`mailto:`, `http(s):`, `msteams:`, `slack:`, `sip:`, `tel:`).
 *    The card draws "Ask" as a real link (`<a href target="_blank" rel="noopener noreferrer">`)
 *    with the filled URL, so the browser follows it within the click's user activation (a
 *    popup blocker lets it through), never after a chunk has loaded;
 * 2. else a `<peer-discussion>` in the document about the same activity, through its `ask()`
 *    method (docs/decisions.md §10);
 * 3. else the widget's own small form, which posts to the activity's thread with the expert
 *    mentioned as `[@Name](mention:<id>)` (§10).
 */
import type { PersonSummary } from '@peerkit/core';

/**
 * The `contact` template of the page: the one of a `<peer-expert-finder>` about `activity`,
 * else of the first finder that has one (the person card has no attribute of its own; the host
 * said on the finder how its people are contacted).
 */
export function pageContact(activity: string, root: ParentNode = document): string | undefined {
  let any: string | undefined;
  for (const el of root.querySelectorAll('peer-expert-finder')) {
    const { contact, activityIri } = el as { contact?: string; activityIri?: string };
    if (!contact?.trim()) continue;
    if (activityIri === activity) return contact;
    any ??= contact;
  }
  return any;
}

/** What `<peer-discussion>` offers the expert finder (decisions §10). */
export interface AskableDiscussion extends HTMLElement {
  activityIri: string;
  ask(request: { person: PersonSummary; skill?: string }): Promise<boolean>;
}

/** The first `<peer-discussion>` in `root` about `activity` that has `ask()`, if any. */
export function findDiscussion(
  activity: string,
  root: ParentNode = document,
): AskableDiscussion | undefined {
  for (const el of root.querySelectorAll('peer-discussion')) {
    const d = el as unknown as Partial<AskableDiscussion>;
    if (typeof d.ask === 'function' && d.activityIri === activity) return d as AskableDiscussion;
  }
  return undefined;
}

/** A Markdown mention of `person` (decisions §10); `[` and `]` in a name are escaped. */
export function mention(person: { id: string; name: string }): string {
  const text = person.name.replace(/[[\]\\]/g, (m) => `\\${m}`);
  return `[@${text}](mention:${person.id})`;
}
