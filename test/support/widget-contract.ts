/**
 * The behaviour every Peerkit widget keeps, as one suite each widget's tests call with its
 * tag and how to make and read it (after Shoelace's `form-control-base-tests.ts` and Lion's
 * `form-core/test-suites/`), instead of the same tests copied per widget:
 *
 * - a provider that arrives late: the loading state (never an error or a blank box), then
 *   the content;
 * - a misconfigured provider: its message said once on the page, no loading state forever;
 * - the first load failing: a visible notice with a retry, one `peer-error`, and the retry
 *   loading;
 * - the browser offline while loading: the offline wording, then the content by itself once
 *   back online;
 * - Spanish under `locale="es"`;
 * - axe in each of those states, and no Lit dev-mode warning anywhere;
 * - removed from the page: every request it made is aborted, and it leaves no listener on
 *   `window` or `document` behind (checked by watching `addEventListener` /
 *   `removeEventListener` on both while it lives).
 *
 * ```ts
 * widgetContract({ tag: 'peer-kudos', create: () => …, loadPath: '^/kudos$', … });
 * ```
 */
import { failOnLitWarnings } from './lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import '@peerkit/core/define';
import { RestClient, type PeerClient, type PeerErrorEvent } from '@peerkit/core';
import { providerFor } from './provider.js';
import { chaos, uniqueActivity } from './server.js';

export interface WidgetContract<E extends HTMLElement = HTMLElement> {
  /** The element's tag, for the suite's name. */
  tag: string;
  /** Makes the element with its attributes set (not yet in the page). */
  create: (activity: string) => E;
  /** The path of the element's first load, as a chaos rule path (`^/kudos$`). */
  loadPath: string;
  /** Shows its loading state. */
  loading: (el: E) => boolean;
  /** Shows its content (the first load is drawn). */
  loaded: (el: E) => boolean;
  /** The visible notice's text, whitespace collapsed (`''` when none). */
  notice: (el: E) => string;
  /** The retry button of a failed load. */
  retry: (el: E) => HTMLElement | null;
  /** What the notice says when the first load failed, and when it failed offline. */
  texts: { loadFailed: string; offline: string };
  /** Shows itself in Spanish (e.g. its button or heading reads the Spanish words). */
  spanish: (el: E) => boolean;
  /** Optional: puts the element in its busiest state (a popover open, a composer focused). */
  busy?: (el: E) => Promise<void>;
}

/** Every `<tag>` of the page, and every Peerkit element left behind, removed after each test. */
const mounted: HTMLElement[] = [];

async function mountIn(
  c: WidgetContract,
  options: { endpoint?: string; locale?: string; client?: PeerClient } = {},
) {
  const activity = uniqueActivity(c.tag);
  const { provider, token } = await providerFor(options);
  if (options.client) provider.client = options.client;
  const el = c.create(activity);
  provider.append(el);
  const container = document.createElement('div');
  container.append(provider);
  document.body.append(container);
  mounted.push(container);
  return { el, provider, container, token };
}

const until = (check: () => unknown, message: string) =>
  waitUntil(check, message, { timeout: 15_000 });

/**
 * Listeners added to `window`/`document` and not removed, while `watch` runs and for up to
 * 2 s after it (a request that was in flight may settle, and clean up, just after removal;
 * a listener still there after that is a leak).
 */
async function leakedListeners(watch: () => Promise<void>): Promise<string[]> {
  const proto = EventTarget.prototype;
  const { addEventListener: add, removeEventListener: remove } = proto;
  const live = new Map<string, number>();
  const key = (target: EventTarget, type: string, listener: unknown, options: unknown) => {
    if (target !== window && target !== document) return null;
    const capture =
      typeof options === 'boolean' ? options : !!(options as { capture?: boolean })?.capture;
    const id =
      ids.get(listener as object) ??
      ids.set(listener as object, ids.size + 1).get(listener as object);
    return `${target === window ? 'window' : 'document'} ${type}${capture ? ' (capture)' : ''} #${id}`;
  };
  const ids = new Map<object, number>();
  proto.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: never,
    options?: never,
  ) {
    const k = listener && key(this, type, listener, options);
    if (k && !(options as { once?: boolean } | undefined)?.once)
      live.set(k, (live.get(k) ?? 0) + 1);
    return add.call(this, type, listener, options);
  };
  proto.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: never,
    options?: never,
  ) {
    const k = listener && key(this, type, listener, options);
    if (k && live.has(k)) live.set(k, 0);
    return remove.call(this, type, listener, options);
  };
  const left = () => [...live].filter(([, n]) => n > 0).map(([k]) => k);
  try {
    await watch();
    await waitUntil(() => left().length === 0, 'no listener left', { timeout: 2_000 }).catch(
      () => {},
    );
  } finally {
    proto.addEventListener = add;
    proto.removeEventListener = remove;
  }
  return left();
}

/** A `PeerClient` that is the real REST client, recording the signal of every call. */
function recordingClient(endpoint: string, token: string | null, signals: AbortSignal[]) {
  const real = new RestClient({ endpoint, getToken: () => token });
  return new Proxy(real, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        for (const arg of args) {
          const signal = (arg as { signal?: unknown } | null)?.signal;
          if (signal instanceof AbortSignal) signals.push(signal);
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as PeerClient;
}

export function widgetContract<E extends HTMLElement>(c: WidgetContract<E>): void {
  const w = c as unknown as WidgetContract;
  describe(`<${c.tag}> keeps the widget contract`, () => {
    failOnLitWarnings();
    afterEach(() => {
      for (const node of mounted.splice(0)) node.remove();
    });

    it('waits for a provider added later, in its loading state, then loads (late provider)', async () => {
      const container = document.createElement('div');
      const el = c.create(uniqueActivity(c.tag));
      container.append(el);
      document.body.append(container);
      mounted.push(container);
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(c.loading(el), 'the loading state before any provider').to.equal(true);
      expect(c.notice(el)).to.equal('');
      await expect(el).to.be.accessible();
      const { provider } = await providerFor({});
      container.append(provider);
      provider.append(el);
      await until(() => c.loaded(el), 'the content once the provider came');
      await expect(el).to.be.accessible();
    });

    it("says once what is wrong with a misconfigured provider, and doesn't stay loading", async () => {
      const { el, container, provider } = await mountIn(w, { endpoint: 'not a url' });
      await until(() => !c.loading(el as E), 'the element to stop loading');
      // The provider's notice is drawn once the errors' wording has loaded (a chunk fetched
      // with the first error); its updateComplete includes that. A widget that draws the error
      // itself may load that wording too, and claims the error once it has drawn it: its
      // updateComplete includes that, and the provider's next update gives the notice up.
      await provider.updateComplete;
      await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
      await provider.updateComplete;
      const page = [container, ...container.querySelectorAll('*')]
        .map((n) => n.shadowRoot?.textContent ?? '')
        .join(' ');
      expect(page.split('not a URL').length - 1, 'the message appears once').to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('says when its first load failed, with a retry that works, and fires one peer-error', async () => {
      const proxy = await chaos([
        { match: { path: c.loadPath }, action: 'status', status: 503, times: -1 },
      ]);
      const errors: PeerErrorEvent[] = [];
      const listen = (e: PeerErrorEvent) => errors.push(e);
      document.addEventListener('peer-error', listen);
      try {
        const { el } = await mountIn(w, { endpoint: proxy.endpoint });
        await until(() => c.notice(el as E).includes(c.texts.loadFailed), 'the failure notice');
        expect(c.loaded(el as E)).to.equal(false);
        expect(errors.length).to.equal(1);
        expect(errors[0]!.detail.error.kind).to.equal('http');
        await expect(el).to.be.accessible();
        await proxy.set([]);
        c.retry(el as E)!.click();
        await until(() => c.loaded(el as E), 'the content after the retry');
        expect(c.notice(el as E)).to.equal('');
        expect(errors.length).to.equal(1);
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener('peer-error', listen);
        await proxy.clear();
      }
    });

    it('says it is offline when the load fails offline, and loads by itself once back online', async () => {
      const proxy = await chaos([{ match: { path: c.loadPath }, action: 'drop', times: -1 }]);
      try {
        const { el } = await mountIn(w, { endpoint: proxy.endpoint });
        window.dispatchEvent(new Event('offline'));
        await until(() => c.notice(el as E).includes(c.texts.offline), 'the offline notice');
        await expect(el).to.be.accessible();
        await proxy.set([]);
        window.dispatchEvent(new Event('online'));
        await until(() => c.loaded(el as E), 'the content once back online');
        expect(c.notice(el as E)).to.equal('');
      } finally {
        window.dispatchEvent(new Event('online'));
        await proxy.clear();
      }
    });

    it('removed from the page, aborts its requests and leaves no listener behind', async () => {
      // Once first: page-wide things made once per page (the context root) are not leaks.
      const first = await mountIn(w);
      await until(() => c.loaded(first.el as E), 'the first element');
      first.container.remove();

      const proxy = await chaos([
        { match: { path: c.loadPath }, action: 'delay', delayMs: 3000, times: -1 },
      ]);
      const signals: AbortSignal[] = [];
      const leaked = await leakedListeners(async () => {
        const { token } = await providerFor({});
        const { el, container } = await mountIn(w, {
          client: recordingClient(proxy.endpoint, token, signals),
        });
        await until(() => signals.length > 0, 'its first request');
        expect(signals.some((s) => !s.aborted)).to.equal(true);
        el.remove();
        expect(
          signals.every((s) => s.aborted),
          'every request aborted',
        ).to.equal(true);
        // Back in the page, it loads; then busy, then gone with its provider.
        container.querySelector('peer-provider')!.append(el);
        await proxy.set([]);
        await until(() => c.loaded(el as E), 'the content once back');
        await c.busy?.(el as E);
        container.remove();
      });
      await proxy.clear();
      expect(leaked, 'listeners left on window or document').to.deep.equal([]);
    });

    // Last: `@lit/localize` has one message locale per page.
    it('speaks Spanish under locale="es"', async () => {
      const { el, provider } = await mountIn(w, { locale: 'es' });
      await until(() => c.loaded(el as E) && c.spanish(el as E), 'Spanish');
      await expect(el).to.be.accessible();
      provider.setAttribute('locale', 'en');
      await until(() => !c.spanish(el as E), 'English again');
    });
  });
}
