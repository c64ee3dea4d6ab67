/** The contract for posts, reports and the live stream. */
import * as z from 'zod/mini';
import { PersonSummary } from './people.js';
import { POST_BODY_MAX, POST_TAGS_MAX, REPORT_NOTE_MAX, SKILL_MAX } from '../limits.js';
import { PostBodyTree } from '../markdown/schema.js';
import {
  Cursor,
  EventId,
  Id,
  Iri,
  Limit,
  NonEmptyText,
  Text,
  Timestamp,
  count,
  pageOf,
  version,
} from './base.js';

// ---------------------------------------------------------------------------------------
// Posts

// Parsed Markdown (`Post.bodyTree`): `markdown/schema.ts`, beside the parser it checks.
export { MarkdownNode, PostBodyTree } from '../markdown/schema.js';

/**
 * The order of root posts: `oldest`, `newest`, `top` (most kudos first, then newest), or
 * `unanswered` (questions without an accepted answer first, then the answered; newest first
 * within each; docs/decisions.md §18).
 */
export const PostSort = /* @__PURE__ */ z.enum(['oldest', 'newest', 'top', 'unanswered']);
export type PostSort = z.infer<typeof PostSort>;

/**
 * What the server keeps of a root post taken as a question (docs/decisions.md §18), whatever
 * mode a widget shows the thread in: when it was asked, first answered (the first direct
 * reply by someone other than its author) and first answered acceptably (the first time an
 * answer was accepted), and whether an accepted answer stands now.
 */
export const QuestionState = /* @__PURE__ */ z.object({
  askedAt: Timestamp,
  /** `null` while no one else has replied directly. */
  firstAnsweredAt: z.nullable(Timestamp),
  /** `null` until an answer is first accepted; kept if every answer is unaccepted later. */
  acceptedAt: z.nullable(Timestamp),
  /** Whether one of its direct replies is an accepted answer now (`false`: the question is open). */
  accepted: z.boolean(),
});
export type QuestionState = z.infer<typeof QuestionState>;

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
  /**
   * Skill tags (docs/decisions.md §11): names from the vocabulary of `GET /skills`, in the
   * vocabulary's spelling when the skill exists there, in the order written; empty when
   * none (and when deleted or hidden). The reference server always sends it; a host's own
   * backend (or `PeerClient`) may leave it out, which reads as no tags.
   */
  tags: z.optional(z.array(z.string())),
  /**
   * The people the body mentions (`[@Name](mention:<id>)` links, docs/decisions.md §10) whom
   * the server knows, with their current names, in the order first written; empty when
   * none, deleted or hidden. Optional like `tags`.
   */
  mentions: z.optional(z.array(PersonSummary)),
  /** On a root post: its question state (docs/decisions.md §18). */
  question: z.optional(QuestionState),
  /**
   * On a direct reply: accepted as an answer by the question's author or a moderator
   * (several may be); listed first under its question.
   */
  accepted: z.optional(z.boolean()),
  /** Highlighted by a moderator ("recognised by the community team"). */
  highlighted: z.optional(z.boolean()),
});
export type Post = z.infer<typeof Post>;
/**
 * A page of a thread. `open` counts the thread's questions still open (readable root posts
 * without an accepted answer), whatever `filter` or `tag` narrowed the page to; the reference
 * server always sends it. `eventId` ({@link EventId}) is the thread's stream position the page
 * was read at: `GET /posts/stream` with it as `Last-Event-ID` sends every event the page may
 * not show (docs/decisions.md §22).
 */
export const PostPage = /* @__PURE__ */ z.extend(pageOf(Post), {
  open: z.optional(count()),
  eventId: z.optional(EventId),
});
export type PostPage = z.infer<typeof PostPage>;

export const PostFilter = /* @__PURE__ */ z.enum(['unanswered', 'answered', 'mine', 'highlighted']);
export type PostFilter = z.infer<typeof PostFilter>;

export const PostsQuery = /* @__PURE__ */ z.object({
  activity: Iri,
  sort: z.optional(PostSort),
  cursor: Cursor,
  /** Root posts per page. */
  limit: Limit,
  /**
   * Only the root posts whose tree holds a readable post tagged with this skill
   * (case-insensitive), each still with all its replies; `total` counts those trees' posts.
   */
  tag: z.optional(NonEmptyText(SKILL_MAX)),
  /**
   * Narrows the roots (docs/decisions.md §18): `unanswered` (no accepted answer), `answered`
   * (an accepted answer), `mine` (the caller's own root posts; needs a signed-in person), or
   * `highlighted` (roots whose tree holds a highlighted readable post).
   */
  filter: z.optional(PostFilter),
});
export type PostsQuery = z.input<typeof PostsQuery>;

/**
 * Skill tags a write sets (docs/decisions.md §11): at most {@link POST_TAGS_MAX}, each a
 * non-blank skill name of at most SKILL_MAX characters (code points). Compared
 * case-insensitively: duplicates count once, and a name the vocabulary (`GET /skills`)
 * holds is stored with the vocabulary's spelling.
 */
export const PostTags = /* @__PURE__ */ z
  .array(NonEmptyText(SKILL_MAX))
  .check(z.maxLength(POST_TAGS_MAX));

/** `POST /posts` (send an `Idempotency-Key`). */
export const CreatePost = /* @__PURE__ */ z.object({
  activity: Iri,
  parentId: z.optional(Id),
  body: NonEmptyText(POST_BODY_MAX),
  tags: z.optional(PostTags),
});
export type CreatePost = z.infer<typeof CreatePost>;

/**
 * `PATCH /posts/{id}`: the fields given change (at least one). A new `body` sets `editedAt`;
 * `tags` replaces the post's tags (`[]` removes them).
 */
export const UpdatePost = /* @__PURE__ */ z
  .object({ body: z.optional(NonEmptyText(POST_BODY_MAX)), tags: z.optional(PostTags) })
  .check(
    z.refine((u) => u.body !== undefined || u.tags !== undefined, {
      message: 'send a body, tags, or both',
    }),
  );
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
