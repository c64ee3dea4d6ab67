/**
 * The attribute rules of `<peer-discussion>`: which values of `sort`, `page-size` and
 * `max-depth` it can use, what a bad one gives way to, and where a number is capped.
 *
 * The rules (documented in the element's `@attr` tags and the package README):
 * - `sort`: `oldest`, `newest` or `top`; anything else → `oldest` with a notice;
 * - `page-size`: a whole number from 1 → else 20 with a notice; above 100 → 100, warning only;
 * - `max-depth`: a whole number from 0 → else 3 with a notice; above 8 → 8, warning only.
 * A removed attribute quietly means the default. Pure: no element, no DOM.
 */
import type { PostSort } from '@peerkit/core';

export const SORTS: readonly PostSort[] = ['oldest', 'newest', 'top'];
/** Root posts per page: the default, and the most (the server's `limit` maximum). */
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
export const MAX_DEPTH_DEFAULT = 3;
/** Deepest indentation drawn, whatever `max-depth` says. */
export const MAX_INDENT = 8;

/** The attributes whose values are checked; a bad value gets a notice and one `peer-error`. */
export const CONFIG_ATTRS = ['sort', 'page-size', 'max-depth'] as const;
export type ConfigAttr = (typeof CONFIG_ATTRS)[number];

export interface ConfigRule {
  attr: ConfigAttr;
  /** The element's property that holds the value. */
  prop: 'sort' | 'pageSize' | 'maxDepth';
  fallback: string | number;
  /** Whether the attribute is reflected (then writing the fallback changes the attribute). */
  reflects: boolean;
  judge(value: unknown): Verdict;
}

/**
 * What a value means: usable as it is; absent (the default, quietly); bad (the fallback,
 * with a notice); or above the maximum (capped to `to`, with a console warning).
 */
export type Verdict =
  { kind: 'ok' } | { kind: 'absent' } | { kind: 'bad' } | { kind: 'cap'; to: number };

const wholeFrom =
  (min: number, max: number) =>
  (value: unknown): Verdict => {
    if (value == null) return { kind: 'absent' };
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
      return { kind: 'bad' };
    return value > max ? { kind: 'cap', to: max } : { kind: 'ok' };
  };

export const CONFIG_RULES: readonly ConfigRule[] = [
  {
    attr: 'sort',
    prop: 'sort',
    fallback: 'oldest',
    reflects: true,
    judge: (value) =>
      value == null
        ? { kind: 'absent' }
        : SORTS.includes(value as PostSort)
          ? { kind: 'ok' }
          : { kind: 'bad' },
  },
  {
    attr: 'page-size',
    prop: 'pageSize',
    fallback: PAGE_SIZE_DEFAULT,
    reflects: false,
    judge: wholeFrom(1, PAGE_SIZE_MAX),
  },
  {
    attr: 'max-depth',
    prop: 'maxDepth',
    fallback: MAX_DEPTH_DEFAULT,
    reflects: false,
    judge: wholeFrom(0, MAX_INDENT),
  },
];

/** A numeric attribute's value as the host wrote it (`"ten"`, not `NaN`), else the property's. */
export function given(written: string | null, value: unknown): string {
  return written !== null && Object.is(Number(written), value) ? written : String(value);
}
