/** `@peerkit/experts`: the `<peer-expert-finder>` and `<peer-person-card>` classes and their events, without registering the tags (see `./define`). */
export { PeerExpertFinder } from './expert-finder.js';
export { PeerPersonCard, openCard } from './person-card.js';
export {
  PeerEndorsementCreatedEvent,
  PeerEndorsementWithdrawnEvent,
  PeerExpertContactEvent,
  PeerExpertSearchEvent,
} from './events.js';
export type { EndorsementDetail, ExpertContactDetail, ExpertSearchDetail } from './events.js';
