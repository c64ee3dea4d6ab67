/**
 * A parsed post body (`Post.bodyTree`, the `MarkdownNode[]` of `@peerkit/core/markdown`) →
 * Lit templates, never an HTML string. Every piece of text lands in a text binding and every
 * URL in an attribute binding, so nothing a person wrote is ever parsed as HTML. The tree
 * already carries the safety rules (raw HTML as text, images as links, safe schemes only);
 * this module only draws it:
 *
 * - headings become bold paragraphs, so a post never breaks the host page's outline;
 * - links carry `rel="nofollow ugc noopener"` and open in a new tab; a link whose `href` is
 *   not `http:`, `https:` or `mailto:` (possible only from a host's own `PeerClient` that
 *   skips the contract check) draws its text alone;
 * - a mention (docs/decisions.md §10) draws `@<current name>` from the post's `mentions`, or
 *   its link text when the reader has no name for that id; a button that opens the person
 *   card (`openPersonCard`) when a card is available (`personCardAvailable()`), else text.
 *
 * Pure and without `marked`: this is what a reader's first paint needs.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MarkdownNode, PersonSummary } from '@peerkit/core';
import { openPersonCard, personCardAvailable } from '@peerkit/core/person-card';

type Out = TemplateResult | string | typeof nothing;
type Of<T extends MarkdownNode['type']> = MarkdownNode & { type: T };

/** The contract's rule for a link destination (`MarkdownNode` in `contract.ts`). */
const SAFE_HREF = /^(?:https?|mailto):\S*$/i;

const nodes = (list: readonly MarkdownNode[]): Out[] => list.map(node);

/**
 * The people the tree being drawn mentions, and whether names open the card: set by
 * `renderTree` for the length of one synchronous draw.
 */
let drawing: { people: readonly PersonSummary[]; card: boolean } = { people: [], card: false };

function mention(n: Of<'mention'>): Out {
  const person = drawing.people.find((p) => p.id === n.id);
  if (!person) return html`<span class="mention">${n.text}</span>`;
  const label = `@${person.name}`;
  if (!drawing.card) return html`<span class="mention">${label}</span>`;
  return html`<button
    type="button"
    class="mention"
    @click=${(e: Event) => openPersonCard(e.currentTarget as HTMLElement, person)}
  >
    ${label}
  </button>`;
}

function link(n: Of<'link'>): Out {
  if (!SAFE_HREF.test(n.href)) return html`${nodes(n.children)}`;
  // No `title`: a tooltip adds nothing the link text does not say.
  return html`<a href=${n.href} rel="nofollow ugc noopener" target="_blank"
    >${nodes(n.children)}</a
  >`;
}

function list(n: Of<'list'>): TemplateResult {
  const items = nodes(n.children);
  if (!n.ordered)
    return html`<ul>
      ${items}
    </ul>`;
  const start = typeof n.start === 'number' && n.start !== 1 ? n.start : nothing;
  return html`<ol start=${start}>
    ${items}
  </ol>`;
}

function table(n: Of<'table'>): TemplateResult {
  return html`<div class="table">
    <table>
      <thead>
        <tr>
          ${n.head.map((cell) => html`<th scope="col">${nodes(cell)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${n.rows.map(
          (row) =>
            html`<tr>
              ${row.map((cell) => html`<td>${nodes(cell)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** One renderer per node type: small functions instead of one long switch. */
const RENDER: { [T in MarkdownNode['type']]: (n: Of<T>) => Out } = {
  text: (n) => n.text,
  strong: (n) => html`<strong>${nodes(n.children)}</strong>`,
  em: (n) => html`<em>${nodes(n.children)}</em>`,
  del: (n) => html`<del>${nodes(n.children)}</del>`,
  codespan: (n) => html`<code>${n.text}</code>`,
  br: () => html`<br />`,
  mention,
  link,
  paragraph: (n) => html`<p>${nodes(n.children)}</p>`,
  heading: (n) => html`<p class="heading"><strong>${nodes(n.children)}</strong></p>`,
  blockquote: (n) => html`<blockquote>${nodes(n.children)}</blockquote>`,
  item: (n) => html`<li>${nodes(n.children)}</li>`,
  list,
  code: (n) => html`<pre><code>${n.text}</code></pre>`,
  hr: () => html`<hr />`,
  table,
};

function node(n: MarkdownNode): Out {
  const render = RENDER[n.type] as ((n: MarkdownNode) => Out) | undefined;
  // A node type from a newer server: nothing rather than a guess.
  return render ? render(n) : nothing;
}

interface Drawn {
  people: readonly PersonSummary[];
  card: boolean;
  out: TemplateResult;
}
const cache = new WeakMap<readonly MarkdownNode[], Drawn>();
const NOBODY: readonly PersonSummary[] = [];

/**
 * A parsed body as a template, its mentions named from `people` (`Post.mentions`). Memoised
 * per tree, people and card availability, so re-rendering a long thread is cheap.
 */
export function renderTree(
  tree: readonly MarkdownNode[],
  people: readonly PersonSummary[] = NOBODY,
): TemplateResult {
  const card = personCardAvailable();
  const hit = cache.get(tree);
  if (hit && hit.people === people && hit.card === card) return hit.out;
  drawing = { people, card };
  const out = html`${nodes(tree)}`;
  drawing = { people: NOBODY, card: false };
  cache.set(tree, { people, card, out });
  return out;
}
