/**
 * "Ask" within the click (`model/contact.ts` lists where "Ask" goes): the `contact` URL
 * template filled for a card, and the cancelable `peer-expert-contact`. With the finder's
 * first paint (a card draws "Ask" as a link to the filled URL before it is clicked); the
 * thread paths load later.
 */
import { PeerExpertContactEvent, type ExpertContactDetail } from '../events.js';

export interface ContactValues {
  id: string;
  name: string;
  email?: string;
  skill?: string | null;
}

const SAFE_SCHEMES = /^(mailto|https?|msteams|slack|sip|tel):/i;

/**
 * The template with its placeholders filled and encoded; `null` without a template or when the
 * result is not a safe link.
 */
export function fillContact(template: string | undefined, v: ContactValues): string | null {
  if (!template) return null;
  const url = template
    .replace(/\{(id|name|email|skill)\}/g, (_, key: keyof ContactValues) =>
      encodeURIComponent(v[key] ?? ''),
    )
    .trim();
  return SAFE_SCHEMES.test(url) ? url : null;
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
