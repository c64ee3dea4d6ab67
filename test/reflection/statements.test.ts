/**
 * `reflected` statements (docs/decisions.md §13, the profile's rule) reach the real LRS: one
 * for the first accepted save of an editing session with the answers and the prompt ids; the
 * autosaves after it record nothing; a change of who can read it records again.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { PROFILE_ID, VERBS } from '@peerkit/core';
import { API, XAPI_BASIC } from '../support/server.js';
import { $, atServer, field, mount, statusIs, typeInto, unmountAll, until } from './helpers.js';

interface Statement {
  object: { id: string };
  result?: { response?: string; extensions?: Record<string, unknown> };
  context: {
    contextActivities: { parent: { id: string }[] };
    extensions: Record<string, unknown>;
  };
}

async function reflected(activity: string): Promise<Statement[]> {
  const q = new URLSearchParams({
    verb: VERBS.reflected.id,
    activity,
    related_activities: 'true',
  });
  const res = await fetch(`${API}/xapi/statements?${q}`, {
    headers: { authorization: XAPI_BASIC, 'x-experience-api-version': '1.0.3' },
  });
  return ((await res.json()) as { statements: Statement[] }).statements;
}

describe('<peer-reflection-card> statements', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('records reflected once per editing session, and again when who can read it changes', async () => {
    const { el, activity, token, provider } = await mount();
    const flushed = async () => {
      await provider.context.recorder.flush();
      return reflected(activity);
    };
    await typeInto(el, 'achieved', 'We shipped');
    field(el, 'achieved').blur();
    await statusIs(el, 'saved');
    await until(async () => (await flushed()).length === 1, 'the first statement');
    const [first] = await reflected(activity);
    const [r] = await atServer(activity, token!);
    expect(first!.object.id).to.equal(`urn:peerkit:reflection:${r!.id}`);
    expect(first!.context.contextActivities.parent[0]!.id).to.equal(activity);
    expect(first!.context.extensions[`${PROFILE_ID}/extensions/prompt-ids`]).to.deep.equal([
      'achieved',
      'differently',
      'learned',
    ]);
    expect(first!.result!.response).to.equal('What did we achieve?\nWe shipped');
    // More words: saved, but no new statement.
    await typeInto(el, 'achieved', ' the pilot');
    field(el, 'achieved').blur();
    await until(async () => (await atServer(activity, token!))[0]!.version === 2, 'saved again');
    await new Promise((res) => setTimeout(res, 500));
    expect((await flushed()).length).to.equal(1);
    // Who can read it changes: recorded again.
    $<HTMLInputElement>(el, 'input[value="public"]')!.click();
    await until(async () => (await flushed()).length === 2, 'the statement for the visibility');
  });
});
