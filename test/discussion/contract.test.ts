/**
 * `<peer-discussion>` keeps the widget contract (test/support/widget-contract.ts): late
 * provider, misconfigured provider (its message said once on the page, by the discussion),
 * a failed first load with its retry, offline and back, Spanish, axe in each state, no Lit
 * warnings, and removal aborting its requests and leaving no listener.
 */
import { widgetContract } from '../support/widget-contract.js';
import '@peerkit/discussion/define';
import type { PeerDiscussion } from '@peerkit/discussion';
import { waitUntil } from '../support/wait.js';
import { $, $$, focusIn, rootTextarea, type } from './helpers.js';

const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

widgetContract<PeerDiscussion>({
  tag: 'peer-discussion',
  create: (activity) => {
    const el = document.createElement('peer-discussion');
    el.setAttribute('activity', activity);
    return el;
  },
  loadPath: '^/posts$',
  loading: (el) => !!$(el, '.loading[aria-busy="true"] .skeleton'),
  loaded: (el) => !$(el, '.skeleton') && !!$(el, '[part~="feed"], .empty'),
  notice: (el) => $$(el, '.notice[role]').map(text).filter(Boolean).join(' '),
  retry: (el) => $(el, '.notice.error [part~="retry"]'),
  texts: {
    loadFailed: 'The discussion could not be loaded.',
    offline: 'You are offline, so the discussion cannot load.',
  },
  spanish: (el) => text($(el, '[part~="heading"]')) === 'Conversación',
  // The root composer focused with a draft in it (drafts, counters and key handling live),
  // its tools loaded (the Skills field) and `@` suggestions open.
  busy: async (el) => {
    const textarea = rootTextarea(el);
    if (!textarea) throw new Error('no composer');
    focusIn(textarea);
    await waitUntil(() => $(el, '[part~="skills"]'), 'the composer tools', { timeout: 10_000 });
    type(textarea, 'A draft for @ben');
    await waitUntil(() => $(el, '[part~="mention-option"]'), 'suggestions', { timeout: 10_000 });
    await el.updateComplete;
  },
});
