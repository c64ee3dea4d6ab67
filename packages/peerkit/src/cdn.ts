/// <reference types="vite/client" />
/**
 * The CDN module: one `<script type="module" src="…/peerkit.js">` and every Peerkit tag works.
 *
 * - Eager, in this entry: `<peer-provider>` with the core (client, recorder, context), Lit,
 *   and `<peer-kudos>`: the small widget that appears many times on a page. The contract's
 *   checks (zod/mini), live threads and the recorder's delivery load beside the first request.
 * - Lazy, one chunk each: the bigger widgets (`<peer-discussion>` with its Markdown parser, …).
 *   A widget's chunk is imported when its tag first appears in the document: already in the
 *   markup, or added later (a `MutationObserver` watches until every lazy tag is loaded).
 *   A host that renders widgets inside its own shadow roots, where the observer cannot see,
 *   calls `load('peer-discussion')` (exported here) or uses the package builds.
 * - A chunk that cannot load (offline, a CDN hiccup) fires `peer-error` (kind `network`) on
 *   every element of that tag, once per streak of failures, and is tried again when the
 *   browser is back online, after a growing delay while it is online (1 s doubling to a
 *   minute), and when another element of the tag appears. Until a widget is defined, the host's `:not(:defined)` styles
 *   and the element's own light-DOM children are what shows.
 * - The person card (docs/decisions.md §9): a loader is registered with `setPersonCardOpener`,
 *   so names in the discussion and kudos are buttons from the first paint; the first name
 *   activated imports the experts chunk (whose define entry registers the real card, which
 *   then opens).
 */
import '@peerkit/core/define';
import '@peerkit/kudos/define';
import { PeerError, PeerErrorEvent, toPeerError } from '@peerkit/core';
import { PERSON_CARD_SLOT, type PersonCardOpener } from '@peerkit/core/person-card';
import { LAZY_WIDGETS } from './widgets.js';

export { configure } from '@peerkit/core';
/**
 * The CDN module's types (`peerkit/cdn`) are the whole kit's, lazy widgets included: a host
 * that loads the module gets every tag, event and property typed.
 */
export type * from './index.js';

// Only the define entries that exist are bundled (a glob of a missing file is empty).
const modules = import.meta.glob([
  '../../discussion/src/define.ts',
  '../../experts/src/define.ts',
  '../../reflection/src/define.ts',
]);

const pending = new Map<string, () => Promise<unknown>>();
for (const [tag, path] of Object.entries(LAZY_WIDGETS)) {
  const loader = modules[path];
  if (loader && !customElements.get(tag)) pending.set(tag, loader);
}

const loading = new Map<string, Promise<void>>();

/**
 * Loads and defines a lazy widget now (resolves once its tag is defined). Rejects with a
 * `config` `PeerError` for a tag this build does not hold, and with a `network` one when the
 * chunk cannot be fetched (the next call, a new element of that tag, or the browser coming
 * back online tries again).
 */
export function load(tag: string): Promise<void> {
  let done = loading.get(tag);
  if (done) return done;
  const loader = pending.get(tag);
  if (!loader) {
    // Defined already (eagerly, or by another copy of Peerkit on the page), or not in this build.
    return customElements.get(tag)
      ? Promise.resolve()
      : Promise.reject(new PeerError('config', `<${tag}> is not part of this Peerkit build.`));
  }
  pending.delete(tag);
  done = loader().then(
    () => customElements.whenDefined(tag).then(() => undefined),
    (cause: unknown) => {
      // A chunk that failed to load (offline, CDN hiccup) can be tried again.
      loading.delete(tag);
      pending.set(tag, loader);
      watch();
      throw new PeerError(
        'network',
        `Could not load <${tag}>; it is tried again shortly, and when the browser is back online.`,
        { cause },
      );
    },
  );
  loading.set(tag, done);
  return done;
}

/** Tags whose failure the page has been told of (once per streak of failures). */
const reported = new Set<string>();
let retryDelay = 1_000;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Tries the failed chunks again: at once when the browser comes back online, else after a
 * growing delay (1 s doubling to a minute) while it is online, for a CDN hiccup, or for the
 * moments after `online` fires in which requests may still fail.
 */
function retryLater(): void {
  clearTimeout(retryTimer);
  if (!navigator.onLine) return; // the `online` event tries again
  retryTimer = setTimeout(() => scan(document), retryDelay);
  retryDelay = Math.min(retryDelay * 2, 60_000);
}

function scan(node: Element | Document): void {
  for (const tag of pending.keys()) {
    if ((node instanceof Element && node.localName === tag) || node.querySelector(tag)) {
      load(tag).then(
        () => {
          reported.delete(tag);
          retryDelay = 1_000;
        },
        (error: unknown) => {
          if (!(error instanceof PeerError)) throw error;
          retryLater();
          if (reported.has(tag)) return;
          reported.add(tag);
          console.error(`[peerkit] ${error.message}`, error.details.cause);
          // The element cannot draw itself yet: tell the host through its usual channel, so
          // a page that listens for peer-error can say so (and style :not(:defined)).
          for (const el of document.querySelectorAll(tag))
            el.dispatchEvent(new PeerErrorEvent({ error }));
        },
      );
    }
  }
}

let watching = false;
const observer = new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  }
  if (pending.size === 0) {
    observer.disconnect();
    watching = false;
  }
});

/** Watches the document for lazy tags while some are still to load. */
function watch(): void {
  if (watching || pending.size === 0) return;
  watching = true;
  observer.observe(document, { childList: true, subtree: true });
}

// The person card lives in the experts chunk: the first name activated loads it, and its define
// entry then registers the real opener in place of this loader. The loader goes into the
// page-wide slot `@peerkit/core/person-card` reads (`PERSON_CARD_SLOT`); a card another copy of
// the kit registered is left in place. The hook (0.1 KB) is in `peerkit.js`, not a chunk of its
// own that the discussion, kudos' lazy part and the expert finder each loaded (0.25 KB each).
const expertsChunk = modules['../../experts/src/define.ts'];
const slot = globalThis as { [k: symbol]: PersonCardOpener | null | undefined };
if (expertsChunk)
  slot[PERSON_CARD_SLOT] ??= (request) =>
    expertsChunk().then(
      (m) => (m as { openCard: PersonCardOpener }).openCard(request),
      (error: unknown) =>
        void request.anchor.dispatchEvent(new PeerErrorEvent({ error: toPeerError(error) })),
    );

addEventListener('online', () => {
  retryDelay = 1_000;
  scan(document);
});
watch();
scan(document);
