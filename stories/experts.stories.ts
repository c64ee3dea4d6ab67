import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@peerkit/core/define';
import '@peerkit/experts/define';
import {
  PeerError,
  type Endorsement,
  type Expert,
  type Me,
  type PeerClient,
  type Profile,
} from '@peerkit/core';
import { ANA, unsupportedClient } from './support/story-client.js';

/**
 * A small in-story `PeerClient` (the documented extension point, `provider.client = …`) with a
 * few people in memory, so every state of `<peer-expert-finder>` renders without a server.
 */
interface StoryState {
  me: Me | null;
  /**
   * `load`: people never arrive; `load-error`: they fail; `save-error`: endorsing fails;
   * `empty`: nobody matches; `suggest-error`: the first suggestions fail, the next come.
   */
  mode?: 'ok' | 'load' | 'load-error' | 'save-error' | 'empty' | 'suggest-error';
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PEOPLE: Expert[] = [
  {
    id: 'dev.patel',
    name: 'Dev Patel',
    title: 'Senior Data Scientist',
    team: 'Data',
    skills: [
      { name: 'SQL', level: 5, endorsements: 12, endorsedByMe: false },
      { name: 'Python', level: 5, endorsements: 9, endorsedByMe: true },
    ],
    askMeAbout: ['experiment design', 'forecasting'],
    mentor: true,
    availability: 'available',
    kudosReceived: 9,
    score: 120,
    reasons: [
      { kind: 'skill', skill: 'SQL', level: 5 },
      { kind: 'endorsed', skill: 'SQL', count: 12 },
      { kind: 'thanked', count: 9 },
      { kind: 'answered-here', count: 3 },
    ],
  },
  {
    id: 'mei.chen',
    name: 'Mei Chen',
    title: 'Analytics Lead',
    team: 'Data',
    skills: [
      { name: 'Data visualisation', level: 5, endorsements: 7, endorsedByMe: false },
      { name: 'SQL', level: 3, endorsements: 2, endorsedByMe: false },
    ],
    askMeAbout: ['dashboards'],
    mentor: false,
    availability: 'busy',
    kudosReceived: 14,
    score: 90,
    reasons: [
      { kind: 'activity-skill', skill: 'Data visualisation' },
      { kind: 'top-helper', count: 14 },
    ],
  },
  {
    id: 'farid.haddad',
    name: 'فريد حداد',
    title: 'Staff Engineer',
    team: 'Platform',
    skills: [{ name: 'PostgreSQL', level: 4, endorsements: 5, endorsedByMe: false }],
    askMeAbout: [],
    mentor: true,
    availability: 'away',
    kudosReceived: 3,
    score: 40,
    reasons: [{ kind: 'skill', skill: 'PostgreSQL', level: 4 }, { kind: 'mentor' }],
  },
];

function storyClient(state: StoryState): PeerClient {
  let suggestedOnce = 0;
  const profile: Profile = {
    askMeAbout: ['dashboards', 'survey data'],
    wantsToLearn: ['Python'],
    mentor: false,
    availability: 'available',
    availabilityNote: null,
    listed: true,
    version: 1,
  };
  const endorse = async (personId: string, skill: string, mine: boolean): Promise<Endorsement> => {
    await wait(300);
    if (state.mode === 'save-error')
      throw new PeerError('http', 'Service unavailable', { status: 503 });
    const s = PEOPLE.find((p) => p.id === personId)!.skills.find((x) => x.name === skill)!;
    if (s.endorsedByMe !== mine) s.endorsements += mine ? 1 : -1;
    s.endorsedByMe = mine;
    return { personId, skill, endorsements: s.endorsements };
  };
  return {
    ...unsupportedClient('expert finder'),
    me: async () => state.me,
    async listPeople(query) {
      if (state.mode === 'load') return new Promise(() => {});
      await wait(150);
      if (state.mode === 'load-error')
        throw new PeerError('network', 'The server could not be reached.');
      const q = query.q?.toLowerCase() ?? '';
      const items =
        state.mode === 'empty'
          ? []
          : PEOPLE.filter(
              (p) =>
                (!q || p.name.toLowerCase().includes(q) || p.team?.toLowerCase().includes(q)) &&
                (query.skill ?? []).every((s) => p.skills.some((x) => x.name === s)),
            );
      return { items, nextCursor: null, total: items.length };
    },
    async listSkills(q) {
      await wait(80);
      if (state.mode === 'suggest-error' && !suggestedOnce++)
        throw new PeerError('http', 'Internal Server Error', { status: 500 });
      const all = [...new Set(PEOPLE.flatMap((p) => p.skills.map((s) => s.name)))];
      return all
        .filter((s) => s.toLowerCase().includes(q.toLowerCase()))
        .map((name) => ({
          name,
          people: PEOPLE.filter((p) => p.skills.some((s) => s.name === name)).length,
        }));
    },
    async person(id) {
      await wait(100);
      const p = PEOPLE.find((x) => x.id === id);
      if (!p) throw new PeerError('http', 'Not found', { status: 404 });
      return p;
    },
    profile: async () => profile,
    async updateProfile(input) {
      await wait(200);
      Object.assign(profile, input, { version: profile.version + 1 });
      return { ...profile };
    },
    endorse: (personId, input) => endorse(personId, input.skill, true),
    withdrawEndorsement: (personId, skill) => endorse(personId, skill, false),
    subscribePosts: () => () => {},
  };
}

interface Args {
  activity: string;
  heading?: string;
  skills?: string;
  query?: string;
  limit?: number;
  contact?: string;
  dir?: 'ltr' | 'rtl';
  locale?: string;
  state: StoryState;
}

const meta: Meta<Args> = {
  title: 'Widgets/peer-expert-finder',
  component: 'peer-expert-finder',
  args: {
    activity: 'https://learn.example.com/courses/data-storytelling',
    state: { me: ANA },
  },
  argTypes: {
    state: { table: { disable: true } },
    locale: { control: 'inline-radio', options: ['en', 'es'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  render: (args) => html`
    <div dir=${args.dir ?? 'ltr'} style="max-inline-size: 40rem">
      <peer-provider .client=${storyClient(args.state)} xapi="off" locale=${args.locale ?? ''}>
        <peer-expert-finder
          activity=${args.activity}
          heading=${args.heading ?? ''}
          skills=${args.skills ?? ''}
          query=${args.query ?? ''}
          limit=${args.limit ?? 10}
          contact=${args.contact ?? ''}
        ></peer-expert-finder>
      </peer-provider>
    </div>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** No search: recommendations for this activity, each with why; your own card first. */
export const Recommendations: Story = {};

/** A skill filter preset (`skills="SQL"`): a chip, and the people who list it. */
export const FilteredBySkill: Story = { args: { skills: 'SQL' } };

/** Nobody matches: the empty state offers to ask in the discussion instead. */
export const Empty: Story = { args: { query: 'COBOL', state: { me: ANA, mode: 'empty' } } };

/** People are on their way: skeleton cards. */
export const Loading: Story = { args: { state: { me: ANA, mode: 'load' } } };

/** People could not be loaded: a message with a retry. */
export const LoadError: Story = { args: { state: { me: ANA, mode: 'load-error' } } };

/**
 * Suggestions fail: type "sq" in the search field. "Suggestions could not be loaded." shows
 * under the field (outside the listbox) and is announced; the text stays and Enter still
 * searches; Tab reaches "Try again", which asks for "sq" again (and this time they come).
 */
export const SuggestionsError: Story = { args: { state: { me: ANA, mode: 'suggest-error' } } };

/** Endorsing fails: the toggle rolls back with a retry. Press "Endorse SQL". */
export const EndorseError: Story = { args: { state: { me: ANA, mode: 'save-error' } } };

/** Signed out: search works; endorsing and asking ask to sign in. */
export const SignedOut: Story = { args: { state: { me: null } } };

/** `contact`: "Ask" opens a URL template (here a chat deep link). */
export const ContactTemplate: Story = {
  args: { contact: 'https://chat.example.com/to/{id}?topic={skill}' },
};

/** A bad `limit`: a notice line, and 10 per page. */
export const BadLimit: Story = { args: { limit: 'ten' as unknown as number } };

/** Right to left: chips and arrows mirror; names keep their own direction. */
export const RightToLeft: Story = { args: { dir: 'rtl', skills: 'SQL' } };

/** Spanish (`<peer-provider locale="es">`): the messages load on demand. */
export const Spanish: Story = { args: { locale: 'es' } };
