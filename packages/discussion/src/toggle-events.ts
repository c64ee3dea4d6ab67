/**
 * `peer-answer-accepted` and `peer-post-highlighted`, apart from `events.ts` so their classes
 * load with the part that fires them (the actions chunk, `controllers/toggles.ts`), not on the
 * discussion's first paint.
 */
import { PeerEvent, type Post } from '@peerkit/core';
import type { PostEventDetail } from './events.js';

/**
 * An answer was accepted in Q&A mode (docs/decisions.md §18); `detail.post` is the answer as
 * the server answered it (`accepted: true`).
 */
export class PeerAnswerAcceptedEvent extends PeerEvent<PostEventDetail> {
  constructor(detail: PostEventDetail) {
    super('peer-answer-accepted', detail);
  }
}

export interface PostHighlightedDetail {
  /** The post as the server answered it. */
  post: Post;
  /** `true`: highlighted by a moderator; `false`: the highlight was withdrawn. */
  highlighted: boolean;
}

/** A moderator highlighted a post, or withdrew its highlight (docs/decisions.md §19). */
export class PeerPostHighlightedEvent extends PeerEvent<PostHighlightedDetail> {
  constructor(detail: PostHighlightedDetail) {
    super('peer-post-highlighted', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peer-answer-accepted': PeerAnswerAcceptedEvent;
    'peer-post-highlighted': PeerPostHighlightedEvent;
  }
}
