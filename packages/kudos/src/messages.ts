/**
 * The strings of `<peer-kudos>`'s first paint, with stable ids (`kudos.*`) for translation files
 * (the popover's, the givers line's and a confirmed change's are in `popover.ts`, `givers.ts`
 * and `changes.ts`, which load later).
 * Counts go through `Intl` (the core's `formatNumber` and `plural`), never string glue.
 */
import { formatNumber, msg, plural, str } from '@peerkit/core';

export const messages = {
  label: () => msg('Kudos', { id: 'kudos.label' }),
  loading: () => msg('Loading kudos', { id: 'kudos.loading' }),
  /** Read after the visible (compact) count: "13 people gave kudos". */
  count: (n: number, locale: string) => {
    const f = formatNumber(n, locale);
    return plural(n, locale, {
      one: () => msg(str`${f} person gave kudos`, { id: 'kudos.count.one' }),
      other: () => msg(str`${f} people gave kudos`, { id: 'kudos.count.other' }),
    });
  },
  self: () => msg('You cannot give kudos to yourself.', { id: 'kudos.self' }),
  saveFailed: () => msg('Your kudos could not be saved.', { id: 'kudos.save-failed' }),
  withdrawFailed: () => msg('Your kudos could not be withdrawn.', { id: 'kudos.withdraw-failed' }),
  offlineSave: () =>
    msg('You are offline: your kudos was not saved.', { id: 'kudos.offline-save' }),
  loadFailed: () => msg('Kudos could not be loaded.', { id: 'kudos.load-failed' }),
  offlineLoad: () =>
    msg('You are offline: kudos could not be loaded.', { id: 'kudos.offline-load' }),
  misconfigured: () =>
    msg('Kudos are not available: the page is misconfigured.', { id: 'kudos.misconfigured' }),
  badValues: () => msg('The values attribute holds an invalid value.', { id: 'kudos.bad-values' }),
  retry: () => msg('Retry', { id: 'kudos.retry' }),
  valuesGiven: () => msg('Values given', { id: 'kudos.values-given' }),
  valueCount: (label: string, n: number, locale: string) => {
    const f = formatNumber(n, locale);
    return msg(str`${label} ×${f}`, { id: 'kudos.value-count' });
  },
  giversLoading: () => msg('Loading who gave…', { id: 'kudos.givers-loading' }),
  giversFailed: () => msg('Could not load who gave.', { id: 'kudos.givers-failed' }),
};
