import { createContext } from '@lit/context';
import type { Me } from './contract.js';
import type { PeerClient, PeerError } from './client/types.js';
import type { Recorder } from './xapi/types.js';

/** What `<peer-provider>` (or `configure()`) gives every widget below it. */
export interface PeerContextValue {
  client: PeerClient;
  recorder: Recorder;
  /** BCP 47 tag in effect: the provider's `locale`, else the page's `lang`, else the browser's. */
  locale: string;
  /** `undefined` while loading, `null` when nobody is signed in. */
  me: Me | null | undefined;
  /** A configuration problem the widgets should show (bad endpoint, unknown xapi mode). */
  error?: PeerError;
}

/** `Symbol.for` so that two copies of the kit on one page still find each other. */
export const peerContext = createContext<PeerContextValue>(Symbol.for('peerkit.context'));

/**
 * How a widget tells its `<peer-provider>` that it draws the provider's configuration error
 * (`PeerContextValue.error`) itself, so the page says it once, where the reader looks
 * (lead's decision, issue 10 "a provider error shown once"): while at least one widget below
 * holds a claim, the provider does not draw its own `part="error"` notice; with none (only
 * widgets too small to say it, such as `<peer-kudos>`), the provider draws it, once.
 *
 * `claim()` returns the release: call it when the widget stops drawing the error or leaves
 * the page (calling it twice is harmless). Provided by `<peer-provider>` only; under
 * `configure()` nobody answers, and the widget simply draws the error.
 */
export interface PeerErrorClaims {
  claim(): () => void;
}

/** The context `<peer-provider>` answers with its `PeerErrorClaims` (`Symbol.for`, as above). */
export const peerErrorClaims = createContext<PeerErrorClaims>(Symbol.for('peerkit.errorClaims'));
