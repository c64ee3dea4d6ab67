/**
 * `reflected` statements (docs/decisions.md §13, the profile's rule) reach the real LRS: one
 * for the first accepted save of an editing session with the answers and the prompt ids; the
 * autosaves after it record nothing; a change of who can read it records again.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { PROFILE_ID, VERBS } from '@peerkit/core';
import { REFLECTION_EXTENSIONS } from '@peerkit/core/contract';
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
    // More words: saved, but no new statement. The card records in the order it saves, so
    // once the statement for the next save (who can read it) is at the LRS, one for this save
    // would be there too: no while to wait for it not to come.
    // (However many autosaves the typing makes on a slow machine: none records.)
    const saved: string[] = [];
    el.addEventListener('peer-reflection-saved', (e) =>
      saved.push(e.detail.reflection.answers.find((a) => a.id === 'achieved')?.answer ?? ''),
    );
    await typeInto(el, 'achieved', ' the pilot');
    field(el, 'achieved').blur();
    await until(() => saved.includes('We shipped the pilot'), 'saved again');
    // Who can read it changes: recorded again.
    $<HTMLInputElement>(el, 'input[value="public"]')!.click();
    const visibility = (st: Statement) => st.context.extensions[REFLECTION_EXTENSIONS.visibility];
    await until(
      async () => (await flushed()).some((st) => visibility(st) === 'public'),
      'the statement for the visibility',
    );
    const all = await reflected(activity);
    expect(all.length, 'the first save and the visibility, nothing for the autosave').to.equal(2);
    expect(all.map(visibility).filter((v) => v === 'public').length).to.equal(1);
  });
});
