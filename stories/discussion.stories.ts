import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@peerkit/core/define';
import '@peerkit/discussion/define';
import {
  PeerError,
  skillKey,
  type CreatePost,
  type Expert,
  type KudosCount,
  type Me,
  type Page,
  type PeerClient,
  type PersonSummary,
  type Post,
  type PostEvent,
  type PostsQuery,
  type ReportItem,
  type StreamHandlers,
} from '@peerkit/core';
import { ANA, unsupportedClient } from './support/story-client.js';

/**
 * A small in-story `PeerClient`: the documented extension point a host uses when its backend
 * speaks another API (`provider.client = …`). It keeps one thread in memory, so every state
 * of `<peer-discussion>` renders and reacts without a server.
 */
/** `save-held`: a highlight or acceptance is sent and never answered (its toggle stays busy). */
type Mode = 'ok' | 'load' | 'load-error' | 'post-error' | 'edited-elsewhere' | 'save-held';

interface StoryState {
  me: Me | null;
  posts?: Post[];
  reports?: ReportItem[];
  mode?: Mode;
  /** Posts by others that "arrive" live a moment after the story opens. */
  incoming?: Post[];
}

const ACTIVITY = 'https://learn.example.com/courses/data-storytelling/lessons/honest-axes';
const CHLOE: Me = {
  id: 'chloe.martin',
  name: 'Chloé Martin',
  title: 'Learning Lead',
  team: 'People',
  roles: ['moderator'],
};
const BEN: PersonSummary = {
  id: 'ben.okafor',
  name: 'Ben Okafor',
  title: 'Platform Engineer',
  team: 'Platform',
};
const MEI: PersonSummary = {
  id: 'mei.chen',
  name: 'Mei Chen',
  title: 'UX Researcher',
  team: 'Design',
};
const ANA_P: PersonSummary = { id: ANA.id, name: ANA.name, title: ANA.title, team: ANA.team };

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
let seq = 0;

function post(
  author: PersonSummary | null,
  body: string,
  minutes: number,
  extra: Partial<Post> = {},
): Post {
  return {
    id: `story-${++seq}`,
    activity: ACTIVITY,
    parentId: null,
    depth: 0,
    author,
    body,
    version: 1,
    createdAt: ago(minutes),
    editedAt: null,
    deleted: false,
    hidden: false,
    replyCount: 0,
    kudos: 0,
    ...extra,
  };
}

function thread(): Post[] {
  const q = post(
    BEN,
    'Should a bar chart **always** start at zero? Our dashboard team says yes, marketing says no.',
    60 * 26,
    { replyCount: 2, kudos: 3 },
  );
  const a = post(
    MEI,
    'For bars, yes: the length *is* the value.\n\n> Truncated bars exaggerate differences.\n\nLine charts can zoom in; see [the guide](https://example.com/honest-axes).',
    60 * 20,
    { parentId: q.id, depth: 1, replyCount: 1, kudos: 5 },
  );
  const b = post(ANA_P, 'Agreed. We use `dot plots` when the baseline hides the story.', 60 * 3, {
    parentId: a.id,
    depth: 2,
    editedAt: ago(60 * 2),
  });
  const c = post(BEN, 'Thanks both, that settles it.', 45, { parentId: b.id, depth: 3 });
  const d = post(MEI, 'Glad it helped!', 30, { parentId: c.id, depth: 4 });
  const gone = post(null, '', 60 * 10, { deleted: true, replyCount: 1 });
  const e = post(
    ANA_P,
    'The deleted post asked about log scales:\n\n1. label them clearly\n2. never mix with bars',
    60 * 9,
    { parentId: gone.id, depth: 1 },
  );
  return [q, a, b, c, d, gone, e];
}

/** A thread whose posts carry skill tags, one of them highlighted by the community team. */
function taggedThread(): Post[] {
  const [q, a, b, ...rest] = thread();
  const sql = post(MEI, 'Which SQL gives weekly totals for the chart?', 60 * 5, {
    tags: ['SQL', 'Data visualisation'],
    replyCount: 1,
  });
  const answer = post(BEN, "GROUP BY date_trunc('week', created_at).", 60 * 4, {
    parentId: sql.id,
    depth: 1,
    tags: ['SQL'],
    highlighted: true,
  });
  return [
    { ...q!, tags: ['Data visualisation'] },
    { ...a!, tags: ['Data visualisation', 'Charts'] },
    b!,
    ...rest,
    sql,
    answer,
  ];
}

/** The root post of `p`'s tree. */
function rootOf(posts: Post[], p: Post): Post {
  let at = p;
  while (at.parentId) at = posts.find((x) => x.id === at.parentId) ?? at;
  return at;
}

/** The trees holding a post that `keep` accepts (what `GET /posts?tag=` and `filter=highlighted` answer). */
function trees(posts: Post[], keep: (p: Post) => boolean): Post[] {
  const roots = new Set(posts.filter(keep).map((p) => rootOf(posts, p).id));
  return posts.filter((p) => roots.has(rootOf(posts, p).id));
}

function storyClient(initial: StoryState): PeerClient {
  const s = {
    posts: [] as Post[],
    reports: [] as ReportItem[],
    mode: 'ok' as Mode,
    incoming: [] as Post[],
    ...initial,
  };
  const kudos = new Map<string, KudosCount>();
  const count = (activity: string): KudosCount => {
    const id = activity.replace('urn:peerkit:post:', '');
    const n = s.posts.find((p) => p.id === id)?.kudos ?? 0;
    return kudos.get(activity) ?? { activity, count: n, mine: false, myValue: null, values: {} };
  };
  const page = (query: PostsQuery = { activity: ACTIVITY }): Page<Post> => {
    let items = s.posts;
    const key = query.tag && skillKey(query.tag);
    if (key) items = trees(items, (p) => !!p.tags?.some((t) => skillKey(t) === key));
    if (query.filter === 'highlighted') items = trees(items, (p) => !!p.highlighted);
    return { items, nextCursor: null, total: items.filter((p) => !p.deleted).length };
  };
  return {
    ...unsupportedClient('discussion'),
    me: async () => s.me,
    async listPosts(query) {
      if (s.mode === 'load') return new Promise<Page<Post>>(() => {});
      await wait(200);
      if (s.mode === 'load-error')
        throw new PeerError('http', 'Internal Server Error', { status: 500 });
      return page(query);
    },
    async highlightPost(id, highlighted) {
      if (s.mode === 'save-held') return new Promise<Post>(() => {});
      await wait(200);
      const p = s.posts.find((x) => x.id === id)!;
      p.highlighted = highlighted;
      return { ...p };
    },
    async createPost(input: CreatePost) {
      await wait(300);
      if (s.mode === 'post-error')
        throw new PeerError('http', 'Service Unavailable', { status: 503 });
      const parent = s.posts.find((p) => p.id === input.parentId);
      const created = post(
        s.me ? { id: s.me.id, name: s.me.name, title: s.me.title } : null,
        input.body,
        0,
        {
          parentId: parent?.id ?? null,
          depth: parent ? parent.depth + 1 : 0,
          tags: input.tags ?? [],
        },
      );
      s.posts = [...s.posts, created];
      return created;
    },
    async updatePost(id, input, options) {
      await wait(200);
      const p = s.posts.find((x) => x.id === id)!;
      if (s.mode === 'edited-elsewhere' && options?.ifMatch === p.version) {
        // Another tab saved first: the server answers 412 with the post as it is now.
        Object.assign(p, { body: `${p.body}\n\n(Edited in another tab.)`, version: p.version + 1 });
        throw new PeerError('http', 'Precondition Failed', {
          status: 412,
          problem: {
            type: 'about:blank',
            title: 'Precondition Failed',
            status: 412,
            current: { ...p },
          },
        });
      }
      Object.assign(p, {
        body: input.body,
        tags: input.tags ?? p.tags,
        editedAt: new Date().toISOString(),
        version: p.version + 1,
      });
      return { ...p };
    },
    async deletePost(id) {
      await wait(200);
      const p = s.posts.find((x) => x.id === id)!;
      if (p.replyCount > 0) {
        Object.assign(p, { deleted: true, body: '', author: null });
        return { ...p };
      }
      s.posts = s.posts.filter((x) => x.id !== id);
      return null;
    },
    async reportPost(id, input) {
      await wait(200);
      return {
        id: `r-${id}`,
        postId: id,
        reason: input.reason,
        note: input.note ?? null,
        createdAt: new Date().toISOString(),
        status: 'open',
      };
    },
    subscribePosts(_activity: string, handlers: StreamHandlers) {
      const timers = s.incoming.map((p, i) =>
        setTimeout(
          () => handlers.onEvent({ type: 'post.created', post: p } satisfies PostEvent),
          1200 + i * 300,
        ),
      );
      handlers.onOpen?.();
      return () => timers.forEach(clearTimeout);
    },
    async listReports() {
      await wait(200);
      return { items: s.reports, nextCursor: null, total: s.reports.length };
    },
    async resolveReport(id, input) {
      await wait(200);
      const r = s.reports.find((x) => x.id === id)!;
      s.reports = s.reports.filter((x) => x.id !== id);
      const p = { ...r.post, hidden: input.action === 'hide', deleted: input.action === 'delete' };
      return {
        ...r,
        status: input.action === 'keep' ? 'kept' : input.action === 'hide' ? 'hidden' : 'deleted',
        post: p,
      };
    },
    async kudos(activity) {
      await wait(100);
      return count(activity);
    },
    async giveKudos(input) {
      const c = count(input.activity);
      const next = { ...c, count: c.count + 1, mine: true };
      kudos.set(input.activity, next);
      return next;
    },
    async withdrawKudos(activity) {
      const c = count(activity);
      const next = { ...c, count: Math.max(0, c.count - 1), mine: false };
      kudos.set(activity, next);
      return next;
    },
    async kudosGivers() {
      return { items: [], nextCursor: null, total: 0 };
    },
    // The composer's Skills picker and @ suggestions.
    async listSkills(q) {
      await wait(150);
      const key = q.toLowerCase();
      return SKILLS.filter((n) => n.toLowerCase().includes(key)).map((name) => ({
        name,
        people: 3,
      }));
    },
    async listPeople(query) {
      await wait(150);
      const key = (query.q ?? '').toLowerCase();
      // The suggestions read a person's id, name and title only.
      const items = PEOPLE.filter((p) => p.name.toLowerCase().includes(key)) as unknown as Expert[];
      return { items, nextCursor: null, total: items.length };
    },
  };
}

const SKILLS = ['Data visualisation', 'Data modelling', 'SQL', 'PostgreSQL', 'Storytelling'];
const PEOPLE: PersonSummary[] = [BEN, MEI, ANA_P, CHLOE];

/** Waits for the discussion's composer and focuses its text (the composer tools load). */
async function focusComposer(el: HTMLElement): Promise<HTMLTextAreaElement> {
  for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('[part~="composer"] textarea'); i++)
    await wait(50);
  const textarea = el.shadowRoot!.querySelector<HTMLTextAreaElement>(
    '[part~="composer"] textarea',
  )!;
  textarea.focus();
  for (let i = 0; i < 50 && !el.shadowRoot!.querySelector('[part~="skills"]'); i++) await wait(50);
  return textarea;
}

interface Args {
  activity: string;
  heading?: string;
  /** `oldest`, `newest` or `top`; anything else is drawn as a notice (see BadAttributes). */
  sort: string;
  'page-size': number | string;
  /** Skills preset as tags on new posts (comma-separated). */
  tags?: string;
  'max-depth': number | string;
  live: boolean;
  readonly: boolean;
  dir: 'ltr' | 'rtl';
  scheme: 'light' | 'dark';
  /** The provider's `locale`; empty for the page's language. */
  locale?: string;
  state: StoryState;
}

const meta: Meta<Args> = {
  title: 'Widgets/peer-discussion',
  component: 'peer-discussion',
  args: {
    activity: ACTIVITY,
    heading: 'Questions about this lesson',
    sort: 'oldest',
    'page-size': 20,
    'max-depth': 3,
    live: false,
    readonly: false,
    dir: 'ltr',
    scheme: 'light',
    state: { me: ANA, posts: [] },
  },
  argTypes: {
    state: { table: { disable: true } },
    sort: { control: 'inline-radio', options: ['oldest', 'newest', 'top'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    scheme: { control: 'inline-radio', options: ['light', 'dark'] },
    locale: { control: 'inline-radio', options: ['en', 'es'] },
  },
  render: (args) => {
    // A fresh thread per render, so a story's edits do not leak into the next one.
    const state = { ...args.state, posts: args.state.posts?.map((p) => ({ ...p })) };
    return html`
      <div
        dir=${args.dir}
        style="color-scheme: ${args.scheme}; padding: 1rem; background: Canvas; color: CanvasText"
      >
        <peer-provider .client=${storyClient(state)} xapi="off" locale=${args.locale ?? ''}>
          <peer-discussion
            activity=${args.activity}
            heading=${args.heading ?? ''}
            sort=${args.sort}
            page-size=${args['page-size']}
            max-depth=${args['max-depth']}
            tags=${args.tags ?? nothing}
            ?live=${args.live}
            ?readonly=${args.readonly}
          ></peer-discussion>
        </peer-provider>
      </div>
    `;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** An empty thread: "Be the first to ask" and the composer. */
export const Empty: Story = {};

/** The first page never arrives: the loading skeleton. */
export const Loading: Story = { args: { state: { me: ANA, mode: 'load' } } };

/** A thread with replies past `max-depth`, Markdown, an edit and a deleted post kept for its reply. */
export const Thread: Story = { args: { state: { me: ANA, posts: thread() } } };

/** The same thread, dark and right to left. */
export const DarkRtl: Story = {
  args: { dir: 'rtl', scheme: 'dark', state: { me: ANA, posts: thread() } },
};

/**
 * Posts in Hebrew and Arabic inside an English page, and English inside them: each post body,
 * name and title takes its direction from its own text (`dir="auto"`, `<bdi>`).
 */
export const MixedDirections: Story = {
  args: {
    state: {
      me: ANA,
      posts: [
        post(BEN, 'שלום לכולם, מה שלומכם? האם הציר חייב להתחיל באפס?', 50),
        post(MEI, 'مرحبا! نعم، في المخططات الشريطية دائمًا.', 40),
        post(ANA_P, 'Agreed, and thanks for asking in Hebrew first!', 20),
      ],
    },
  },
};

/**
 * Spanish (`<peer-provider locale="es">`): the messages load on demand. Kept off the docs page,
 * where every story shares one message locale (the last provider's).
 */
export const Spanish: Story = {
  tags: ['!autodocs'],
  args: { locale: 'es', heading: '', state: { me: ANA, posts: thread() } },
};

/** An empty thread in Spanish: "Haz la primera pregunta". */
export const SpanishEmpty: Story = {
  tags: ['!autodocs'],
  args: { locale: 'es', heading: '' },
};

/** Loading failed: the error with a retry. */
export const LoadError: Story = { args: { state: { me: ANA, mode: 'load-error' } } };

/** Posting fails (503): the text stays with a Retry. Type something and post. */
export const PostFails: Story = {
  args: { state: { me: ANA, posts: thread(), mode: 'post-error' } },
};

/**
 * Ana's post was changed in another tab after she opened its editor: "Edit", then "Save" says
 * so and offers "Load the newer text" or "Keep mine" (a second save then replaces it).
 */
export const EditedElsewhere: Story = {
  args: { state: { me: ANA, posts: thread(), mode: 'edited-elsewhere' } },
};

/** `readonly`: reading only. */
export const Readonly: Story = { args: { readonly: true, state: { me: ANA, posts: thread() } } };

/** Nobody signed in: the thread and an invitation to sign in. */
export const SignedOut: Story = { args: { state: { me: null, posts: thread() } } };

/** A first post: the participation guidelines appear before it is sent. */
export const Guidelines: Story = {
  args: { state: { me: { ...ANA, id: 'new.person', name: 'New Person' }, posts: thread() } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('peer-discussion')!;
    for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('[part~="composer"] textarea'); i++)
      await wait(50);
    const textarea = el.shadowRoot!.querySelector<HTMLTextAreaElement>(
      '[part~="composer"] textarea',
    )!;
    textarea.value = 'Hello everyone, my first question!';
    textarea.dispatchEvent(new Event('input'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  },
};

/** The Skills picker of the new-post box: two skills chosen, suggestions for "data" open. */
export const ComposerWithTags: Story = {
  args: { state: { me: ANA, posts: thread() } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('peer-discussion')!;
    await focusComposer(el);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="skills"] input')!;
    for (const text of ['SQL', 'Storytelling', 'data']) {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      if (text === 'data') break;
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await el.updateComplete;
    }
  },
};

/** Typing `@me` suggests people; ArrowUp / ArrowDown move, Enter or Tab writes the mention. */
export const MentionSuggestions: Story = {
  args: { state: { me: ANA, posts: thread() } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('peer-discussion')!;
    const textarea = await focusComposer(el);
    textarea.value = 'Could @me';
    textarea.setSelectionRange(9, 9);
    textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  },
};

/** `tags="SQL, Data modelling"`: the host presets skills on new posts (removable chips). */
export const PresetTags: Story = {
  args: { tags: 'SQL, Data modelling', state: { me: ANA, posts: thread() } },
};

/** `live`: two posts by others arrive and wait behind the "new posts" button. */
export const LiveNewPosts: Story = {
  args: {
    live: true,
    state: {
      me: ANA,
      posts: thread(),
      incoming: [post(MEI, 'A new question just arrived.', 0), post(BEN, 'And another one.', 0)],
    },
  },
};

/** A moderator: open "Reports" to keep, hide or delete reported posts. */
export const Moderator: Story = {
  args: {
    state: (() => {
      const posts = thread();
      const reported = posts[3]!;
      return {
        me: CHLOE,
        posts,
        reports: [
          {
            id: 'rep-1',
            reason: 'off-topic',
            note: null,
            createdAt: ago(20),
            status: 'open',
            reporter: MEI,
            post: reported,
          },
          {
            id: 'rep-2',
            reason: 'other',
            note: 'Shares a customer name.',
            createdAt: ago(5),
            status: 'open',
            reporter: ANA_P,
            post: posts[1]!,
          },
        ] satisfies ReportItem[],
      };
    })(),
  },
};

/**
 * Attributes the element cannot use (`sort="popular"`, `page-size="ten"`): it goes on with
 * the defaults, says so in a polite notice, and fires one `peer-error` of kind `config` for
 * each. Pick an order in "Sort by" and the line about `sort` goes.
 */
export const BadAttributes: Story = {
  args: { sort: 'popular', 'page-size': 'ten', state: { me: ANA, posts: thread() } },
};

/** A long thread (600 posts): at most 150 post elements are drawn; the rest page in and out. */
export const LongThread: Story = {
  args: {
    state: {
      me: ANA,
      posts: Array.from({ length: 600 }, (_, i) =>
        post(i % 2 ? BEN : MEI, `Post number ${i + 1}`, 600 - i),
      ),
    },
  },
};

/** Presses a button of the discussion once it is drawn (what a person does first). */
async function press(canvas: HTMLElement, selector: string): Promise<void> {
  const el = canvas.querySelector('peer-discussion')!;
  for (let i = 0; i < 50 && !el.shadowRoot?.querySelector(selector); i++) await wait(100);
  el.shadowRoot?.querySelector<HTMLButtonElement>(selector)?.click();
}

/** Posts with skill tags; a tag is a button that narrows the thread to it. */
export const Tagged: Story = { args: { state: { me: ANA, posts: taggedThread() } } };

/** After a click on "SQL": "Showing posts tagged SQL" with **Clear**, only the SQL trees. */
export const TagFiltered: Story = {
  args: { state: { me: ANA, posts: taggedThread() } },
  play: ({ canvasElement }) => press(canvasElement, '[data-tag="SQL"]'),
};

/** A moderator's view of a highlighted post: the star, and **Highlight** pressed. */
export const HighlightedPost: Story = {
  args: { state: { me: CHLOE, posts: taggedThread() } },
};

/**
 * A moderator pressed **Highlight** and the server has not answered yet: the toggle is busy
 * (`aria-disabled`, greyed) and takes no second press.
 */
export const HighlightSaving: Story = {
  args: { state: { me: CHLOE, posts: taggedThread(), mode: 'save-held' } },
  play: ({ canvasElement }) =>
    press(canvasElement, '[data-action="highlight"][aria-pressed="false"]'),
};

/** The **Highlights** view: the trees holding a highlighted post. */
export const Highlights: Story = {
  args: { state: { me: ANA, posts: taggedThread() } },
  play: ({ canvasElement }) => press(canvasElement, '[data-view="highlights"]'),
};

/** The **Highlights** view with nothing highlighted yet. */
export const HighlightsEmpty: Story = {
  args: { state: { me: ANA, posts: thread() } },
  play: ({ canvasElement }) => press(canvasElement, '[data-view="highlights"]'),
};
