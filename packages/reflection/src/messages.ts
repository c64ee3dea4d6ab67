/**
 * Every string `<peer-reflection-card>` shows, with stable ids (`reflection.*`) for the
 * translation files (`l10n/locales/*.ts`, checked by `scripts/check-l10n.mjs`). Dates and
 * times go through `Intl` (the core's `formatDateTime`), never string glue.
 */
import { msg, str } from '@peerkit/core';

export const messages = {
  heading: () => msg('Reflect on this work', { id: 'reflection.heading' }),
  teamHeading: (team: string) =>
    msg(str`Team reflection: ${team}`, { id: 'reflection.team-heading' }),
  // Charles Jennings' Three Question Card.
  achieved: () => msg('What did we achieve?', { id: 'reflection.q.achieved' }),
  achievedHint: () =>
    msg('The results, big or small, and who they helped.', { id: 'reflection.q.achieved.hint' }),
  differently: () => msg('What would we do differently?', { id: 'reflection.q.differently' }),
  differentlyHint: () =>
    msg('What got in the way, and what you would change next time.', {
      id: 'reflection.q.differently.hint',
    }),
  learned: () =>
    msg('What did we learn that others can use next time?', { id: 'reflection.q.learned' }),
  learnedHint: () =>
    msg('A lesson another team could act on before it starts.', {
      id: 'reflection.q.learned.hint',
    }),

  visibility: () => msg('Who can read it', { id: 'reflection.visibility' }),
  private: () => msg('Only me', { id: 'reflection.visibility.private' }),
  team: () => msg('My team', { id: 'reflection.visibility.team' }),
  public: () => msg('Everyone', { id: 'reflection.visibility.public' }),
  privateLine: () =>
    msg('Only you can read this reflection.', { id: 'reflection.visibility.private.line' }),
  teamLine: () =>
    msg('You and the people in your team can read this reflection.', {
      id: 'reflection.visibility.team.line',
    }),
  publicLine: () =>
    msg('Everyone who can see this page can read this reflection.', {
      id: 'reflection.visibility.public.line',
    }),

  drafting: () => msg('Kept on this device', { id: 'reflection.status.draft' }),
  saving: () => msg('Saving…', { id: 'reflection.status.saving' }),
  saved: (time: string) => msg(str`Saved ${time}`, { id: 'reflection.status.saved' }),
  offline: () =>
    msg('Offline: saved on this device, will sync', { id: 'reflection.status.offline' }),
  failed: () => msg("Couldn't save", { id: 'reflection.status.failed' }),
  retry: () => msg('Retry', { id: 'reflection.retry' }),
  elsewhere: () =>
    msg('Changed in another tab: this shows the latest edit.', { id: 'reflection.elsewhere' }),
  clash: () =>
    msg('This answer was also changed elsewhere. The other text:', { id: 'reflection.clash' }),
  useOther: () => msg('Use the other text', { id: 'reflection.clash.use' }),
  keepMine: () => msg('Keep mine', { id: 'reflection.clash.keep' }),
  startNew: () => msg('Start a new reflection', { id: 'reflection.new' }),
  editing: (date: string) =>
    msg(str`Editing your reflection of ${date}`, { id: 'reflection.editing' }),
  signedOut: () => msg('Sign in to write a reflection.', { id: 'reflection.signed-out' }),
  loading: () => msg('Loading reflections…', { id: 'reflection.loading' }),
  misconfigured: () =>
    msg('Reflections are not available: the page is misconfigured.', {
      id: 'reflection.misconfigured',
    }),
  badPrompts: () =>
    msg('The prompts attribute is not a list of questions; the three questions are shown.', {
      id: 'reflection.bad-prompts',
    }),
  badAttribute: (attribute: string, given: string) =>
    msg(str`The ${attribute} attribute cannot be "${given}"; the default is used.`, {
      id: 'reflection.bad-attribute',
    }),

  busy: () => msg('Wait until your reflection is saved.', { id: 'reflection.busy' }),
};
