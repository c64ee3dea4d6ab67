/**
 * The line naming who gave ("Given by Ana, Ben and 2 others"). Not part of the first paint:
 * the element imports it beside the request for the givers, when the person opens the line.
 */
import {
  formatList,
  formatNumber,
  msg,
  plural,
  str,
  type KudosGiver,
  type Page,
} from '@peerkit/core';
import { html } from 'lit';
import { bdi, fill, slot } from '@peerkit/core/bidi';
import { openPersonCard, personCardAvailable } from '@peerkit/core/person-card';
import type { PersonSummary } from '@peerkit/core';

/** A giver's name: a button opening the kit's person card when one is registered (decisions §9). */
function giverName(person: PersonSummary) {
  if (!personCardAvailable()) return bdi(person.name);
  return html`<button
    type="button"
    class="link"
    part="giver"
    @click=${(e: Event) => openPersonCard(e.currentTarget as HTMLElement, person)}
  >
    <bdi>${person.name}</bdi>
  </button>`;
}

const t = {
  none: () => msg('Nobody yet.', { id: 'kudos.givers-none' }),
  /** The signed-in person in the list of givers. */
  you: () => msg('You', { id: 'kudos.you' }),
  givenBy: (list: string) => msg(str`Given by ${list}`, { id: 'kudos.given-by' }),
  others: (n: number, locale: string) => {
    const f = formatNumber(n, locale);
    return plural(n, locale, {
      one: () => msg(str`${f} other`, { id: 'kudos.others.one' }),
      other: () => msg(str`${f} others`, { id: 'kudos.others.other' }),
    });
  },
};

/**
 * "Ana, Ben and 2 others" (`page.total` counts everyone; `me`, the signed-in person's id,
 * reads "You"; at most `named` names before "others"), each name a `<bdi>` (a name takes its
 * own direction); "Nobody yet." for none. (No import of the element's modules here: the
 * bundler would then split the shared code out of the CDN entry.)
 */
export function giversLine(
  page: Page<KudosGiver>,
  me: string | null,
  locale: string,
  named: number,
) {
  if (page.items.length === 0) return t.none();
  const people = page.items.map((g) => (g.person.id === me ? null : g.person));
  const total = Math.max(page.total, people.length);
  const shown = total > people.length ? people.slice(0, named) : people;
  const others = total - shown.length;
  const items = shown.map((person, i) => (person === null ? t.you() : slot(i)));
  if (others > 0) items.push(t.others(others, locale));
  return fill(
    t.givenBy(formatList(items, locale)),
    shown.map((person) => (person === null ? '' : giverName(person))),
  );
}
