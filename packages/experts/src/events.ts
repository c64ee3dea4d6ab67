/**
 * The events `<peer-expert-finder>` dispatches, one class each, so that
 * `el.addEventListener('peer-expert-contact', (e) => e.detail.person)` is typed for hosts.
 * All bubble and cross shadow roots (`composed`). The endorsement events fire once the server
 * has the change (an optimistic click that is rolled back fires `peer-error` instead).
 */
import { PeerEvent, type Expert, type PersonSummary } from '@peerkit/core';

export interface ExpertSearchDetail {
  /** The text searched for (`''` for the recommendations). */
  query: string;
  /** The skill filters in effect. */
  skills: string[];
  /** The activity the search was made on. */
  activity: string;
  /** How many people match (`total` of the first page). */
  total: number;
  /** `eq`: `total` is exact; `gte`: a lower bound (a free-text search counts up to 100). */
  totalRelation: 'eq' | 'gte';
}

export interface ExpertContactDetail {
  /** Who is to be asked. */
  person: Expert | PersonSummary;
  /** The skill the question is about, when one was chosen (a filter, or the card's skill). */
  skill: string | null;
  /** The activity the widget is about (where the question belongs). */
  activity: string;
}

export interface EndorsementDetail {
  /** The person endorsed. */
  personId: string;
  /** The skill, in the vocabulary's spelling. */
  skill: string;
  /** The skill's endorsement count after the change. */
  endorsements: number;
}

/** A search (or the recommendations) came back. */
export class PeerExpertSearchEvent extends PeerEvent<ExpertSearchDetail> {
  constructor(detail: ExpertSearchDetail) {
    super('peer-expert-search', detail);
  }
}

/**
 * "Ask" was chosen on a card. Cancelable: a host that handles it (its own chat, a booking
 * tool) calls `preventDefault()`, and the widget does nothing more.
 */
export class PeerExpertContactEvent extends PeerEvent<ExpertContactDetail> {
  constructor(detail: ExpertContactDetail) {
    super('peer-expert-contact', detail, { cancelable: true });
  }
}

export class PeerEndorsementCreatedEvent extends PeerEvent<EndorsementDetail> {
  constructor(detail: EndorsementDetail) {
    super('peer-endorsement-created', detail);
  }
}

export class PeerEndorsementWithdrawnEvent extends PeerEvent<EndorsementDetail> {
  constructor(detail: EndorsementDetail) {
    super('peer-endorsement-withdrawn', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'peer-expert-search': PeerExpertSearchEvent;
    'peer-expert-contact': PeerExpertContactEvent;
    'peer-endorsement-created': PeerEndorsementCreatedEvent;
    'peer-endorsement-withdrawn': PeerEndorsementWithdrawnEvent;
  }
}
