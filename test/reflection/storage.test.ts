/**
 * A browser whose `localStorage` throws (docs/decisions.md §7): the card keeps the draft in
 * memory for the life of the page (moving the card inside the page loses nothing), still
 * saves to the server, and the kit says once, with kind `storage`, that nothing survives a
 * reload. One scenario per file: the kit says it once per page.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import type { PeerError } from '@peerkit/core';
import { refuseLocalStorage } from '../core/storage-fixture.js';
import { atServer, field, mount, seen, statusIs, typeInto, unmountAll, until } from './helpers.js';

describe('<peer-reflection-card> when localStorage throws', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('keeps the draft in the page, saves it, and says once that it will not survive a reload', async () => {
    const errors: PeerError[] = [];
    const onError = (e: Event) =>
      errors.push((e as CustomEvent<{ error: PeerError }>).detail.error);
    document.addEventListener('peer-error', onError);
    const undo = refuseLocalStorage();
    try {
      const { el, activity, token, provider } = await mount();
      await typeInto(el, 'achieved', 'Kept in memory');
      el.remove();
      provider.append(el);
      await until(() => !!field(el, 'achieved'), 'the card back');
      expect(seen(el).answers.achieved).to.equal('Kept in memory');
      field(el, 'achieved').blur();
      await statusIs(el, 'saved');
      expect((await atServer(activity, token!))[0]!.answers[0]!.answer).to.equal('Kept in memory');
      await until(() => errors.some((e) => e.kind === 'storage'), 'the storage error');
      expect(errors.filter((e) => e.kind === 'storage').length).to.equal(1);
      await provider.updateComplete;
      expect(provider.shadowRoot!.querySelectorAll('[part~="notice"]').length).to.equal(1);
    } finally {
      undo();
      document.removeEventListener('peer-error', onError);
    }
  });
});
