/** Registers `<peer-provider>` (skipping the tag if it is taken). */
import { define } from './define-element.js';
import { PeerProvider } from './provider/provider.js';

define('peer-provider', PeerProvider);

/** The whole typed surface (tag map, event map, properties) comes with the define entry too. */
export type * from './index.js';
