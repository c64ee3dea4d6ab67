/**
 * The errors' wording, `@peerkit/core/wording`: `errorMessage(error)` says a `PeerError` in the
 * page's language. What `<peer-provider>` imports with the first error it shows, and what a
 * widget that words its own errors imports. An entry of its own (not re-exported by the main
 * entry), so a page loads it only with the first error to word: it keeps ~0.6 KB gzip off
 * `@peerkit/core` on import, and the import is a chunk in every build rather than a namespace
 * object made at run time.
 */
export { errorMessage } from './messages.js';
