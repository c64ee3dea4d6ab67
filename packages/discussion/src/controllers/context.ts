/**
 * What the discussion's controllers share: the element (as a controller host), the
 * provider's client, person and recorder, and the few things every controller may do to
 * the page (announce, move focus, report a failure). The element builds it once; the
 * controllers never reach into the element's fields.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Me, PeerClient, PeerError, Recorder } from '@peerkit/core';
import type { ThreadRef } from '../xapi.js';

export type DiscussionHost = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface DiscussionContext {
  readonly host: DiscussionHost;
  client(): PeerClient | null;
  /** The signed-in person; `undefined` while loading, `null` when signed out. */
  me(): Me | null | undefined;
  recorder(): Recorder | undefined;
  /** The thread's activity IRI and heading (for requests and statements). */
  thread(): ThreadRef;
  locale(): string;
  online(): boolean;
  /** Signed in and not `readonly`. */
  canWrite(): boolean;
  moderator(): boolean;
  /** `mode="qa"`: root posts are questions (their statements say `asked`, `answered`). */
  qa(): boolean;
  /** Dispatches `peer-error` (except for an abort) and returns the error for drawing. */
  fail(error: unknown): PeerError;
  /** Says `text` in the polite live region. */
  announce(text: string): void;
  /** Focuses what `find` returns after the next render. */
  focus(find: () => HTMLElement | null | undefined): void;
  /** An element of the discussion's shadow root. */
  query<T extends HTMLElement>(selector: string): T | null;
}
