/** `@peerkit/discussion`: the `<peer-discussion>` class and its events, without side effects. */
export { PeerDiscussion, WINDOW_MAX } from './discussion.js';
export {
  PeerPostCreatedEvent,
  PeerPostDeletedEvent,
  PeerPostReportedEvent,
  PeerPostUpdatedEvent,
  type PostDeletedDetail,
  type PostEventDetail,
  type PostReportedDetail,
} from './events.js';
export { renderMarkdown, safeHref } from './markdown.js';
export { postIri } from './post.js';
