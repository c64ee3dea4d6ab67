import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@peerkit/core/define';
import '@peerkit/kudos/define';
import {
  PeerError,
  type GiveKudos,
  type KudosCount,
  type KudosGiver,
  type Me,
  type Page,
  type PeerClient,
} from '@peerkit/core';
import { ANA, unsupportedClient } from './support/story-client.js';

/**
 * A small in-story `PeerClient`: the documented extension point a host uses when its backend
 * speaks another API (`provider.client = …`). It keeps the kudos of one activity in memory,
 * so stories render and react without a server.
 */
interface StoryState {
  me: Me | null;
  count: number;
  mine: boolean;
  myValue?: string | null;
  values?: Record<string, number>;
  givers?: string[];
  /** `load`: counts never arrive; `load-error`: counts fail; `save-error`: giving fails. */
  mode?: 'ok' | 'load' | 'load-error' | 'save-error';
}

const GIVERS = ['Ben Okafor', 'Chloé Martin', 'Dev Patel', 'Mei Chen', 'Inès Moreau'];
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function storyClient(initial: StoryState): PeerClient {
  const s = {
    values: {},
    myValue: null,
    givers: GIVERS,
    mode: 'ok',
    ...initial,
  } as Required<StoryState>;
  const snapshot = (activity: string): KudosCount => ({
    activity,
    count: s.count,
    mine: s.mine,
    myValue: s.myValue,
    values: { ...s.values },
  });
  return {
    ...unsupportedClient('kudos'),
    me: async () => s.me,
    async kudos(activity) {
      if (s.mode === 'load') return new Promise<KudosCount>(() => {});
      await wait(150);
      if (s.mode === 'load-error')
        throw new PeerError('network', 'The server could not be reached.');
      return snapshot(activity);
    },
    async giveKudos(input: GiveKudos) {
      await wait(300);
      if (s.mode === 'save-error')
        throw new PeerError('http', 'Service unavailable', { status: 503 });
      if (!s.mine) {
        s.mine = true;
        s.count += 1;
        s.myValue = input.value ?? null;
        if (input.value) s.values[input.value] = (s.values[input.value] ?? 0) + 1;
      }
      return snapshot(input.activity);
    },
    async withdrawKudos(activity) {
      await wait(300);
      if (s.mine) {
        s.mine = false;
        s.count -= 1;
        if (s.myValue) s.values[s.myValue] = Math.max(0, (s.values[s.myValue] ?? 1) - 1);
        s.myValue = null;
      }
      return snapshot(activity);
    },
    async kudosGivers(): Promise<Page<KudosGiver>> {
      await wait(200);
      const names = [...(s.mine && s.me ? [s.me.name] : []), ...s.givers].slice(0, s.count);
      return {
        items: names.slice(0, 3).map((name, i) => ({
          person: { id: `p${i}`, name },
          value: null,
          message: null,
          createdAt: new Date().toISOString(),
        })),
        nextCursor: s.count > 3 ? 'more' : null,
        total: s.count,
      };
    },
    subscribePosts: () => () => {},
  };
}

interface Args {
  activity: string;
  recipient?: string;
  'recipient-name'?: string;
  values?: string;
  label?: string;
  readonly: boolean;
  /** The provider's `locale`; empty for the page's language. */
  locale?: string;
  state: StoryState;
}

const meta: Meta<Args> = {
  title: 'Widgets/peer-kudos',
  component: 'peer-kudos',
  args: {
    activity: 'https://learn.example.com/courses/data-storytelling/lessons/honest-axes',
    readonly: false,
    state: { me: ANA, count: 0, mine: false },
  },
  argTypes: {
    state: { table: { disable: true } },
    locale: { control: 'inline-radio', options: ['en', 'es'] },
  },
  render: (args) => html`
    <peer-provider .client=${storyClient(args.state)} xapi="off" locale=${args.locale ?? ''}>
      <peer-kudos
        activity=${args.activity}
        recipient=${args.recipient ?? ''}
        recipient-name=${args['recipient-name'] ?? ''}
        values=${args.values ?? ''}
        label=${args.label ?? ''}
        ?readonly=${args.readonly}
      ></peer-kudos>
    </peer-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Nobody has given kudos yet. */
export const Zero: Story = {};

/** The signed-in person gave kudos, with eleven colleagues; the count reveals who. */
export const Given: Story = {
  args: { state: { me: ANA, count: 12, mine: true } },
};

/** Recognition values: giving opens a popover to choose one and add a short message. */
export const Values: Story = {
  args: {
    values: 'helpful,clear,generous',
    recipient: 'mei.chen',
    'recipient-name': 'Mei',
    state: { me: ANA, count: 6, mine: false, values: { helpful: 4, clear: 2 } },
  },
};

/** Big counts are compact ("1.2K"), through `Intl`. */
export const ManyKudos: Story = {
  args: { state: { me: ANA, count: 1234, mine: false } },
};

/** The counts are on their way. */
export const Loading: Story = {
  args: { state: { me: ANA, count: 0, mine: false, mode: 'load' } },
};

/** The counts could not be loaded: a message with a retry. */
export const LoadError: Story = {
  args: { state: { me: ANA, count: 0, mine: false, mode: 'load-error' } },
};

/** Giving fails: the count rolls back and the widget offers a retry. Click the button. */
export const SaveError: Story = {
  args: { state: { me: ANA, count: 3, mine: false, mode: 'save-error' } },
};

/** `readonly`: the count without the button. */
export const Readonly: Story = {
  args: { readonly: true, state: { me: ANA, count: 7, mine: false } },
};

/** Signed out: the count without the button. */
export const SignedOut: Story = {
  args: { state: { me: null, count: 7, mine: false } },
};

/** A person cannot thank themselves: disabled, with the reason as its description. */
export const Self: Story = {
  args: { recipient: ANA.id, label: 'Thank', state: { me: ANA, count: 2, mine: false } },
};

/** The `label` attribute replaces the default text. */
export const CustomLabel: Story = {
  args: { label: 'Thank the author', state: { me: ANA, count: 2, mine: false } },
};

/**
 * Spanish (`<peer-provider locale="es">`): the messages load on demand. Kept off the docs page,
 * where every story shares one message locale (the last provider's).
 */
export const Spanish: Story = {
  tags: ['!autodocs'],
  args: {
    locale: 'es',
    values: 'helpful,clear,generous',
    recipient: 'mei.chen',
    'recipient-name': 'Mei',
    state: { me: ANA, count: 6, mine: false, values: { helpful: 4, clear: 2 } },
  },
};

/**
 * Right to left: the layout and the popover's arrow keys follow the direction; the givers'
 * English names (open who gave) stay left-to-right inside the Arabic page.
 */
export const RightToLeft: Story = {
  args: { values: 'helpful,clear', state: { me: ANA, count: 2, mine: false } },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};

/**
 * What people wrote keeps its own direction in an English page: Hebrew givers' names (open who
 * gave), the recipient's name in the announcement, and a message typed in Hebrew.
 */
export const MixedDirections: Story = {
  args: {
    values: 'helpful,clear',
    recipient: 'sara.cohen',
    'recipient-name': 'שרה כהן',
    state: { me: ANA, count: 3, mine: false, givers: ['שרה כהן', 'דוד לוי', 'Ben Okafor'] },
  },
};

/** Themed through tokens and parts only. */
export const Themed: Story = {
  args: { state: { me: ANA, count: 5, mine: true } },
  decorators: [
    (story) =>
      html`<div class="themed">
        <style>
          .themed {
            --peer-kudos-accent: #7a1f5c;
            --peer-kudos-radius: 0.25rem;
            font-family: Georgia, serif;
          }
        </style>
        ${story()}
      </div>`,
  ],
};

/** The dark palette follows `color-scheme`. */
export const Dark: Story = {
  args: {
    values: 'helpful,clear',
    state: { me: ANA, count: 4, mine: true, values: { helpful: 3, clear: 1 } },
  },
  decorators: [
    (story) =>
      html`<div class="dark">
        <style>
          .dark {
            color-scheme: dark;
            background: #111418;
            color: #e6e9ee;
            padding: 1.5rem;
          }
        </style>
        ${story()}
      </div>`,
  ],
};
