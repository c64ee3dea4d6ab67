/** The contract for kudos. */
import * as z from 'zod/mini';
import { PersonSummary } from './people.js';
import {
  KUDOS_BATCH_MAX,
  KUDOS_MESSAGE_MAX,
  KUDOS_QUERY_MAX,
  KUDOS_VALUE_PATTERN,
} from '../limits.js';
import { Cursor, Id, Iri, Limit, Text, Timestamp, count, pageOf } from './base.js';

// ---------------------------------------------------------------------------------------
// Kudos

/** A recognition value: lower-case words and dashes, as in `values="helpful,clear"` (`KUDOS_VALUE_PATTERN`). */
export const KudosValue = /* @__PURE__ */ z.string().check(z.regex(KUDOS_VALUE_PATTERN));

/** The kudos state of one activity, as `GET /kudos` answers it for each. */
export const KudosCount = /* @__PURE__ */ z.object({
  activity: Iri,
  count: count(),
  /** Whether the signed-in person gave kudos here. */
  mine: z.boolean(),
  /** The value the signed-in person chose, if any. */
  myValue: z.nullable(z.string()),
  /** Count per recognition value. */
  values: z.record(z.string(), count()),
});
export type KudosCount = z.infer<typeof KudosCount>;
export const KudosCountList = /* @__PURE__ */ z.object({ items: z.array(KudosCount) });

export const KudosQuery = /* @__PURE__ */ z.object({
  activity: /* @__PURE__ */ z.array(Iri).check(z.minLength(1), z.maxLength(KUDOS_BATCH_MAX)),
});

/**
 * `POST /kudos/query`: the same answer as `GET /kudos` (a `KudosCountList`) for a batch that
 * does not fit a safe URL. A safe, idempotent query: no `Idempotency-Key`, not rate-limited
 * as a write (docs/decisions.md §4).
 */
export const KudosQueryBody = /* @__PURE__ */ z.object({
  activity: /* @__PURE__ */ z.array(Iri).check(z.minLength(1), z.maxLength(KUDOS_QUERY_MAX)),
});
export type KudosQueryBody = z.infer<typeof KudosQueryBody>;

/** `POST /kudos` (send an `Idempotency-Key`); answers the new `KudosCount`. */
export const GiveKudos = /* @__PURE__ */ z.object({
  activity: Iri,
  /** The person thanked. */
  recipient: z.optional(Id),
  value: z.optional(KudosValue),
  message: z.optional(Text(KUDOS_MESSAGE_MAX)),
});
export type GiveKudos = z.infer<typeof GiveKudos>;

/** One entry of `GET /kudos/givers?activity=`. */
export const KudosGiver = /* @__PURE__ */ z.object({
  person: PersonSummary,
  value: z.nullable(z.string()),
  message: z.nullable(z.string()),
  createdAt: Timestamp,
});
export type KudosGiver = z.infer<typeof KudosGiver>;
export const KudosGiverPage = pageOf(KudosGiver);
export const KudosGiversQuery = /* @__PURE__ */ z.object({
  activity: Iri,
  cursor: Cursor,
  limit: Limit,
});
