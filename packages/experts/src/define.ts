/**
 * Registers `<peer-expert-finder>` and `<peer-person-card>` (each skipped when the tag is
 * taken), and the person card as the kit's one card for any person's name
 * (`setPersonCardOpener`, docs/decisions.md §9).
 */
import { define } from '@peerkit/core';
import { setPersonCardOpener } from '@peerkit/core/person-card';
import { PeerExpertFinder } from './expert-finder.js';
import { PeerPersonCard, openCard } from './person-card.js';

define('peer-expert-finder', PeerExpertFinder);
define('peer-person-card', PeerPersonCard);
setPersonCardOpener(openCard);

export { PeerExpertFinder, PeerPersonCard };

/** The whole typed surface (tag map, event map, properties) comes with the define entry too. */
export type * from './index.js';
