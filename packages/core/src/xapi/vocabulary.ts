/**
 * The Peerkit xAPI vocabulary: the verbs and activity types the kit records, written down
 * as a profile (`peerkit-profile.jsonld`, shipped with this package). Widgets name verbs and
 * types by these short keys; the recorder turns them into IRIs.
 *
 * Where an established IRI fits (ADL, the Tin Can registry) it is reused, so LRS reports
 * that already know them work; the rest live under the profile's own namespace.
 */
import { PROFILE_ID } from './profile-id.js';

export { PROFILE_ID };
const V = `${PROFILE_ID}/verbs/`;
const T = `${PROFILE_ID}/activity-types/`;

export const VERBS = {
  viewed: { id: 'http://id.tincanapi.com/verb/viewed', display: 'viewed' },
  commented: { id: 'http://adlnet.gov/expapi/verbs/commented', display: 'commented' },
  replied: { id: 'http://id.tincanapi.com/verb/replied', display: 'replied' },
  asked: { id: 'http://adlnet.gov/expapi/verbs/asked', display: 'asked' },
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: 'answered' },
  accepted: { id: `${V}accepted`, display: 'accepted answer' },
  'withdrew-acceptance': { id: `${V}withdrew-acceptance`, display: 'withdrew acceptance of' },
  highlighted: { id: `${V}highlighted`, display: 'highlighted' },
  'withdrew-highlight': { id: `${V}withdrew-highlight`, display: 'withdrew highlight of' },
  edited: { id: `${V}edited`, display: 'edited' },
  deleted: { id: `${V}deleted`, display: 'deleted' },
  reported: { id: `${V}reported`, display: 'reported' },
  moderated: { id: `${V}moderated`, display: 'moderated' },
  'gave-kudos': { id: `${V}gave-kudos`, display: 'gave kudos to' },
  'withdrew-kudos': { id: `${V}withdrew-kudos`, display: 'withdrew kudos from' },
  searched: { id: `${V}searched`, display: 'searched' },
  endorsed: { id: `${V}endorsed`, display: 'endorsed' },
  'withdrew-endorsement': { id: `${V}withdrew-endorsement`, display: 'withdrew endorsement of' },
  contacted: { id: `${V}contacted`, display: 'contacted' },
  reflected: { id: `${V}reflected`, display: 'reflected on' },
} as const;
export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  /** A thread: the discussion about one activity. */
  discussion: 'http://id.tincanapi.com/activitytype/discussion',
  /** One post or reply in a thread. */
  post: `${T}post`,
  /** A person, as the object of kudos, endorsement or contact. */
  person: `${T}person`,
  /** A page or anything else a widget is about. */
  page: 'http://activitystrea.ms/schema/1.0/page',
  skill: `${T}skill`,
  reflection: `${T}reflection`,
  kudos: `${T}kudos`,
} as const;
export type ActivityTypeName = keyof typeof ACTIVITY_TYPES;

/** The profile as a category activity, added to every statement's context. */
export const PROFILE_CATEGORY = {
  objectType: 'Activity',
  id: PROFILE_ID,
  definition: { type: 'http://adlnet.gov/expapi/activities/profile' },
} as const;
