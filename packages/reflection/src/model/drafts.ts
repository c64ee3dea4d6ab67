/**
 * The reflection being written, kept on this device at every keystroke (core `pageStorage`,
 * docs/decisions.md §7: `localStorage`, else memory for the life of the page), so a reload, a
 * closed tab or a lost network loses nothing. One draft per activity, person and card (the
 * personal card, or a team's), under the key `peerkit.reflection.v1.draft:[activity, person,
 * card]`.
 *
 * A draft holds the reflection's UUID (made in the browser when writing starts, so every
 * retry of its `PUT` is the same reflection), the answers by prompt id, the visibility, and
 * what the server last confirmed (`saved`: its `version` for `If-Match` and its answers, to
 * know what is not saved yet). Every write names itself (`rev`), the write it was made on
 * (`base`) and the tab that made it, so a tab reading another tab's write can tell an edit
 * made on top of its own from one made without seeing it (two tabs typing at once).
 * Pure functions, apart from `loadDraft`/`storeDraft`.
 */
import { pageStorage, type Reflection, type Visibility } from '@peerkit/core';
import type { Prompt } from './prompts.js';

/** Answers by prompt id. */
export type Answers = Record<string, string>;

/** What the server last confirmed of a reflection. */
export interface Saved {
  /** The reflection's `version` (sent as `If-Match`). */
  version: number;
  answers: Answers;
  visibility: Visibility;
  /** The server's `updatedAt` (ISO 8601). */
  at: string;
}

export interface Draft {
  /** The reflection's UUID. */
  id: string;
  visibility: Visibility;
  answers: Answers;
  saved: Saved | null;
  /** This write's id, the write it was made on (`''`: none) and the tab that made it. */
  rev: string;
  base: string;
  tab: string;
}

const PREFIX = 'peerkit.reflection.v1.draft:';

/** The storage key of a card's draft; `card` is `personal` or `team:<team>`. */
export function draftKey(activity: string, person: string, card: string): string {
  return PREFIX + JSON.stringify([activity, person, card]);
}

const VISIBILITIES: readonly string[] = ['private', 'team', 'public'];

function answersOk(a: unknown): a is Answers {
  return !!a && typeof a === 'object' && Object.values(a).every((v) => typeof v === 'string');
}

/** A stored draft read back, or `null` when there is none or it is not one. */
export function parseDraft(raw: string | null): Draft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d.id !== 'string' || !VISIBILITIES.includes(d.visibility as string)) return null;
    if (!answersOk(d.answers)) return null;
    const s = d.saved;
    const saved =
      s && Number.isInteger(s.version) && answersOk(s.answers) && typeof s.at === 'string'
        ? s
        : null;
    return {
      id: d.id,
      visibility: d.visibility!,
      answers: d.answers,
      saved,
      rev: String(d.rev ?? ''),
      base: String(d.base ?? ''),
      tab: String(d.tab ?? ''),
    };
  } catch {
    return null;
  }
}

export const loadDraft = (key: string): Draft | null => parseDraft(pageStorage.getItem(key));

export function storeDraft(key: string, draft: Draft | null): void {
  if (draft) pageStorage.setItem(key, JSON.stringify(draft));
  else pageStorage.removeItem(key);
}

/** The prompts whose answers differ between two drafts or saves (a missing answer is `''`). */
export function changedPrompts(
  a: { answers: Answers } | null,
  b: { answers: Answers } | null,
): string[] {
  const x = a?.answers ?? {};
  const y = b?.answers ?? {};
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].filter(
    (id) => (x[id] ?? '') !== (y[id] ?? ''),
  );
}

export const hasText = (a: Answers): boolean => Object.values(a).some((v) => v.trim() !== '');

/** Whether the draft says something the server does not have yet. */
export function unsaved(d: Draft): boolean {
  if (!d.saved) return hasText(d.answers);
  return changedPrompts(d, d.saved).length > 0 || d.visibility !== d.saved.visibility;
}

/**
 * A save the server refused with 412 (another tab or device saved first): the answers to
 * send on top of `current`. The answers this draft changed since what it started from keep
 * this draft's text (the later edit); the others take `current`'s. `clashes` holds
 * `current`'s text where both changed the same answer, so nothing typed is lost.
 */
export function mergeOnConflict(d: Draft, current: Saved): { answers: Answers; clashes: Answers } {
  const base = d.saved?.answers ?? {};
  const answers: Answers = { ...current.answers };
  const clashes: Answers = {};
  for (const [id, text] of Object.entries(d.answers)) {
    if (text === (base[id] ?? '')) continue;
    const theirs = current.answers[id] ?? '';
    if (theirs !== (base[id] ?? '') && theirs !== text && theirs.trim()) clashes[id] = theirs;
    answers[id] = text;
  }
  return { answers, clashes };
}

/**
 * A reflection's answers by prompt id: by the answer's `id` when it has one, else by
 * the prompt's text, else by position.
 */
export function answersOf(r: Pick<Reflection, 'answers'>, prompts: readonly Prompt[]): Answers {
  const out: Answers = {};
  r.answers.forEach((a, i) => {
    const tagged = a.id;
    const p =
      prompts.find((q) => q.id === tagged) ??
      prompts.find((q) => q.text === a.prompt) ??
      (tagged ? undefined : prompts[i]);
    if (p) out[p.id] = a.answer;
  });
  return out;
}

export function savedOf(r: Reflection, prompts: readonly Prompt[]): Saved {
  return {
    version: r.version,
    answers: answersOf(r, prompts),
    visibility: r.visibility,
    at: r.updatedAt,
  };
}
