/**
 * The events `<peer-discussion>` dispatches: one typed class per event, each declared in
 * `GlobalEventHandlersEventMap`, so a host's `addEventListener('peer-post-created', e =>
 * e.detail.post)` is typed. All bubble and cross shadow roots. `peer-answer-accepted` and
 * `peer-post-highlighted` are in `toggle-events.ts`, with the lazy part that fires them.
 */
import { PeerEvent, type PersonSummary, type Post, type ReportReason } from '@peerkit/core';

export interface PostEventDetail {
  post: Post;
}

/** A post or reply was published. */
export class PeerPostCreatedEvent extends PeerEvent<PostEventDetail> {
  constructor(detail: PostEventDetail) {
    super('peer-post-created', detail);
  }
}

/** A post was edited. */
export class PeerPostUpdatedEvent extends PeerEvent<PostEventDetail> {
  constructor(detail: PostEventDetail) {
    super('peer-post-updated', detail);
  }
}

export interface PostDeletedDetail {
  /** The id of the deleted post. */
  id: string;
  /** The placeholder left when the post has replies, else `null`. */
  placeholder: Post | null;
}

/** A post was deleted. */
export class PeerPostDeletedEvent extends PeerEvent<PostDeletedDetail> {
  constructor(detail: PostDeletedDetail) {
    super('peer-post-deleted', detail);
  }
}

export interface PostReportedDetail {
  post: Post;
  reason: ReportReason;
  note?: string;
}

/** A post was reported to the moderators. */
export class PeerPostReportedEvent extends PeerEvent<PostReportedDetail> {
  constructor(detail: PostReportedDetail) {
    super('peer-post-reported', detail);
  }
}

export interface MentionCreatedDetail {
  /** The post as saved. */
  post: Post;
  /** The people it newly mentions (all of a new post's; those an edit added). */
  people: PersonSummary[];
}

/** A post was published, or edited, mentioning people (docs/decisions.md §10). */
export class PeerMentionCreatedEvent extends PeerEvent<MentionCreatedDetail> {
  constructor(detail: MentionCreatedDetail) {
    super('peer-mention-created', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peer-post-created': PeerPostCreatedEvent;
    'peer-post-updated': PeerPostUpdatedEvent;
    'peer-post-deleted': PeerPostDeletedEvent;
    'peer-post-reported': PeerPostReportedEvent;
    'peer-mention-created': PeerMentionCreatedEvent;
  }
}
