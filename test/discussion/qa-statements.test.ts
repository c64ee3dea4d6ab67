/**
 * The statements of Q&A mode (the discussion README's statements table): a question is
 * `asked` (ADL), a direct reply by someone other than the asker `answered` (ADL), the asker's
 * own follow-up stays `replied`; accepting records the profile's `accepted` and unaccepting
 * `withdrew-acceptance`, with the answer as object. The question is the context's `parent`
 * (xAPI: the direct parent), the thread its `grouping`, as for every reply. Read back from
 * the real server's LRS.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { PeerDiscussion } from '@peerkit/discussion';
import { SEED, XAPI_BASIC, uniqueActivity } from '../support/server.js';
import {
  $,
  acknowledged,
  article,
  mount,
  postThroughUi,
  type,
  unmountAll,
  waitForPost,
} from './helpers.js';

interface Statement {
  verb: { id: string; display: { 'en-US'?: string; en?: string } };
  object: { id: string };
  result?: { response?: string };
  context?: { contextActivities?: { parent?: { id: string }[]; grouping?: { id: string }[] } };
}

const ADL = 'http://adlnet.gov/expapi/verbs/';
const PROFILE = 'https://w3id.org/xapi/peerkit/verbs/';
const iri = (id: string) => `urn:peerkit:post:${id}`;

async function statements(verb: string, id: string): Promise<Statement[]> {
  const q = new URLSearchParams({ verb, activity: iri(id) });
  const res = await fetch(`/api/xapi/statements?${q}`, {
    headers: { authorization: XAPI_BASIC, 'x-experience-api-version': '1.0.3' },
  });
  expect(res.ok, `GET statements ${res.status}`).to.equal(true);
  return ((await res.json()) as { statements: Statement[] }).statements;
}

/** Replies to the post showing `to` through its reply composer; the new post's id. */
async function replyThroughUi(el: PeerDiscussion, to: string, text: string): Promise<string> {
  article(el, to).querySelector<HTMLButtonElement>('[data-action="reply"]')!.click();
  await el.updateComplete;
  type($<HTMLTextAreaElement>(el, '[part~="composer"][data-mode="reply"] textarea')!, text);
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[part~="composer"][data-mode="reply"] [part~="submit"]')!.click();
  return (await waitForPost(el, text)).dataset.id!;
}

/** The context's parent and grouping ids of a statement. */
const context = (s: Statement) => ({
  parent: s.context?.contextActivities?.parent?.map((a) => a.id),
  grouping: s.context?.contextActivities?.grouping?.map((a) => a.id),
});

describe('<peer-discussion mode="qa"> statements', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('records asked, answered, a follow-up reply, accepted and withdrew-acceptance', async function () {
    this.timeout(40_000);
    const activity = uniqueActivity('qa-statements');
    acknowledged(activity, SEED.member);
    acknowledged(activity, SEED.colleague);
    const asker = await mount({ activity, person: SEED.member, attrs: { mode: 'qa' } });
    const question = (await postThroughUi(asker.el, 'How do I rotate the keys?')).dataset.id!;
    const followUp = await replyThroughUi(asker.el, 'rotate the keys', 'It is for staging');
    await asker.provider.context.recorder.flush();
    unmountAll();

    const expert = await mount({ activity, person: SEED.colleague, attrs: { mode: 'qa' } });
    await waitForPost(expert.el, 'rotate the keys');
    const answer = await replyThroughUi(expert.el, 'rotate the keys', 'Use the vault CLI');
    await expert.provider.context.recorder.flush();
    unmountAll();

    const [asked] = await statements(`${ADL}asked`, question);
    expect(asked!.result?.response).to.equal('How do I rotate the keys?');
    expect(context(asked!).parent).to.deep.equal([activity]);
    expect(await statements(`${ADL}commented`, question)).to.have.length(0);
    const [answered] = await statements(`${ADL}answered`, answer);
    expect(answered!.result?.response).to.equal('Use the vault CLI');
    expect(context(answered!)).to.deep.equal({ parent: [iri(question)], grouping: [activity] });
    expect(await statements(`${ADL}answered`, followUp)).to.have.length(0);
    expect(await statements('http://id.tincanapi.com/verb/replied', followUp)).to.have.length(1);

    const { el, provider } = await mount({ activity, person: SEED.member, attrs: { mode: 'qa' } });
    await waitForPost(el, 'vault CLI');
    const accept = () =>
      article(el, 'vault CLI').querySelector<HTMLButtonElement>('[data-action="accept"]')!;
    accept().click();
    await waitUntil(() => accept().getAttribute('aria-pressed') === 'true', 'accepted');
    accept().click();
    await waitUntil(() => accept().getAttribute('aria-pressed') === 'false', 'unaccepted');
    await provider.context.recorder.flush();
    const [accepted] = await statements(`${PROFILE}accepted`, answer);
    expect(accepted!.verb.display['en-US'] ?? accepted!.verb.display.en).to.equal(
      'accepted answer',
    );
    expect(accepted!.object.id).to.equal(iri(answer));
    expect(context(accepted!)).to.deep.equal({ parent: [iri(question)], grouping: [activity] });
    const [withdrew] = await statements(`${PROFILE}withdrew-acceptance`, answer);
    expect(context(withdrew!).parent).to.deep.equal([iri(question)]);
  });
});
