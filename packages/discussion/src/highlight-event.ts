/**
 * `peer-post-highlighted`, apart from `events.ts` so the class loads with the part that
 * fires it (the actions chunk, `controllers/toggles.ts`), not on the discussion's first paint.
 */
import { PeerEvent, type Post } from '@peerkit/core';

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
    'peer-post-highlighted': PeerPostHighlightedEvent;
  }
}
