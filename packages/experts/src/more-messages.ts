/**
 * The strings of `<peer-expert-finder>`'s parts that load later (the question form, the own
 * profile's editing, the person card) and the ones said only after an action (an endorsement
 * confirmed), with stable ids (`experts.*`); the first paint's are in
 * `messages.ts`.
 */
import { formatNumber, msg, plural, str } from '@peerkit/core';

export const more = {
  // The search field's suggestions (loaded with them: `expert-finder.ts` `#suggest`)
  groupSkills: () => msg('Skills', { id: 'experts.group-skills' }),
  groupPeople: () => msg('People', { id: 'experts.group-people' }),
  skillOption: (skill: string, people: number, locale: string) => {
    const f = formatNumber(people, locale);
    return plural(people, locale, {
      one: () => msg(str`${skill} (${f} person)`, { id: 'experts.skill-option.one' }),
      other: () => msg(str`${skill} (${f} people)`, { id: 'experts.skill-option.other' }),
    });
  },
  suggestions: (count: number, locale: string) => {
    const f = formatNumber(count, locale);
    return plural(count, locale, {
      zero: () => msg('No suggestions', { id: 'experts.suggestions.zero' }),
      one: () => msg(str`${f} suggestion`, { id: 'experts.suggestions.one' }),
      other: () => msg(str`${f} suggestions`, { id: 'experts.suggestions.other' }),
    });
  },
  signInToAsk: () => msg('Sign in to ask a colleague.', { id: 'experts.sign-in-ask' }),
  askLabel: (name: string) => msg(str`Your question for ${name}`, { id: 'experts.ask-label' }),
  askSend: () => msg('Post question', { id: 'experts.ask-send' }),
  askCancel: () => msg('Cancel', { id: 'experts.ask-cancel' }),
  askSent: (name: string) =>
    msg(str`Your question for ${name} is in the discussion.`, { id: 'experts.ask-sent' }),
  askSentAnyone: () =>
    msg('Your question is in the discussion.', { id: 'experts.ask-sent-anyone' }),
  askFailed: () => msg('Your question could not be posted.', { id: 'experts.ask-failed' }),
  askEmpty: () => msg('Write a question first.', { id: 'experts.ask-empty' }),
  you: () => msg('Your profile', { id: 'experts.you' }),
  edit: () => msg('Edit', { id: 'experts.edit' }),
  save: () => msg('Save', { id: 'experts.save' }),
  cancel: () => msg('Cancel', { id: 'experts.cancel' }),
  listed: () => msg('List me in the expert finder', { id: 'experts.listed' }),
  notListed: () =>
    msg('You are not listed: colleagues cannot find you.', { id: 'experts.not-listed' }),
  canMentor: () => msg('I can mentor', { id: 'experts.can-mentor' }),
  wantsToLearn: () => msg('I want to learn (comma-separated)', { id: 'experts.wants-to-learn' }),
  askMeAboutField: () =>
    msg('Ask me about (comma-separated)', { id: 'experts.ask-me-about-field' }),
  availabilityField: () => msg('Availability', { id: 'experts.availability-field' }),
  profileSaved: () => msg('Your profile was saved.', { id: 'experts.profile-saved' }),
  profileFailed: () => msg('Your profile could not be saved.', { id: 'experts.profile-failed' }),
  profileConflict: () =>
    msg('Your profile changed elsewhere. Below is how it is now; your edit is kept in the form.', {
      id: 'experts.profile-conflict',
    }),
  // Endorsing: said once the server answers
  endorsed: (name: string, skill: string) =>
    msg(str`You endorsed ${name} for ${skill}.`, { id: 'experts.endorsed' }),
  withdrawn: (name: string, skill: string) =>
    msg(str`You withdrew your endorsement of ${name} for ${skill}.`, { id: 'experts.withdrawn' }),
  close: () => msg('Close', { id: 'experts.close' }),
  cardLoading: () => msg('Loading profile…', { id: 'experts.card-loading' }),
  cardMissing: () =>
    msg('This person has no profile in the expert finder.', { id: 'experts.card-missing' }),
};
