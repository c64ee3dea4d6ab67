/**
 * `<peer-kudos>` with a `values` attribute it cannot use: the core's `AttributeChecks` says so
 * in the element and to the host, once per bad value.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { configErrors } from '../support/config-errors.js';
import { expect } from '@open-wc/testing';
import { button, mount, seen, unmountAll } from './helpers.js';
import { until } from '../support/server.js';

describe('<peer-kudos> with invalid values', () => {
  failOnLitWarnings();
  const errors = configErrors();
  afterEach(unmountAll);

  it('fires one peer-error of kind config naming the attribute, and says which attribute is wrong', async () => {
    const { el } = await mount({ ready: false, attrs: { values: 'helpful,<b>bold</b>' } });
    await until(() => seen(el).status !== '', 'the message');
    await until(() => errors.length > 0 && button(el), 'the peer-error and the button');
    expect(seen(el).status).to.equal(
      'Kudos are not available: the page is misconfigured. The values attribute holds an invalid value.',
    );
    expect(errors.length).to.equal(1);
    expect(errors[0]!.target === el).to.equal(true);
    expect(errors[0]!.detail.error.details.problem).to.include({
      type: 'peerkit:config/values',
      attribute: 'values',
      value: 'helpful,<b>bold</b>',
    });
    expect(button(el)!.getAttribute('aria-disabled')).to.equal('true');
    // Drawn again, or the same value written again: not news.
    el.setAttribute('label', 'Thanks');
    el.setAttribute('values', 'helpful,<b>bold</b>');
    await el.updateComplete;
    await el.updateComplete;
    expect(errors.length).to.equal(1);
    // Fixed: the message goes and the button works.
    el.setAttribute('values', 'helpful,clear');
    await until(() => seen(el).status === '' && seen(el).count === '0', 'the fix');
    expect(button(el)!.getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
  });
});
