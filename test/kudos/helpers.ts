/**
 * Helpers for the `<peer-kudos>` tests: mount elements inside a real `<peer-provider>`
 * against the real reference server, read what a person sees, and ask the server directly.
 */
import { waitUntil } from '../support/wait.js';
import '@peerkit/core/define';
import '@peerkit/kudos/define';
import type { KudosCount, PeerProvider } from '@peerkit/core';
import type { PeerKudos } from '@peerkit/kudos';
import { providerFor, setAttrs, type ProviderOptions } from '../support/provider.js';
import { API, uniqueActivity } from '../support/server.js';

export interface MountOptions extends ProviderOptions {
  activity?: string;
  /** How many elements (all about the same activity unless `activities` is given). */
  count?: number;
  activities?: string[];
  /** Wait until every element shows its count (default true). */
  ready?: boolean;
  /** Where to put the provider's container (default: the body). */
  parent?: HTMLElement;
}

const mounted: HTMLElement[] = [];

export async function mount(options: MountOptions = {}) {
  const activity = options.activity ?? uniqueActivity('kudos');
  const { provider, token } = await providerFor(options);
  const activities =
    options.activities ?? Array.from({ length: options.count ?? 1 }, () => activity);
  const els = activities.map((a) => {
    const el = document.createElement('peer-kudos');
    el.setAttribute('activity', a);
    setAttrs(el, options.attrs);
    provider.append(el);
    return el;
  });
  const parent = document.createElement('div');
  parent.append(provider);
  (options.parent ?? document.body).append(parent);
  mounted.push(parent);
  if (options.ready !== false) await Promise.all(els.map((el) => loaded(el)));
  return { el: els[0]!, els, provider, activity, token };
}

export function unmountAll(): void {
  for (const el of mounted.splice(0)) el.remove();
}

export const $ = <T extends Element = HTMLElement>(el: PeerKudos, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: PeerKudos, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

export const button = (el: PeerKudos) => $<HTMLButtonElement>(el, '[part~="button"]');

/** What a person sees: pressed or not, the visible count, and the status line. */
export function seen(el: PeerKudos) {
  const b = button(el);
  return {
    button: !!b,
    pressed: b?.getAttribute('aria-pressed') ?? null,
    disabled: b?.getAttribute('aria-disabled') ?? null,
    count: $(el, '[part~="count"] [aria-hidden]')?.textContent?.trim() ?? null,
    status: $(el, '[part~="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    announcement: $(el, '[role="status"]')?.textContent?.trim() ?? '',
  };
}

/** Resolves once the element shows a count (loaded) or an error. */
export async function loaded(el: PeerKudos): Promise<void> {
  await waitUntil(
    () => seen(el).count !== null || seen(el).status !== '',
    `<peer-kudos activity="${el.activity}"> never loaded`,
    { timeout: 15_000 },
  );
}

/** The kudos state of `activity` at the server, as `person` sees it. */
export async function atServer(activity: string, token: string | null): Promise<KudosCount> {
  const res = await fetch(`${API}/kudos?activity=${encodeURIComponent(activity)}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new Error(`GET /kudos answered ${res.status}`);
  const { items } = (await res.json()) as { items: KudosCount[] };
  return items[0]!;
}

/** Gives kudos through the API directly (another person, another tab). */
export async function giveAs(
  token: string,
  activity: string,
  extra: { value?: string; recipient?: string } = {},
) {
  const res = await fetch(`${API}/kudos`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify({ activity, ...extra }),
  });
  if (!res.ok) throw new Error(`POST /kudos answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as KudosCount;
}

export async function settledAt(el: PeerKudos, expected: { pressed: string; count: string }) {
  await waitUntil(
    () => {
      const s = seen(el);
      return s.pressed === expected.pressed && s.count === expected.count;
    },
    `expected ${JSON.stringify(expected)}, saw ${JSON.stringify(seen(el))}`,
    { timeout: 15_000 },
  );
}

export type { PeerKudos, PeerProvider };
