/**
 * `<peer-kudos>` in Spanish: its messages load on demand when the provider's locale is `es`.
 * A file of its own: `@lit/localize` has one message locale per page, so the Spanish here must
 * not leak into the English assertions of the other kudos tests.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { messageLocale } from '@peerkit/core';
import { $, button, giveAs, mount, seen, unmountAll, type PeerKudos } from './helpers.js';
import { SEED, signIn, uniqueActivity } from '../support/server.js';

const label = (el: PeerKudos) => $(el, '[part~="label"]')!.textContent!.trim();
const countText = (el: PeerKudos) =>
  $(el, '[part~="count"] .visually-hidden')?.textContent?.trim() ?? '';

describe('<peer-kudos> in Spanish', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('shows its label, count and announcement in Spanish under locale="es"', async () => {
    const activity = uniqueActivity('kudos-es');
    await giveAs(await signIn(SEED.colleague), activity);
    const { el } = await mount({ activity, locale: 'es' });
    await waitUntil(() => label(el) === 'Reconocimiento', `label: ${label(el)}`, {
      timeout: 10_000,
    });
    expect(messageLocale()).to.equal('es');
    expect(countText(el)).to.equal('1 persona dio reconocimiento');
    await expect(el).to.be.accessible();

    const given = oneEvent(el, 'peer-kudos-given');
    button(el)!.click();
    await given;
    await el.updateComplete;
    expect(seen(el)).to.include({ pressed: 'true', count: '2' });
    expect(seen(el).announcement).to.equal('Diste un reconocimiento. 2 personas lo hicieron.');
    expect(countText(el)).to.equal('2 personas dieron reconocimiento');
    await expect(el).to.be.accessible();
  });

  it('names the person thanked, and the values popover (a lazy chunk) is Spanish too', async () => {
    const { el } = await mount({
      locale: 'es',
      attrs: { values: 'helpful,clear', recipient: SEED.colleague, 'recipient-name': 'Ben' },
    });
    await waitUntil(() => label(el) === 'Reconocimiento', `label: ${label(el)}`, {
      timeout: 10_000,
    });
    button(el)!.click();
    await waitUntil(() => $(el, '[part~="popover"]'), 'the popover to open');
    await el.updateComplete;
    const popover = $(el, '[part~="popover"]')!;
    expect(popover.querySelector('legend')!.textContent!.trim()).to.equal(
      '¿Por qué le das las gracias?',
    );
    expect($(el, '.counter')!.textContent!.trim()).to.equal('Quedan 280 caracteres');
    expect($(el, 'button[type="submit"]')!.textContent!.trim()).to.equal('Dar reconocimiento');
    await expect(el).to.be.accessible();

    const given = oneEvent(el, 'peer-kudos-given');
    $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await given;
    await el.updateComplete;
    expect(seen(el).announcement).to.equal('Le diste las gracias a Ben. 1 persona lo hizo.');
  });

  it('goes back to English when the provider switches to en', async () => {
    const { el, provider } = await mount({ locale: 'es' });
    await waitUntil(() => label(el) === 'Reconocimiento', `label: ${label(el)}`, {
      timeout: 10_000,
    });
    provider.setAttribute('locale', 'en');
    await waitUntil(() => label(el) === 'Kudos', `label: ${label(el)}`, { timeout: 10_000 });
    expect(countText(el)).to.equal('0 people gave kudos');
  });
});
