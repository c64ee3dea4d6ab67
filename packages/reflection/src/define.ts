/** Registers `<peer-reflection-card>` (skipped when the tag is taken). */
import { define } from '@peerkit/core';
import { PeerReflectionCard } from './reflection-card.js';

define('peer-reflection-card', PeerReflectionCard);

export { PeerReflectionCard };

/** The whole typed surface (tag map, event map, properties) comes with the define entry too. */
export type * from './index.js';
