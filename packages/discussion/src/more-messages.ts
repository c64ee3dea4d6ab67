/**
 * The strings of `<peer-discussion>`'s parts that load on a person's action (the report and
 * delete dialogs, the moderators' queue, accepting and highlighting, the tag and highlights
 * filters: `controllers/actions.ts`), with stable ids
 * (`discussion.*`); the first paint's are in `messages.ts`. Apart so the discussion's chunk
 * does not carry them (docs/decisions.md §15).
 */
import { formatNumber, msg, REPORT_NOTE_MAX, str, type ReportReason } from '@peerkit/core';

const n = (value: number, locale: string) => formatNumber(value, locale);

export const more = {
  reportNoteLong: (locale: string) =>
    msg(str`Notes can be up to ${n(REPORT_NOTE_MAX, locale)} characters.`, {
      id: 'discussion.report.note.long',
    }),
  highlightsEmpty: () => msg('No highlighted posts yet.', { id: 'discussion.highlights.empty' }),
  tagShowing: (tag: string) =>
    msg(str`Showing posts tagged ${tag}`, { id: 'discussion.tag.showing' }),
  tagEmpty: (tag: string) => msg(str`No posts tagged ${tag} yet.`, { id: 'discussion.tag.empty' }),
  tagClear: () => msg('Clear', { id: 'discussion.tag.clear' }),
  acceptedSaid: () => msg('Answer accepted.', { id: 'discussion.qa.accepted.said' }),
  unacceptedSaid: () => msg('Answer no longer accepted.', { id: 'discussion.qa.unaccepted.said' }),
  highlightedSaid: () => msg('Post highlighted.', { id: 'discussion.highlighted.said' }),
  unhighlightedSaid: () => msg('Highlight withdrawn.', { id: 'discussion.unhighlighted.said' }),
  unhighlightedLeft: () =>
    msg('Highlight withdrawn. The post left the Highlights view.', {
      id: 'discussion.unhighlighted.left',
    }),
  savedDelete: () => msg('Your post was deleted.', { id: 'discussion.saved.delete' }),
  savedReport: () =>
    msg('Thank you. The moderators will look at this post.', { id: 'discussion.saved.report' }),
  reportHeading: (name: string) =>
    msg(str`Report the post by ${name}`, { id: 'discussion.report.heading' }),
  reportLegend: () => msg('What is wrong with it?', { id: 'discussion.report.legend' }),
  reportNoteRequired: () =>
    msg('Note for the moderators (required)', { id: 'discussion.report.note.required' }),
  reportNote: () => msg('Note for the moderators (optional)', { id: 'discussion.report.note' }),
  reportSending: () => msg('Sending…', { id: 'discussion.report.sending' }),
  reportSend: () => msg('Send report', { id: 'discussion.report.send' }),
  reportNeedReason: () => msg('Choose a reason.', { id: 'discussion.report.need-reason' }),
  reportNeedNote: () =>
    msg('Tell the moderators what is wrong.', { id: 'discussion.report.need-note' }),
  reportAlready: () => msg('You already reported this post.', { id: 'discussion.report.already' }),
  deleteHeading: () => msg('Delete this post?', { id: 'discussion.delete.heading' }),
  deleteWithReplies: () =>
    msg('The replies stay; the post is replaced by a note that it was deleted.', {
      id: 'discussion.delete.with-replies',
    }),
  deleteFinal: () => msg('This cannot be undone.', { id: 'discussion.delete.final' }),
  reason: (reason: ReportReason) => {
    switch (reason) {
      case 'spam':
        return msg('Spam', { id: 'discussion.reason.spam' });
      case 'harassment':
        return msg('Harassment', { id: 'discussion.reason.harassment' });
      case 'off-topic':
        return msg('Off topic', { id: 'discussion.reason.off-topic' });
      default:
        return msg('Something else', { id: 'discussion.reason.other' });
    }
  },
  reportsHeading: () => msg('Reported posts', { id: 'discussion.reports.heading' }),
  reportsLoading: () => msg('Loading reports…', { id: 'discussion.reports.loading' }),
  reportsEmpty: () => msg('No open reports. All clear.', { id: 'discussion.reports.empty' }),
  reportedBy: (name: string) => msg(str`reported by ${name}`, { id: 'discussion.reports.by' }),
  reportNoteShown: (note: string) => msg(str`Note: ${note}`, { id: 'discussion.reports.note' }),
  reportedPost: (name: string) => msg(str`Post by ${name}:`, { id: 'discussion.reports.post' }),
  keep: () => msg('Keep', { id: 'discussion.resolve.keep' }),
  hide: () => msg('Hide', { id: 'discussion.resolve.hide' }),
  reportChanged: () =>
    msg('This post changed since you opened the reports. Decide again on it as it is now.', {
      id: 'discussion.reports.changed',
    }),
  resolved: (action: 'keep' | 'hide' | 'delete') =>
    action === 'keep'
      ? msg('Report closed; the post stays.', { id: 'discussion.resolved.keep' })
      : action === 'hide'
        ? msg('Report closed; the post is hidden.', { id: 'discussion.resolved.hide' })
        : msg('Report closed; the post is deleted.', { id: 'discussion.resolved.delete' }),
};
