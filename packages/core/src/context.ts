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
