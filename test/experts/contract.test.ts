/**
 * `<peer-expert-finder>` keeps the widget contract (test/support/widget-contract.ts): late
 * provider, misconfigured provider, a failed load with its retry, offline and back, Spanish,
 * axe in each state, no Lit warnings, and removal aborting its requests and leaving no
 * listener (its busiest state: the suggestions open, a filter chip, the ask form open).
 */
import { widgetContract } from '../support/widget-contract.js';
import { waitUntil } from '../support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '@peerkit/experts/define';
import type { PeerExpertFinder } from '@peerkit/experts';
import { $, cards, input, loading, status } from './helpers.js';

widgetContract<PeerExpertFinder>({
  tag: 'peer-expert-finder',
  create: (activity) => {
    const el = document.createElement('peer-expert-finder');
    el.setAttribute('activity', activity);
    el.setAttribute('limit', '3');
    return el;
  },
  loadPath: '^/people$',
  loading: (el) => loading(el) && !!$(el, '.skeleton'),
  loaded: (el) => cards(el).length > 0 && !loading(el),
  notice: (el) => status(el),
  retry: (el) => $(el, '[part~="status"] [part~="retry"]'),
  texts: {
    loadFailed: 'People could not be loaded.',
    offline: 'You are offline: people could not be loaded.',
  },
  spanish: (el) => $(el, '[part~="heading"]')?.textContent?.trim() === 'Encuentra a quien sabe',
  busy: async (el) => {
    input(el).focus();
    await sendKeys({ type: 'sq' });
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('[role="option"]').length > 0,
      'suggestions',
    );
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!$(el, '[part~="chip"]'), 'a chip');
    await waitUntil(() => cards(el).length > 0 && !loading(el), 'results for the chip');
    ($(el, '.list [part~="ask"]') as HTMLButtonElement).click();
    await waitUntil(() => !!$(el, '[part~="ask-form"]'), 'the ask form');
  },
});
