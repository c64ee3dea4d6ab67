/**
 * The strings of `<peer-expert-finder>`, with stable ids (`experts.*`) for translation files.
 * Counts go through `Intl` (the core's `formatNumber` and `plural`), never string glue; a
 * person's name or a skill goes into a sentence as a `slot()` that the view fills with `<bdi>`.
 */
import { formatNumber as n, msg, plural, str } from '@peerkit/core';

export const messages = {
  heading: () => msg('Find someone who knows', { id: 'experts.heading' }),
  searchLabel: () => msg('Search by skill, name or topic', { id: 'experts.search-label' }),
  searchHint: () =>
    msg('Pick a skill to filter by it, or press Enter to search.', { id: 'experts.search-hint' }),
  filters: () => msg('Skill filters', { id: 'experts.filters' }),
  removeFilter: (skill: string) =>
    msg(str`Remove filter ${skill}`, { id: 'experts.remove-filter' }),
  /** `atLeast`: `count` is a lower bound (`totalRelation: 'gte'`), said as "100+". */
  results: (count: number, locale: string, atLeast?: boolean) => {
    const f = n(count, locale) + (atLeast ? '+' : '');
    return plural(count, locale, {
      zero: () => msg('No one found', { id: 'experts.results.zero' }),
      one: () => msg(str`${f} person found`, { id: 'experts.results.one' }),
      other: () => msg(str`${f} people found`, { id: 'experts.results.other' }),
    });
  },
  recommended: () => msg('Recommended for this page', { id: 'experts.recommended' }),
  loading: () => msg('Loading people…', { id: 'experts.loading' }),
  empty: (what: string) => msg(str`No one lists ${what} yet.`, { id: 'experts.empty' }),
  emptyNothing: () => msg('No one to suggest yet.', { id: 'experts.empty-nothing' }),
  askInstead: () => msg('Ask in the discussion instead', { id: 'experts.ask-instead' }),
  showMore: () => msg('Show more', { id: 'experts.show-more' }),
  loadFailed: () => msg('People could not be loaded.', { id: 'experts.load-failed' }),
  offlineLoad: () =>
    msg('You are offline: people could not be loaded.', { id: 'experts.offline-load' }),
  misconfigured: () =>
    msg('The expert finder is not available: the page is misconfigured.', {
      id: 'experts.misconfigured',
    }),
  badLimit: (given: string) =>
    msg(str`limit="${given}" is not a whole number from 1; showing 10 at a time.`, {
      id: 'experts.bad-limit',
    }),
  badSkills: (given: string) =>
    msg(str`skills="${given}" holds a skill name that is too long; it is left out.`, {
      id: 'experts.bad-skills',
    }),
  retry: () => msg('Retry', { id: 'experts.retry' }),
  // A card
  level: (level: number, locale: string) =>
    msg(str`level ${n(level, locale)} of 5`, { id: 'experts.level' }),
  endorsements: (count: number, locale: string) => {
    const f = n(count, locale);
    return plural(count, locale, {
      one: () => msg(str`${f} endorsement`, { id: 'experts.endorsements.one' }),
      other: () => msg(str`${f} endorsements`, { id: 'experts.endorsements.other' }),
    });
  },
  endorse: (skill: string) => msg(str`Endorse ${skill}`, { id: 'experts.endorse' }),
  askMeAbout: () => msg('Ask me about', { id: 'experts.ask-me-about' }),
  mentor: () => msg('Can mentor', { id: 'experts.mentor' }),
  ask: (name: string) => msg(str`Ask ${name}`, { id: 'experts.ask' }),
  availability: (a: string) =>
    a === 'available'
      ? msg('Available', { id: 'experts.available' })
      : a === 'busy'
        ? msg('Busy', { id: 'experts.busy' })
        : a === 'away'
          ? msg('Away', { id: 'experts.away' })
          : msg('Availability unknown', { id: 'experts.availability-unknown' }),
  skills: () => msg('Skills', { id: 'experts.skills' }),
  // "Why this person": one localised fragment per reason, joined with " · ".
  why: () => msg('Why this person', { id: 'experts.why' }),
  reasonSkill: (skill: string, level: number, locale: string) =>
    msg(str`Knows ${skill} (level ${n(level, locale)})`, { id: 'experts.reason-skill' }),
  reasonEndorsed: (count: number, locale: string) => {
    const f = n(count, locale);
    return plural(count, locale, {
      one: () => msg('endorsed once', { id: 'experts.reason-endorsed.one' }),
      other: () => msg(str`endorsed ${f} times`, { id: 'experts.reason-endorsed.other' }),
    });
  },
  /** Thanked (kudos on their posts): in all, or in threads tagged `skill`. */
  reasonThanked: (count: number, locale: string, skill?: string) => {
    const f = n(count, locale);
    return skill
      ? plural(count, locale, {
          one: () =>
            msg(str`thanked once for ${skill}`, { id: 'experts.reason-thanked-skill.one' }),
          other: () =>
            msg(str`thanked ${f} times for ${skill}`, { id: 'experts.reason-thanked-skill.other' }),
        })
      : plural(count, locale, {
          one: () => msg('thanked once', { id: 'experts.reason-thanked.one' }),
          other: () => msg(str`thanked ${f} times`, { id: 'experts.reason-thanked.other' }),
        });
  },
  reasonAnswered: (count: number, locale: string) => {
    const f = n(count, locale);
    return plural(count, locale, {
      one: () => msg('answered once here', { id: 'experts.reason-answered.one' }),
      other: () => msg(str`answered ${f} times here`, { id: 'experts.reason-answered.other' }),
    });
  },
  /** Accepted answers (Q&A): in all, or to questions tagged `skill` ("answered 4 SQL questions"). */
  reasonAccepted: (count: number, locale: string, skill?: string) => {
    const f = n(count, locale);
    return skill
      ? plural(count, locale, {
          one: () =>
            msg(str`answered 1 ${skill} question`, { id: 'experts.reason-accepted-skill.one' }),
          other: () =>
            msg(str`answered ${f} ${skill} questions`, {
              id: 'experts.reason-accepted-skill.other',
            }),
        })
      : plural(count, locale, {
          one: () => msg('1 accepted answer', { id: 'experts.reason-accepted.one' }),
          other: () => msg(str`${f} accepted answers`, { id: 'experts.reason-accepted.other' }),
        });
  },
  reasonActivitySkill: (skill: string) =>
    msg(str`knows ${skill}, a topic of this page`, { id: 'experts.reason-activity-skill' }),
  reasonTopHelper: (count: number, locale: string) =>
    msg(str`one of the most thanked helpers (${n(count, locale)})`, {
      id: 'experts.reason-top-helper',
    }),
  reasonMentor: () => msg('mentors', { id: 'experts.reason-mentor' }),
  // Endorsing (what is said once the server answers is in `more-messages.ts`)
  endorseFailed: (skill: string) =>
    msg(str`Your endorsement for ${skill} could not be saved.`, { id: 'experts.endorse-failed' }),
  withdrawFailed: (skill: string) =>
    msg(str`Your endorsement for ${skill} could not be withdrawn.`, {
      id: 'experts.withdraw-failed',
    }),
  signInToEndorse: () => msg('Sign in to endorse colleagues.', { id: 'experts.sign-in-endorse' }),
};
