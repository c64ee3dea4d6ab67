/**
 * The parts of `<peer-expert-finder>` that load after its first paint, in one chunk: the "Ask"
 * paths with the question form (on the first "Ask"), and the own card with its editing (as
 * soon as someone is signed in, beside its data).
 */
export { AskController } from './controllers/ask.js';
export { ProfileController } from './controllers/profile.js';
export { renderAskForm } from './views/ask.js';
export { partsStyles } from './parts.styles.js';
