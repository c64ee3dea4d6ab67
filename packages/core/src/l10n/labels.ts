/**
 * The kit's shared labels (retry, loading, offline), apart from the errors' wording
 * (`messages.ts`), which loads only with the first error to show: the notice view draws its
 * retry button on every widget's first paint.
 */
import { msg } from './localize.js';

export const retryLabel = () => msg('Try again', { id: 'core.retry' });
export const loadingLabel = () => msg('Loading…', { id: 'core.loading' });
export const offlineLabel = () =>
  msg('You are offline. Changes will be sent when you are back online.', { id: 'core.offline' });
