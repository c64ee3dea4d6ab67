/**
 * The contract's plain values: documented maxima and the patterns an attribute is checked
 * with before anything is asked of the server. `contract.ts` re-exports them and builds its
 * schemas from them, so it stays the single source; they live in this zod-free module so a
 * widget can use them at its first paint without loading zod and the schemas (which load
 * with the REST client's first request, see `client/checks.ts`).
 */

// ---------------------------------------------------------------------------------------
// Limits (documented maxima; the server answers 400 past them)

/** Largest page any list call returns. */
export const LIMIT_MAX = 100;
/** Default page size when `limit` is left out. */
export const LIMIT_DEFAULT = 20;
/** Longest post body in characters (UTF-16 code units, as `textarea.maxLength` counts). */
export const POST_BODY_MAX = 10_000;
/** Longest kudos message. */
export const KUDOS_MESSAGE_MAX = 280;
/** Longest report note. */
export const REPORT_NOTE_MAX = 1_000;
/** Longest reflection answer. */
export const REFLECTION_ANSWER_MAX = 5_000;
/** Most prompts a reflection may carry. */
export const REFLECTION_PROMPTS_MAX = 10;
/** Longest activity IRI. */
export const IRI_MAX = 2_048;
/** Most activities in one `GET /kudos` (clients split larger batches by URL length too). */
export const KUDOS_BATCH_MAX = 200;

// ---------------------------------------------------------------------------------------
// Patterns

/**
 * A recognition value (`KudosValue`): lower-case words and dashes, as in
 * `values="helpful,clear"`. No `g` or `y` flag, so `test()` keeps no state between calls.
 */
export const KUDOS_VALUE_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
