/** `@peerkit/discussion`: the `<peer-discussion>` class and its events, without side effects. */
export { PeerDiscussion } from './discussion.js';
export type { AskRequest } from './controllers/ask.js';
export {
  PeerMentionCreatedEvent,
  PeerPostCreatedEvent,
  PeerPostDeletedEvent,
  PeerPostReportedEvent,
  PeerPostUpdatedEvent,
  type MentionCreatedDetail,
  type PostDeletedDetail,
  type PostEventDetail,
  type PostReportedDetail,
} from './events.js';
export {
  PeerAnswerAcceptedEvent,
  PeerPostHighlightedEvent,
  type PostHighlightedDetail,
} from './toggle-events.js';
export { postIri } from './xapi.js';
