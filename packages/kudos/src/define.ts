/** Registers `<peer-kudos>` (skipped when the tag is taken). */
import { define } from '@peerkit/core';
import { PeerKudos } from './kudos.js';

define('peer-kudos', PeerKudos);

export { PeerKudos };
