/** Composer state and drafts without an element: what survives, which key a retry uses. */
import { expect } from '@open-wc/testing';
import { POST_BODY_MAX, type Post } from '@peerkit/core';
import { Composer } from '../../../packages/discussion/src/model/composer.js';
import {
  acknowledgeGuidelines,
  draftKey,
  guidelinesAcknowledged,
  loadDraft,
} from '../../../packages/discussion/src/model/drafts.js';

const activity = () => `urn:test:unit:${crypto.randomUUID()}`;

describe('composer state and drafts (model/composer.ts, model/drafts.ts)', () => {
  it('keeps what was typed as a draft per thread, target and person', () => {
    const a = activity();
    const c = new Composer('reply', 'p1', draftKey(a, 'p1', 'ana'));
    c.input('Half a thought');
    expect(new Composer('reply', 'p1', draftKey(a, 'p1', 'ana')).body).to.equal('Half a thought');
    expect(new Composer('reply', 'p2', draftKey(a, 'p2', 'ana')).body).to.equal('');
    expect(new Composer('reply', 'p1', draftKey(a, 'p1', 'ben')).body).to.equal('');
  });

  it('a retry of the same text reuses its idempotency key; changed text gets a new one', () => {
    const key = draftKey(activity(), '', 'ana');
    const c = new Composer('new', '', key);
    c.input('First try');
    const first = c.attemptKey();
    expect(c.attemptKey()).to.equal(first);
    // After a reload the key is still there.
    expect(new Composer('new', '', key).attemptKey()).to.equal(first);
    c.input('First try, edited');
    expect(c.attemptKey()).not.to.equal(first);
  });

  it('forgets the draft and the key once saved', () => {
    const key = draftKey(activity(), '', 'ana');
    const c = new Composer('new', '', key);
    c.input('Posted');
    c.attemptKey();
    c.saved();
    expect(loadDraft(key)).to.equal(null);
    expect(c.body).to.equal('');
  });

  it('an edit starts from the post and is blank or over the limit as the server counts', () => {
    const c = new Composer('edit', 'p1', null, 'The post');
    expect(c.body).to.equal('The post');
    c.input('   ');
    expect(c.blank).to.equal(true);
    c.input('a'.repeat(POST_BODY_MAX + 1));
    expect(c.over).to.equal(true);
    expect(c.overBy).to.equal(1);
  });

  it('counts characters as the server does: code points, so 6,000 emoji are 6,000', () => {
    const c = new Composer('edit', 'p1', null, '😀'.repeat(6000));
    expect(c.length).to.equal(6000);
    expect(c.over).to.equal(false);
  });

  it('an edit whose post changed elsewhere keeps its text until the person chooses', () => {
    const key = draftKey(activity(), 'edit:p1', 'ana');
    const c = new Composer('edit', 'p1', key, 'Version one', 1);
    c.input('Mine');
    const newer = { id: 'p1', body: 'Theirs', version: 2 } as Post;
    c.changedElsewhere(newer);
    expect(c.conflict).to.equal(newer);
    expect(c.body).to.equal('Mine');
    // A reload of the page still edits from version 1, so the save is still refused.
    expect(new Composer('edit', 'p1', key, 'Theirs', 2).version).to.equal(1);
    c.keepMine();
    expect([c.body, c.version, c.conflict]).to.deep.equal(['Mine', 2, null]);
    c.changedElsewhere({ ...newer, body: 'Third', version: 3 });
    c.loadNewer();
    expect([c.body, c.version, c.conflict]).to.deep.equal(['Third', 3, null]);
  });

  it('remembers the guidelines acknowledgement per thread and person', () => {
    const a = activity();
    expect(guidelinesAcknowledged(a, 'ana')).to.equal(false);
    acknowledgeGuidelines(a, 'ana');
    expect(guidelinesAcknowledged(a, 'ana')).to.equal(true);
    expect(guidelinesAcknowledged(a, 'ben')).to.equal(false);
  });
});
