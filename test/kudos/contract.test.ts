/**
 * `<peer-kudos>` keeps the widget contract (test/support/widget-contract.ts): late provider,
 * misconfigured provider, a failed load with its retry, offline and back, Spanish, axe in
 * each state, no Lit warnings, and removal aborting its requests and leaving no listener.
 */
import { widgetContract } from '../support/widget-contract.js';
import { sendKeys } from '@web/test-runner-commands';
import '@peerkit/kudos/define';
import type { PeerKudos } from '@peerkit/kudos';
import { $, button, seen } from './helpers.js';

widgetContract<PeerKudos>({
  tag: 'peer-kudos',
  create: (activity) => {
    const el = document.createElement('peer-kudos');
    el.setAttribute('activity', activity);
    el.setAttribute('values', 'helpful,clear');
    return el;
  },
  loadPath: '^/kudos$',
  loading: (el) => !!$(el, '[part~="base"][aria-busy="true"] .skeleton'),
  loaded: (el) => seen(el).count !== null && !$(el, '.skeleton'),
  notice: (el) => seen(el).status,
  retry: (el) => $(el, '[part~="status"] [part~="retry"]'),
  texts: {
    loadFailed: 'Kudos could not be loaded.',
    offline: 'You are offline: kudos could not be loaded.',
  },
  spanish: (el) => $(el, '[part~="label"]')?.textContent?.trim() === 'Reconocimiento',
  // The values popover open: it listens for pointer presses outside it on the document.
  busy: async (el) => {
    button(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    if (!$(el, '[part~="popover"]')) throw new Error('the popover did not open');
  },
});
