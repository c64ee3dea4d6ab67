/**
 * Helpers for the `<peer-expert-finder>` tests: mount it inside a real `<peer-provider>`
 * against the real reference server, read what a person sees, and ask the server directly.
 */
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '@peerkit/core/define';
import '@peerkit/experts/define';
import type { PeerExpertFinder } from '@peerkit/experts';
import { providerFor, setAttrs, type ProviderOptions } from '../support/provider.js';
import { API, uniqueActivity } from '../support/server.js';

export interface MountOptions extends ProviderOptions {
  activity?: string;
  /** Wait until the first results (or a notice) are drawn (default true). */
  ready?: boolean;
  /** Where to put the provider's container (default: the body). */
  parent?: HTMLElement;
  /** Sign in with this JWT (e.g. from `signAs`) instead of the demo sign-in. */
  token?: string;
}

const mounted: HTMLElement[] = [];

export async function mount(options: MountOptions = {}) {
  const activity = options.activity ?? uniqueActivity('experts');
  const made = await providerFor(options.token ? { ...options, person: null } : options);
  const { provider } = made;
  const token = options.token ?? made.token;
  if (options.token) provider.token = options.token;
  const el = document.createElement('peer-expert-finder');
  el.setAttribute('activity', activity);
  setAttrs(el, options.attrs);
  provider.append(el);
  const parent = document.createElement('div');
  parent.append(provider);
  (options.parent ?? document.body).append(parent);
  mounted.push(parent);
  if (options.ready !== false) await settled(el);
  return { el, provider, activity, token, parent };
}

export function unmountAll(): void {
  for (const el of mounted.splice(0)) el.remove();
  for (const card of document.querySelectorAll('peer-person-card')) card.remove();
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const input = (el: PeerExpertFinder) => $<HTMLInputElement>(el, '[part~="combobox-input"]')!;
export const cards = (el: Element) => $$(el, '.list [part~="card"]');
export const names = (el: Element) => cards(el).map((c) => text(c.querySelector('[part~="name"]')));
export const card = (el: Element, name: string) =>
  cards(el).find((c) => text(c.querySelector('[part~="name"]')) === name);
export const chips = (el: PeerExpertFinder) =>
  $$(el, '[part~="chip"]').map((c) => text(c.querySelector('bdi')));
export const options = (el: PeerExpertFinder) => $$(el, '[role="option"]').map((o) => text(o));
export const status = (el: Element) => $$(el, '[part~="status"]').map(text).join(' | ');
export const announced = (el: Element) =>
  $$(el, '[role="status"][aria-live="polite"]').map(text).join(' | ');
export const loading = (el: Element) => !!$(el, '.results[aria-busy="true"]');

/** A skill row of a card: its endorse button and visible count. */
export function skillRow(cardEl: Element, skill: string) {
  const row = [...cardEl.querySelectorAll('[part~="skill"]')].find(
    (r) => text(r.querySelector('.skill-name')) === skill,
  );
  return {
    row,
    button: row?.querySelector<HTMLButtonElement>('[part~="endorse"]') ?? null,
    pressed: row?.querySelector('[part~="endorse"]')?.getAttribute('aria-pressed') ?? null,
    count: text(row?.querySelector('[part~="endorsements"]')),
    level: text(row?.querySelector('.level')),
    meter: row?.querySelector('meter')?.value ?? null,
    failed: text(row?.querySelector('.failed')),
  };
}

/** Resolves once the results (or a notice, or the empty state) are drawn. */
export async function settled(el: PeerExpertFinder): Promise<void> {
  await waitUntil(
    () => !loading(el) && (cards(el).length > 0 || status(el) !== '' || !!$(el, '.empty')),
    'the expert finder never settled',
    { timeout: 15_000 },
  );
}

/** Types into the search field as a person would. */
export async function typeSearch(el: PeerExpertFinder, words: string) {
  input(el).focus();
  await sendKeys({ type: words });
}

/** The endorsements of `person`'s `skill` at the server, as seen by `token`. */
export async function atServer(person: string, skill: string, token: string | null) {
  const res = await fetch(`${API}/people/${encodeURIComponent(person)}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new Error(`GET /people/${person} answered ${res.status}`);
  const e = (await res.json()) as {
    skills: { name: string; endorsements: number; endorsedByMe: boolean }[];
  };
  return e.skills.find((s) => s.name === skill)!;
}

export type { PeerExpertFinder };
