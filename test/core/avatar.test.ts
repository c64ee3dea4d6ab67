/**
 * One person, one avatar: the discussion's post and the expert finder's card draw a person's
 * initials avatar with the same hue (of twelve) and the same initials, also when the person's
 * id or name holds characters outside the Basic Multilingual Plane (the discussion once hashed
 * UTF-16 code units where the finder hashed code points, so such a person changed colour
 * between the two widgets).
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { Expert, Post } from '@peerkit/core';
import {
  renderPost,
  type PostHandlers,
  type PostProps,
} from '../../packages/discussion/src/views/post.js';
import { renderCard } from '../../packages/experts/src/views/card.js';

const person = { id: 'ana-𝒜𝓃𝒶-🦊', name: '𝒜na Ruiz' };

function postAvatar(): HTMLElement {
  const post = {
    id: 'p1',
    parentId: null,
    depth: 0,
    author: { ...person, title: null },
    body: 'Hello',
    createdAt: new Date().toISOString(),
    editedAt: null,
    deleted: false,
    hidden: false,
    highlighted: false,
    accepted: false,
    tags: [],
    replyCount: 0,
  } as unknown as Post;
  const props = {
    locale: 'en',
    meId: null,
    moderator: false,
    canWrite: false,
    readonly: true,
    maxDepth: 3,
    answering: null,
    kudosShown: false,
    posinset: 1,
    setsize: 1,
    fresh: false,
    editor: null,
    replyBox: null,
    qa: false,
    accept: false,
    saving: false,
    tag: null,
  } satisfies PostProps;
  const on = new Proxy({}, { get: () => () => {} }) as PostHandlers;
  const host = document.createElement('div');
  render(renderPost(post, props, on), host);
  return host.querySelector('[part~="avatar"]')!;
}

function cardAvatar(): HTMLElement {
  const expert = {
    ...person,
    title: null,
    team: null,
    skills: [],
    reasons: [],
    askMeAbout: [],
  } as unknown as Expert;
  const host = document.createElement('div');
  render(
    renderCard({
      expert,
      locale: 'en',
      id: 'c1',
      endorse: () => ({ mine: false, count: 0, pending: false }),
      meId: null,
      askable: false,
      on: { toggle: () => {}, retry: () => {}, ask: () => {} },
    }),
    host,
  );
  return host.querySelector('[part~="avatar"]')!;
}

describe('the initials avatar across widgets', () => {
  it('gives a person with an astral id the same hue and initials in the discussion and the finder', () => {
    const post = postAvatar();
    const card = cardAvatar();
    expect(card.dataset.hue).to.match(/^\d+$/);
    expect(post.dataset.hue).to.equal(card.dataset.hue);
    expect(post.textContent!.trim()).to.equal(card.textContent!.trim());
    expect(card.textContent!.trim()).to.equal('𝒜R');
  });
});
