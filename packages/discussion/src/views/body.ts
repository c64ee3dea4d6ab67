/** A post's text as templates: its `bodyTree` when the server sent one, else parsed here. */
import type { TemplateResult } from 'lit';
import type { Post } from '@peerkit/core';
import { renderSource } from '../markdown/parse.js';
import { renderTree } from '../markdown/render-tree.js';

export function renderBody(post: Pick<Post, 'body' | 'bodyTree'>): TemplateResult {
  return post.bodyTree ? renderTree(post.bodyTree) : renderSource(post.body);
}
