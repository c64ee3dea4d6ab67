/** A post's text as templates. */
import type { TemplateResult } from 'lit';
import type { Post } from '@peerkit/core';
import { renderMarkdown } from '../markdown.js';

export function renderBody(post: Post): TemplateResult {
  return renderMarkdown(post.body);
}
