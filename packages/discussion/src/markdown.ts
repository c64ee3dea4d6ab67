/**
 * Markdown → Lit templates, never an HTML string.
 *
 * `marked`'s lexer (the smallest tree-producing parser we measured, see TOOLCHAIN.md) turns
 * a post into tokens; this module walks them and builds Lit templates, where every piece of
 * user text lands in a text binding and every URL in an attribute binding that we check
 * first. Nothing is ever parsed as HTML:
 *
 * - raw HTML (`html` tokens, block or inline) is shown as the text the person typed;
 * - links and autolinks keep only `http:`, `https:` and `mailto:` destinations, and carry
 *   `rel="nofollow ugc noopener"`; any other scheme (`javascript:`, `data:`, `vbscript:`…)
 *   renders the link text alone;
 * - images are not loaded (a tracking pixel in a post would tell a stranger who read it):
 *   a safe image becomes a link to it labelled by its alt text;
 * - headings become bold paragraphs so a post never breaks the host page's outline.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { Lexer, type Token, type Tokens } from 'marked';

type Out = TemplateResult | string | typeof nothing;

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The URL if its scheme is allowed, else `null`. Relative URLs are refused. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  // Reject control characters and white space that browsers strip before reading a scheme.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!SAFE_SCHEMES.has(url.protocol)) return null;
  return url.href;
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
 * Text tokens keep named character references as typed (`&amp;`); HTML would show them
 * decoded, so we decode the common ones. The result goes into a text binding, so a decoded
 * `<` is a visible character and never markup. Numeric references marked already decodes.
 */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-zA-Z]{2,8});/g, (whole, name: string) => NAMED_ENTITIES[name] ?? whole);
}

function inline(tokens: Token[] | undefined): Out[] {
  return (tokens ?? []).map(inlineToken);
}

function inlineToken(token: Token): Out {
  const t = token as Tokens.Generic;
  switch (token.type) {
    case 'text': {
      const tt = token as Tokens.Text;
      return tt.tokens ? html`${inline(tt.tokens)}` : decodeEntities(tt.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return html`<strong>${inline((token as Tokens.Strong).tokens)}</strong>`;
    case 'em':
      return html`<em>${inline((token as Tokens.Em).tokens)}</em>`;
    case 'del':
      return html`<del>${inline((token as Tokens.Del).tokens)}</del>`;
    case 'codespan':
      return html`<code>${(token as Tokens.Codespan).text}</code>`;
    case 'br':
      return html`<br />`;
    case 'link': {
      const link = token as Tokens.Link;
      const label = link.autolink ? link.text : inline(link.tokens);
      const href = safeHref(link.autolink ? link.href : decodeEntities(link.href));
      if (!href) return html`${label}`;
      return html`<a href=${href} rel="nofollow ugc noopener" target="_blank">${label}</a>`;
    }
    case 'image': {
      const image = token as Tokens.Image;
      const href = safeHref(decodeEntities(image.href));
      const alt = image.text || image.href;
      if (!href) return alt;
      return html`<a href=${href} rel="nofollow ugc noopener" target="_blank">${alt}</a>`;
    }
    case 'checkbox':
      return (token as Tokens.Checkbox).checked ? '☑ ' : '☐ ';
    case 'html':
      // Raw HTML is shown exactly as typed.
      return (token as Tokens.HTML).raw;
    default:
      // An unknown inline token (from a future marked): its source, as text.
      return typeof t.raw === 'string' ? t.raw : nothing;
  }
}

function block(tokens: Token[]): Out[] {
  return tokens.map(blockToken);
}

function blockToken(token: Token): Out {
  switch (token.type) {
    case 'space':
    case 'def':
      return nothing;
    case 'paragraph':
      return html`<p>${inline((token as Tokens.Paragraph).tokens)}</p>`;
    case 'heading':
      return html`<p class="heading">
        <strong>${inline((token as Tokens.Heading).tokens)}</strong>
      </p>`;
    case 'text': {
      const tt = token as Tokens.Text;
      return html`<p>${tt.tokens ? inline(tt.tokens) : decodeEntities(tt.text)}</p>`;
    }
    case 'code': {
      const code = token as Tokens.Code;
      return html`<pre><code>${code.text}</code></pre>`;
    }
    case 'blockquote':
      return html`<blockquote>${block((token as Tokens.Blockquote).tokens)}</blockquote>`;
    case 'hr':
      return html`<hr />`;
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item) => html`<li>${listItem(item, list.loose)}</li>`);
      if (!list.ordered)
        return html`<ul>
          ${items}
        </ul>`;
      const start = typeof list.start === 'number' && list.start !== 1 ? list.start : nothing;
      return html`<ol start=${start}>
        ${items}
      </ol>`;
    }
    case 'html':
      return html`<p class="raw">${(token as Tokens.HTML).raw.replace(/\n+$/, '')}</p>`;
    case 'table': {
      const table = token as Tokens.Table;
      return html`<div class="table">
        <table>
          <thead>
            <tr>
              ${table.header.map((cell) => html`<th scope="col">${inline(cell.tokens)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${table.rows.map(
              (row) =>
                html`<tr>
                  ${row.map((cell) => html`<td>${inline(cell.tokens)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    }
    default: {
      const raw = (token as Tokens.Generic).raw;
      return typeof raw === 'string' ? html`<p>${raw}</p>` : nothing;
    }
  }
}

function listItem(item: Tokens.ListItem, loose: boolean): Out[] {
  return item.tokens.map((token) => {
    // In a tight list, marked wraps the item's inline content in a block-level `text`.
    if (token.type === 'text' && !loose) {
      const tt = token as Tokens.Text;
      return html`${tt.tokens ? inline(tt.tokens) : decodeEntities(tt.text)}`;
    }
    if (token.type === 'checkbox') return inlineToken(token);
    return blockToken(token);
  });
}

const cache = new Map<string, TemplateResult>();
const CACHE_MAX = 500;

/**
 * The post body as a template. Parsing is memoised by source, so re-rendering a long thread
 * does not lex every post again.
 */
export function renderMarkdown(source: string): TemplateResult {
  const hit = cache.get(source);
  if (hit) return hit;
  let result: TemplateResult;
  try {
    result = html`${block(new Lexer({ gfm: true, breaks: true }).lex(source))}`;
  } catch {
    // The lexer never should throw; if it does, the text is still the text.
    result = html`<p>${source}</p>`;
  }
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(source, result);
  return result;
}
