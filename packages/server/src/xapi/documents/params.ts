/**
 * The parameters of the document resources (xAPI 1.0.3 Communication §2.3 State, §2.6 Agent
 * Profile, §2.7 Activity Profile), checked and turned into the key of one document or of a
 * set of them. Every fault is a 400: an unknown parameter, a required one missing, an
 * `activityId` that is not an IRI, an `agent` that is not an Agent or identified Group in
 * JSON, a `registration` that is not a UUID, a `since` that is not an ISO 8601 timestamp.
 */
import { HttpError } from '../../problem.js';
import { StatementError, agentFilterIfi, instantOf, isUuid, timestamp } from '../validate.js';

/** Which resource: its table key and the parameters it takes. */
export type DocumentKind = 'state' | 'activity-profile' | 'agent-profile';

/** A set of documents (`id` absent) or one (`id` present). Absent parts are `''`. */
export interface DocumentKey {
  kind: DocumentKind;
  activityId: string;
  /** The agent's inverse functional identifier (`agentFilterIfi`). */
  agent: string;
  /** Lower case. */
  registration: string;
  id?: string;
}

const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** The parameters of each resource; `id` is the name of its document id parameter. */
const SHAPES: Record<DocumentKind, { params: string[]; id: string }> = {
  state: { params: ['activityId', 'agent', 'registration', 'stateId', 'since'], id: 'stateId' },
  'activity-profile': { params: ['activityId', 'profileId', 'since'], id: 'profileId' },
  'agent-profile': { params: ['agent', 'profileId', 'since'], id: 'profileId' },
};

function bad(message: string): never {
  throw new HttpError(400, message);
}

/** The IFI key of the `agent` parameter (an Agent or identified Group as JSON). */
export function agentParam(value: string): string {
  try {
    return agentFilterIfi(value);
  } catch (error) {
    if (error instanceof StatementError) bad(`agent: ${error.message}`);
    throw error;
  }
}

/** `registration`: a UUID, lower case; `''` when absent. */
function registrationParam(value: string | null): string {
  if (value === null) return '';
  if (!isUuid(value)) bad('registration must be a UUID');
  return value.toLowerCase();
}

/**
 * The key named by a request's parameters. `needsId`: the document id is required (`PUT`,
 * `POST`, and `DELETE` of a profile); `since` is allowed only when no id is given (a list).
 */
export function documentKey(
  kind: DocumentKind,
  params: URLSearchParams,
  needsId: boolean,
): { key: DocumentKey; since?: string } {
  const shape = SHAPES[kind];
  for (const name of new Set(params.keys())) {
    if (!shape.params.includes(name)) bad(`unknown parameter "${name}"`);
    if (params.getAll(name).length > 1) bad(`"${name}" appears more than once`);
  }
  const key: DocumentKey = { kind, activityId: '', agent: '', registration: '' };
  if (shape.params.includes('activityId')) {
    const activityId = params.get('activityId');
    if (activityId === null) bad('activityId is required');
    if (!IRI.test(activityId)) bad('activityId must be an IRI');
    key.activityId = activityId;
  }
  if (shape.params.includes('agent')) {
    const agent = params.get('agent');
    if (agent === null) bad('agent is required');
    key.agent = agentParam(agent);
  }
  key.registration = registrationParam(params.get('registration'));
  const id = params.get(shape.id);
  if (id !== null) key.id = id;
  else if (needsId) bad(`${shape.id} is required`);
  const since = params.get('since');
  if (since === null) return { key };
  if (id !== null) bad(`since cannot be combined with ${shape.id}`);
  try {
    timestamp(since, 'since');
  } catch {
    bad('since must be an ISO 8601 timestamp with a time zone');
  }
  return { key, since: new Date(instantOf(since)).toISOString() };
}
