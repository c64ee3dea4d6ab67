/**
 * Writing a reflection in `<peer-reflection-card>` against the real server (issue 12, "Done
 * when"): the three questions, autosave with its states, losing the network mid-sentence and
 * reloading without losing a word, a failed save with its retry, the prompts attribute, and
 * who can read it.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect, oneEvent } from '@open-wc/testing';
import type { PeerErrorEvent } from '@peerkit/core';
import { chaos } from '../support/server.js';
import {
  $,
  $$,
  atServer,
  field,
  mount,
  seen,
  statusIs,
  typeInto,
  unmountAll,
  until,
} from './helpers.js';

describe('<peer-reflection-card> writing', () => {
  failOnLitWarnings();
  afterEach(unmountAll);

  it('asks the three questions, each a labelled field with a hint', async () => {
    const { el } = await mount();
    expect(seen(el).questions).to.deep.equal([
      'What did we achieve?',
      'What would we do differently?',
      'What did we learn that others can use next time?',
    ]);
    for (const ta of $$<HTMLTextAreaElement>(el, 'textarea')) {
      expect(ta.labels?.[0]?.textContent?.trim()).to.not.equal('');
      const hint = el.shadowRoot!.getElementById(ta.getAttribute('aria-describedby')!);
      expect(hint?.textContent?.trim()).to.not.equal('');
    }
    await expect(el).to.be.accessible();
  });

  it('keeps every keystroke on the device, saves after a pause with "Saved hh:mm", and fires peer-reflection-saved', async () => {
    const { el, activity, token } = await mount();
    const saved = oneEvent(el, 'peer-reflection-saved');
    await typeInto(el, 'achieved', 'We shipped the pilot');
    // At once on the device, before any save.
    const key = Object.keys(localStorage).find((k) => k.includes(JSON.stringify(activity)));
    expect(localStorage.getItem(key!)).to.contain('We shipped the pilot');
    await statusIs(el, 'saved');
    expect(seen(el).status).to.match(/^Saved \d{1,2}:\d{2}/);
    const { detail } = await saved;
    expect(detail.reflection.answers[0]!.answer).to.equal('We shipped the pilot');
    const [r] = await atServer(activity, token!);
    expect(r!.answers.map((a) => a.answer)).to.deep.equal(['We shipped the pilot', '', '']);
    expect(r!.visibility).to.equal('private');
    await expect(el).to.be.accessible();
  });

  it('loses the network mid-sentence, survives a reload, and syncs every word once back', async () => {
    const proxy = await chaos([]);
    try {
      const { el, activity, token, parent } = await mount({ endpoint: proxy.endpoint });
      await typeInto(el, 'achieved', 'We shipped the pilot');
      await statusIs(el, 'saved');
      // The network goes mid-sentence.
      await proxy.set([
        { match: { method: 'PUT', path: '^/reflections/' }, action: 'drop', times: -1 },
      ]);
      await typeInto(el, 'achieved', ' to three teams');
      await typeInto(el, 'learned', 'Start with one team');
      field(el, 'learned').blur();
      await statusIs(el, 'offline');
      expect(seen(el).status).to.equal('Offline: saved on this device, will sync');
      await expect(el).to.be.accessible();
      // Reload: the card goes, a new one comes on the same activity, still offline.
      parent.remove();
      const again = await mount({ endpoint: proxy.endpoint, activity });
      expect(seen(again.el).answers).to.include({
        achieved: 'We shipped the pilot to three teams',
        learned: 'Start with one team',
      });
      // Back online: it syncs by itself.
      await proxy.set([]);
      window.dispatchEvent(new Event('online'));
      await statusIs(again.el, 'saved');
      const [r] = await atServer(activity, token!);
      expect(r!.answers.map((a) => a.answer)).to.deep.equal([
        'We shipped the pilot to three teams',
        '',
        'Start with one team',
      ]);
      expect((await atServer(activity, token!)).length, 'one reflection, not two').to.equal(1);
    } finally {
      await proxy.clear();
    }
  });

  it('says "Couldn\'t save" with a retry when the server fails, and the retry saves', async () => {
    const proxy = await chaos([
      {
        match: { method: 'PUT', path: '^/reflections/' },
        action: 'status',
        status: 503,
        times: -1,
      },
    ]);
    const errors: PeerErrorEvent[] = [];
    const listen = (e: PeerErrorEvent) => errors.push(e);
    document.addEventListener('peer-error', listen);
    try {
      const { el, activity, token } = await mount({ endpoint: proxy.endpoint });
      await typeInto(el, 'differently', 'Ask earlier');
      field(el, 'differently').blur();
      await statusIs(el, 'failed');
      expect(seen(el).status).to.match(/^Couldn't save/);
      expect(errors.length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      await proxy.set([]);
      $(el, '[part~="status"] [part~="retry"]')!.click();
      await statusIs(el, 'saved');
      const [r] = await atServer(activity, token!);
      expect(r!.answers[1]!.answer).to.equal('Ask earlier');
    } finally {
      document.removeEventListener('peer-error', listen);
      await proxy.clear();
    }
  });

  it("asks the host's prompts, and falls back to the three with a notice and one config error when they are malformed", async () => {
    const custom = await mount({
      attrs: {
        prompts: JSON.stringify([
          'What surprised you?',
          { id: 'next', text: 'What next?', hint: 'One step' },
        ]),
      },
    });
    expect(seen(custom.el).questions).to.deep.equal(['What surprised you?', 'What next?']);
    const errors: PeerErrorEvent[] = [];
    const listen = (e: PeerErrorEvent) => errors.push(e);
    document.addEventListener('peer-error', listen);
    try {
      const { el } = await mount({ attrs: { prompts: '[not json' } });
      await el.updateComplete;
      await until(() => errors.length > 0, 'the config error');
      expect(seen(el).questions.length).to.equal(3);
      expect(seen(el).config).to.contain('prompts');
      expect(errors.map((e) => e.detail.error.kind)).to.deep.equal(['config']);
      await expect(el).to.be.accessible();
    } finally {
      document.removeEventListener('peer-error', listen);
    }
  });

  it('checks mode and visibility like the discussion checks its attributes', async () => {
    const errors: PeerErrorEvent[] = [];
    const listen = (e: PeerErrorEvent) => errors.push(e);
    document.addEventListener('peer-error', listen);
    try {
      const { el } = await mount({ attrs: { mode: 'solo', visibility: 'everyone' } });
      await until(() => errors.length === 2, 'two config errors');
      expect(errors.map((e) => e.detail.error.kind)).to.deep.equal(['config', 'config']);
      expect(el.mode).to.equal('personal');
      expect(el.visibility).to.equal('private');
      expect(seen(el).config).to.contain('"solo"');
      expect(seen(el).config).to.contain('"everyone"');
      expect(seen(el).who).to.equal('Only you can read this reflection.');
    } finally {
      document.removeEventListener('peer-error', listen);
    }
  });

  it('says in plain words who can read it, and saves the choice', async () => {
    const { el, activity, token } = await mount({ attrs: { visibility: 'team' } });
    expect(seen(el).who).to.equal('You and the people in your team can read this reflection.');
    await typeInto(el, 'achieved', 'Done');
    $<HTMLInputElement>(el, 'input[value="public"]')!.click();
    await el.updateComplete;
    expect(seen(el).who).to.equal('Everyone who can see this page can read this reflection.');
    await statusIs(el, 'saved');
    await until(async () => (await atServer(activity, token!))[0]?.visibility === 'public');
  });
});
