/**
 * `peerkit`: every Peerkit element class and the core API in one import, without
 * registering any tag (import `peerkit/define` for that, or load the CDN module).
 */
export * from '@peerkit/core';
export * from '@peerkit/kudos';
