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
 *   and `depth`, so one request draws a page of threads. `total` counts the posts of the
 *   thread a reader can read: neither deleted placeholders nor hidden posts (docs/decisions.md §3).
 * - Text limits (`maxLength`) count Unicode code points, as JSON Schema does (`limits.ts`,
 *   `textLength`).
 * - A post, a reflection and a profile carry `version`; writes that replace them accept
 *   `If-Match: "<version>"` and answer 412 with the `current` resource on a mismatch.
 * - `GET /kudos/givers?activity=` lists who gave kudos to one activity, on demand.
 * - `GET /me` answers 401 when nobody is signed in; the client turns that into `null`.
 */
import * as z from 'zod/mini';
import {
  AVAILABILITY_MAX,
  IRI_MAX,
  KUDOS_BATCH_MAX,
  KUDOS_MESSAGE_MAX,
  KUDOS_QUERY_MAX,
  KUDOS_VALUE_PATTERN,
  LIMIT_MAX,
  POST_BODY_MAX,
  PROFILE_LIST_MAX,
  REFLECTION_ANSWER_MAX,
  REFLECTION_PROMPT_MAX,
  REFLECTION_PROMPTS_MAX,
  REPORT_NOTE_MAX,
  SEARCH_MAX,
  SKILL_MAX,
  textLength,
} from './limits.js';
import { PostBodyTree } from './markdown/schema.js';

// zod probes for `eval` to compile a fast path; on a page whose CSP forbids it the probe
// reports a violation. Jitless skips the probe (see TOOLCHAIN.md, "Strict host pages").
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------
// Limits and patterns: plain values in `limits.ts` (no zod), so a widget's first paint can use
// them without this module; the schemas below are built from them.

export * from './limits.js';

// ---------------------------------------------------------------------------------------
// Building blocks

/**
 * At most `max` characters, counted in Unicode code points with `textLength` (the widgets'
 * counters use the same function). It states `maxLength: max` in the JSON Schema, which
 * counts code points too, so the OpenAPI document says the same limit in the same unit.
 */
/* @__NO_SIDE_EFFECTS__ */
function maxChars(max: number): z.core.$ZodCheck<string> {
  const check: z.core.$ZodCheck<string> = z.check<string>((payload) => {
    if (textLength(payload.value) <= max) return;
    payload.issues.push({
      code: 'too_big',
      origin: 'string',
      maximum: max,
      inclusive: true,
      input: payload.value,
      inst: check,
      continue: true,
    });
  });
  check._zod.onattach.push((schema) => {
    const bag = schema._zod.bag as { maximum?: number };
    if (bag.maximum === undefined || max < bag.maximum) bag.maximum = max;
  });
  return check;
}

const IRI_PATTERN = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;

/** An absolute IRI: a scheme, a colon, and no white space. */
export const Iri = /* @__PURE__ */ z.string().check(maxChars(IRI_MAX), z.regex(IRI_PATTERN));
/** A server-made identifier. */
export const Id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
// Formats as plain patterns rather than `z.iso.datetime()`, `z.uuid()` and `z.url()`: the
// same acceptance and the same JSON Schema (`format` and zod's own `pattern`), without the code zod uses
// to build those patterns from options (see README, "Size").

/**
 * RFC 3339 date-time with `Z` or a `±hh:mm` offset, seconds required, any fraction, real
 * calendar dates (leap days too): what `z.iso.datetime({ offset: true })` accepts.
 */
const DATE_TIME_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;
/** An RFC 9562 UUID (versions 1–8, the nil and the max UUID): what `z.uuid()` accepts. */
const UUID_PATTERN =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

/** An RFC 3339 timestamp with offset. */
export const Timestamp = /* @__PURE__ */ z.stringFormat('date-time', DATE_TIME_PATTERN);
/** A UUID, as statement and reflection ids are. */
export const Uuid = /* @__PURE__ */ z.stringFormat('uuid', UUID_PATTERN);
/** An absolute URL, as `new URL()` parses it (surrounding white space allowed). */
const Url = /* @__PURE__ */ z.stringFormat('uri', (s) => {
  try {
    new URL(s.trim());
    return true;
  } catch {
    return false;
  }
});
/** Text of at most `max` characters (code points). */
/* @__NO_SIDE_EFFECTS__ */
const Text = (max: number) => z.string().check(maxChars(max));
/** Text of at most `max` characters (code points), not only white space. */
/* @__NO_SIDE_EFFECTS__ */
const NonEmptyText = (max: number) =>
  z.string().check(
    maxChars(max),
    z.refine((s) => s.trim().length > 0, 'must not be blank'),
  );
/** A version: 1 when made, +1 on every change (sent back in `If-Match`). */
/* @__NO_SIDE_EFFECTS__ */
const version = () => z.int().check(z.gte(1));
const Limit = /* @__PURE__ */ z.optional(
  /* @__PURE__ */ z.coerce.number().check(z.int(), z.gte(1), z.lte(LIMIT_MAX)),
);
const Cursor = /* @__PURE__ */ z.optional(
  /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(500)),
);

/** A count: an integer ≥ 0. */
/* @__NO_SIDE_EFFECTS__ */
const count = () => z.int().check(z.gte(0));

/** A list page: `items`, an opaque `nextCursor` (null on the last page) and a `total`. */
export const pageOf = /* @__NO_SIDE_EFFECTS__ */ <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: count(),
  });
export type Page<T> = { items: T[]; nextCursor: string | null; total: number };

/** RFC 9457 problem details, as every error answers. */
export const Problem = /* @__PURE__ */ z.looseObject({
  type: z.optional(z.string()),
  title: z.string(),
  status: /* @__PURE__ */ z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** Field errors for a 400: where (a dotted path) and what. */
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof Problem>;

// ---------------------------------------------------------------------------------------
// People

export const Role = /* @__PURE__ */ z.enum(['member', 'moderator']);
export type Role = z.infer<typeof Role>;

/** What every post, kudos and reflection says about a person. */
export const PersonSummary = /* @__PURE__ */ z.object({
  id: Id,
  name: z.string(),
  title: z.optional(z.string()),
  team: z.optional(z.string()),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/** `GET /me`: the signed-in person. */
export const Me = /* @__PURE__ */ z.object({
  id: Id,
  name: z.string(),
  email: z.optional(z.string()),
  title: z.optional(z.string()),
  team: z.optional(z.string()),
  roles: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

export const SkillLevel = /* @__PURE__ */ z.int().check(z.gte(1), z.lte(5));

/** One entry of `GET /people`: a colleague ranked for a query. */
export const Expert = /* @__PURE__ */ z.object({
  id: Id,
  name: z.string(),
  title: z.optional(z.string()),
  team: z.optional(z.string()),
  skills: z.array(
    z.object({
      name: z.string(),
      level: SkillLevel,
      endorsements: count(),
      /** Whether the signed-in person endorsed this skill. */
      endorsedByMe: z.boolean(),
    }),
  ),
  askMeAbout: z.array(z.string()),
  mentor: z.boolean(),
  /** Times their posts were thanked. */
  kudosReceived: count(),
  /** Relevance to the query; higher first. */
  score: z.number(),
});
export type Expert = z.infer<typeof Expert>;
export const ExpertPage = pageOf(Expert);

export const PeopleQuery = /* @__PURE__ */ z.object({
  q: z.optional(Text(SEARCH_MAX)),
  skill: z.optional(Text(SKILL_MAX)),
  activity: z.optional(Iri),
  cursor: Cursor,
  limit: Limit,
});
export type PeopleQuery = z.input<typeof PeopleQuery>;

export const SkillsQuery = /* @__PURE__ */ z.object({
  q: z.optional(Text(SKILL_MAX)),
  limit: Limit,
});
export const SkillSuggestion = /* @__PURE__ */ z.object({ name: z.string(), people: count() });
export type SkillSuggestion = z.infer<typeof SkillSuggestion>;
export const SkillList = /* @__PURE__ */ z.object({ items: z.array(SkillSuggestion) });

/** `POST /people/{id}/endorsements` */
export const CreateEndorsement = /* @__PURE__ */ z.object({ skill: NonEmptyText(SKILL_MAX) });
export type CreateEndorsement = z.infer<typeof CreateEndorsement>;
export const Endorsement = /* @__PURE__ */ z.object({
  personId: Id,
  skill: z.string(),
  endorsements: count(),
});
export type Endorsement = z.infer<typeof Endorsement>;

const ProfileList = /* @__PURE__ */ z
  .array(NonEmptyText(SKILL_MAX))
  .check(z.maxLength(PROFILE_LIST_MAX));

/** `GET /me/profile`: what the signed-in person says about themselves to the expert finder. */
export const Profile = /* @__PURE__ */ z.object({
  /** Topics colleagues may ask about. */
  askMeAbout: z.array(z.string()),
  /** Skills the person wants to learn. */
  wantsToLearn: z.array(z.string()),
  /** Open to mentoring. */
  mentor: z.boolean(),
  /** A short note on when they are reachable, or `null`. */
  availability: z.nullable(z.string()),
  /** Shown in `GET /people` results. */
  listed: z.boolean(),
  /** 1 until the first change, +1 on every change; `ETag: "<version>"`. */
  version: version(),
});
export type Profile = z.infer<typeof Profile>;

/** `PATCH /me/profile`: the fields to change (send `If-Match` with the version it started from). */
export const UpdateProfile = /* @__PURE__ */ z.object({
  askMeAbout: z.optional(ProfileList),
  wantsToLearn: z.optional(ProfileList),
  mentor: z.optional(z.boolean()),
  availability: z.optional(z.nullable(Text(AVAILABILITY_MAX))),
  listed: z.optional(z.boolean()),
});
export type UpdateProfile = z.infer<typeof UpdateProfile>;

// ---------------------------------------------------------------------------------------
// Posts

// Parsed Markdown (`Post.bodyTree`): `markdown/schema.ts`, beside the parser it checks.
export { MarkdownNode, PostBodyTree } from './markdown/schema.js';

export const PostSort = /* @__PURE__ */ z.enum(['oldest', 'newest', 'top']);
export type PostSort = z.infer<typeof PostSort>;

export const Post = /* @__PURE__ */ z.object({
  id: Id,
  activity: Iri,
  /** `null` for a root post. */
  parentId: z.nullable(Id),
  /** 0 for a root post, 1 for its replies, and so on. */
  depth: count(),
  /** `null` once deleted (the post stays as a placeholder while it has replies). */
  author: z.nullable(PersonSummary),
  /** Markdown, exactly as written; empty once deleted or hidden. */
  body: z.string(),
  /**
   * `body` already parsed (`markdownToTree`), so a reader needs no Markdown parser; a host's
   * own backend may leave it out, and the widget then parses `body` itself.
   */
  bodyTree: z.optional(PostBodyTree),
  /** 1 when posted, +1 on every change of its body or state; `ETag: "<version>"`. */
  version: version(),
  createdAt: Timestamp,
  /** Set when the body was edited. */
  editedAt: z.nullable(Timestamp),
  deleted: z.boolean(),
  /** Hidden by a moderator: shown as a placeholder to everyone but moderators. */
  hidden: z.boolean(),
  replyCount: count(),
  kudos: count(),
});
export type Post = z.infer<typeof Post>;
export const PostPage = pageOf(Post);
export type PostPage = z.infer<typeof PostPage>;

export const PostsQuery = /* @__PURE__ */ z.object({
  activity: Iri,
  sort: z.optional(PostSort),
  cursor: Cursor,
  /** Root posts per page. */
  limit: Limit,
});
export type PostsQuery = z.input<typeof PostsQuery>;

/** `POST /posts` (send an `Idempotency-Key`). */
export const CreatePost = /* @__PURE__ */ z.object({
  activity: Iri,
  parentId: z.optional(Id),
  body: NonEmptyText(POST_BODY_MAX),
});
export type CreatePost = z.infer<typeof CreatePost>;

/** `PATCH /posts/{id}` */
export const UpdatePost = /* @__PURE__ */ z.object({ body: NonEmptyText(POST_BODY_MAX) });
export type UpdatePost = z.infer<typeof UpdatePost>;

export const ReportReason = /* @__PURE__ */ z.enum(['spam', 'harassment', 'off-topic', 'other']);
export type ReportReason = z.infer<typeof ReportReason>;

/** `POST /posts/{id}/reports` (a note is required when the reason is `other`). */
export const CreateReport = /* @__PURE__ */ z
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

export const ReportStatus = /* @__PURE__ */ z.enum(['open', 'kept', 'hidden', 'deleted']);
export const Report = /* @__PURE__ */ z.object({
  id: Id,
  postId: Id,
  reason: ReportReason,
  note: z.nullable(z.string()),
  createdAt: Timestamp,
  status: ReportStatus,
});
export type Report = z.infer<typeof Report>;

/** An entry of the moderators' queue, `GET /reports`. */
export const ReportItem = /* @__PURE__ */ z.object({
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
export const ReportsQuery = /* @__PURE__ */ z.object({
  activity: z.optional(Iri),
  status: z.optional(ReportStatus),
  cursor: Cursor,
  limit: Limit,
});
export type ReportsQuery = z.input<typeof ReportsQuery>;

/** `POST /reports/{id}/resolve` */
export const ResolveReport = /* @__PURE__ */ z.object({
  action: /* @__PURE__ */ z.enum(['keep', 'hide', 'delete']),
});
export type ResolveReport = z.infer<typeof ResolveReport>;

/** One server-sent event of `GET /posts/stream?activity=` (the SSE `data`, as JSON). */
export const PostEvent = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.enum(['post.created', 'post.updated', 'post.deleted']),
  post: Post,
});
export type PostEvent = z.infer<typeof PostEvent>;

// ---------------------------------------------------------------------------------------
// Reflections

export const Visibility = /* @__PURE__ */ z.enum(['private', 'team', 'public']);
export type Visibility = z.infer<typeof Visibility>;
export const ReflectionScope = /* @__PURE__ */ z.enum(['mine', 'team', 'public']);
export type ReflectionScope = z.infer<typeof ReflectionScope>;

const Answer = /* @__PURE__ */ z.object({
  prompt: NonEmptyText(REFLECTION_PROMPT_MAX),
  answer: Text(REFLECTION_ANSWER_MAX),
});

/** `PUT /reflections/{id}`: an idempotent upsert under a client-made UUID. */
export const SaveReflection = /* @__PURE__ */ z.object({
  activity: Iri,
  visibility: Visibility,
  answers: /* @__PURE__ */ z
    .array(Answer)
    .check(z.minLength(1), z.maxLength(REFLECTION_PROMPTS_MAX)),
});
export type SaveReflection = z.infer<typeof SaveReflection>;

export const Reflection = /* @__PURE__ */ z.object({
  id: Uuid,
  activity: Iri,
  author: PersonSummary,
  visibility: Visibility,
  answers: z.array(Answer),
  /** 1 when first saved, +1 on every save; `ETag: "<version>"`. */
  version: version(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Reflection = z.infer<typeof Reflection>;
export const ReflectionPage = pageOf(Reflection);
export const ReflectionsQuery = /* @__PURE__ */ z.object({
  activity: Iri,
  scope: z.optional(ReflectionScope),
  cursor: Cursor,
  limit: Limit,
});
export type ReflectionsQuery = z.input<typeof ReflectionsQuery>;

// ---------------------------------------------------------------------------------------
// Kudos

/** A recognition value: lower-case words and dashes, as in `values="helpful,clear"` (`KUDOS_VALUE_PATTERN`). */
export const KudosValue = /* @__PURE__ */ z.string().check(z.regex(KUDOS_VALUE_PATTERN));

/** The kudos state of one activity, as `GET /kudos` answers it for each. */
export const KudosCount = /* @__PURE__ */ z.object({
  activity: Iri,
  count: count(),
  /** Whether the signed-in person gave kudos here. */
  mine: z.boolean(),
  /** The value the signed-in person chose, if any. */
  myValue: z.nullable(z.string()),
  /** Count per recognition value. */
  values: z.record(z.string(), count()),
});
export type KudosCount = z.infer<typeof KudosCount>;
export const KudosCountList = /* @__PURE__ */ z.object({ items: z.array(KudosCount) });

export const KudosQuery = /* @__PURE__ */ z.object({
  activity: /* @__PURE__ */ z.array(Iri).check(z.minLength(1), z.maxLength(KUDOS_BATCH_MAX)),
});

/**
 * `POST /kudos/query`: the same answer as `GET /kudos` (a `KudosCountList`) for a batch that
 * does not fit a safe URL. A safe, idempotent query: no `Idempotency-Key`, not rate-limited
 * as a write (docs/decisions.md §4).
 */
export const KudosQueryBody = /* @__PURE__ */ z.object({
  activity: /* @__PURE__ */ z.array(Iri).check(z.minLength(1), z.maxLength(KUDOS_QUERY_MAX)),
});
export type KudosQueryBody = z.infer<typeof KudosQueryBody>;

/** `POST /kudos` (send an `Idempotency-Key`); answers the new `KudosCount`. */
export const GiveKudos = /* @__PURE__ */ z.object({
  activity: Iri,
  /** The person thanked. */
  recipient: z.optional(Id),
  value: z.optional(KudosValue),
  message: z.optional(Text(KUDOS_MESSAGE_MAX)),
});
export type GiveKudos = z.infer<typeof GiveKudos>;

/** One entry of `GET /kudos/givers?activity=`. */
export const KudosGiver = /* @__PURE__ */ z.object({
  person: PersonSummary,
  value: z.nullable(z.string()),
  message: z.nullable(z.string()),
  createdAt: Timestamp,
});
export type KudosGiver = z.infer<typeof KudosGiver>;
export const KudosGiverPage = pageOf(KudosGiver);
export const KudosGiversQuery = /* @__PURE__ */ z.object({
  activity: Iri,
  cursor: Cursor,
  limit: Limit,
});

// ---------------------------------------------------------------------------------------
// Demo sign-in (reference server in demo mode only)

export const DemoPerson = /* @__PURE__ */ z.object({
  id: Id,
  name: z.string(),
  title: z.optional(z.string()),
  team: z.optional(z.string()),
  roles: z.array(z.string()),
});
export type DemoPerson = z.infer<typeof DemoPerson>;
export const DemoPeople = /* @__PURE__ */ z.object({ items: z.array(DemoPerson) });
export const DemoSessionRequest = /* @__PURE__ */ z.object({ personId: Id });
export const DemoSession = /* @__PURE__ */ z.object({ token: z.string() });

// ---------------------------------------------------------------------------------------
// xAPI (1.0.3): the statement shape the kit sends. The reference LRS validates the wider
// specification itself; these schemas describe what Peerkit produces.

export const LanguageMap = /* @__PURE__ */ z.record(z.string(), z.string());
export const Account = /* @__PURE__ */ z.object({
  homePage: Url,
  name: /* @__PURE__ */ z.string().check(z.minLength(1)),
});
export const Agent = /* @__PURE__ */ z.object({
  objectType: z.optional(z.literal('Agent')),
  name: z.optional(z.string()),
  mbox: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^mailto:[^\s@]+@[^\s@]+$/))),
  account: z.optional(Account),
});
export type Agent = z.infer<typeof Agent>;
export const Verb = /* @__PURE__ */ z.object({ id: Iri, display: z.optional(LanguageMap) });
export type Verb = z.infer<typeof Verb>;
export const Activity = /* @__PURE__ */ z.object({
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
export const StatementResult = /* @__PURE__ */ z.object({
  response: z.optional(z.string()),
  success: z.optional(z.boolean()),
  completion: z.optional(z.boolean()),
  extensions: z.optional(z.record(Iri, z.unknown())),
});
export const StatementContext = /* @__PURE__ */ z.object({
  registration: z.optional(Uuid),
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
export const Statement = /* @__PURE__ */ z.object({
  id: Uuid,
  actor: Agent,
  verb: Verb,
  object: Activity,
  result: z.optional(StatementResult),
  context: z.optional(StatementContext),
  timestamp: Timestamp,
  version: z.optional(z.string()),
});
export type Statement = z.infer<typeof Statement>;
