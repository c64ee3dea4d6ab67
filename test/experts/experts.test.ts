/**
 * `<peer-expert-finder>` against the real server in Chromium: what a person sees and does.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  announced,
  cards,
  chips,
  input,
  mount,
  names,
  options,
  settled,
  skillRow,
  card,
  typeSearch,
  unmountAll,
} from './helpers.js';

describe('<peer-expert-finder>', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('recommends people with no search, each saying why', async () => {
    const { el } = await mount();
    expect(cards(el).length).to.be.greaterThan(0);
    const why = cards(el).map((c) => c.querySelector('[part~="why"]')?.textContent ?? '');
    console.log(names(el), why);
  });
});
