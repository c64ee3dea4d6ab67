/**
 * Markdown → a small JSON tree (`MarkdownNode[]`), the one parser the kit has.
 *
 * The server sends each post's body already parsed as `Post.bodyTree` (docs/decisions.md §5), so
 * a reader's first paint needs no Markdown parser; the widget parses with this same module
 * only when it must (the composer's preview, or a `PeerClient` that sends no tree), loading
 * it lazily as `@peerkit/core/markdown`. Zod-free; the schema that checks a tree is
 * `MarkdownNode` / `PostBodyTree` in `contract.ts`.
 *
 * Built on `marked`'s lexer (GFM, single line breaks as `br`). The safety rules of the
 * discussion's renderer are applied here, once, so every consumer of a tree gets them:
 *
 * - raw HTML (`html` tokens, block or inline) becomes the text the person typed;
 * - links keep only `http:`, `https:` and `mailto:` destinations ({@link safeHref}); any other
 *   scheme (`javascript:`, `data:`, relative URLs…) leaves the link text alone, except
 *   `mention:`, which makes a `mention` node (docs/decisions.md §10, `mention.ts`);
 * - images are never loaded: a safe image becomes a link labelled by its alt text, an unsafe
 *   one its alt text;
 * - common named character references in text are decoded (`&amp;` → `&`): the tree holds the
 *   text to show, which a renderer puts in text bindings, never parses as HTML.
 *
 * Bounds: nesting deeper than `MARKDOWN_DEPTH_MAX` is kept as the text it was typed as, and a
 * body that would need more than `MARKDOWN_NODES_MAX` nodes becomes one paragraph of its
 * source text; so every tree this module makes passes the contract's `PostBodyTree` check.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { MARKDOWN_DEPTH_MAX, MARKDOWN_NODES_MAX } from '../limits.js';
import { mentionId } from './mention.js';

export { mentionId, mentionMarkdown } from './mention.js';

/** Inline nodes that hold other inline nodes. */
export type MarkdownSpan = { type: 'strong' | 'em' | 'del'; children: MarkdownNode[] };
/** A table cell: its inline nodes. */
export type MarkdownCell = MarkdownNode[];

/**
 * One node of a parsed post body. Block nodes: `paragraph`, `heading` (`level` 1–6), `list`
 * (of `item`s; `start` for an ordered list not starting at 1), `item`, `blockquote`, `code`
 * (a code block), `hr`, `table` (header cells and rows of cells). Inline nodes: `text`,
 * `strong`, `em`, `del`, `codespan`, `link` (`href` is always `http:`, `https:` or
 * `mailto:`), `br`, `mention` (a person: their `id`, and `text`, the link's label as plain
 * text, shown only when the reader has no current name for them).
 */
export type MarkdownNode =
  | { type: 'text'; text: string }
  | MarkdownSpan
  | { type: 'codespan'; text: string }
  | { type: 'br' }
  | { type: 'mention'; id: string; text: string }
  | { type: 'link'; href: string; title?: string; children: MarkdownNode[] }
  | { type: 'paragraph' | 'blockquote' | 'item'; children: MarkdownNode[] }
  | { type: 'heading'; level: number; children: MarkdownNode[] }
  | { type: 'list'; ordered: boolean; start?: number; children: MarkdownNode[] }
  | { type: 'code'; text: string }
  | { type: 'hr' }
  | { type: 'table'; head: MarkdownCell[]; rows: MarkdownCell[][] };

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The URL if its scheme is `http:`, `https:` or `mailto:`, else `null`. Relative URLs are refused. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  // Control characters and white space that browsers strip before reading a scheme.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  euro: '€',
};

/**
 * marked keeps named character references as typed (`&amp;`); HTML would show them decoded,
 * so the common ones are decoded. Numeric references marked already decodes.
 */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-zA-Z]{2,8});/g, (whole, name: string) => NAMED_ENTITIES[name] ?? whole);
}

class TooLarge extends Error {}

/**
 * The builder's depth past which tokens are kept as text: a list item's block content is
 * built one level further than the item, and a text paragraph holds a text node one level
 * down, so cutting three levels early keeps every tree within `MARKDOWN_DEPTH_MAX` levels.
 */
const CUT = MARKDOWN_DEPTH_MAX - 3;

/** One conversion: counts nodes and knows how deep it is. */
class Builder {
  private nodes = 0;

  /** Counts one node (or table cell) against `MARKDOWN_NODES_MAX`. */
  private count<T>(node: T): T {
    if (++this.nodes > MARKDOWN_NODES_MAX) throw new TooLarge();
    return node;
  }

  /** Appends, merging a text node into a text node before it. */
  private push(out: MarkdownNode[], node: MarkdownNode | null): void {
    if (!node) return;
    const last = out.at(-1);
    if (node.type === 'text' && last?.type === 'text') last.text += node.text;
    else out.push(this.count(node));
  }

  private text(text: string): MarkdownNode | null {
    return text ? { type: 'text', text } : null;
  }

  inline(tokens: Token[] | undefined, depth: number): MarkdownNode[] {
    const out: MarkdownNode[] = [];
    for (const token of tokens ?? []) {
      if (depth >= CUT) this.push(out, this.text(rawOf(token)));
      else for (const node of this.inlineToken(token, depth)) this.push(out, node);
    }
    return out;
  }

  private inlineToken(token: Token, depth: number): (MarkdownNode | null)[] {
    const t = token as Tokens.Generic;
    switch (token.type) {
      case 'text':
        return t.tokens
          ? this.inline(t.tokens, depth)
          : [this.text(decodeEntities((token as Tokens.Text).text))];
      case 'escape':
        return [this.text((token as Tokens.Escape).text)];
      case 'strong':
      case 'em':
      case 'del':
        return [{ type: token.type, children: this.inline(t.tokens, depth + 1) }];
      case 'codespan':
        return [{ type: 'codespan', text: (token as Tokens.Codespan).text }];
      case 'br':
        return [{ type: 'br' }];
      case 'link':
        return this.link(token as Tokens.Link, depth);
      case 'image':
        return [this.image(token as Tokens.Image)];
      case 'checkbox':
        return [this.text((token as Tokens.Checkbox).checked ? '☑ ' : '☐ ')];
      default:
        // Raw HTML, or an unknown token from a future marked: its source, as text.
        return [this.text(rawOf(token))];
    }
  }

  /** A mention, a link with a safe destination, or its label alone. */
  private link(link: Tokens.Link, depth: number): MarkdownNode[] {
    const children: MarkdownNode[] = link.autolink
      ? [{ type: 'text', text: link.text }]
      : this.inline(link.tokens, depth + 1);
    const person = link.autolink ? null : mentionId(decodeEntities(link.href));
    if (person) return [{ type: 'mention', id: person, text: plainText(children) }];
    const href = safeHref(link.autolink ? link.href : decodeEntities(link.href));
    if (!href) return children;
    return [
      link.title
        ? { type: 'link', href, title: link.title, children }
        : { type: 'link', href, children },
    ];
  }

  private image(image: Tokens.Image): MarkdownNode | null {
    const href = safeHref(decodeEntities(image.href));
    const alt = image.text || image.href;
    if (!href) return this.text(alt);
    return { type: 'link', href, children: [{ type: 'text', text: alt }] };
  }

  block(tokens: Token[], depth: number): MarkdownNode[] {
    const out: MarkdownNode[] = [];
    for (const token of tokens) {
      if (depth >= CUT) {
        const raw = rawOf(token).replace(/\n+$/, '');
        if (raw)
          out.push(this.count({ type: 'paragraph', children: [{ type: 'text', text: raw }] }));
      } else {
        const node = this.blockToken(token, depth);
        if (node) out.push(this.count(node));
      }
    }
    return out;
  }

  private blockToken(token: Token, depth: number): MarkdownNode | null {
    const t = token as Tokens.Generic;
    switch (token.type) {
      case 'space':
      case 'def':
        return null;
      case 'paragraph':
      case 'text':
        return { type: 'paragraph', children: this.inline(t.tokens ?? [token], depth + 1) };
      case 'heading': {
        const h = token as Tokens.Heading;
        return { type: 'heading', level: h.depth, children: this.inline(h.tokens, depth + 1) };
      }
      case 'code':
        return { type: 'code', text: (token as Tokens.Code).text };
      case 'blockquote':
        return { type: 'blockquote', children: this.block(t.tokens ?? [], depth + 1) };
      case 'hr':
        return { type: 'hr' };
      case 'list':
        return this.list(token as Tokens.List, depth);
      case 'table':
        return this.table(token as Tokens.Table, depth);
      default: {
        // Raw HTML and unknown blocks: a paragraph of the text as typed.
        const raw = rawOf(token).replace(/\n+$/, '');
        return raw ? { type: 'paragraph', children: [{ type: 'text', text: raw }] } : null;
      }
    }
  }

  private list(list: Tokens.List, depth: number): MarkdownNode {
    const children = list.items.map((item) => this.count(this.item(item, list.loose, depth + 1)));
    const start =
      typeof list.start === 'number' && list.ordered && list.start !== 1 ? list.start : null;
    return start === null
      ? { type: 'list', ordered: list.ordered, children }
      : { type: 'list', ordered: list.ordered, start, children };
  }

  private item(item: Tokens.ListItem, loose: boolean, depth: number): MarkdownNode {
    const children: MarkdownNode[] = [];
    for (const token of item.tokens) {
      // In a tight list, marked wraps the item's inline content in a block-level `text`.
      if ((token.type === 'text' && !loose) || token.type === 'checkbox') {
        const t = token as Tokens.Generic;
        for (const node of this.inline(
          token.type === 'text' && t.tokens ? t.tokens : [token],
          depth + 1,
        ))
          this.push(children, node);
      } else {
        for (const node of this.block([token], depth + 1)) children.push(node);
      }
    }
    return { type: 'item', children };
  }

  private table(table: Tokens.Table, depth: number): MarkdownNode {
    return {
      type: 'table',
      head: table.header.map((cell) => this.count(this.inline(cell.tokens, depth + 1))),
      rows: table.rows.map((row) =>
        row.map((cell) => this.count(this.inline(cell.tokens, depth + 1))),
      ),
    };
  }
}

/** The text of inline nodes, without their formatting. */
function plainText(nodes: MarkdownNode[]): string {
  return nodes
    .map((n) => ('text' in n ? n.text : 'children' in n ? plainText(n.children) : ''))
    .join('');
}

function rawOf(token: Token): string {
  const raw = (token as Tokens.Generic).raw;
  return typeof raw === 'string' ? raw : '';
}

/** The text as one paragraph: what a body that cannot be parsed within bounds shows. */
function plain(source: string): MarkdownNode[] {
  return source ? [{ type: 'paragraph', children: [{ type: 'text', text: source }] }] : [];
}

/**
 * `source` (a post's Markdown, GFM with single line breaks kept) as a tree of
 * {@link MarkdownNode}s, with the safety rules above applied. Never throws: a body the lexer
 * cannot handle within the bounds becomes one paragraph of its text.
 */
export function markdownToTree(source: string): MarkdownNode[] {
  try {
    return new Builder().block(new Lexer({ gfm: true, breaks: true }).lex(source), 0);
  } catch {
    return plain(source);
  }
}
