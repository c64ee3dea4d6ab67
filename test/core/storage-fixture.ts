/**
 * Storage that will not open (issue 15 #4, docs/decisions.md §7), as a person meets it: a page with
 * a discussion and a kudos button, in Spanish, where the browser refuses IndexedDB,
 * `localStorage`, or both. One scenario per test file, because the kit says it once per page.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { VERBS, type PeerError, type PeerProvider } from '@peerkit/core';
import { errorMessage } from '@peerkit/core/wording';
import '@peerkit/discussion/define';
import '@peerkit/kudos/define';
import { providerFor } from '../support/provider.js';
import { API, SEED, XAPI_BASIC, uniqueActivity, until } from '../support/server.js';

/** `indexedDB.open` throws, as in a private window or under a policy. Returns the undo. */
export function refuseIndexedDb(): () => void {
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function refused(): IDBOpenDBRequest {
    throw new DOMException(
      'A mutation operation was attempted on a database that did not allow mutations.',
      'InvalidStateError',
    );
  };
  return () => (IDBFactory.prototype.open = open);
}

/** Reading `localStorage` throws a `SecurityError`, as with storage blocked. Returns the undo. */
export function refuseLocalStorage(): () => void {
  const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
  });
  return () => {
    if (own) Object.defineProperty(window, 'localStorage', own);
    else delete (window as { localStorage?: Storage }).localStorage;
  };
}

async function statements(verb: string, activity: string): Promise<number> {
  const q = new URLSearchParams({
    verb: VERBS[verb as keyof typeof VERBS].id,
    activity,
    related_activities: 'true',
  });
  const res = await fetch(`${API}/xapi/statements?${q}`, {
    headers: { authorization: XAPI_BASIC, 'x-experience-api-version': '1.0.3' },
  });
  expect(res.ok, `GET statements ${res.status}`).to.equal(true);
  return ((await res.json()) as { statements: unknown[] }).statements.length;
}

const composer = (d: HTMLElement) =>
  d.shadowRoot?.querySelector<HTMLTextAreaElement>('[part~="composer"][data-mode="new"] textarea');

function type(textarea: HTMLTextAreaElement, text: string): void {
  textarea.focus();
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function discussion(provider: PeerProvider, activity: string): HTMLElement {
  const el = document.createElement('peer-discussion');
  el.setAttribute('activity', activity);
  provider.append(el);
  return el;
}

/**
 * The person drafts, moves the discussion away and back inside the page (a tab switch in a
 * single-page app), posts, and gives kudos. Whatever storage the browser refused: the draft
 * is still there, the LRS gets one `commented` and one `gave-kudos` statement, and the page
 * hears once, in Spanish, with kind `storage`, that work will not survive a reload.
 */
export async function workWithoutStorage(): Promise<void> {
  const errors: PeerError[] = [];
  const onError = (e: Event) => errors.push((e as CustomEvent<{ error: PeerError }>).detail.error);
  document.addEventListener('peer-error', onError);
  const thread = uniqueActivity('no-storage');
  const person = `urn:peerkit:person:${SEED.colleague}`;
  const { provider } = await providerFor({ person: SEED.member, locale: 'es' }, 'proxy');
  // A second provider elsewhere on the page: the page still hears it once.
  const sidebar = (await providerFor({ person: SEED.member, locale: 'es' }, 'proxy')).provider;
  document.body.append(sidebar);
  try {
    let d = discussion(provider, thread);
    const kudos = document.createElement('peer-kudos');
    kudos.setAttribute('activity', `${person}#${crypto.randomUUID()}`);
    provider.append(kudos);
    document.body.append(provider);
    await waitUntil(() => composer(d), 'the composer', { timeout: 10_000 });
    type(composer(d)!, 'Un borrador a medias');
    d.remove();
    d = discussion(provider, thread);
    await waitUntil(() => composer(d), 'the composer again', { timeout: 10_000 });
    expect(composer(d)!.value, 'the draft survived inside the page').to.equal(
      'Un borrador a medias',
    );

    d.shadowRoot!.querySelector<HTMLButtonElement>(
      '[part~="composer"][data-mode="new"] [part~="submit"]',
    )!.click();
    await waitUntil(() => d.shadowRoot!.querySelector('[part~="guidelines"] button'), 'guidelines');
    d.shadowRoot!.querySelector<HTMLButtonElement>('[part~="guidelines"] button')!.click();
    await waitUntil(
      () => d.shadowRoot!.querySelector('article[part~="post"]'),
      'the post was not drawn',
      { timeout: 10_000 },
    );
    const give = () => kudos.shadowRoot?.querySelector<HTMLButtonElement>('[part~="button"]');
    await waitUntil(give, 'the kudos button', { timeout: 10_000 });
    give()!.click();
    await waitUntil(() => give()?.getAttribute('aria-pressed') === 'true', 'kudos given');

    const given = kudos.getAttribute('activity')!;
    // The LRS gets them within the recorder's interval (2 s), or at once when flushed.
    await until(async () => {
      await provider.context.recorder.flush();
      return (await statements('commented', thread)) && (await statements('gave-kudos', given));
    }, 'the statements at the LRS');
    expect(await statements('commented', thread), 'commented statements at the LRS').to.equal(1);
    expect(await statements('gave-kudos', given), 'gave-kudos statements at the LRS').to.equal(1);

    await waitUntil(() => errors.length > 0, 'no peer-error about storage');
    await new Promise((r) => setTimeout(r, 300));
    expect(errors.map((e) => e.kind)).to.deep.equal(['storage']);
    const spanish = /^Este navegador no deja que Peerkit guarde nada/;
    expect(errorMessage(errors[0]!)).to.match(spanish);
    // Shown once, where the person reads it, in the page's language.
    const notice = [provider, sidebar].flatMap((p) => [
      ...p.shadowRoot!.querySelectorAll('[part~="notice"]'),
    ]);
    expect(notice.length).to.equal(1);
    expect(notice[0]!.textContent!.trim()).to.match(spanish);
  } finally {
    document.removeEventListener('peer-error', onError);
    provider.remove();
    sidebar.remove();
  }
}
