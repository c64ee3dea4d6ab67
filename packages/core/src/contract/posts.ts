/** The contract for posts, reports and the live stream. */
import * as z from 'zod/mini';
import { PersonSummary } from './people.js';
import { POST_BODY_MAX, REPORT_NOTE_MAX } from '../limits.js';
import { PostBodyTree } from '../markdown/schema.js';
import {
  Cursor,
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
