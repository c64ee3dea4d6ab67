/**
 * Shared helpers for the `<peer-discussion>` tests: mount the element inside a real
 * `<peer-provider>` against the real server, seed posts through the real API, and read
 * what a person would see or reach.
 */
import { fixtureCleanup } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '@peerkit/core/define';
import '@peerkit/discussion/define';
import type { PeerProvider, Post } from '@peerkit/core';
import type { PeerDiscussion } from '@peerkit/discussion';
import { providerFor, setAttrs, type ProviderOptions } from '../support/provider.js';
import { API, uniqueActivity } from '../support/server.js';

export { API, uniqueActivity };

export interface MountOptions extends ProviderOptions {
  activity?: string;
  /** Light-DOM children of the discussion (e.g. a `guidelines` slot). */
  children?: (el: PeerDiscussion) => void;
  /** Where to put the provider (default: a fresh container in the body). */
  parent?: HTMLElement;
  /** Wait until the first page is drawn (default true). */
  ready?: boolean;
}

const mounted: HTMLElement[] = [];

export async function mount(options: MountOptions = {}): Promise<{
  el: PeerDiscussion;
  provider: PeerProvider;
  activity: string;
  token: string | null;
}> {
  const activity = options.activity ?? uniqueActivity('discussion');
  const { provider, person, token } = await providerFor(options, 'proxy');
  const el = document.createElement('peer-discussion');
  el.setAttribute('activity', activity);
  setAttrs(el, options.attrs);
  options.children?.(el);
  provider.append(el);
  const parent = options.parent ?? document.createElement('div');
  if (!options.parent) {
    document.body.append(parent);
    mounted.push(parent);
  }
  parent.append(provider);
  if (options.ready !== false) await settled(el, person !== null);
  return { el, provider, activity, token };
}

/** Removes everything `mount` added. */
export function unmountAll(): void {
  for (const node of mounted.splice(0)) node.remove();
  fixtureCleanup();
}

/** Waits until the thread is drawn (posts or the empty state), and the composer when signed in. */
export async function settled(el: PeerDiscussion, composer = true): Promise<void> {
  await waitUntil(
    () => {
      const root = el.shadowRoot;
      if (!root) return false;
      const drawn = root.querySelector('[part~="feed"], .empty, .notice.error');
      if (!drawn) return false;
      if (composer && !el.hasAttribute('readonly') && !root.querySelector('.notice.error')) {
        return !!root.querySelector('[part~="composer"][data-mode="new"]');
      }
      return true;
    },
    'the discussion did not finish loading',
    { timeout: 10_000 },
  );
  await el.updateComplete;
}

export const $ = <T extends Element = HTMLElement>(
  el: PeerDiscussion,
  selector: string,
): T | null => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: PeerDiscussion, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

export const articles = (el: PeerDiscussion) => $$<HTMLElement>(el, 'article[part~="post"]');

/** The drawn post whose text contains `text`. */
export function article(el: PeerDiscussion, text: string): HTMLElement {
  const found = articles(el).find((a) =>
    a.querySelector('[part~="body"]')?.textContent?.includes(text),
  );
  if (!found) throw new Error(`no post shows "${text}"`);
  return found;
}

export async function waitForPost(
  el: PeerDiscussion,
  text: string,
  timeout = 10_000,
): Promise<HTMLElement> {
  await waitUntil(
    () => articles(el).some((a) => a.querySelector('[part~="body"]')?.textContent?.includes(text)),
    `no post shows "${text}"`,
    { timeout },
  );
  return article(el, text);
}

/** The root composer's textarea. */
export const rootTextarea = (el: PeerDiscussion) =>
  $<HTMLTextAreaElement>(el, '[part~="composer"][data-mode="new"] textarea')!;

/** Types like a person: sets the value and fires `input`. */
export function type(textarea: HTMLTextAreaElement, text: string): void {
  textarea.focus();
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/**
 * Focuses `target` and sends the `focusin` a focused window sends with it: the runner's pages
 * share one browser window, and a page without window focus gets no focus events.
 */
export function focusIn(target: HTMLElement): void {
  target.focus();
  target.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
}

/** The shadow-aware active element. */
export function activeElement(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Acknowledges the guidelines for this person and thread, as a person would once. */
export async function agreeIfAsked(el: PeerDiscussion): Promise<void> {
  await el.updateComplete;
  const agree = $$<HTMLButtonElement>(el, '[part~="guidelines"] button').find((b) =>
    /agree/i.test(b.textContent ?? ''),
  );
  agree?.click();
  await el.updateComplete;
}

/** Posts through the root composer and waits until the post is drawn. */
export async function postThroughUi(
  el: PeerDiscussion,
  text: string,
  visible?: string,
): Promise<HTMLElement> {
  const before = new Set(articles(el).map((a) => a.dataset.id));
  type(rootTextarea(el), text);
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[part~="composer"][data-mode="new"] [part~="submit"]')!.click();
  await agreeIfAsked(el);
  await waitUntil(
    () => articles(el).some((a) => !before.has(a.dataset.id)),
    `the post "${text.slice(0, 40)}" was not drawn (${$(el, '.error-text')?.textContent ?? 'no error shown'})`,
    { timeout: 10_000 },
  );
  // The post can be drawn from the live stream before the write's answer is in; the composer
  // handles that answer (clears, moves focus) afterwards, so wait for it too.
  await waitUntil(
    () => $(el, '[part~="composer"][data-mode="new"]')?.getAttribute('aria-busy') === 'false',
    'the composer finished its write',
  );
  const fresh = articles(el).find((a) => !before.has(a.dataset.id))!;
  const shown = fresh.querySelector('[part~="body"]')?.textContent ?? '';
  if (!shown.includes(visible ?? text))
    throw new Error(`the new post shows "${shown}", not "${visible ?? text}"`);
  return fresh;
}

// ---------------------------------------------------------------------------------------
// The real API, for seeding and for checking what the server holds.

export async function api<T = unknown>(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST') headers['idempotency-key'] = crypto.randomUUID();
  const res = await fetch(`${API}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

export async function seedPost(
  token: string,
  activity: string,
  body: string,
  parentId?: string,
): Promise<Post> {
  return api<Post>(token, 'POST', '/posts', { activity, body, ...(parentId ? { parentId } : {}) });
}

/** Every post of a thread as the server has it (all pages). */
export async function serverPosts(token: string, activity: string): Promise<Post[]> {
  const out: Post[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ activity, limit: '100' });
    if (cursor) q.set('cursor', cursor);
    const page: { items: Post[]; nextCursor: string | null } = await api(
      token,
      'GET',
      `/posts?${q}`,
    );
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Marks the guidelines as acknowledged for a person in a thread (as a past visit did). */
export function acknowledged(activity: string, personId: string): void {
  localStorage.setItem(
    `peerkit.discussion.v1.guidelines:${JSON.stringify([activity, personId])}`,
    '1',
  );
}
