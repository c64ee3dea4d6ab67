/**
 * The events `<peer-kudos>` dispatches, one class each, so that
 * `el.addEventListener('peer-kudos-given', (e) => e.detail.count)` is typed for hosts.
 * Both bubble and cross shadow roots (`composed`), and fire only once the server has the
 * change: an optimistic click that is rolled back fires `peer-error` instead.
 */
import { PeerEvent } from '@peerkit/core';

export interface KudosGivenDetail {
  /** The activity IRI the kudos is about. */
  activity: string;
  /** The person thanked (`recipient` attribute), if any. */
  recipient: string | null;
  /** The recognition value chosen, if the element offers `values`. */
  value: string | null;
  /** The optional message sent with it. */
  message: string | null;
  /** The activity's kudos count after the change. */
  count: number;
}

export interface KudosWithdrawnDetail {
  activity: string;
  recipient: string | null;
  /** The activity's kudos count after the change. */
  count: number;
}

export class PeerKudosGivenEvent extends PeerEvent<KudosGivenDetail> {
  constructor(detail: KudosGivenDetail) {
    super('peer-kudos-given', detail);
  }
}

export class PeerKudosWithdrawnEvent extends PeerEvent<KudosWithdrawnDetail> {
  constructor(detail: KudosWithdrawnDetail) {
    super('peer-kudos-withdrawn', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peer-kudos-given': PeerKudosGivenEvent;
    'peer-kudos-withdrawn': PeerKudosWithdrawnEvent;
  }
}
