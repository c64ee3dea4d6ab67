/**
 * Text a person wrote (a name, a message) keeps its own direction inside the kit's sentences:
 * Hebrew reads right-to-left inside an English page, English left-to-right inside an Arabic
 * one, and neither flips its neighbours' punctuation (Unicode UAX #9 isolates; HTML's
 * `<bdi>` and `dir="auto"`).
 *
 * Localised sentences are strings (`msg(str\`You thanked ${name}.\`)`), so a name goes in as a
 * placeholder, `slot(i)`, and `fill()` splits the translated sentence there and puts the
 * isolated text in its place:
 *
 * ```ts
 * html`${fill(t.thanked(slot(0)), [bdi(name)])}`
 * ```
 */
import { html, type TemplateResult } from 'lit';

/** The placeholder for the `i`-th value (a private-use character, 0 ≤ i < 256). */
export const slot = (i: number): string => String.fromCharCode(0xe000 + i);

/** `text` with each `slot(i)` replaced by `values[i]`, as parts Lit draws in order. */
export function fill<T>(text: string, values: readonly T[]): (string | T)[] {
  const parts: (string | T)[] = [];
  let from = 0;
  for (const m of text.matchAll(/[\uE000-\uE0FF]/g)) {
    parts.push(text.slice(from, m.index), values[m[0].charCodeAt(0) - 0xe000]!);
    from = m.index + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

/** Person-written inline text, isolated: `<bdi>` takes its direction from its content. */
export const bdi = (text: string): TemplateResult => html`<bdi>${text}</bdi>`;
