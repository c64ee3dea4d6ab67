/**
 * A post's text as templates: its `bodyTree` when the server sent one, else parsed here; its
 * mentions named from `mentions` (current names).
 */
import type { TemplateResult } from 'lit';
import type { Post } from '@peerkit/core';
import { renderSource } from '../markdown/parse.js';
import { renderTree } from '../markdown/render-tree.js';

export function renderBody(post: Pick<Post, 'body' | 'bodyTree' | 'mentions'>): TemplateResult {
  return post.bodyTree
    ? renderTree(post.bodyTree, post.mentions)
    : renderSource(post.body, post.mentions);
}
