/** Registers `<peer-kudos>` (skipped when the tag is taken). */
import { define } from '@peerkit/core';
import { PeerKudos } from './kudos.js';

define('peer-kudos', PeerKudos);

export { PeerKudos };

/** The whole typed surface (tag map, event map, properties) comes with the define entry too. */
export type * from './index.js';
