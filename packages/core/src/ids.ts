/**
 * The one id maker: ids unique in the page, for `id` / `aria-*` references inside a shadow
 * root (`peer-k1`, `peer-k2`, …). Ids need only be unique within their shadow root, but one
 * counter for the page keeps them unique even when a widget moves nodes between roots.
 */
let counter = 0;

/** A fresh id: `peer-{prefix}{n}`, `n` counting up from 1 for the page. */
export function uniqueId(prefix = 'id'): string {
  return `peer-${prefix}${++counter}`;
}
