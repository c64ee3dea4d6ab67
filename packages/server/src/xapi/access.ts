/**
 * Who may use the LRS (every resource under `/api/xapi`): writers with a person's bearer
 * token or the LRS key (HTTP Basic, `PEERKIT_XAPI_KEY`/`PEERKIT_XAPI_SECRET`); readers with
 * the LRS key, a moderator's token, or in demo mode any signed-in person (records describe
 * people; learners do not read each other's records on a real install).
 */
import { isModerator, type Caller } from '../auth.js';
import { requireCaller, type Ctx, type ServerConfig } from '../http.js';
import { HttpError } from '../problem.js';

export const requireWriter = (c: Ctx): Caller => requireCaller(c);

export function requireReader(c: Ctx, config: ServerConfig): Caller {
  const caller = requireCaller(c);
  if (caller.via !== 'basic' && !isModerator(caller) && !config.demo) {
    throw new HttpError(403, 'reading the LRS needs the LRS key or a moderator');
  }
  return caller;
}
