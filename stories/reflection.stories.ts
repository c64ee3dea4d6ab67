import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@peerkit/core/define';
import '@peerkit/reflection/define';
import {
  PeerError,
  type Me,
  type PeerClient,
  type Reflection,
  type ReflectionEvent,
  type SaveReflection,
} from '@peerkit/core';
import { ANA, unsupportedClient } from './support/story-client.js';

/**
 * A small in-story `PeerClient` (the documented extension point a host uses when its backend
 * speaks another API): it keeps reflections in memory, so every state of the card renders
 * without a server.
 */
interface StoryState {
  me: Me | null;
  /** My earlier reflections on the activity. */
  mine?: Reflection[];
  /** The team's and the public reflections (`show-shared`). */
  shared?: Reflection[];
  /** The team's team reflections (`mode="team"`). */
  team?: Reflection[];
  /** `load`: the list never arrives; `load-error`: it fails; `hang`: saves never answer; `offline`: saves fail for want of a network; `save-error`: saves answer 503. */
  mode?: 'ok' | 'load' | 'load-error' | 'hang' | 'offline' | 'save-error';
}

const ACTIVITY = 'https://learn.example.com/courses/data-storytelling/modules/3';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const person = (id: string, name: string, team = 'Data') => ({ id, name, team });
const BEN = person('ben.okafor', 'Ben Okafor');
const MEI = person('mei.chen', 'Mei Chen');

function reflection(
  author: { id: string; name: string },
  days: number,
  texts: [string, string, string],
  extra: Partial<Reflection> = {},
): Reflection {
  const at = new Date(Date.now() - days * 86_400_000).toISOString();
  const prompts = [
    'What did we achieve?',
    'What would we do differently?',
    'What did we learn that others can use next time?',
  ];
  return {
    id: crypto.randomUUID(),
    activity: ACTIVITY,
    author,
    visibility: 'team',
    answers: (['achieved', 'differently', 'learned'] as const).map((id, i) => ({
      id,
      prompt: prompts[i]!,
      answer: texts[i]!,
    })),
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

function storyClient(s: StoryState): PeerClient {
  const mode = s.mode ?? 'ok';
  const saved = new Map<string, Reflection>();
  return {
    ...unsupportedClient('reflection'),
    me: async () => s.me,
    async listReflections(query) {
      if (mode === 'load' && query.scope !== 'shared') return new Promise(() => {});
      await wait(150);
      if (mode === 'load-error') throw new PeerError('network', 'The server could not be reached.');
      const items =
        query.kind === 'team'
          ? (s.team ?? [])
          : query.scope === 'shared'
            ? (s.shared ?? [])
            : (s.mine ?? []);
      return { items, nextCursor: null, total: items.length };
    },
    async saveReflection(id: string, input: SaveReflection) {
      if (mode === 'hang') return new Promise<Reflection>(() => {});
      await wait(400);
      if (mode === 'offline') throw new PeerError('network', 'Failed to fetch');
      if (mode === 'save-error')
        throw new PeerError('http', 'Service unavailable', { status: 503 });
      const before = saved.get(id);
      const now = new Date().toISOString();
      const r: Reflection = {
        id,
        activity: input.activity,
        author: person(ANA.id, ANA.name),
        visibility: input.visibility,
        answers: input.answers.map((a) => ({ ...a })),
        version: (before?.version ?? 0) + 1,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      };
      saved.set(id, r);
      return r;
    },
    async deleteReflection() {
      await wait(200);
    },
    async saveReflectionEntry(reflectionId, entryId, input) {
      await wait(300);
      const now = new Date().toISOString();
      return {
        id: entryId,
        prompt: input.prompt,
        text: input.text,
        author: person(ANA.id, ANA.name),
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
    },
    subscribeReflections: (_q, _h: { onEvent(e: ReflectionEvent): void }) => () => {},
    async createPost(input) {
      await wait(200);
      const now = new Date().toISOString();
      return {
        id: 'p1',
        activity: input.activity,
        parentId: null,
        depth: 0,
        body: input.body,
        author: person(ANA.id, ANA.name),
        createdAt: now,
        editedAt: null,
        deleted: false,
        hidden: false,
        replyCount: 0,
        version: 1,
      } as never;
    },
  };
}

interface Args {
  activity: string;
  heading?: string;
  mode?: string;
  visibility?: string;
  prompts?: string;
  'show-shared': boolean;
  locale?: string;
  state: StoryState;
  /** Text typed into the first answer once the card is drawn. */
  typed?: string;
}

/** Types `text` into the first answer of the story's card (a draft that is not saved yet). */
function typeLater(root: HTMLElement, text: string) {
  setTimeout(() => {
    const card = root.querySelector('peer-reflection-card');
    const field = card?.shadowRoot?.querySelector('textarea');
    if (!field) return typeLater(root, text);
    field.value = text;
    field.dispatchEvent(new Event('input'));
  }, 300);
}

const meta: Meta<Args> = {
  title: 'Widgets/peer-reflection-card',
  component: 'peer-reflection-card',
  args: {
    activity: ACTIVITY,
    'show-shared': false,
    state: { me: ANA },
  },
  argTypes: {
    state: { table: { disable: true } },
    typed: { table: { disable: true } },
    mode: { control: 'inline-radio', options: ['personal', 'team'] },
    visibility: { control: 'inline-radio', options: ['private', 'team', 'public'] },
    locale: { control: 'inline-radio', options: ['en', 'es'] },
  },
  render: (args) => {
    // Every story starts from no draft on this device.
    for (const k of Object.keys(localStorage))
      if (k.startsWith('peerkit.reflection.')) localStorage.removeItem(k);
    const box = document.createElement('div');
    if (args.typed) typeLater(box, args.typed);
    return html`<div>
      <peer-provider .client=${storyClient(args.state)} xapi="off" locale=${args.locale ?? ''}>
        <peer-reflection-card
          activity=${args.activity}
          heading=${args.heading ?? ''}
          mode=${args.mode ?? 'personal'}
          visibility=${args.visibility ?? 'private'}
          prompts=${args.prompts ?? ''}
          ?show-shared=${args['show-shared']}
        ></peer-reflection-card>
      </peer-provider>
      ${box}
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing written yet: the three questions, who can read it, no earlier reflections. */
export const Empty: Story = {};

/** Words typed, kept on this device at once; the server has not answered yet. */
export const Drafting: Story = {
  args: {
    typed: 'We moved the dashboard to the new data model.',
    state: { me: ANA, mode: 'hang' },
  },
};

/** Saving after a pause ("Saving…"). */
export const Saving: Story = { ...Drafting };

/** Saved: "Saved 10:42", in the server's time. */
export const Saved: Story = {
  args: { typed: 'We moved the dashboard to the new data model.', state: { me: ANA } },
};

/** The network is gone: "Offline: saved on this device, will sync". */
export const Offline: Story = {
  args: { typed: 'Written on the train.', state: { me: ANA, mode: 'offline' } },
};

/** The server failed: "Couldn't save" with a retry. */
export const SaveError: Story = {
  args: { typed: 'Written while the server was down.', state: { me: ANA, mode: 'save-error' } },
};

/** The earlier reflections could not be loaded: a notice with a retry; writing still works. */
export const LoadError: Story = { args: { state: { me: ANA, mode: 'load-error' } } };

/** Loading. */
export const Loading: Story = { args: { state: { me: ANA, mode: 'load' } } };

/** My earlier reflections on this activity, newest first: expand, edit, delete. */
export const EarlierReflections: Story = {
  args: {
    state: {
      me: ANA,
      mine: [
        reflection(ANA, 2, [
          'Shipped the churn dashboard.',
          'Agree the metric first.',
          'Show a draft on day two.',
        ]),
        reflection(ANA, 20, [
          'Cleaned the survey data.',
          'Ask for the raw export.',
          'Keep a data dictionary.',
        ]),
      ],
    },
  },
};

/** `show-shared`: the team's and the public reflections, read-only, and their lessons. */
export const SharedView: Story = {
  args: {
    'show-shared': true,
    state: {
      me: ANA,
      shared: [
        reflection(BEN, 1, ['Cut deploy time in half.', '', 'Measure before you tune.'], {
          visibility: 'public',
        }),
        reflection(MEI, 6, [
          'Ran the first user interviews.',
          'Recruit earlier.',
          'Five interviews find most problems.',
        ]),
      ],
    },
  },
};

/** `mode="team"`: one card for the whole team, each member's additions attributed. */
export const TeamMode: Story = {
  args: {
    mode: 'team',
    visibility: 'team',
    state: {
      me: ANA,
      team: [
        {
          ...reflection(BEN, 0, ['', '', ''], { team: 'Data' }),
          answers: [
            {
              id: 'achieved',
              prompt: 'What did we achieve?',
              answer: '',
              entries: [
                {
                  id: crypto.randomUUID(),
                  prompt: 'achieved',
                  text: 'The pipeline runs nightly now.',
                  author: BEN,
                  version: 1,
                  createdAt: new Date().toISOString(),
                  updatedAt: new Date().toISOString(),
                },
              ],
            },
            { id: 'differently', prompt: 'What would we do differently?', answer: '', entries: [] },
            {
              id: 'learned',
              prompt: 'What did we learn that others can use next time?',
              answer: '',
              entries: [
                {
                  id: crypto.randomUUID(),
                  prompt: 'learned',
                  text: 'Write the runbook before the first incident.',
                  author: MEI,
                  version: 1,
                  createdAt: new Date().toISOString(),
                  updatedAt: new Date().toISOString(),
                },
              ],
            },
          ],
        },
      ],
    },
  },
};

/** `prompts`: the host's own questions. */
export const CustomPrompts: Story = {
  args: {
    prompts: JSON.stringify([
      { id: 'surprised', text: 'What surprised you?', hint: 'Something you did not expect.' },
      'What will you try next week?',
    ]),
  },
};

/** A malformed `prompts`: the three questions with a notice. */
export const BadPrompts: Story = { args: { prompts: '[not json' } };

/** Signed out: the card asks to sign in. */
export const SignedOut: Story = { args: { state: { me: null } } };

/** Spanish (`<peer-provider locale="es">`), kept off the docs page (one message locale per page). */
export const Spanish: Story = { tags: ['!autodocs'], args: { locale: 'es' } };

/** Right to left. */
export const RightToLeft: Story = {
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
