/**
 * Who is calling. Widgets send `Authorization: Bearer <JWT>`: HS256 signed with
 * `PEERKIT_JWT_SECRET` (in demo mode the server makes a random one and signs demo
 * sessions with it) or keys from `PEERKIT_JWKS_URL`. Claims: `sub` (person id), `name`,
 * optional `email`, `roles` (may hold `moderator`), optional `team` (the person's team, a
 * string of at most `TEAM_MAX` code points; kept as `people.team`, docs/decisions.md §13:
 * trusted as `sub` and `roles` are, being signed by the same identity provider). The statements endpoint also takes HTTP
 * Basic with `PEERKIT_XAPI_KEY`/`PEERKIT_XAPI_SECRET`.
 *
 * The authorisation rule (the "auth decision"):
 * - A credential that is present but invalid or expired is always a 401, even on a read
 *   that would work without one, so a client refreshes its token instead of silently
 *   seeing less.
 * - Reads of shared data (posts and their stream, kudos counts and givers, people, skills,
 *   public reflections) work without a credential when demo mode is on or
 *   `PEERKIT_ANONYMOUS_READ=1`; otherwise they need one.
 * - Writes, `/me`, private and team reflections and the moderators' queue always need one.
 */
import { timingSafeEqual, randomBytes } from 'node:crypto';
import { SignJWT, createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { NAME_MAX, TEAM_MAX } from '@peerkit/core/contract';
import { HttpError } from './problem.js';

export interface Caller {
  id: string;
  name: string;
  email?: string;
  roles: string[];
  /** The token's `team` claim, when it has one (`people.team` keeps the last one seen). */
  team?: string;
  /** `basic` for the LRS key; `bearer` for a person's JWT. */
  via: 'bearer' | 'basic';
}

export interface AuthConfig {
  jwtSecret?: string;
  jwksUrl?: string;
  xapiKey?: string;
  xapiSecret?: string;
  issuer?: string;
}

export class Authenticator {
  private readonly secret?: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: AuthConfig) {
    if (config.jwtSecret) this.secret = new TextEncoder().encode(config.jwtSecret);
    if (config.jwksUrl) this.jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  }

  static randomSecret(): string {
    return randomBytes(32).toString('base64url');
  }

  get canSign(): boolean {
    return !!this.secret;
  }

  /** Signs a session for a (demo) person. */
  async sign(
    person: { id: string; name: string; email?: string; roles: string[]; team?: string },
    ttl = '8h',
  ) {
    if (!this.secret) throw new HttpError(503, 'this server has no signing secret');
    return new SignJWT({
      name: person.name,
      ...(person.email ? { email: person.email } : {}),
      roles: person.roles,
      ...(person.team ? { team: person.team } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(person.id)
      .setIssuedAt()
      .setExpirationTime(ttl)
      .sign(this.secret);
  }

  /**
   * The caller named by an `Authorization` header: `undefined` when there is none, a 401
   * when there is one that does not verify.
   */
  async authenticate(header: string | undefined, allowBasic: boolean): Promise<Caller | undefined> {
    if (!header) return undefined;
    const [scheme, value = ''] = header.trim().split(/\s+/, 2);
    const lower = scheme?.toLowerCase();
    if (lower === 'bearer') return this.verifyJwt(value);
    if (lower === 'basic' && allowBasic) return this.verifyBasic(value);
    throw unauthorized('unsupported authorization scheme');
  }

  /** The token's verified claims: the shared secret (HS256) first, then the JWKS. */
  private async jwtPayload(token: string): Promise<JWTPayload> {
    try {
      if (this.secret) {
        try {
          return (await jwtVerify(token, this.secret, { algorithms: ['HS256'] })).payload;
        } catch (error) {
          if (!this.jwks) throw error;
        }
      }
      if (!this.jwks) throw new Error('no verification key configured');
      return (await jwtVerify(token, this.jwks)).payload;
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw unauthorized(expired ? 'the token has expired' : 'the token is not valid');
    }
  }

  private async verifyJwt(token: string): Promise<Caller> {
    if (!token || token.length > 8192) throw unauthorized('missing or oversized token');
    const payload = await this.jwtPayload(token);
    const sub = payload.sub;
    if (typeof sub !== 'string' || !sub || sub.length > 200) {
      throw unauthorized('the token has no valid subject');
    }
    // Cut to NAME_MAX characters (code points), never inside a surrogate pair.
    const name = typeof payload['name'] === 'string' ? (payload['name'] as string) : sub;
    const email = typeof payload['email'] === 'string' ? (payload['email'] as string) : undefined;
    const rawRoles = payload['roles'];
    const roles = Array.isArray(rawRoles)
      ? rawRoles.filter((r): r is string => typeof r === 'string')
      : [];
    const team = typeof payload['team'] === 'string' ? payload['team'].trim() : '';
    return {
      id: sub,
      name: clipText(name, NAME_MAX),
      ...(email ? { email } : {}),
      roles,
      ...(team ? { team: clipText(team, TEAM_MAX) } : {}),
      via: 'bearer',
    };
  }

  private verifyBasic(value: string): Caller {
    const { xapiKey, xapiSecret } = this.config;
    if (!xapiKey || !xapiSecret) throw unauthorized('basic credentials are not accepted here');
    let decoded = '';
    try {
      decoded = Buffer.from(value, 'base64').toString('utf8');
    } catch {
      throw unauthorized('malformed basic credentials');
    }
    const colon = decoded.indexOf(':');
    const key = decoded.slice(0, Math.max(colon, 0));
    const secret = decoded.slice(colon + 1);
    if (colon < 0 || !safeEqual(key, xapiKey) || !safeEqual(secret, xapiSecret)) {
      throw unauthorized('wrong key or secret');
    }
    return { id: `lrs:${key}`, name: key, roles: [], via: 'basic' };
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function unauthorized(detail: string): HttpError {
  return new HttpError(401, detail, {
    headers: { 'www-authenticate': 'Bearer realm="peerkit"' },
  });
}

export const isModerator = (caller: Caller | undefined) => !!caller?.roles.includes('moderator');

/**
 * `text` cut to at most `max` code points (the unit of every text limit, `textLength`),
 * never splitting a surrogate pair.
 */
function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let units = 0;
  for (let n = 0; n < max && units < text.length; n++) {
    const pair =
      (text.charCodeAt(units) & 0xfc00) === 0xd800 &&
      (text.charCodeAt(units + 1) & 0xfc00) === 0xdc00;
    units += pair ? 2 : 1;
  }
  return text.slice(0, units);
}
