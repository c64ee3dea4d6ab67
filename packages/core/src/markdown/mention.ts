/**
 * Mentions in a post's Markdown (docs/decisions.md §10): a link with the `mention:` scheme,
 * `[@Ana Ruiz](mention:ana.ruiz)`. It reads well in a plain textarea, survives edits (it is
 * part of the body) and keeps the person's id; the label is only the fallback text, since
 * readers see the person's current name (`Post.mentions`).
 *
 * Zod-free and parser-free, so a composer can write a mention without loading `marked`;
 * `markdownToTree` (`tree.ts`) turns such a link into a `{ type: 'mention', id, text }` node.
 */

/** Longest person id a mention carries (the contract's `Id`). */
const ID_MAX = 200;

/**
 * The Markdown of a mention of `person`: `[@<name>](mention:<id>)`, the id percent-encoded
 * (so spaces and parentheses cannot end the link) and `\`, `[` and `]` in the name escaped.
 */
export function mentionMarkdown(person: { id: string; name: string }): string {
  const label = `@${person.name}`.replace(/[\\[\]]/g, (c) => `\\${c}`);
  return `[${label}](mention:${encodeURIComponent(person.id)})`;
}

/**
 * The person id of a `mention:` link destination, or `null` when `href` is no mention (or
 * names no valid id: empty, longer than 200 characters, or with control characters).
 */
export function mentionId(href: string): string | null {
  const match = /^mention:(\S+)$/i.exec(href.trim());
  if (!match) return null;
  let id = match[1]!;
  try {
    id = decodeURIComponent(id);
  } catch {
    // not percent-encoded: the id as written
  }
  // eslint-disable-next-line no-control-regex
  if (!id || id.length > ID_MAX || /[\u0000-\u001f\u007f]/.test(id)) return null;
  return id;
}
