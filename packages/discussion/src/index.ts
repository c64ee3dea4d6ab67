/** `@peerkit/discussion`: the `<peer-discussion>` class and its events, without side effects. */
export { PeerDiscussion } from './discussion.js';
export type { AskRequest } from './controllers/ask.js';
export {
  PeerPostCreatedEvent,
  PeerPostDeletedEvent,
  PeerPostReportedEvent,
  PeerPostUpdatedEvent,
  type PostDeletedDetail,
  type PostEventDetail,
  type PostReportedDetail,
} from './events.js';
export { postIri } from './xapi.js';
