/**
 * What `<peer-provider>` imports with the first error it shows: the errors' wording. A module
 * of its own (not re-exported by the index), so the import is a chunk in every build rather
 * than a namespace object made at run time.
 */
export { errorMessage } from './messages.js';
