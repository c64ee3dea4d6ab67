/**
 * Export of my reflections (this activity's, or all of them: `GET /reflections?scope=mine`
 * without `activity`, docs/decisions.md §13), as Markdown for a portfolio or an appraisal, or
 * as JSON (the reflections as the contract has them). Every page is read (`limit` 100), then
 * the file is handed to the browser as a download through a Blob URL: no HTML is made from
 * what anyone wrote.
 */
import { formatDateTime, type PeerClient, type Reflection } from '@peerkit/core';

export type ExportFormat = 'markdown' | 'json';

/** Every one of my reflections (on `activity`, or all when `null`), newest first. */
export async function myReflections(
  client: PeerClient,
  activity: string | null,
): Promise<Reflection[]> {
  const all: Reflection[] = [];
  let cursor: string | null = null;
  do {
    const page = await client.listReflections({
      scope: 'mine',
      limit: 100,
      ...(activity ? { activity } : {}),
      ...(cursor ? { cursor } : {}),
    });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export interface MarkdownWords {
  title: string;
  /** "Visibility: Only me" for a reflection's visibility. */
  visibility: (r: Reflection) => string;
}

/** The reflections as one Markdown document (answers as written; team entries with their author). */
export function toMarkdown(
  list: readonly Reflection[],
  words: MarkdownWords,
  locale: string,
): string {
  const out = [`# ${words.title}`, ''];
  for (const r of list) {
    out.push(`## ${r.team ? `${r.team}: ` : ''}${r.activity}`, '');
    out.push(`${formatDateTime(r.updatedAt, locale)} · ${words.visibility(r)}`, '');
    for (const a of r.answers) {
      const entries = (a.entries ?? []).filter((e) => e.text.trim());
      if (!a.answer.trim() && !entries.length) continue;
      out.push(`### ${a.prompt}`, '');
      if (a.answer.trim()) out.push(a.answer.trim(), '');
      for (const e of entries) out.push(`- ${e.text.trim()} (${e.author.name})`);
      if (entries.length) out.push('');
    }
  }
  return out.join('\n');
}

/** Hands `text` to the browser as the download `name`. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches, formats and downloads my reflections. */
export async function exportReflections(
  client: PeerClient,
  activity: string | null,
  format: ExportFormat,
  words: MarkdownWords,
  locale: string,
): Promise<number> {
  const list = await myReflections(client, activity);
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'json') {
    const doc = { exportedAt: new Date().toISOString(), activity, reflections: list };
    download(`reflections-${stamp}.json`, 'application/json', JSON.stringify(doc, null, 2));
  } else {
    download(`reflections-${stamp}.md`, 'text/markdown', toMarkdown(list, words, locale));
  }
  return list.length;
}
