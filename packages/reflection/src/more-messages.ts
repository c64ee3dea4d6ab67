/**
 * The strings only the card's lazy parts show (my earlier reflections, the export and the
 * delete dialog), with stable ids (`reflection.*`) as in `messages.ts`: in their chunk, not
 * on the card's first paint (as the discussion's `more-messages.ts`).
 */
import { msg, str } from '@peerkit/core';

export const moreMessages = {
  loadFailed: () =>
    msg('Your earlier reflections could not be loaded.', { id: 'reflection.load-failed' }),
  loadOffline: () =>
    msg('You are offline: your earlier reflections could not be loaded.', {
      id: 'reflection.load-offline',
    }),
  earlier: () => msg('My earlier reflections', { id: 'reflection.earlier' }),
  earlierNone: () => msg('No earlier reflections on this yet.', { id: 'reflection.earlier.none' }),
  more: () => msg('Show more', { id: 'reflection.more' }),
  edit: () => msg('Edit', { id: 'reflection.edit' }),
  delete: () => msg('Delete', { id: 'reflection.delete' }),
  cancel: () => msg('Cancel', { id: 'reflection.cancel' }),
  deleteHeading: () => msg('Delete this reflection?', { id: 'reflection.delete.heading' }),
  deleteText: () =>
    msg('Nobody will be able to read it any more. This cannot be undone.', {
      id: 'reflection.delete.text',
    }),
  deleted: () => msg('Reflection deleted.', { id: 'reflection.deleted' }),
  deleteFailed: () =>
    msg('The reflection could not be deleted.', { id: 'reflection.delete.failed' }),
  export: () => msg('Export my reflections', { id: 'reflection.export' }),
  exportWhich: () => msg('Which', { id: 'reflection.export.which' }),
  exportHere: () => msg('On this page', { id: 'reflection.export.here' }),
  exportAll: () => msg('All of them', { id: 'reflection.export.all' }),
  exportMarkdown: () => msg('Download Markdown', { id: 'reflection.export.markdown' }),
  exportJson: () => msg('Download JSON', { id: 'reflection.export.json' }),
  exportTitle: () => msg('My reflections', { id: 'reflection.export.title' }),
  exportVisibility: (who: string) =>
    msg(str`Who can read it: ${who}`, { id: 'reflection.export.visibility' }),
  exported: () => msg('Your reflections are downloaded.', { id: 'reflection.exported' }),
  exportFailed: () =>
    msg('Your reflections could not be exported.', { id: 'reflection.export.failed' }),
};
