/**
 * The discussion's parts that load on a person's action, as one lazy module: the report and
 * delete dialogs (the first "Report" or "Delete"), the moderators' queue (the first
 * "Reports"), `ask()` (the first call, from the expert finder), the accept and highlight
 * toggles (the first "Accept answer" or "Highlight") and the tag and highlights filters (the
 * first tag or "Highlights" pressed). One chunk instead of several keeps a chunk's gzip
 * overhead (~0.4 KB each) off the kit (issue 10's "every chunk" budget), for 1.4 KB of queue
 * code a reader's first report also fetches; none is on a first paint.
 */
export { DialogsController } from './dialogs.js';
export { ReportsController } from './reports.js';
export { AskController } from './ask.js';
export { PostToggles } from './toggles.js';
export { FiltersController } from './filters.js';
