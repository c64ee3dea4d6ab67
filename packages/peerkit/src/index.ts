/**
 * `peerkit`: every Peerkit element class and the core API in one import, without
 * registering any tag (import `peerkit/define` for that, or load the CDN module).
 * To add a widget: export its package here, import its define entry in `define.ts`, and
 * add its tag to `widgets.ts` for the CDN module.
 */
export * from '@peerkit/core';
export * from '@peerkit/kudos';
export * from '@peerkit/discussion';
export * from '@peerkit/experts';
export * from '@peerkit/reflection';
