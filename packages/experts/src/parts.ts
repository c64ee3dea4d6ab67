/**
 * The parts of `<peer-expert-finder>` that load after its first paint, in one chunk: the "Ask"
 * paths with the question form (on the first "Ask"), the own card with its editing (as
 * soon as someone is signed in, beside its data), and what is needed only once the person acts:
 * the xAPI statements (a search, an endorsement, a contact), the search field's suggestions
 * with their strings (on the first typing) and the strings said after an action
 * (`more`; an endorse click starts loading them, so they are in by the server's answer).
 */
export { AskController } from './controllers/ask.js';
export { ProfileController } from './controllers/profile.js';
export { renderAskForm } from './views/ask.js';
export { partsStyles } from './parts.styles.js';
export { more } from './more-messages.js';
export { contactedStatement, endorsementStatement, searchedStatement } from './xapi.js';
export { suggest } from './model/suggest.js';
