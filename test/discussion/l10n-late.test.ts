/**
 * A widget whose module is evaluated while the page's locale is still loading (as the CDN
 * loads `<peer-discussion>` lazily) still gets its translations: its `registerTranslations`
 * comes after the locale started loading, and is merged in rather than lost.
 *
 * The discussion module is imported only once Spanish has started loading, so this file
 * imports the helpers (which define `<peer-discussion>`) dynamically.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '@peerkit/core/define';
import { API } from '../support/server.js';
import { messageLocale, registerTranslations } from '@peerkit/core';

describe('<peer-discussion> registered while Spanish loads', () => {
  failOnLitWarnings();

  it('shows Spanish once the locale has loaded', async () => {
    // Hold Spanish back until the discussion module has registered its own translations.
    let started = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    registerTranslations('es', async () => {
      started = true;
      await gate;
      return { templates: {} };
    });
    const provider = document.createElement('peer-provider');
    provider.setAttribute('endpoint', API);
    provider.setAttribute('locale', 'es');
    const holder = document.createElement('div');
    holder.append(provider);
    document.body.append(holder);
    await waitUntil(() => started, 'Spanish to start loading');

    const { mount, unmountAll, $ } = await import('./helpers.js');
    release();
    try {
      const { el } = await mount({ locale: 'es' });
      await waitUntil(
        () => $(el, '[part~="heading"]')?.textContent?.trim() === 'Conversación',
        `the Spanish heading (saw "${$(el, '[part~="heading"]')?.textContent?.trim()}")`,
        { timeout: 10_000 },
      );
      expect(messageLocale()).to.equal('es');
    } finally {
      unmountAll();
      holder.remove();
    }
  });
});
