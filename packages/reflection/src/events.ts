/**
 * The events `<peer-reflection-card>` dispatches, one class each, so that
 * `el.addEventListener('peer-reflection-saved', (e) => e.detail.reflection)` is typed for
 * hosts. Both bubble and cross shadow roots (`composed`), and fire once the server has the
 * change.
 */
import { PeerEvent, type Post, type Reflection } from '@peerkit/core';

export interface ReflectionSavedDetail {
  /** The reflection as the server saved it (`version` 1 when it was created). */
  reflection: Reflection;
}

export interface LessonPromotedDetail {
  /** The reflection the lesson comes from. */
  reflection: Reflection;
  /** The lesson's text (the answer to "what we learned"). */
  lesson: string;
  /** The discussion post it became. */
  post: Post;
}

export class PeerReflectionSavedEvent extends PeerEvent<ReflectionSavedDetail> {
  constructor(detail: ReflectionSavedDetail) {
    super('peer-reflection-saved', detail);
  }
}

export class PeerLessonPromotedEvent extends PeerEvent<LessonPromotedDetail> {
  constructor(detail: LessonPromotedDetail) {
    super('peer-lesson-promoted', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peer-reflection-saved': PeerReflectionSavedEvent;
    'peer-lesson-promoted': PeerLessonPromotedEvent;
  }
}
