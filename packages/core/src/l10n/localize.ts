/**
 * Localisation: one message mechanism for the whole kit, `@lit/localize` in runtime mode.
 *
 * Why `@lit/localize`: it is Lit's own, ~1 KB at runtime, re-renders every element that
 * asked (`updateWhenLocaleChanges`) when the locale changes, keeps English in the source
 * (`msg('Send')`, `msg(str\`${n} replies\`)`) so nothing is blank while a locale loads,
 * and loads other locales on demand as plain modules of `{ id: template }`. Plurals,
 * numbers, dates and lists go through `Intl` (see `intl.ts`), not through messages.
 *
 * Every Peerkit message has an explicit, readable `id` (`msg('Send', { id: 'discussion.send' })`),
 * so translation files are stable key → text maps that do not depend on the English text.
 *
 * `@lit/localize` has one active locale per page. Each package registers its own
 * translations with `registerTranslations(locale, loader)`; the page's locale loads every
 * registered module for it and merges them.
 */
import { configureLocalization, LOCALE_STATUS_EVENT } from '@lit/localize';
import type { LocaleModule, TemplateMap } from '@lit/localize';

export { msg, str, updateWhenLocaleChanges } from '@lit/localize';

export const SOURCE_LOCALE = 'en';

type Loader = () => Promise<LocaleModule>;

interface State {
  loaders: Map<string, Loader[]>;
  /** Merged templates per loaded locale (one object, mutated as more packages register). */
  loaded: Map<string, TemplateMap>;
  setLocale?: (locale: string) => Promise<void>;
  /** Whether another library already configured @lit/localize on this page. */
  unavailable?: boolean;
  active: string;
  wanted: string;
}

// One state per page, shared by every copy of this module.
const KEY = Symbol.for('peerkit.l10n');
const g = globalThis as { [KEY]?: State };
const state: State = (g[KEY] ??= {
  loaders: new Map(),
  loaded: new Map(),
  active: SOURCE_LOCALE,
  wanted: SOURCE_LOCALE,
});

/** Registers a loader of translations for `locale` (a package calls this for each of its locales). */
export function registerTranslations(locale: string, loader: Loader): void {
  const key = locale.toLowerCase();
  const list = state.loaders.get(key) ?? [];
  list.push(loader);
  state.loaders.set(key, list);
  const merged = state.loaded.get(key);
  if (merged) {
    // That locale is loaded already: merge this package's templates in and redraw.
    void loader().then((mod) => {
      Object.assign(merged, mod.templates);
      window.dispatchEvent(
        new CustomEvent(LOCALE_STATUS_EVENT, {
          detail: { status: 'ready', readyLocale: state.active },
        }),
      );
    });
  }
}

/** The locales that have translations registered, plus English. */
export function availableLocales(): string[] {
  return [SOURCE_LOCALE, ...state.loaders.keys()];
}

/** The best registered match for a BCP 47 tag: exact, else its language, else English. */
export function matchLocale(tag: string): string {
  const lower = tag.toLowerCase();
  if (state.loaders.has(lower)) return lower;
  const lang = lower.split('-')[0]!;
  if (state.loaders.has(lang)) return lang;
  return SOURCE_LOCALE;
}

/** The locale messages are shown in now. */
export function messageLocale(): string {
  return state.active;
}

/**
 * Switches the page's messages to the best match for `tag`, loading its translations on
 * demand. Resolves once they are in effect (English when none match or loading fails).
 */
export async function useLocale(tag: string): Promise<void> {
  const target = matchLocale(tag);
  state.wanted = target;
  if (target === state.active) return;
  if (!state.setLocale && !state.unavailable) {
    try {
      const { setLocale } = configureLocalization({
        sourceLocale: SOURCE_LOCALE,
        targetLocales: [...state.loaders.keys()].filter((l) => l !== SOURCE_LOCALE),
        loadLocale: (locale) => load(locale),
      });
      state.setLocale = setLocale;
    } catch {
      // The host configured @lit/localize itself: keep our English text.
      state.unavailable = true;
    }
  }
  if (!state.setLocale) return;
  try {
    await state.setLocale(target);
    if (state.wanted === target) state.active = target;
  } catch {
    // A locale that failed to load, or was registered after configuration: stay as we are.
  }
}

async function load(locale: string): Promise<LocaleModule> {
  const merged: TemplateMap = {};
  const done = new Set<Loader>();
  // A package evaluated while this locale loads (a lazily loaded widget) registers its
  // loader too late for the first round: keep going until no loader is left.
  for (;;) {
    const pending = (state.loaders.get(locale) ?? []).filter((l) => !done.has(l));
    if (pending.length === 0) break;
    for (const l of pending) done.add(l);
    const mods = await Promise.all(pending.map((l) => l()));
    for (const mod of mods) Object.assign(merged, mod.templates);
  }
  state.loaded.set(locale, merged);
  return { templates: merged };
}

/** The page's language: `<html lang>`, else the browser's. */
export function documentLocale(): string {
  return document.documentElement.lang || navigator.language || SOURCE_LOCALE;
}
