/**
 * The contract for reflections (docs/decisions.md §13).
 *
 * Two kinds share `GET /reflections` and `PUT /reflections/{id}`:
 * - a **personal** reflection: one author, each answer's text in `answer`;
 * - a **team** reflection (`team` set): one per team and activity at a time (`closed: false`),
 *   whose answers hold **entries**, each written by one member (`PUT
 *   /reflections/{id}/entries/{entryId}`), so two members typing at once never overwrite
 *   each other; `authors` lists everyone who wrote in it.
 */
import * as z from 'zod/mini';
import { PersonSummary } from './people.js';
import {
  REFLECTION_ANSWER_MAX,
  REFLECTION_PROMPT_MAX,
  REFLECTION_PROMPTS_MAX,
  TEAM_MAX,
} from '../limits.js';
import {
  Cursor,
  EventId,
  Iri,
  Limit,
  NonEmptyText,
  Text,
  Timestamp,
  Uuid,
  pageOf,
  version,
} from './base.js';
import { PROMPT_ID_PATTERN } from './lessons.js';

// ---------------------------------------------------------------------------------------
// Reflections

export const Visibility = /* @__PURE__ */ z.enum(['private', 'team', 'public']);
export type Visibility = z.infer<typeof Visibility>;
/**
 * `mine`: my personal reflections and the team reflections I started or wrote in (any
 * visibility; `activity` optional). `team`: shared with my team (team or public personal
 * reflections of my team's people, and my team's team reflections). `public`: public ones.
 * `shared`: `team` and `public` together, once each (what a reader of an activity may read
 * besides their own; without a credential, only the public ones).
 */
export const ReflectionScope = /* @__PURE__ */ z.enum(['mine', 'team', 'public', 'shared']);
export type ReflectionScope = z.infer<typeof ReflectionScope>;
export const ReflectionKind = /* @__PURE__ */ z.enum(['personal', 'team']);
export type ReflectionKind = z.infer<typeof ReflectionKind>;

/** A prompt's stable id (`achieved`, `differently`, `learned` for the default three). */
export const PromptId = /* @__PURE__ */ z.string().check(z.regex(PROMPT_ID_PATTERN));
/** A team's name, as `Me.team` and `PersonSummary.team` carry it. */
export const TeamName = /* @__PURE__ */ NonEmptyText(TEAM_MAX);

/** One prompt and its answer, as written. */
const SaveAnswer = /* @__PURE__ */ z.object({
  /** Required on a team reflection (entries name their prompt by it), distinct per reflection. */
  id: z.optional(PromptId),
  prompt: NonEmptyText(REFLECTION_PROMPT_MAX),
  /** On a team reflection always `''`: members write entries instead. */
  answer: Text(REFLECTION_ANSWER_MAX),
});

/** One member's addition to a team reflection's answer. */
export const ReflectionEntry = /* @__PURE__ */ z.object({
  /** A UUID the member's browser makes when it starts the entry (retries reuse it). */
  id: Uuid,
  /** The id of the answer (prompt) it belongs to. */
  prompt: PromptId,
  /** The member who wrote it; only they may change or delete it. */
  author: PersonSummary,
  text: Text(REFLECTION_ANSWER_MAX),
  /** 1 when first saved, +1 on every save; `ETag: "<version>"` of the entry's writes. */
  version: version(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ReflectionEntry = z.infer<typeof ReflectionEntry>;

/** One prompt and its answer, as read. */
export const ReflectionAnswer = /* @__PURE__ */ z.object({
  id: z.optional(PromptId),
  prompt: z.string(),
  answer: z.string(),
  /** Team reflections only: the members' entries for this prompt, oldest first. */
  entries: z.optional(z.array(ReflectionEntry)),
});
export type ReflectionAnswer = z.infer<typeof ReflectionAnswer>;

/**
 * `PUT /reflections/{id}`: an idempotent upsert under a client-made UUID.
 *
 * With `team` it makes or changes a team reflection: the caller must belong to `team`;
 * `visibility` is `team` or `public`; every answer has a distinct `id` and `answer: ''`;
 * once made, its team, activity and prompt ids (in order) stay (409 otherwise; prompt texts,
 * visibility and `closed` may change, by any member). Making one while the team has an open
 * one on the activity answers 409 with that one as `current`: adopt it.
 */
export const SaveReflection = /* @__PURE__ */ z.object({
  activity: Iri,
  visibility: Visibility,
  answers: /* @__PURE__ */ z
    .array(SaveAnswer)
    .check(z.minLength(1), z.maxLength(REFLECTION_PROMPTS_MAX)),
  team: z.optional(TeamName),
  /** Team reflections: a closed one takes no more entries (the team starts a new one). */
  closed: z.optional(z.boolean()),
});
export type SaveReflection = z.infer<typeof SaveReflection>;

/** `PUT /reflections/{id}/entries/{entryId}`: a member's own entry (upsert, `If-Match`). */
export const SaveReflectionEntry = /* @__PURE__ */ z.object({
  /** One of the reflection's answer ids. */
  prompt: PromptId,
  text: Text(REFLECTION_ANSWER_MAX),
});
export type SaveReflectionEntry = z.infer<typeof SaveReflectionEntry>;

export const Reflection = /* @__PURE__ */ z.object({
  id: Uuid,
  activity: Iri,
  /** A personal reflection's author; a team reflection's: who started it. */
  author: PersonSummary,
  visibility: Visibility,
  answers: z.array(ReflectionAnswer),
  /** Team reflections only: the team it belongs to. */
  team: z.optional(z.string()),
  /** Team reflections only: whether it takes no more entries. */
  closed: z.optional(z.boolean()),
  /** Team reflections only: everyone who wrote an entry, in the order they first wrote. */
  authors: z.optional(z.array(PersonSummary)),
  /**
   * 1 when first saved, +1 on every `PUT /reflections/{id}`; `ETag: "<version>"`. Entries
   * have their own versions and do not change it (a member's typing never makes another
   * member's change of visibility stale).
   */
  version: version(),
  createdAt: Timestamp,
  /** The last save of the reflection or of any of its entries. */
  updatedAt: Timestamp,
});
export type Reflection = z.infer<typeof Reflection>;
/**
 * A page of reflections. `eventId` ({@link EventId}) comes with a list of one team's
 * reflections on an activity (`team` and `activity` given): the position of that team's
 * stream (`GET /reflections/stream`) the page was read at, to send as its `Last-Event-ID`.
 */
export const ReflectionPage = /* @__PURE__ */ z.extend(pageOf(Reflection), {
  eventId: z.optional(EventId),
});
export type ReflectionPage = z.infer<typeof ReflectionPage>;

/**
 * `GET /reflections`: newest first. `activity` is required except with `scope=mine` (all my
 * reflections, for an export). `team` keeps only that team's team reflections (the caller
 * must belong to it); `kind` keeps one kind.
 */
export const ReflectionsQuery = /* @__PURE__ */ z.object({
  activity: z.optional(Iri),
  scope: z.optional(ReflectionScope),
  team: z.optional(TeamName),
  kind: z.optional(ReflectionKind),
  cursor: Cursor,
  limit: Limit,
});
export type ReflectionsQuery = z.input<typeof ReflectionsQuery>;

/** `GET /reflections/stream?activity=&team=`: live changes of a team's team reflections. */
export const ReflectionStreamQuery = /* @__PURE__ */ z.object({ activity: Iri, team: TeamName });
export type ReflectionStreamQuery = z.infer<typeof ReflectionStreamQuery>;

/**
 * One live change of a team's team reflections on an activity (an SSE `data:`):
 * `reflection.saved` (made, or its visibility, prompts or `closed` changed: the whole
 * reflection with its entries), `reflection.deleted`, `entry.saved` (a member's entry made or
 * changed), `entry.deleted`. Apply them by id and version: a reconnecting reader may get one
 * twice.
 */
export const ReflectionEvent = /* @__PURE__ */ z.discriminatedUnion('type', [
  z.object({ type: z.literal('reflection.saved'), reflection: Reflection }),
  z.object({ type: z.literal('reflection.deleted'), id: Uuid, activity: Iri, team: z.string() }),
  z.object({ type: z.literal('entry.saved'), reflectionId: Uuid, entry: ReflectionEntry }),
  z.object({
    type: z.literal('entry.deleted'),
    reflectionId: Uuid,
    entryId: Uuid,
    prompt: PromptId,
  }),
]);
export type ReflectionEvent = z.infer<typeof ReflectionEvent>;
