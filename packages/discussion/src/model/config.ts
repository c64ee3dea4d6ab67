/**
 * The attribute rules of `<peer-discussion>`, as a table for the core's `AttributeChecks`
 * (`@peerkit/core/controllers`): which values of `sort`, `page-size` and `max-depth` it can
 * use, what a bad one gives way to, and where a number is capped.
 *
 * - `mode`: `discussion` or `qa`; anything else → `discussion` with a notice;
 * - `sort`: `oldest`, `newest` or `top`; anything else → `oldest` with a notice;
 * - `page-size`: a whole number from 1 → else 20 with a notice; above 100 → 100 (the
 *   server's `limit` maximum), a console warning only;
 * - `max-depth`: a whole number from 0 → else 3 with a notice; above 8 → 8, warning only;
 * - `tags`: at most `POST_TAGS_MAX` (5) skill names, each at most `SKILL_MAX` (100) code points
 *   (the contract's `PostTags`, docs/decisions.md §11) → else no preset, with a notice.
 * A removed attribute quietly means the default. Pure: no element, no DOM.
 */
import { POST_TAGS_MAX, SKILL_MAX, textLength, type PostSort } from '@peerkit/core';
import { oneOf, wholeNumber, type AttributeRule } from '@peerkit/core/controllers';
import { messages } from '../messages.js';

export const SORTS: readonly PostSort[] = ['oldest', 'newest', 'top'];
/** `discussion`: a thread of posts; `qa`: each root post a question (docs/decisions.md §18). */
export type DiscussionMode = 'discussion' | 'qa';
export const MODES: readonly DiscussionMode[] = ['discussion', 'qa'];
/** The Q&A views of the thread: every question, or the open ones (`filter=unanswered`). */
export type QaView = 'all' | 'unanswered';
/** Root posts per page: the default, and the most (the server's `limit` maximum). */
export const PAGE_SIZE_DEFAULT = 20;
const PAGE_SIZE_MAX = 100;
export const MAX_DEPTH_DEFAULT = 3;
/** Deepest indentation drawn, whatever `max-depth` says. */
export const MAX_INDENT = 8;

export type ConfigAttr = 'mode' | 'sort' | 'page-size' | 'max-depth' | 'tags';

/** The `tags` attribute as the property holds it: comma-separated, trimmed, blanks dropped. */
export const tagsAttribute = {
  fromAttribute: (value: string | null) => value?.split(',').flatMap((s) => s.trim() || []),
};

export const CONFIG_RULES: readonly AttributeRule[] = [
  oneOf('mode', 'mode', MODES, (given) => messages.config('mode', given)),
  oneOf('sort', 'sort', SORTS, (given) => messages.config('sort', given)),
  wholeNumber(
    'page-size',
    'pageSize',
    { min: 1, max: PAGE_SIZE_MAX, fallback: PAGE_SIZE_DEFAULT },
    (given) => messages.config('page-size', given),
  ),
  wholeNumber(
    'max-depth',
    'maxDepth',
    { min: 0, max: MAX_INDENT, fallback: MAX_DEPTH_DEFAULT },
    (given) => messages.config('max-depth', given),
  ),
  {
    attribute: 'tags',
    property: 'tags',
    valid: (v) =>
      Array.isArray(v) &&
      v.length <= POST_TAGS_MAX &&
      v.every((s) => typeof s == 'string' && textLength(s) <= SKILL_MAX),
    fallback: [],
    message: (given) => messages.config('tags', given),
  },
];
