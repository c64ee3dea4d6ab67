/**
 * The contract's schema of a parsed post body (`Post.bodyTree`), re-exported by
 * `contract.ts`: `MarkdownNode` (one node, a union discriminated by `type`) and
 * `PostBodyTree` (a whole tree, bounded in depth and size). The parser that makes such trees
 * is `tree.ts` (zod-free); this module is loaded with the other contract checks.
 */
import * as z from 'zod/mini';
import { MARKDOWN_DEPTH_MAX, MARKDOWN_NODES_MAX } from '../limits.js';
import type { MarkdownNode as MarkdownNodeShape } from './tree.js';

// The same setting as `contract.ts` (no `eval` probe on pages whose CSP forbids it).
z.config({ jitless: true });

export type MarkdownNode = MarkdownNodeShape;

const MARKDOWN_INLINE = ['strong', 'em', 'del', 'paragraph', 'blockquote', 'item'] as const;
const Children = /* @__PURE__ */ z.lazy(() => z.array(MarkdownNode));

/**
 * One node of a parsed post body (`@peerkit/core/markdown`, `markdownToTree`): see the
 * `MarkdownNode` type there for what each node means. A `link`'s `href` is always an
 * `http:`, `https:` or `mailto:` URL; a `mention` names a person by id (docs/decisions.md §10). A union discriminated by `type`, so each node is
 * checked against one shape only (a plain union would try every shape at every level).
 */
export const MarkdownNode: z.ZodMiniType<MarkdownNode> = /* @__PURE__ */ z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('text'), text: z.string() }),
    z.object({ type: z.enum(MARKDOWN_INLINE), children: Children }),
    z.object({ type: z.literal('codespan'), text: z.string() }),
    z.object({ type: z.enum(['br', 'hr']) }),
    z.object({
      type: z.literal('mention'),
      id: z.string().check(z.minLength(1), z.maxLength(200)),
      text: z.string(),
    }),
    z.object({
      type: z.literal('link'),
      href: z.string().check(z.regex(/^(?:https?|mailto):\S*$/)),
      title: z.optional(z.string()),
      children: Children,
    }),
    z.object({
      type: z.literal('heading'),
      level: z.int().check(z.gte(1), z.lte(6)),
      children: Children,
    }),
    z.object({
      type: z.literal('list'),
      ordered: z.boolean(),
      start: z.optional(z.int().check(z.gte(0))),
      children: Children,
    }),
    z.object({ type: z.literal('code'), text: z.string() }),
    z.object({
      type: z.literal('table'),
      head: z.array(Children),
      rows: z.array(z.array(Children)),
    }),
  ],
) as z.ZodMiniType<MarkdownNode>;

/** Nesting depth (a top-level node is 1) and node count (table cells too) of a tree. */
function treeSize(nodes: unknown, level = 1, acc = { nodes: 0, depth: 0 }) {
  if (!Array.isArray(nodes) || level > MARKDOWN_DEPTH_MAX + 1) return acc;
  for (const node of nodes as Record<string, unknown>[]) {
    acc.nodes++;
    acc.depth = Math.max(acc.depth, level);
    if (acc.nodes > MARKDOWN_NODES_MAX || acc.depth > MARKDOWN_DEPTH_MAX) return acc;
    if (typeof node !== 'object' || node === null) continue;
    treeSize(node['children'], level + 1, acc);
    // A table: `head` is a row of cells, `rows` a list of rows; each cell counts as a node.
    const rows: unknown[] = [node['head'], ...(Array.isArray(node['rows']) ? node['rows'] : [])];
    for (const cells of rows.filter(Array.isArray)) {
      for (const cell of cells) {
        acc.nodes++;
        treeSize(cell, level + 1, acc);
      }
    }
  }
  return acc;
}

/**
 * A parsed post body: at most `MARKDOWN_DEPTH_MAX` levels deep and `MARKDOWN_NODES_MAX` nodes
 * (both checked before the nodes themselves, so a hostile tree costs no deep recursion).
 */
export const PostBodyTree = /* @__PURE__ */ z.pipe(
  z.array(z.unknown()).check(
    z.refine((nodes) => {
      const size = treeSize(nodes);
      return size.nodes <= MARKDOWN_NODES_MAX && size.depth <= MARKDOWN_DEPTH_MAX;
    }, `deeper than ${MARKDOWN_DEPTH_MAX} levels or more than ${MARKDOWN_NODES_MAX} nodes`),
  ),
  z.array(MarkdownNode),
);
