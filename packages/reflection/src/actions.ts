/**
 * What `<peer-reflection-card>` needs only once the person has done something, as one chunk
 * (one request): the statements of a confirmed save (`xapi.ts`) and the delete dialog. The
 * card starts loading it with the first save or the first "Delete".
 */
export { reflectedStatement, StatementPacer } from './xapi.js';
export { renderDeleteDialog } from './views/dialog.js';
export { exportReflections } from './export.js';
