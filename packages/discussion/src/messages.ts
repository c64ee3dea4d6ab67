/**
 * Every string `<peer-discussion>` shows, with stable ids (`discussion.*`) for translation
 * files (`l10n/locales/*.ts`, checked by `scripts/check-l10n.mjs`). Counts go through `Intl`
 * (the core's `formatNumber` and `plural`), never string glue.
 */
import { formatNumber, msg, plural, POST_BODY_MAX, str, type PeerError } from '@peerkit/core';
import { errorMessage } from '@peerkit/core/wording';
import type { ConfigAttr } from './model/config.js';

const n = (value: number, locale: string) => formatNumber(value, locale);

export const messages = {
  heading: () => msg('Discussion', { id: 'discussion.heading' }),
  count: (total: number, locale: string) =>
    plural(total, locale, {
      one: () => msg('(1 post)', { id: 'discussion.count.one' }),
      other: () => msg(str`(${n(total, locale)} posts)`, { id: 'discussion.count' }),
    }),
  sortLabel: () => msg('Sort by', { id: 'discussion.sort.label' }),
  sortOldest: () => msg('Oldest first', { id: 'discussion.sort.oldest' }),
  sortNewest: () => msg('Newest first', { id: 'discussion.sort.newest' }),
  sortTop: () => msg('Most thanked', { id: 'discussion.sort.top' }),
  reports: () => msg('Reports', { id: 'discussion.reports' }),
  openCount: (open: number, locale: string) =>
    plural(open, locale, {
      one: () => msg('1 open question', { id: 'discussion.qa.open.one' }),
      other: () => msg(str`${n(open, locale)} open questions`, { id: 'discussion.qa.open' }),
    }),
  viewLabel: () => msg('Show', { id: 'discussion.qa.view' }),
  viewAll: () => msg('All questions', { id: 'discussion.qa.view.all' }),
  viewUnanswered: () => msg('Unanswered', { id: 'discussion.qa.view.unanswered' }),
  highlights: () => msg('Highlights', { id: 'discussion.highlights' }),
  highlight: () => msg('Highlight', { id: 'discussion.highlight' }),
  highlightedMark: () => msg('Recognised by the community team', { id: 'discussion.highlighted' }),
  tags: () => msg('Tags', { id: 'discussion.tags' }),
  accept: () => msg('Accept answer', { id: 'discussion.qa.accept' }),
  acceptedMark: () => msg('Accepted answer', { id: 'discussion.qa.accepted' }),
  /** On a question with an accepted answer standing (Q&A mode). */
  answeredMark: () => msg('Answered', { id: 'discussion.qa.answered' }),
  offline: () =>
    msg('You are offline. You can keep writing; posting works again once you are back online.', {
      id: 'discussion.offline',
    }),

  loading: () => msg('Loading the discussion…', { id: 'discussion.loading' }),
  loadError: () => msg('The discussion could not be loaded.', { id: 'discussion.load.error' }),
  loadOffline: () =>
    msg('You are offline, so the discussion cannot load. It will load when you are back online.', {
      id: 'discussion.load.offline',
    }),
  empty: () => msg('Be the first to ask', { id: 'discussion.empty' }),
  emptyHint: () =>
    msg('Questions, answers and tips about this page appear here.', {
      id: 'discussion.empty.hint',
    }),
  earlier: (count: number, locale: string) =>
    msg(str`Show earlier posts (${n(count, locale)})`, { id: 'discussion.earlier' }),
  more: () => msg('Load more posts', { id: 'discussion.more' }),
  moreError: () => msg('More posts could not be loaded.', { id: 'discussion.more.error' }),
  showNew: (count: number, locale: string) =>
    plural(count, locale, {
      one: () => msg('Show 1 new post', { id: 'discussion.live.new.one' }),
      other: () => msg(str`Show ${n(count, locale)} new posts`, { id: 'discussion.live.new' }),
    }),
  newShown: (count: number, locale: string) =>
    plural(count, locale, {
      one: () => msg('1 new post shown.', { id: 'discussion.live.shown.one' }),
      other: () => msg(str`${n(count, locale)} new posts shown.`, { id: 'discussion.live.shown' }),
    }),
  signedOut: () => msg('Sign in to join the discussion.', { id: 'discussion.signed-out' }),

  // A post.
  deletedAuthor: () => msg('Deleted post', { id: 'discussion.deleted.author' }),
  deleted: () => msg('This post was deleted.', { id: 'discussion.deleted' }),
  hidden: () => msg('This post was hidden by a moderator.', { id: 'discussion.hidden' }),
  hiddenMark: () => msg('hidden from others', { id: 'discussion.hidden.mark' }),
  edited: () => msg('edited', { id: 'discussion.edited' }),
  inReply: (name: string) => msg(str`In reply to ${name}`, { id: 'discussion.in-reply' }),
  inReplyDeleted: () => msg('a deleted post', { id: 'discussion.in-reply.deleted' }),
  reply: () => msg('Reply', { id: 'discussion.reply' }),
  edit: () => msg('Edit', { id: 'discussion.edit' }),
  delete: () => msg('Delete', { id: 'discussion.delete' }),
  report: () => msg('Report', { id: 'discussion.report' }),
  cancel: () => msg('Cancel', { id: 'discussion.cancel' }),

  // The composers.
  composerFirst: () => msg('Ask a question or share a tip', { id: 'discussion.composer.first' }),
  composerLabel: () => msg('Write a post', { id: 'discussion.composer.label' }),
  composerReply: (name: string) => msg(str`Reply to ${name}`, { id: 'discussion.composer.reply' }),
  composerEdit: () => msg('Edit your post', { id: 'discussion.composer.edit' }),
  post: () => msg('Post', { id: 'discussion.post' }),
  postReply: () => msg('Post reply', { id: 'discussion.post.reply' }),
  save: () => msg('Save', { id: 'discussion.save' }),
  posting: () => msg('Posting…', { id: 'discussion.posting' }),
  retryPost: () => msg('Retry', { id: 'discussion.retry.post' }),
  preview: () => msg('Preview', { id: 'discussion.preview' }),
  previewRegion: () => msg('Preview', { id: 'discussion.preview.region' }),
  previewEmpty: () => msg('Nothing to preview yet.', { id: 'discussion.preview.empty' }),
  hint: (shortcut: string) =>
    msg(str`Markdown works: **bold**, _italic_, \`code\`, lists, links. ${shortcut} posts.`, {
      id: 'discussion.composer.hint',
    }),
  counter: (length: number, locale: string) =>
    msg(str`${n(length, locale)} of ${n(POST_BODY_MAX, locale)} characters`, {
      id: 'discussion.counter',
    }),
  counterOver: (over: number, locale: string) =>
    msg(str`${n(over, locale)} characters too many`, { id: 'discussion.counter.over' }),
  invalidBlank: () => msg('Write something first.', { id: 'discussion.invalid.blank' }),
  invalidLong: (locale: string) =>
    msg(str`Posts can be up to ${n(POST_BODY_MAX, locale)} characters. Shorten it a little.`, {
      id: 'discussion.invalid.long',
    }),
  conflict: () =>
    msg('This post was changed elsewhere since you opened it. Your text is kept.', {
      id: 'discussion.conflict',
    }),
  conflictLoad: () => msg('Load the newer text', { id: 'discussion.conflict.load' }),
  conflictKeep: () => msg('Keep mine', { id: 'discussion.conflict.keep' }),

  // What was done.
  savedEdit: () => msg('Your post was updated.', { id: 'discussion.saved.edit' }),
  savedReply: () => msg('Your reply was posted.', { id: 'discussion.saved.reply' }),
  savedPost: () => msg('Your post was published.', { id: 'discussion.saved.post' }),

  // Errors of a write.
  errorNetwork: () =>
    msg('Could not reach the server. Your text is kept; try again.', {
      id: 'discussion.error.network',
    }),
  errorInvalid: (detail: string) =>
    msg(str`The server did not accept it: ${detail}`, { id: 'discussion.error.invalid' }),
  errorInvalidPlain: () =>
    msg('The server did not accept it.', { id: 'discussion.error.invalid.plain' }),
  errorGone: () => msg('That post no longer exists.', { id: 'discussion.error.gone' }),
  errorServer: () =>
    msg('Something went wrong on the server. Your text is kept; try again.', {
      id: 'discussion.error.server',
    }),

  // The dialogs.

  // The moderators' queue.

  /** The notice (and the `peer-error` message) for an attribute that held `value`. */
  config: (attr: ConfigAttr, value: string) => {
    switch (attr) {
      case 'mode':
        return msg(str`mode="${value}" is not one of discussion, qa; using discussion.`, {
          id: 'discussion.config.mode',
        });
      case 'sort':
        return msg(str`sort="${value}" is not one of oldest, newest, top; using oldest.`, {
          id: 'discussion.config.sort',
        });
      case 'page-size':
        return msg(str`page-size="${value}" is not a whole number of 1 or more; using 20.`, {
          id: 'discussion.config.page-size',
        });
      case 'max-depth':
        return msg(str`max-depth="${value}" is not a whole number of 0 or more; using 3.`, {
          id: 'discussion.config.max-depth',
        });
      case 'tags':
        return msg(
          str`tags="${value}" holds more than 5 skills or one over 100 characters; none preset.`,
          {
            id: 'discussion.config.tags',
          },
        );
    }
  },
};

/**
 * What a failed write means here: the discussion's own words where it knows more (the text
 * is kept, the server's reason for a 400, a post that is gone), else the kit's
 * (`errorMessage`: sign-in, permission, rate limit, conflict, an unreadable answer).
 */
export function writeErrorText(error: PeerError, online: boolean): string {
  if (error.kind === 'network' || !online) return messages.errorNetwork();
  if (error.kind === 'http' && error.status === 400) {
    const detail = error.details.problem?.detail ?? error.details.problem?.title;
    return detail ? messages.errorInvalid(detail) : messages.errorInvalidPlain();
  }
  if (error.kind === 'http' && error.status === 404) return messages.errorGone();
  if (error.kind === 'http' && (error.status ?? 0) >= 500) return messages.errorServer();
  return errorMessage(error);
}
