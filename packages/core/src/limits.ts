/**
 * The contract's plain values: documented maxima and the patterns an attribute is checked
 * with before anything is asked of the server. `contract.ts` re-exports them and builds its
 * schemas from them, so it stays the single source; they live in this zod-free module so a
 * widget can use them at its first paint without loading zod and the schemas (which load
 * with the REST client's first request, see `client/checks.ts`).
 *
 * **Unit of every text limit: Unicode code points** ("characters"), counted by
 * {@link textLength}. It is the unit JSON Schema's `maxLength` counts (RFC 8259 characters,
 * JSON Schema Validation §6.3.1), so the OpenAPI document, the server (zod's `maxLength`
 * counts code points too) and the widgets' counters agree: 😀 is one character, not the two
 * UTF-16 code units `String.prototype.length` counts. Widgets never set `maxlength` on an
 * input for these limits, since the browser counts UTF-16 code units there.
 * Decision: docs/decisions.md §1; the fault it fixes: issue 15, item 2.
 */

/**
 * The length of `text` in Unicode code points: a surrogate pair counts once, a lone
 * surrogate counts once, everything else once per UTF-16 code unit. The unit of every
 * `*_MAX` text limit below. Zod-free and allocation-free, so a counter can call it on
 * every keystroke.
 */
export function textLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/**
 * The key two skill names are compared by (docs/decisions.md §11): the name trimmed (as
 * `String.prototype.trim`, every Unicode space) and lower-cased (`toLowerCase`, not the
 * locale's). The server stores it as `skill_key` for tags, listed skills and endorsements,
 * so `sql`, `SQL` and ` Sql ` are one tag wherever the kit compares tags.
 */
export const skillKey = (name: string): string => name.trim().toLowerCase();

// ---------------------------------------------------------------------------------------
// Limits (documented maxima; the server answers 400 past them). Text limits in code points.

/** Largest page any list call returns. */
export const LIMIT_MAX = 100;
/** Default page size when `limit` is left out. */
export const LIMIT_DEFAULT = 20;
/** Longest post body, in characters (code points, see {@link textLength}). */
export const POST_BODY_MAX = 10_000;
/** Longest kudos message, in characters (code points). */
export const KUDOS_MESSAGE_MAX = 280;
/** Longest report note, in characters (code points). */
export const REPORT_NOTE_MAX = 1_000;
/** Longest reflection answer, in characters (code points). */
export const REFLECTION_ANSWER_MAX = 5_000;
/** Longest reflection prompt, in characters (code points). */
export const REFLECTION_PROMPT_MAX = 500;
/** Most prompts a reflection may carry. */
export const REFLECTION_PROMPTS_MAX = 10;
/** Longest team name (a token's `team` claim, `SaveReflection.team`), in characters (code points). */
export const TEAM_MAX = 100;
/** Longest person name (a token's `name` claim is cut to it), in characters (code points). */
export const NAME_MAX = 200;
/** Longest skill name, in characters (code points). */
export const SKILL_MAX = 100;
/**
 * Most skill tags on one post (`CreatePost.tags`, `UpdatePost.tags`; docs/decisions.md §11),
 * each at most {@link SKILL_MAX} characters.
 */
export const POST_TAGS_MAX = 5;
/**
 * Most people one post may mention (`mention:` links, docs/decisions.md §10); a body naming
 * more is refused (400), so one post cannot notify a crowd.
 */
export const POST_MENTIONS_MAX = 20;
/** Longest search text (`GET /people?q=`), in characters (code points). */
export const SEARCH_MAX = 200;
/** Most skill filters in one `GET /people` (`?skill=` repeated). */
export const SKILL_FILTERS_MAX = 10;
/** Most entries in a profile's lists (ask me about, wants to learn). */
export const PROFILE_LIST_MAX = 20;
/** Longest profile availability note, in characters (code points). */
export const AVAILABILITY_MAX = 200;
/** Longest activity IRI, in characters (code points). */
export const IRI_MAX = 2_048;
/** Most activities in one `GET /kudos` (clients split larger batches by URL length too). */
export const KUDOS_BATCH_MAX = 200;
/**
 * Most activities in one `POST /kudos/query` (the batch that does not fit a safe URL goes
 * in one body instead; docs/decisions.md §4).
 */
export const KUDOS_QUERY_MAX = 2_000;
/**
 * Deepest nesting of a `Post.bodyTree` (a top-level node is at level 1). Deeper Markdown
 * (`>>>>>>…`) is kept as the text it was typed as.
 */
export const MARKDOWN_DEPTH_MAX = 32;
/**
 * Most nodes (and table cells) in one `Post.bodyTree`; a body that needs more is sent as one
 * paragraph of its text. A 10,000-character body needs at most about 2 per character.
 */
export const MARKDOWN_NODES_MAX = 25_000;

// ---------------------------------------------------------------------------------------
// Patterns

/**
 * A recognition value (`KudosValue`): lower-case words and dashes, as in
 * `values="helpful,clear"`. No `g` or `y` flag, so `test()` keeps no state between calls.
 */
export const KUDOS_VALUE_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
