/**
 * The statements `<peer-kudos>` records (verbs and extensions of the Peerkit xAPI profile,
 * `@peerkit/core/profile.jsonld`): `gave-kudos` with the value as a result extension and the
 * message as the response, `withdrew-kudos`; the recipient as a context extension.
 */
import { PROFILE_ID, type ActivityTypeName, type StatementInput } from '@peerkit/core';

/** xAPI result extension carrying the recognition value. */
const VALUE_EXTENSION = `${PROFILE_ID}/extensions/kudos-value`;
/** xAPI context extension naming the person thanked. */
const RECIPIENT_EXTENSION = `${PROFILE_ID}/extensions/recipient`;

/** The xAPI activity type of what the kudos is about (Peerkit's own IRI schemes, else a page). */
function activityType(iri: string): ActivityTypeName {
  if (iri.startsWith('urn:peerkit:person:')) return 'person';
  if (iri.startsWith('urn:peerkit:post:')) return 'post';
  return 'page';
}

export interface KudosChange {
  activity: string;
  /** Given (`true`) or withdrawn. */
  mine: boolean;
  recipient?: string;
  value?: string;
  message?: string;
}

/** The statement for a change the server confirmed. */
export function kudosStatement(c: KudosChange): StatementInput {
  const result =
    c.mine && (c.value || c.message)
      ? {
          ...(c.message ? { response: c.message } : {}),
          ...(c.value ? { extensions: { [VALUE_EXTENSION]: c.value } } : {}),
        }
      : undefined;
  return {
    verb: c.mine ? 'gave-kudos' : 'withdrew-kudos',
    object: { id: c.activity, type: activityType(c.activity) },
    ...(result ? { result } : {}),
    ...(c.recipient ? { extensions: { [RECIPIENT_EXTENSION]: c.recipient } } : {}),
  };
}
