/**
 * Reading the server's environment (README, "Configuration"). A variable that is unset or
 * empty takes the default; a variable that is set must be valid, or `optionsFromEnv` throws
 * an `Error` naming it and the CLI exits with status 2 before it opens the database.
 *
 * Why refuse rather than ignore: a typo must not silently change what the server does
 * (`PEERKIT_DEMO=false` used to leave demo mode on, since only `0` turned it off;
 * `PEERKIT_RATE_LIMIT=1e` used to mean the default; `PEERKIT_HEARTBEAT_MS=1` would have sent a
 * heartbeat every millisecond).
 */
type Env = NodeJS.ProcessEnv;

/** The variable's text, trimmed, or `undefined` when unset or empty. */
export const given = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

/**
 * A whole number from `min` to `max` (inclusive), or `undefined` when unset or empty.
 * @throws Error `NAME must be a whole number from min to max` otherwise.
 */
export function wholeNumber(env: Env, name: string, min: number, max: number): number | undefined {
  const v = given(env, name);
  if (v === undefined) return undefined;
  const n = /^[+-]?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max} (it is "${v}")`);
  return n;
}

const ON = new Set(['1', 'true', 'yes', 'on']);
const OFF = new Set(['0', 'false', 'no', 'off']);

/**
 * A switch: `1`, `true`, `yes`, `on` (any case) → `true`; `0`, `false`, `no`, `off` → `false`;
 * unset or empty → `undefined`.
 * @throws Error naming the variable for anything else.
 */
export function onOff(env: Env, name: string): boolean | undefined {
  const v = given(env, name)?.toLowerCase();
  if (v === undefined) return undefined;
  if (ON.has(v)) return true;
  if (OFF.has(v)) return false;
  throw new Error(`${name} must be 1 or 0 (or true/false, yes/no, on/off); it is "${v}"`);
}

/**
 * An absolute `http:` or `https:` URL, or `undefined` when unset or empty.
 * @throws Error naming the variable otherwise.
 */
export function httpUrl(env: Env, name: string): string | undefined {
  const v = given(env, name);
  if (v === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(v);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new Error(`${name} must be an absolute http(s) URL (it is "${v}")`);
  return v;
}
