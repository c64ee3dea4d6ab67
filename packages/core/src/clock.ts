/**
 * The server's clock, as seen from this page (docs/decisions.md §6).
 *
 * A browser's clock can be minutes off (a laptop that slept, a VM, a hand-set time zone), and
 * every time the kit compares with "now" is a server time: a post's `createdAt`, an
 * `editedAt`, a `Retry-After` date, an xAPI statement's `timestamp` (which the LRS compares
 * with its own `stored`). So the kit keeps one offset between the two clocks for the page,
 * estimated from the `Date` header (RFC 9110 §6.6.1: the moment the server made the answer,
 * whole seconds) of every REST answer, against the midpoint of the request in the browser's
 * time:
 *
 *   offset ≈ (Date + 500 ms) − (sent + received) / 2
 *
 * (+500 ms because `Date` truncates to the second). `serverNow()` is `Date.now() + offset`,
 * in ms since the epoch. Until an answer came, the offset is 0 (the browser's own clock).
 *
 * Cross-origin, the browser lets the kit read `Date` only when the API lists it in
 * `Access-Control-Expose-Headers`; otherwise the offset stays 0.
 */

/** The current estimate (ms to add to the browser's clock); one per page, shared by every copy. */
const KEY = Symbol.for('peerkit.clock');
/** `offset` in ms; `error` bounds how far it may be off (half the round trip, plus 500 ms). */
type ClockState = { offset: number; error: number };
const g = globalThis as { [KEY]?: ClockState };
const state: ClockState = (g[KEY] ??= { offset: 0, error: Infinity });

/** The present on the server's clock, in ms since the epoch (`Date.now()` until an answer came). */
export function serverNow(): number {
  return Date.now() + state.offset;
}

/** The estimated offset (server minus browser) in ms; 0 until an answer came. */
export function clockOffset(): number {
  return state.offset;
}

/**
 * Learns from one answer: `date` is its `Date` header, `sent` and `received` the browser's
 * `Date.now()` before the request and when the headers arrived. Each sample bounds its own
 * error (half the round trip, plus 500 ms for the truncated second). A sample replaces the
 * estimate when it is more precise, or when the two cannot both be right (a clock was set
 * or jumped: the newer one wins). A missing or unreadable header changes nothing.
 */
export function observeServerDate(date: string | null, sent: number, received: number): void {
  if (!date) return;
  const server = Date.parse(date);
  if (Number.isNaN(server)) return;
  const error = Math.max(0, received - sent) / 2 + 500;
  const offset = server + 500 - (sent + received) / 2;
  const disagrees = Math.abs(offset - state.offset) > error + state.error;
  if (error <= state.error || disagrees) {
    state.offset = offset;
    state.error = error;
  }
}

/**
 * Learns from an answer's headers (see `observeServerDate`), unless the answer may be a stored
 * copy: one with an `Age` (a shared cache kept it), or one its server let caches keep
 * (`Cache-Control` with a `max-age` or `s-maxage` above 0 and neither `no-cache` nor
 * `no-store`), whose `Date` is when it was first made, not now.
 */
export function observeAnswer(headers: Headers, sent: number, received: number): void {
  if (Number(headers.get('age') ?? 0) > 0) return;
  const cache = headers.get('cache-control')?.toLowerCase() ?? '';
  const keepable =
    /\b(s-maxage|max-age)=0*[1-9]/.test(cache) && !/\bno-(cache|store)\b/.test(cache);
  if (keepable) return;
  observeServerDate(headers.get('date'), sent, received);
}

/** Ms from now until `time` (ms since epoch, or an ISO/HTTP date) on the server's clock. */
export function untilServerTime(time: number | string): number {
  const t = typeof time === 'number' ? time : Date.parse(time);
  return t - serverNow();
}
