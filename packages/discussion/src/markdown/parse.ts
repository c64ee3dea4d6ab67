/**
 * The Markdown parser, loaded only when the discussion must parse itself: the composer's
 * preview, or a post from a `PeerClient` that sends no `bodyTree` (docs/decisions.md §5). A reader's
 * first paint never needs it: the server sends each post already parsed.
 *
 * `@peerkit/core/markdown` (`markdownToTree`, on `marked`'s lexer) is the one parser of the
 * kit, the same module the server uses, so a preview draws exactly what the post will.
 */
import { html, type TemplateResult } from 'lit';
import type { MarkdownNode, PersonSummary } from '@peerkit/core';
import { renderTree } from './render-tree.js';

type Parse = (source: string) => MarkdownNode[];

let parse: Parse | null = null;
let loading: Promise<Parse> | null = null;
/** Called once the parser has arrived (elements that drew plain text draw again). */
const ready = new Set<() => void>();

/** The parser's load while it is under way (a render asked for it), else `null`. */
export function parserPending(): Promise<unknown> | null {
  return parse ? null : loading;
}

/** Calls `listener` when the parser arrives; returns the function that stops listening. */
export function onParserReady(listener: () => void): () => void {
  ready.add(listener);
  return () => ready.delete(listener);
}
const parsed = new Map<string, MarkdownNode[]>();
const CACHE_MAX = 500;

/** Loads the parser (once; a failed load is tried again next time). */
function loadParser(): Promise<Parse> {
  loading ??= import('@peerkit/core/markdown').then(
    (m) => {
      parse = m.markdownToTree;
      for (const listener of ready) listener();
      return parse;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

function treeOf(source: string, run: Parse): MarkdownNode[] {
  let tree = parsed.get(source);
  if (!tree) {
    tree = run(source);
    if (parsed.size >= CACHE_MAX) parsed.delete(parsed.keys().next().value as string);
    parsed.set(source, tree);
  }
  return tree;
}

/**
 * `source` drawn as Markdown: at once when the parser is here, else its plain text (in one
 * paragraph, as typed) while the parser loads; `onParserReady` listeners draw again then.
 */
export function renderSource(source: string, people?: readonly PersonSummary[]): TemplateResult {
  if (parse) return renderTree(treeOf(source, parse), people);
  // A failed load leaves the plain text; the next render tries again.
  loadParser().catch(() => undefined);
  return html`<p class="raw">${source}</p>`;
}
