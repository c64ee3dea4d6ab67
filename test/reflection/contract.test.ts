/**
 * `<peer-reflection-card>` keeps the widget contract (test/support/widget-contract.ts): late
 * provider, misconfigured provider, a failed first load with its retry, offline and back,
 * Spanish, axe in each state, no Lit warnings, and removal aborting its requests and leaving
 * no listener.
 */
import { widgetContract } from '../support/widget-contract.js';
import '@peerkit/reflection/define';
import type { PeerReflectionCard } from '@peerkit/reflection';
import { $, field, seen } from './helpers.js';

widgetContract<PeerReflectionCard>({
  tag: 'peer-reflection-card',
  create: (activity) => {
    const el = document.createElement('peer-reflection-card');
    el.setAttribute('activity', activity);
    return el;
  },
  loadPath: '^/reflections$',
  loading: (el) => !!$(el, '.skeleton'),
  loaded: (el) => !!$(el, '[part~="earlier"]') && !$(el, '.skeleton'),
  notice: (el) => seen(el).notice,
  retry: (el) => $(el, '[part~="notice"] [part~="retry"]'),
  texts: {
    loadFailed: 'Your earlier reflections could not be loaded.',
    offline: 'You are offline: your earlier reflections could not be loaded.',
  },
  spanish: (el) => seen(el).questions[0] === '¿Qué logramos?',
  // Writing: the answer field focused with a draft kept.
  busy: async (el) => {
    field(el, 'achieved').focus();
    field(el, 'achieved').value = 'We shipped';
    field(el, 'achieved').dispatchEvent(new Event('input'));
    await el.updateComplete;
  },
});
