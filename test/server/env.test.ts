/**
 * The server's environment (packages/server/src/env.ts, README "Configuration"): a variable
 * that is set must be valid, or the server does not start, naming it; unset or empty means
 * the default. Before, `PEERKIT_DEMO=false` left demo mode on (only `0` turned it off) and a
 * number that did not parse (`PEERKIT_RATE_LIMIT=120/min`) silently meant the default.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { optionsFromEnv } from '@peerkit/server';

/** Every numeric variable, the option it sets and its range. */
const NUMBERS = [
  ['PORT', 'port', 0, 65_535],
  ['PEERKIT_LRS_POLL_MS', 'lrsPollMs', 10, 3_600_000],
  ['PEERKIT_LRS_RETRY_MS', 'lrsRetryMs', 10, 3_600_000],
  ['PEERKIT_WEBHOOK_POLL_MS', 'webhookPollMs', 10, 3_600_000],
  ['PEERKIT_WEBHOOK_RETRY_MS', 'webhookRetryMs', 10, 3_600_000],
  ['PEERKIT_RATE_LIMIT', 'rateLimit', 1, 1_000_000_000],
  ['PEERKIT_XAPI_RATE_LIMIT', 'xapiRateLimit', 1, 1_000_000_000],
  ['PEERKIT_XAPI_BODY_LIMIT', 'xapiBodyLimit', 1024, 1024 ** 3],
  ['PEERKIT_HEARTBEAT_MS', 'heartbeatMs', 100, 3_600_000],
] as const;

describe('the server environment', () => {
  it('refuses a number that does not parse or is out of range, naming the variable', () => {
    for (const [name, , min, max] of NUMBERS) {
      for (const bad of ['abc', '12x', '1.5', '1e3', String(min - 1), String(max + 1)]) {
        assert.throws(
          () => optionsFromEnv({ [name]: bad }),
          new RegExp(`^Error: ${name} must be a whole number from ${min} to ${max}`),
          `${name}=${bad}`,
        );
      }
    }
  });

  it('takes a number in range, and the default when unset or empty', () => {
    for (const [name, option, min, max] of NUMBERS) {
      assert.equal(optionsFromEnv({ [name]: String(min) })[option], min, name);
      assert.equal(optionsFromEnv({ [name]: ` ${max} ` })[option], max, name);
      assert.equal(optionsFromEnv({ [name]: '' })[option], undefined, name);
      assert.equal(optionsFromEnv({})[option], undefined, name);
    }
  });

  it('reads switches as 1/0, true/false, yes/no, on/off, and refuses anything else', () => {
    assert.equal(optionsFromEnv({ PEERKIT_DEMO: 'false' }).demo, false, 'demo off, as written');
    assert.equal(optionsFromEnv({ PEERKIT_DEMO: 'OFF' }).demo, false);
    assert.equal(optionsFromEnv({ PEERKIT_DEMO: '0' }).demo, false);
    assert.equal(optionsFromEnv({}).demo, true, 'demo on by default');
    assert.equal(optionsFromEnv({ PEERKIT_ANONYMOUS_READ: 'true' }).anonymousRead, true);
    assert.equal(optionsFromEnv({ PEERKIT_ANONYMOUS_READ: 'yes' }).anonymousRead, true);
    assert.equal(optionsFromEnv({}).anonymousRead, false);
    assert.equal(optionsFromEnv({ PEERKIT_READ_CACHE: 'false' }).readCache, false);
    assert.equal(optionsFromEnv({ PEERKIT_READ_CACHE: '1' }).readCache, undefined, 'the default');
    for (const name of ['PEERKIT_DEMO', 'PEERKIT_ANONYMOUS_READ', 'PEERKIT_READ_CACHE'])
      assert.throws(
        () => optionsFromEnv({ [name]: 'maybe' }),
        new RegExp(`${name} must be 1 or 0`),
      );
  });

  it('refuses a URL that is not an absolute http(s) URL, naming the variable', () => {
    for (const name of ['PEERKIT_WEBHOOK_URL', 'PEERKIT_LRS_URL', 'PEERKIT_JWKS_URL']) {
      for (const bad of ['example.com/hook', 'ftp://example.com/', '/relative'])
        assert.throws(
          () => optionsFromEnv({ [name]: bad }),
          new RegExp(`${name} must be an absolute http\\(s\\) URL`),
          `${name}=${bad}`,
        );
    }
    assert.equal(
      optionsFromEnv({ PEERKIT_WEBHOOK_URL: 'https://chat.example/hook' }).webhookUrl,
      'https://chat.example/hook',
    );
  });
});
