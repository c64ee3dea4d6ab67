/** `@peerkit/reflection`: the `<peer-reflection-card>` class and its events, without registering the tag (see `./define`). */
export { PeerReflectionCard } from './reflection-card.js';
export { PeerLessonPromotedEvent, PeerReflectionSavedEvent } from './events.js';
export type { LessonPromotedDetail, ReflectionSavedDetail } from './events.js';
