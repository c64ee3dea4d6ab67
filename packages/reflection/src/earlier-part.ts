/**
 * What `<peer-reflection-card>` draws below its form: my earlier reflections (the list, its
 * controller, the delete dialog) and the export. One chunk (one request), loaded as the personal card first
 * renders, so the three questions paint and take typing without waiting for it; the list
 * shows the card's loading state until it and its data arrive.
 */
export { EarlierController } from './controllers/earlier.js';
export { renderEarlier, renderExport } from './views/earlier.js';
export { renderDeleteDialog } from './views/dialog.js';
export { moreMessages } from './more-messages.js';
