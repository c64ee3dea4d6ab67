/**
 * `<peer-discussion>` in Spanish: its messages load on demand when the provider's locale is
 * `es`. A file of its own: `@lit/localize` has one message locale per page, so the Spanish
 * here must not leak into the English assertions of the other discussion tests.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { messageLocale } from '@peerkit/core';
import { $, $$, mount, rootTextarea, seedPost, type, unmountAll, waitForPost } from './helpers.js';
import type { PeerDiscussion } from '@peerkit/discussion';
import { SEED, signIn, uniqueActivity } from '../support/server.js';

const text = (el: PeerDiscussion, selector: string) =>
  $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function spanish(el: PeerDiscussion): Promise<void> {
  await waitUntil(
    () => text(el, '[part~="heading"]').startsWith('Conversación'),
    `the Spanish heading (saw "${text(el, '[part~="heading"]')}")`,
    { timeout: 10_000 },
  );
  await el.updateComplete;
}

describe('<peer-discussion> in Spanish', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('shows its heading, sort, composer and empty state in Spanish under locale="es"', async () => {
    const { el } = await mount({ locale: 'es' });
    await spanish(el);
    expect(messageLocale()).to.equal('es');
    expect(text(el, '[part~="heading"]')).to.equal('Conversación');
    expect(text(el, 'label[for="sort"]')).to.equal('Ordenar por');
    expect($$<HTMLOptionElement>(el, 'select#sort option').map((o) => o.text.trim())).to.deep.equal(
      ['Más antiguas primero', 'Más recientes primero', 'Más reconocidas'],
    );
    expect(text(el, '.empty strong')).to.equal('Haz la primera pregunta');
    expect(text(el, '.empty')).to.contain(
      'Aquí aparecen las preguntas, respuestas y consejos sobre esta página.',
    );
    expect(rootTextarea(el).labels?.[0]?.textContent?.trim()).to.equal(
      'Haz una pregunta o comparte un consejo',
    );
    expect(text(el, '[part~="composer"][data-mode="new"] [part~="submit"]')).to.equal('Publicar');
    await expect(el).to.be.accessible();
  });

  it('counts, labels posts and announces a new post in Spanish', async () => {
    const activity = uniqueActivity('discussion-es');
    await seedPost(await signIn(SEED.colleague), activity, 'Primera pregunta');
    const { el } = await mount({ activity, locale: 'es' });
    await spanish(el);
    expect(text(el, '[part~="heading"]')).to.equal('Conversación (1 publicación)');
    expect(rootTextarea(el).labels?.[0]?.textContent?.trim()).to.equal('Escribe una publicación');
    type(rootTextarea(el), 'Segunda pregunta');
    await el.updateComplete;
    expect(text(el, '[part~="counter"]')).to.match(/^16 de [\d.\s]+ caracteres$/);
    $<HTMLButtonElement>(el, '[part~="composer"][data-mode="new"] [part~="submit"]')!.click();
    // The guidelines come first, in Spanish too.
    await waitUntil(() => $(el, '[part~="guidelines"]'), 'the guidelines');
    await el.updateComplete;
    expect(text(el, '[part~="guidelines"] h3')).to.equal('Antes de publicar');
    expect(text(el, '[part~="guidelines"]')).to.contain('Sé amable y presupón buena intención.');
    await expect(el).to.be.accessible();
    const agree = $$<HTMLButtonElement>(el, '[part~="guidelines"] button')[0]!;
    expect(agree.textContent!.trim()).to.equal('Acepto, publicar');
    agree.click();
    const post = await waitForPost(el, 'Segunda pregunta');
    expect(post.textContent).to.contain('Responder');
    await waitUntil(
      () => text(el, '[role="status"][aria-live="polite"]') === 'Tu publicación ya está publicada.',
      `the Spanish announcement (saw "${text(el, '[role="status"][aria-live="polite"]')}")`,
    );
    expect(text(el, '[part~="heading"]')).to.equal('Conversación (2 publicaciones)');
    await expect(el).to.be.accessible();
  });
});
