/** `@peerkit/discussion`: the `<peer-discussion>` class and its events, without side effects. */
export { PeerDiscussion } from './discussion.js';
export type { AskRequest } from './controllers/ask.js';
export {
  PeerAnswerAcceptedEvent,
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
export { PeerPostHighlightedEvent, type PostHighlightedDetail } from './highlight-event.js';
export { postIri } from './xapi.js';
