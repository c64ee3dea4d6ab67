/**
 * The Peerkit REST contract, as zod schemas.
 *
 * This one module is the single source of truth: the browser client checks every
 * response against it, the reference server validates every request with it, and the
 * OpenAPI 3.1 document is generated from it. Paths are relative to the provider's
 * `endpoint` (the reference server mounts them under `/api`).
 *
 * We use `zod/mini` rather than classic zod: the same schemas and JSON Schema output,
 * but tree-shakable functions instead of methods, so the browser pays ~5.6 KB gzip for
 * what it uses instead of ~24.6 KB (measured in `TOOLCHAIN.md` and by `npm run size`).
 *
 * Decisions the design left open, fixed here:
 * - `GET /posts` pages a thread by its *root* posts: `limit` counts roots, and `items`
 *   holds each root followed by all its descendants (oldest first), each with `parentId`
 *   and `depth`, so one request draws a page of threads. `total` counts the posts of the
 *   thread a reader can read: neither deleted placeholders nor hidden posts (docs/decisions.md §3).
 * - Text limits (`maxLength`) count Unicode code points, as JSON Schema does (`limits.ts`,
 *   `textLength`).
 * - A post, a reflection and a profile carry `version`; writes that replace them accept
 *   `If-Match: "<version>"` and answer 412 with the `current` resource on a mismatch.
 * - `GET /kudos/givers?activity=` lists who gave kudos to one activity, on demand.
 * - `GET /me` answers 401 when nobody is signed in; the client turns that into `null`.
 */

// Each section lives in its own module under `contract/`, built from `contract/base.ts`.
export * from './limits.js';
export { EventId, Id, Iri, Problem, Timestamp, Uuid, pageOf } from './contract/base.js';
export type { Page } from './contract/base.js';
export * from './contract/people.js';
export * from './contract/posts.js';
export * from './contract/reflections.js';
export * from './contract/lessons.js';
export * from './contract/kudos.js';
export * from './contract/rest.js';
