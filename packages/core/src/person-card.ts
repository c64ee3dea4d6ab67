/**
 * One place in the kit that shows who someone is: the person card.
 *
 * Any widget that draws a person's name (a post's author, a kudos giver, a mention) calls
 * `openPersonCard(from, person)` when the name is activated. That fires the cancelable
 * `peer-person-open` event (`bubbles`, `composed`, `detail: { person }`) from `from`; a host
 * with its own profile page handles it and calls `preventDefault()`. Otherwise the card the kit
 * registered with `setPersonCardOpener` opens (`@peerkit/experts` registers its card; the CDN
 * module registers a loader for it), anchored to `from`.
 *
 * A widget draws a name as a button only when `personCardAvailable()` is true, so a page
 * without the expert finder's card keeps plain names (docs/decisions.md §9).
 */
import type { PersonSummary } from './contract.js';

/** What the opener is given: who, and the element the card is anchored to (focus returns there). */
export interface PersonCardRequest {
  person: PersonSummary;
  anchor: HTMLElement;
}

/** Opens the kit's person card; may load it first. */
export type PersonCardOpener = (request: PersonCardRequest) => void | Promise<void>;

/** `peer-person-open`: a person's name was activated (cancelable; the host may show its own card). */
export type PersonOpenEvent = CustomEvent<{ person: PersonSummary }>;

/**
 * Where the opener is kept: one page-wide slot (`Symbol.for`, as the context root), so every
 * copy of the kit on a page shares one card, and the CDN module can register its loader there
 * without this module on its first paint (`packages/peerkit/src/cdn.ts`).
 */
export const PERSON_CARD_SLOT = Symbol.for('peerkit.personCardOpener');
const page = globalThis as { [PERSON_CARD_SLOT]?: PersonCardOpener | null };

/** Registers (or, with `null`, removes) the kit's person card. The last registration wins. */
export function setPersonCardOpener(next: PersonCardOpener | null): void {
  page[PERSON_CARD_SLOT] = next;
}

/** Whether activating a name shows something: a card is registered. */
export function personCardAvailable(): boolean {
  return !!page[PERSON_CARD_SLOT];
}

/**
 * Fires `peer-person-open` from `from` and, unless the host prevented it, opens the registered
 * card. Returns whether anything handled it (the host or the card).
 */
export function openPersonCard(from: HTMLElement, person: PersonSummary): boolean {
  const event: PersonOpenEvent = new CustomEvent('peer-person-open', {
    bubbles: true,
    composed: true,
    cancelable: true,
    detail: { person },
  });
  from.dispatchEvent(event);
  if (event.defaultPrevented) return true;
  const opener = page[PERSON_CARD_SLOT];
  if (!opener) return false;
  void opener({ person, anchor: from });
  return true;
}

/**
 * A person's initials avatar, drawn the same by every widget (the discussion's posts, the
 * expert finder's cards), so one person looks the same everywhere.
 *
 * `avatarInitials("Ana Ruiz")` is `"AR"`: the first character (a whole code point, so an astral
 * letter is not split) of the first and last words, upper-cased; `"?"` for a blank name.
 */
export function avatarInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const pick = (w = '') => [...w][0] ?? '';
  return (pick(words[0]) + (words.length > 1 ? pick(words.at(-1)) : '')).toUpperCase() || '?';
}

/**
 * The avatar's hue for a person id: one of twelve (0–11; the widget's CSS has a rule per
 * value, `--_hue: 30deg × n`, as a strict `style-src` forbids inline styles), from a hash of
 * the id's code points (not UTF-16 units, so an id with characters outside the Basic
 * Multilingual Plane hashes the same in every widget).
 */
export function avatarHue(id: string): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.codePointAt(0)!) >>> 0;
  return h % 12;
}
