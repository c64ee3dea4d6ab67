/**
 * The strings of the composer's tools (the guidelines step before a first post, skill tags
 * and `@` mentions, `controllers/compose-tools.ts`),
 * with stable ids (`discussion.*`). Apart from `messages.ts` so the discussion's first paint
 * does not carry them (docs/decisions.md §15): they load with the tools, when a composer is
 * focused or has tags.
 */
import { formatNumber, msg, plural, POST_TAGS_MAX, str } from '@peerkit/core';

const n = (value: number, locale: string) => formatNumber(value, locale);

export const compose = {
  guidelinesHeading: () => msg('Before you post', { id: 'discussion.guidelines.heading' }),
  guidelinesAgree: () => msg('I agree, post it', { id: 'discussion.guidelines.agree' }),
  guidelinesBack: () => msg('Back to editing', { id: 'discussion.guidelines.back' }),
  guidelines: () => [
    msg('Be kind and assume good intent.', { id: 'discussion.guidelines.kind' }),
    msg('Stay on topic: questions, answers and tips about this page.', {
      id: 'discussion.guidelines.topic',
    }),
    msg('Share no passwords, personal data or confidential figures.', {
      id: 'discussion.guidelines.private',
    }),
    msg('Your name is shown with everything you post. Report anything that breaks these rules.', {
      id: 'discussion.guidelines.name',
    }),
  ],
  tags: () => msg('Skills', { id: 'discussion.tags.label' }),
  tagsList: () => msg('Chosen skills', { id: 'discussion.tags.list' }),
  tagsHint: (locale: string) =>
    msg(
      str`Up to ${n(POST_TAGS_MAX, locale)}. Pick a suggestion, or press Enter to add what you typed.`,
      {
        id: 'discussion.tags.hint',
      },
    ),
  tagsFull: (locale: string) =>
    msg(
      str`A post carries at most ${n(POST_TAGS_MAX, locale)} skills: remove one to add another.`,
      {
        id: 'discussion.tags.full',
      },
    ),
  removeTag: (skill: string) => msg(str`Remove tag ${skill}`, { id: 'discussion.tags.remove' }),
  tagAdded: (skill: string) => msg(str`Tag ${skill} added.`, { id: 'discussion.tags.added' }),
  tagRemoved: (skill: string) => msg(str`Tag ${skill} removed.`, { id: 'discussion.tags.removed' }),
  tagsRefused: (detail: string) =>
    msg(str`These skills could not be saved: ${detail}`, { id: 'discussion.tags.refused' }),
  skillCount: (count: number, locale: string) =>
    plural(count, locale, {
      one: () => msg('1 skill suggested', { id: 'discussion.tags.count.one' }),
      other: () => msg(str`${n(count, locale)} skills suggested`, { id: 'discussion.tags.count' }),
    }),
  people: () => msg('People to mention', { id: 'discussion.mentions.label' }),
  peopleCount: (count: number, locale: string) =>
    plural(count, locale, {
      one: () => msg('1 person found', { id: 'discussion.mentions.count.one' }),
      other: () => msg(str`${n(count, locale)} people found`, { id: 'discussion.mentions.count' }),
    }),
  peopleLoading: () => msg('Looking for people…', { id: 'discussion.mentions.loading' }),
  peopleEmpty: () => msg('No one by that name.', { id: 'discussion.mentions.empty' }),
};
