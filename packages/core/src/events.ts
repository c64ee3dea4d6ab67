/**
 * Typed events. Every Peerkit event is a `CustomEvent` with `bubbles: true,
 * composed: true` and a typed `detail`; each has its own class and an entry in
 * `GlobalEventHandlersEventMap`, so `el.addEventListener('peer-error', (e) => e.detail.error)`
 * is typed for hosts.
 *
 * A widget package declares its own events the same way:
 *
 * ```ts
 * export class PeerKudosGivenEvent extends PeerEvent<{ activity: string }> {
 *   constructor(detail: { activity: string }) { super('peer-kudos-given', detail); }
 * }
 * declare global {
 *   interface GlobalEventHandlersEventMap { 'peer-kudos-given': PeerKudosGivenEvent }
 * }
 * ```
 */
import type { PeerError } from './client/types.js';

export interface PeerEventOptions {
  cancelable?: boolean;
}

/** The base of every Peerkit event. */
export class PeerEvent<D = unknown> extends CustomEvent<D> {
  constructor(type: string, detail: D, options: PeerEventOptions = {}) {
    super(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
  }
}

/** `peer-error`: something failed that the user should know about. */
export class PeerErrorEvent extends PeerEvent<{ error: PeerError }> {
  constructor(detail: { error: PeerError }) {
    super('peer-error', detail);
  }
}

/** Names of the Peerkit events known to `GlobalEventHandlersEventMap`. */
export type PeerEventName = Extract<keyof GlobalEventHandlersEventMap, `peer-${string}`>;
/** The `detail` type of a Peerkit event, by name. */
export type PeerEventDetail<K extends PeerEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

declare global {
  interface GlobalEventHandlersEventMap {
    'peer-error': PeerErrorEvent;
  }
}
