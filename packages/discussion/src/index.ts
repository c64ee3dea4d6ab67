/** `@peerkit/discussion`: the `<peer-discussion>` class and its events, without side effects. */
export { PeerDiscussion } from './discussion.js';
export type { AskRequest } from './controllers/ask.js';
export {
  PeerAnswerAcceptedEvent,
  PeerMentionCreatedEvent,
  PeerPostCreatedEvent,
  PeerPostDeletedEvent,
  PeerPostHighlightedEvent,
  PeerPostReportedEvent,
  PeerPostUpdatedEvent,
  type MentionCreatedDetail,
  type PostDeletedDetail,
  type PostEventDetail,
  type PostHighlightedDetail,
  type PostReportedDetail,
} from './events.js';
export { postIri } from './xapi.js';
