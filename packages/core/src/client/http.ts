/**
 * Small helpers the REST client shares with the live stream and the kudos batch (the xAPI
 * delivery keeps its own timer): waiting with an `AbortSignal`, the `aborted` error, letting
 * one caller stop waiting for a shared promise, and reading `Retry-After`.
 */
import { PeerError } from './types.js';
import { serverNow } from '../clock.js';

/** Waits `ms`, or rejects with an `aborted` PeerError when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted(signal));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(aborted(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function aborted(signal?: AbortSignal): PeerError {
  return new PeerError('aborted', 'The request was aborted.', { cause: signal?.reason });
}

/**
 * Seconds to wait from a `Retry-After` header (RFC 9110 §10.2.3): delta-seconds, or an
 * HTTP-date, which is a time on the server's clock. A date is measured from the same answer's
 * `Date` header when given (both are the server's), else from `serverNow()` (the kit's
 * estimate of the server's clock, `clock.ts`), never from the browser's own clock, which may
 * be minutes off. A date in the past is 0.
 */
export function parseRetryAfter(value: string | null, date?: string | null): number | undefined {
  if (!value) return undefined;
  const s = Number(value.trim());
  if (Number.isFinite(s) && s >= 0) return s;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  const sent = date ? Date.parse(date) : NaN;
  const now = Number.isNaN(sent) ? serverNow() : sent;
  return Math.max(0, (at - now) / 1000);
}

/** Lets one caller stop waiting for a shared promise. */
export function withSignal<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(aborted(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
