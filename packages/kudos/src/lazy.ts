/**
 * What `<peer-kudos>` needs only once the person interacts, as one chunk (one request): the
 * write path (`changes.ts`) and the givers line (`givers.ts`). The element starts loading it
 * when the pointer or the focus reaches its button, with the first choice, or with the
 * givers' request.
 */
export { confirmed, send } from './changes.js';
export { giversLine } from './givers.js';
