import { ProviderRuntime, type ProviderConfig } from './runtime.js';
import { ensureContextRoot } from '../element.js';
import type { PeerContextValue } from '../context.js';

const KEY = Symbol.for('peerkit.configure');

/**
 * A page-wide provider, for hosts that cannot wrap markup in `<peer-provider>` (a CMS
 * block, an LMS theme): every Peerkit widget on the page without a nearer provider gets
 * this configuration. Call it again to change it (e.g. `configure({ token })`); the values
 * given are merged over the previous ones. `peer-error` events are dispatched on
 * `document.documentElement` (they reach `document` and `window` listeners).
 */
export function configure(config: ProviderConfig): PeerContextValue {
  ensureContextRoot();
  const g = globalThis as { [KEY]?: { runtime: ProviderRuntime; config: ProviderConfig } };
  let entry = g[KEY];
  if (!entry) {
    entry = { runtime: new ProviderRuntime(document.documentElement), config: {} };
    g[KEY] = entry;
    entry.config = { ...config };
    entry.runtime.apply(entry.config);
    entry.runtime.connect();
  } else {
    entry.config = { ...entry.config, ...config };
    entry.runtime.apply(entry.config);
  }
  return entry.runtime.current;
}
