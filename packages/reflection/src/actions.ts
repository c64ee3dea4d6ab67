/**
 * What `<peer-reflection-card>` needs only once the person has done something, as one chunk
 * (one request): the statements of a confirmed save (`xapi.ts`) and the export. The card starts
 * loading it with the first save or the first export.
 */
export { reflectedStatement, StatementPacer } from './xapi.js';
export { exportReflections } from './export.js';
