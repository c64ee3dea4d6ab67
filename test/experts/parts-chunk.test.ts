/**
 * The expert finder's later parts (`parts.ts`: the search suggestions' wording, the question
 * form, profile editing) are a chunk it loads on demand. When that chunk cannot be fetched
 * on the first typing, no suggestion comes (the field still searches on Enter), and once the
 * network is back the next typing loads it again and suggests: a failed load is not kept. A file of its own: the
 * chunk must not have been loaded in this page before.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../support/wait.js';
import { input, mount, options, typeSearch, unmountAll } from './helpers.js';

const MODULE = 'packages/experts/src/parts.js';
const failModule = (on: boolean) => {
  document.cookie = on
    ? `peerkit-fail-module=${encodeURIComponent(MODULE)}; path=/`
    : 'peerkit-fail-module=; path=/; max-age=0';
};

describe('<peer-expert-finder> when its later parts cannot load', () => {
  failOnLitWarnings();
  afterEach(() => {
    failModule(false);
    unmountAll();
  });

  it('suggests nothing on the first typing, and suggests on the next once the chunk can be fetched', async () => {
    // Signed out: nothing loads the parts before the first typing.
    const { el } = await mount({ person: null });
    failModule(true);
    await typeSearch(el, 'SQL');
    // The chunk was asked for and not answered (a failed fetch still has its timing entry).
    const asked = () =>
      performance
        .getEntriesByType('resource')
        .some((e) => /packages\/experts\/src\/parts\.(js|ts)/.test(e.name));
    await waitUntil(asked, 'the later parts asked for', { seen: () => options(el) });
    await el.updateComplete;
    expect(options(el)).to.deep.equal([]);

    failModule(false);
    input(el).select();
    await sendKeys({ press: 'Backspace' });
    await typeSearch(el, 'SQL');
    await waitUntil(() => options(el).length > 0, 'suggestions once the chunk loads', {
      seen: () => input(el).value,
    });
  });
});
