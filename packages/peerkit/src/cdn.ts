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
 */
import '@peerkit/core/define';
import '@peerkit/kudos/define';
import { LAZY_WIDGETS } from './widgets.js';

export { configure } from '@peerkit/core';

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

/** Loads and defines a lazy widget now (resolves once its tag is defined). */
export function load(tag: string): Promise<void> {
  let done = loading.get(tag);
  if (!done) {
    const loader = pending.get(tag);
    pending.delete(tag);
    done = loader
      ? loader().then(
          () => customElements.whenDefined(tag).then(() => undefined),
          (error: unknown) => {
            // A chunk that failed to load (offline, CDN hiccup) can be tried again.
            loading.delete(tag);
            pending.set(tag, loader);
            throw error;
          },
        )
      : customElements.whenDefined(tag).then(() => undefined);
    loading.set(tag, done);
  }
  return done;
}

function scan(node: Element | Document): void {
  for (const tag of pending.keys()) {
    if ((node instanceof Element && node.localName === tag) || node.querySelector(tag)) {
      load(tag).catch((error: unknown) =>
        console.error(`[peerkit] could not load <${tag}>`, error),
      );
    }
  }
}

if (pending.size > 0) {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
    if (pending.size === 0) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  scan(document);
}
