/**
 * Registers `<peer-expert-finder>` (skipped when the tag is taken), and the person card as the
 * kit's one card for any person's name (`setPersonCardOpener`, docs/decisions.md §9): its module
 * loads, and `<peer-person-card>` is defined, when a name is first activated.
 */
import { define } from '@peerkit/core';
import { setPersonCardOpener } from '@peerkit/core/person-card';
import { PeerExpertFinder } from './expert-finder.js';
import type { PersonCardRequest } from '@peerkit/core/person-card';

/** Opens the person card, loading its module (and defining `<peer-person-card>`) on first use. */
export const openCard = (request: PersonCardRequest): Promise<void> =>
  import('./person-card.js').then((m) => m.openCard(request));

define('peer-expert-finder', PeerExpertFinder);
setPersonCardOpener(openCard);

export { PeerExpertFinder };

/** The whole typed surface (tag map, event map, properties) comes with the define entry too. */
export type * from './index.js';
