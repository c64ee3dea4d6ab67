/**
 * The contract's building blocks: identifiers, text limits in code points, timestamps,
 * pages and problem details. Every section of the contract (`contract/*.ts`) is built from
 * these; `contract.ts` re-exports every section.
 */
import * as z from 'zod/mini';
import { IRI_MAX, LIMIT_MAX, textLength } from '../limits.js';

// zod probes for `eval` to compile a fast path; on a page whose CSP forbids it the probe
// reports a violation. Jitless skips the probe (see TOOLCHAIN.md, "Strict host pages").
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------
// Limits and patterns: plain values in `limits.ts` (no zod), so a widget's first paint can use
// them without this module; the schemas below are built from them.

// ---------------------------------------------------------------------------------------
// Building blocks

/**
 * At most `max` characters, counted in Unicode code points with `textLength` (the widgets'
 * counters use the same function). It states `maxLength: max` in the JSON Schema, which
 * counts code points too, so the OpenAPI document says the same limit in the same unit.
 */
/* @__NO_SIDE_EFFECTS__ */
export function maxChars(max: number): z.core.$ZodCheck<string> {
  const check: z.core.$ZodCheck<string> = z.check<string>((payload) => {
    if (textLength(payload.value) <= max) return;
    payload.issues.push({
      code: 'too_big',
      origin: 'string',
      maximum: max,
      inclusive: true,
      input: payload.value,
      inst: check,
      continue: true,
    });
  });
  check._zod.onattach.push((schema) => {
    const bag = schema._zod.bag as { maximum?: number };
    if (bag.maximum === undefined || max < bag.maximum) bag.maximum = max;
  });
  return check;
}

const IRI_PATTERN = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;

/** An absolute IRI: a scheme, a colon, and no white space. */
export const Iri = /* @__PURE__ */ z.string().check(maxChars(IRI_MAX), z.regex(IRI_PATTERN));
/** A server-made identifier. */
export const Id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
// Formats as plain patterns rather than `z.iso.datetime()`, `z.uuid()` and `z.url()`: the
// same acceptance and the same JSON Schema (`format` and zod's own `pattern`), without the code zod uses
// to build those patterns from options (see README, "Size").

/**
 * RFC 3339 date-time with `Z` or a `±hh:mm` offset, seconds required, any fraction, real
 * calendar dates (leap days too): what `z.iso.datetime({ offset: true })` accepts.
 */
const DATE_TIME_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;
/** An RFC 9562 UUID (versions 1–8, the nil and the max UUID): what `z.uuid()` accepts. */
const UUID_PATTERN =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

/** An RFC 3339 timestamp with offset. */
export const Timestamp = /* @__PURE__ */ z.stringFormat('date-time', DATE_TIME_PATTERN);
/** A UUID, as statement and reflection ids are. */
export const Uuid = /* @__PURE__ */ z.stringFormat('uuid', UUID_PATTERN);
/** An absolute URL, as `new URL()` parses it (surrounding white space allowed). */
export const Url = /* @__PURE__ */ z.stringFormat('uri', (s) => {
  try {
    new URL(s.trim());
    return true;
  } catch {
    return false;
  }
});
/** Text of at most `max` characters (code points). */
/* @__NO_SIDE_EFFECTS__ */
export const Text = (max: number) => z.string().check(maxChars(max));
/** Text of at most `max` characters (code points), not only white space. */
/* @__NO_SIDE_EFFECTS__ */
export const NonEmptyText = (max: number) =>
  z.string().check(
    maxChars(max),
    z.refine((s) => s.trim().length > 0, 'must not be blank'),
  );
/** A version: 1 when made, +1 on every change (sent back in `If-Match`). */
/* @__NO_SIDE_EFFECTS__ */
export const version = () => z.int().check(z.gte(1));
export const Limit = /* @__PURE__ */ z.optional(
  /* @__PURE__ */ z.coerce.number().check(z.int(), z.gte(1), z.lte(LIMIT_MAX)),
);
export const Cursor = /* @__PURE__ */ z.optional(
  /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(500)),
);

/**
 * A list's position in its live stream (`PostPage.eventId`, `ReflectionPage.eventId`): the id
 * of the stream's newest event the list's rows already reflect, `"0"` when the stream had none
 * yet. Opaque to the client, which sends it as the stream's `Last-Event-ID`, so the first
 * connection replays what was written after the list was read (docs/decisions.md §22). The
 * reference server's ids are decimal integers.
 */
export const EventId = /* @__PURE__ */ z.string().check(z.maxLength(200));

/** A count: an integer ≥ 0. */
/* @__NO_SIDE_EFFECTS__ */
export const count = () => z.int().check(z.gte(0));

/** A list page: `items`, an opaque `nextCursor` (null on the last page) and a `total`. */
export const pageOf = /* @__NO_SIDE_EFFECTS__ */ <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: count(),
  });
export type Page<T> = { items: T[]; nextCursor: string | null; total: number };

/** RFC 9457 problem details, as every error answers. */
export const Problem = /* @__PURE__ */ z.looseObject({
  type: z.optional(z.string()),
  title: z.string(),
  status: /* @__PURE__ */ z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** Field errors for a 400: where (a dotted path) and what. */
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof Problem>;
