/**
 * Helpers for the `<peer-reflection-card>` tests: mount cards inside a real `<peer-provider>`
 * against the real reference server, type into them as a person would, read what a person
 * sees, and ask the server directly.
 */
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '@peerkit/core/define';
import '@peerkit/reflection/define';
import type { PeerProvider, Reflection } from '@peerkit/core';
import type { PeerReflectionCard } from '@peerkit/reflection';
import { place, providerFor, setAttrs, type ProviderOptions } from '../support/provider.js';
import { API, uniqueActivity } from '../support/server.js';

export interface MountOptions extends ProviderOptions {
  activity?: string;
  /** Wait until the card shows its form and earlier list (default true). */
  ready?: boolean;
}

const mounted: HTMLElement[] = [];

export async function mount(options: MountOptions = {}) {
  const activity = options.activity ?? uniqueActivity('reflection');
  const { provider, token } = await providerFor(options);
  const el = document.createElement('peer-reflection-card');
  el.setAttribute('activity', activity);
  setAttrs(el, options.attrs);
  provider.append(el);
  const parent = place(provider, mounted);
  if (options.ready !== false) await loaded(el);
  return { el, provider, activity, token, parent };
}

export function unmountAll(): void {
  for (const el of mounted.splice(0)) el.remove();
}

export const $ = <T extends Element = HTMLElement>(el: PeerReflectionCard, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: PeerReflectionCard, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The answer field of a prompt (`achieved`, `differently`, `learned`). */
export const field = (el: PeerReflectionCard, prompt: string) =>
  $<HTMLTextAreaElement>(el, `[data-prompt="${prompt}"] textarea`)!;

/** What a person sees. */
export function seen(el: PeerReflectionCard) {
  return {
    status: text($(el, '[part~="status"]')),
    statusKind: $(el, '[part~="status"]')?.getAttribute('data-status') ?? null,
    notice: text($(el, '[part~="notice"]')),
    config: text($(el, '.notice.config')),
    questions: $$(el, '[part~="question"]').map(text),
    answers: Object.fromEntries(
      $$<HTMLTextAreaElement>(el, '[data-prompt] textarea').map((t) => [
        t.closest<HTMLElement>('[data-prompt]')!.dataset.prompt,
        t.value,
      ]),
    ),
    who: text($(el, '[part~="who"]')),
    elsewhere: text($(el, '[part~="elsewhere"]')),
    earlier: $$(el, '[part~="reflection"]').map((li) => li.dataset.id),
    announcement: text($(el, '[role="status"][aria-live="polite"]')),
  };
}

/** Resolves once the card shows its form and its earlier reflections (or a notice). */
export async function loaded(el: PeerReflectionCard): Promise<void> {
  await waitUntil(
    () => !!$(el, '[part~="earlier"]') || !!$(el, '[part~="notice"]') || !!$(el, '.note'),
    `<peer-reflection-card activity="${el.activity}"> never loaded`,
    { timeout: 15_000 },
  );
}

/** Focuses the answer field of `prompt` and types `words` with the keyboard. */
export async function typeInto(el: PeerReflectionCard, prompt: string, words: string) {
  field(el, prompt).focus();
  await sendKeys({ type: words });
}

export async function statusIs(el: PeerReflectionCard, kind: string, timeout = 15_000) {
  await waitUntil(
    () => seen(el).statusKind === kind,
    `expected status ${kind}, saw ${JSON.stringify(seen(el).statusKind)} "${seen(el).status}"`,
    { timeout },
  );
}

/** My reflections on `activity` at the server. */
export async function atServer(activity: string, token: string): Promise<Reflection[]> {
  const res = await fetch(
    `${API}/reflections?activity=${encodeURIComponent(activity)}&scope=mine`,
    {
      headers: { Authorization: `Bearer ${token}` },
    },
  );
  if (!res.ok) throw new Error(`GET /reflections answered ${res.status}`);
  return ((await res.json()) as { items: Reflection[] }).items;
}

/** Saves a reflection through the API directly (another device). */
export async function saveAs(
  token: string,
  id: string,
  body: { activity: string; visibility: string; answers: { prompt: string; answer: string }[] },
  ifMatch?: number,
): Promise<Reflection> {
  const res = await fetch(`${API}/reflections/${id}`, {
    method: 'PUT',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...(ifMatch ? { 'If-Match': `"${ifMatch}"` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`PUT /reflections answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Reflection;
}

export type { PeerProvider, PeerReflectionCard };

/** `waitUntil` with the time a real server round trip (and a lazy chunk) may take. */
export const until = (check: () => unknown, message = 'condition', timeout = 15_000) =>
  waitUntil(check, message, { timeout });
