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
import { PeerExpertContactEvent, type ExpertContactDetail } from '../events.js';

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

/**
 * "Ask" on a card, within its click (steps 1 and 2 above): fires the cancelable
 * `peer-expert-contact` from `host`. Answers `'host'` when the host prevented it (the click's
 * default is prevented too, so a link does not open), `'link'` when the card's "Ask" is a
 * `contact` link (`linked`), which the browser follows itself, else `'thread'` (step 3 on).
 */
export function contactFirst(
  host: HTMLElement,
  click: Event | undefined,
  detail: ExpertContactDetail,
  linked: boolean,
): 'host' | 'link' | 'thread' {
  const event = new PeerExpertContactEvent(detail);
  host.dispatchEvent(event);
  if (event.defaultPrevented) {
    click?.preventDefault();
    return 'host';
  }
  return linked ? 'link' : 'thread';
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
