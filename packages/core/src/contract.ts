/**
 * The Peerkit REST contract, as zod schemas.
 *
 * This one module is the single source of truth: the browser client checks every
 * response against it, the reference server validates every request with it, and the
 * OpenAPI 3.1 document is generated from it. Paths are relative to the provider's
 * `endpoint` (the reference server mounts them under `/api`).
 *
 * We use `zod/mini` rather than classic zod: the same schemas and JSON Schema output,
 * but tree-shakable functions instead of methods, so the browser pays ~5.6 KB gzip for
 * what it uses instead of ~24.6 KB (measured in `TOOLCHAIN.md` and by `npm run size`).
 *
 * Decisions the design left open, fixed here:
 * - `GET /posts` pages a thread by its *root* posts: `limit` counts roots, and `items`
 *   holds each root followed by all its descendants (oldest first), each with `parentId`
 *   and `depth`, so one request draws a page of threads. `total` counts every visible
 *   post of the thread.
 * - `GET /kudos/givers?activity=` lists who gave kudos to one activity, on demand.
 * - `GET /me` answers 401 when nobody is signed in; the client turns that into `null`.
 */
import * as z from 'zod/mini';

// zod probes for `eval` to compile a fast path; on a page whose CSP forbids it the probe
// reports a violation. Jitless skips the probe (see TOOLCHAIN.md, "Strict host pages").
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------
// Limits (documented maxima; the server answers 400 past them)

/** Largest page any list call returns. */
export const LIMIT_MAX = 100;
/** Default page size when `limit` is left out. */
export const LIMIT_DEFAULT = 20;
/** Longest post body in characters (UTF-16 code units, as `textarea.maxLength` counts). */
export const POST_BODY_MAX = 10_000;
/** Longest kudos message. */
export const KUDOS_MESSAGE_MAX = 280;
/** Longest report note. */
export const REPORT_NOTE_MAX = 1_000;
/** Longest reflection answer. */
export const REFLECTION_ANSWER_MAX = 5_000;
/** Most prompts a reflection may carry. */
export const REFLECTION_PROMPTS_MAX = 10;
/** Longest activity IRI. */
export const IRI_MAX = 2_048;
/** Most activities in one `GET /kudos` (clients split larger batches by URL length too). */
export const KUDOS_BATCH_MAX = 200;

// ---------------------------------------------------------------------------------------
// Building blocks

const IRI_PATTERN = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;

/** An absolute IRI: a scheme, a colon, and no white space. */
export const Iri = z.string().check(z.maxLength(IRI_MAX), z.regex(IRI_PATTERN));
/** A server-made identifier. */
export const Id = z.string().check(z.minLength(1), z.maxLength(200));
/** An RFC 3339 timestamp with offset. */
export const Timestamp = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().check(z.maxLength(max));
const NonEmptyText = (max: number) =>
  z.string().check(
    z.maxLength(max),
    z.refine((s) => s.trim().length > 0, 'must not be blank'),
  );
const Limit = z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(LIMIT_MAX)));
const Cursor = z.optional(z.string().check(z.minLength(1), z.maxLength(500)));

/** A list page: `items`, an opaque `nextCursor` (null on the last page) and a `total`. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: z.int().check(z.gte(0)),
  });
export type Page<T> = { items: T[]; nextCursor: string | null; total: number };

/** RFC 9457 problem details, as every error answers. */
export const Problem = z.looseObject({
  type: z.optional(z.string()),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** Field errors for a 400: where (a dotted path) and what. */
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof Problem>;

// ---------------------------------------------------------------------------------------
// People

export const Role = z.enum(['member', 'moderator']);
export type Role = z.infer<typeof Role>;

/** What every post, kudos and reflection says about a person. */
export const PersonSummary = z.object({
  id: Id,
  name: z.string(),
  title: z.optional(z.string()),
  team: z.optional(z.string()),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/** `GET /me`: the signed-in person. */
export const Me = z.object({
  id: Id,
  name: z.string(),
  email: z.optional(z.string()),
  title: z.optional(z.string()),
  team: z.optional(z.string()),
  roles: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

export const SkillLevel = z.int().check(z.gte(1), z.lte(5));

/** One entry of `GET /people`: a colleague ranked for a query. */
export const Expert = z.object({
  id: Id,
  name: z.string(),
  title: z.optional(z.string()),
  team: z.optional(z.string()),
  skills: z.array(
    z.object({
      name: z.string(),
      level: SkillLevel,
      endorsements: z.int().check(z.gte(0)),
      /** Whether the signed-in person endorsed this skill. */
      endorsedByMe: z.boolean(),
    }),
  ),
  askMeAbout: z.array(z.string()),
  mentor: z.boolean(),
  /** Times their posts were thanked. */
  kudosReceived: z.int().check(z.gte(0)),
  /** Relevance to the query; higher first. */
  score: z.number(),
});
export type Expert = z.infer<typeof Expert>;
export const ExpertPage = pageOf(Expert);

export const PeopleQuery = z.object({
  q: z.optional(Text(200)),
  skill: z.optional(Text(100)),
  activity: z.optional(Iri),
  cursor: Cursor,
  limit: Limit,
});
export type PeopleQuery = z.input<typeof PeopleQuery>;

export const SkillsQuery = z.object({ q: z.optional(Text(100)), limit: Limit });
export const SkillSuggestion = z.object({ name: z.string(), people: z.int().check(z.gte(0)) });
export type SkillSuggestion = z.infer<typeof SkillSuggestion>;
export const SkillList = z.object({ items: z.array(SkillSuggestion) });

/** `POST /people/{id}/endorsements` */
export const CreateEndorsement = z.object({ skill: NonEmptyText(100) });
export type CreateEndorsement = z.infer<typeof CreateEndorsement>;
export const Endorsement = z.object({
  personId: Id,
  skill: z.string(),
  endorsements: z.int().check(z.gte(0)),
});
export type Endorsement = z.infer<typeof Endorsement>;

// ---------------------------------------------------------------------------------------
// Posts

export const PostSort = z.enum(['oldest', 'newest', 'top']);
export type PostSort = z.infer<typeof PostSort>;

export const Post = z.object({
  id: Id,
  activity: Iri,
  /** `null` for a root post. */
  parentId: z.nullable(Id),
  /** 0 for a root post, 1 for its replies, and so on. */
  depth: z.int().check(z.gte(0)),
  /** `null` once deleted (the post stays as a placeholder while it has replies). */
  author: z.nullable(PersonSummary),
  /** Markdown, exactly as written; empty once deleted or hidden. */
  body: z.string(),
  createdAt: Timestamp,
  /** Set when the body was edited. */
  editedAt: z.nullable(Timestamp),
  deleted: z.boolean(),
  /** Hidden by a moderator: shown as a placeholder to everyone but moderators. */
  hidden: z.boolean(),
  replyCount: z.int().check(z.gte(0)),
  kudos: z.int().check(z.gte(0)),
});
export type Post = z.infer<typeof Post>;
export const PostPage = pageOf(Post);
export type PostPage = z.infer<typeof PostPage>;

export const PostsQuery = z.object({
  activity: Iri,
  sort: z.optional(PostSort),
  cursor: Cursor,
  /** Root posts per page. */
  limit: Limit,
});
export type PostsQuery = z.input<typeof PostsQuery>;

/** `POST /posts` (send an `Idempotency-Key`). */
export const CreatePost = z.object({
  activity: Iri,
  parentId: z.optional(Id),
  body: NonEmptyText(POST_BODY_MAX),
});
export type CreatePost = z.infer<typeof CreatePost>;

/** `PATCH /posts/{id}` */
export const UpdatePost = z.object({ body: NonEmptyText(POST_BODY_MAX) });
export type UpdatePost = z.infer<typeof UpdatePost>;

export const ReportReason = z.enum(['spam', 'harassment', 'off-topic', 'other']);
export type ReportReason = z.infer<typeof ReportReason>;

/** `POST /posts/{id}/reports` (a note is required when the reason is `other`). */
export const CreateReport = z
  .object({
    reason: ReportReason,
    note: z.optional(Text(REPORT_NOTE_MAX)),
  })
  .check(
    z.refine((r) => r.reason !== 'other' || (r.note ?? '').trim().length > 0, {
      message: 'a note is required when the reason is "other"',
      path: ['note'],
    }),
  );
export type CreateReport = z.infer<typeof CreateReport>;

export const ReportStatus = z.enum(['open', 'kept', 'hidden', 'deleted']);
export const Report = z.object({
  id: Id,
  postId: Id,
  reason: ReportReason,
  note: z.nullable(z.string()),
  createdAt: Timestamp,
  status: ReportStatus,
});
export type Report = z.infer<typeof Report>;

/** An entry of the moderators' queue, `GET /reports`. */
export const ReportItem = z.object({
  id: Id,
  reason: ReportReason,
  note: z.nullable(z.string()),
  createdAt: Timestamp,
  status: ReportStatus,
  reporter: PersonSummary,
  post: Post,
});
export type ReportItem = z.infer<typeof ReportItem>;
export const ReportPage = pageOf(ReportItem);
export const ReportsQuery = z.object({
  activity: z.optional(Iri),
  status: z.optional(ReportStatus),
  cursor: Cursor,
  limit: Limit,
});
export type ReportsQuery = z.input<typeof ReportsQuery>;

/** `POST /reports/{id}/resolve` */
export const ResolveReport = z.object({ action: z.enum(['keep', 'hide', 'delete']) });
export type ResolveReport = z.infer<typeof ResolveReport>;

/** One server-sent event of `GET /posts/stream?activity=` (the SSE `data`, as JSON). */
export const PostEvent = z.object({
  type: z.enum(['post.created', 'post.updated', 'post.deleted']),
  post: Post,
});
export type PostEvent = z.infer<typeof PostEvent>;

// ---------------------------------------------------------------------------------------
// Reflections

export const Visibility = z.enum(['private', 'team', 'public']);
export type Visibility = z.infer<typeof Visibility>;
export const ReflectionScope = z.enum(['mine', 'team', 'public']);
export type ReflectionScope = z.infer<typeof ReflectionScope>;

const Answer = z.object({ prompt: NonEmptyText(500), answer: Text(REFLECTION_ANSWER_MAX) });

/** `PUT /reflections/{id}`: an idempotent upsert under a client-made UUID. */
export const SaveReflection = z.object({
  activity: Iri,
  visibility: Visibility,
  answers: z.array(Answer).check(z.minLength(1), z.maxLength(REFLECTION_PROMPTS_MAX)),
});
export type SaveReflection = z.infer<typeof SaveReflection>;

export const Reflection = z.object({
  id: z.uuid(),
  activity: Iri,
  author: PersonSummary,
  visibility: Visibility,
  answers: z.array(Answer),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Reflection = z.infer<typeof Reflection>;
export const ReflectionPage = pageOf(Reflection);
export const ReflectionsQuery = z.object({
  activity: Iri,
  scope: z.optional(ReflectionScope),
  cursor: Cursor,
  limit: Limit,
});
export type ReflectionsQuery = z.input<typeof ReflectionsQuery>;

// ---------------------------------------------------------------------------------------
// Kudos

/** A recognition value: lower-case words and dashes, as in `values="helpful,clear"`. */
export const KudosValue = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));

/** The kudos state of one activity, as `GET /kudos` answers it for each. */
export const KudosCount = z.object({
  activity: Iri,
  count: z.int().check(z.gte(0)),
  /** Whether the signed-in person gave kudos here. */
  mine: z.boolean(),
  /** The value the signed-in person chose, if any. */
  myValue: z.nullable(z.string()),
  /** Count per recognition value. */
  values: z.record(z.string(), z.int().check(z.gte(0))),
});
export type KudosCount = z.infer<typeof KudosCount>;
export const KudosCountList = z.object({ items: z.array(KudosCount) });

export const KudosQuery = z.object({
  activity: z.array(Iri).check(z.minLength(1), z.maxLength(KUDOS_BATCH_MAX)),
});

/** `POST /kudos` (send an `Idempotency-Key`); answers the new `KudosCount`. */
export const GiveKudos = z.object({
  activity: Iri,
  /** The person thanked. */
  recipient: z.optional(Id),
  value: z.optional(KudosValue),
  message: z.optional(Text(KUDOS_MESSAGE_MAX)),
});
export type GiveKudos = z.infer<typeof GiveKudos>;

/** One entry of `GET /kudos/givers?activity=`. */
export const KudosGiver = z.object({
  person: PersonSummary,
  value: z.nullable(z.string()),
  message: z.nullable(z.string()),
  createdAt: Timestamp,
});
export type KudosGiver = z.infer<typeof KudosGiver>;
export const KudosGiverPage = pageOf(KudosGiver);
export const KudosGiversQuery = z.object({ activity: Iri, cursor: Cursor, limit: Limit });

// ---------------------------------------------------------------------------------------
// Demo sign-in (reference server in demo mode only)

export const DemoPerson = z.object({
  id: Id,
  name: z.string(),
  title: z.optional(z.string()),
  team: z.optional(z.string()),
  roles: z.array(z.string()),
});
export type DemoPerson = z.infer<typeof DemoPerson>;
export const DemoPeople = z.object({ items: z.array(DemoPerson) });
export const DemoSessionRequest = z.object({ personId: Id });
export const DemoSession = z.object({ token: z.string() });

// ---------------------------------------------------------------------------------------
// xAPI (1.0.3): the statement shape the kit sends. The reference LRS validates the wider
// specification itself; these schemas describe what Peerkit produces.

export const LanguageMap = z.record(z.string(), z.string());
export const Account = z.object({ homePage: z.url(), name: z.string().check(z.minLength(1)) });
export const Agent = z.object({
  objectType: z.optional(z.literal('Agent')),
  name: z.optional(z.string()),
  mbox: z.optional(z.string().check(z.regex(/^mailto:[^\s@]+@[^\s@]+$/))),
  account: z.optional(Account),
});
export type Agent = z.infer<typeof Agent>;
export const Verb = z.object({ id: Iri, display: z.optional(LanguageMap) });
export type Verb = z.infer<typeof Verb>;
export const Activity = z.object({
  objectType: z.optional(z.literal('Activity')),
  id: Iri,
  definition: z.optional(
    z.object({
      name: z.optional(LanguageMap),
      description: z.optional(LanguageMap),
      type: z.optional(Iri),
      extensions: z.optional(z.record(Iri, z.unknown())),
    }),
  ),
});
export type Activity = z.infer<typeof Activity>;
export const StatementResult = z.object({
  response: z.optional(z.string()),
  success: z.optional(z.boolean()),
  completion: z.optional(z.boolean()),
  extensions: z.optional(z.record(Iri, z.unknown())),
});
export const StatementContext = z.object({
  registration: z.optional(z.uuid()),
  contextActivities: z.optional(
    z.object({
      parent: z.optional(z.array(Activity)),
      grouping: z.optional(z.array(Activity)),
      category: z.optional(z.array(Activity)),
      other: z.optional(z.array(Activity)),
    }),
  ),
  platform: z.optional(z.string()),
  language: z.optional(z.string()),
  extensions: z.optional(z.record(Iri, z.unknown())),
});
export const Statement = z.object({
  id: z.uuid(),
  actor: Agent,
  verb: Verb,
  object: Activity,
  result: z.optional(StatementResult),
  context: z.optional(StatementContext),
  timestamp: Timestamp,
  version: z.optional(z.string()),
});
export type Statement = z.infer<typeof Statement>;
