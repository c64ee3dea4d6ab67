/** `@peerkit/kudos`: the `<peer-kudos>` class and its events, without registering the tag (see `./define`). */
export { PeerKudos } from './kudos.js';
export { PeerKudosGivenEvent, PeerKudosWithdrawnEvent } from './events.js';
export type { KudosGivenDetail, KudosWithdrawnDetail } from './events.js';
