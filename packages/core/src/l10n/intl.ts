/**
 * Formatting through `Intl`: relative times, compact numbers, plural categories and lists,
 * with formatters cached per locale. Widgets pass the context's `locale`.
 */
import { serverNow } from '../clock.js';
const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

function safe(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * "3 minutes ago", "in 2 days", "now": the largest unit that fits. `date` is a server time
 * (ms since epoch, a `Date` or an ISO string); `now` defaults to the present on the server's
 * clock (`serverNow()`, `clock.ts`), not the browser's, which may be minutes off. With
 * `past: true` (an event that has happened: a post made, an edit) a time ahead of `now` (the
 * clocks' estimate is never exact) reads "now", never "in 2 minutes".
 */
export function formatRelativeTime(
  date: Date | string | number,
  locale: string,
  now = serverNow(),
  { past = true }: { past?: boolean } = {},
): string {
  const l = safe(locale);
  const rtf = cached(
    `rtf:${l}`,
    () => new Intl.RelativeTimeFormat(l, { numeric: 'auto', style: 'long' }),
  );
  let seconds = Math.round((new Date(date).getTime() - now) / 1000);
  if (past) seconds = Math.min(0, seconds);
  if (Math.abs(seconds) < 45) return rtf.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second')
      return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(0, 'second');
}

/** A full date and time for a `title` or `<time>` tooltip. */
export function formatDateTime(date: Date | string | number, locale: string): string {
  const l = safe(locale);
  return cached(
    `dtf:${l}`,
    () => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(date));
}

/** "1.2K", "3 M": for counts shown in small places. */
export function formatCompact(n: number, locale: string): string {
  const l = safe(locale);
  return cached(
    `cnf:${l}`,
    () => new Intl.NumberFormat(l, { notation: 'compact', maximumFractionDigits: 1 }),
  ).format(n);
}

/** A plain localised number. */
export function formatNumber(n: number, locale: string): string {
  const l = safe(locale);
  return cached(`nf:${l}`, () => new Intl.NumberFormat(l)).format(n);
}

/**
 * Picks the message for `n` by the locale's plural rules:
 * `plural(n, locale, { one: () => msg('1 reply'), other: () => msg(str\`${n} replies\`) })`.
 */
export function plural(
  n: number,
  locale: string,
  forms: Partial<Record<Intl.LDMLPluralRule, () => string>> & { other: () => string },
): string {
  const l = safe(locale);
  if (n === 0 && forms.zero) return forms.zero();
  const rule = cached(`pr:${l}`, () => new Intl.PluralRules(l)).select(n);
  return (forms[rule] ?? forms.other)();
}

/** "Ana, Ben and Chloé". */
export function formatList(
  items: string[],
  locale: string,
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  const l = safe(locale);
  return cached(`lf:${l}:${type}`, () => new Intl.ListFormat(l, { style: 'long', type })).format(
    items,
  );
}
