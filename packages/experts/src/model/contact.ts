/**
 * Where "Ask" goes by default, when the host did not handle `peer-expert-contact`:
 *
 * 1. a `contact` URL template (`mailto:{email}?subject={skill}`, a chat deep link): its
 *    placeholders `{email}`, `{name}`, `{skill}`, `{id}` filled with percent-encoded values
 *    (`encodeURIComponent`; an unknown value is empty), and only when the result's scheme is
 *    one a link may safely open (`mailto:`, `http(s):`, `msteams:`, `slack:`, `sip:`, `tel:`);
 * 2. else a `<peer-discussion>` in the document about the same activity, through its `ask()`
 *    method (docs/decisions.md §10);
 * 3. else the widget's own small form, which posts to the activity's thread with the expert
 *    mentioned as `[@Name](mention:<id>)` (§10).
 */
import type { PersonSummary } from '@peerkit/core';

export interface ContactValues {
  id: string;
  name: string;
  email?: string;
  skill?: string | null;
}

const SAFE_SCHEMES = /^(mailto|https?|msteams|slack|sip|tel):/i;

/** The template with its placeholders filled and encoded; `null` when the result is not a safe link. */
export function fillContact(template: string, v: ContactValues): string | null {
  const values: Record<string, string> = {
    id: v.id,
    name: v.name,
    email: v.email ?? '',
    skill: v.skill ?? '',
  };
  const url = template.replace(/\{(id|name|email|skill)\}/g, (_, key: string) =>
    encodeURIComponent(values[key]!),
  );
  return SAFE_SCHEMES.test(url.trim()) ? url.trim() : null;
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
