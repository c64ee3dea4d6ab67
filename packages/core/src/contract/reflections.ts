/** The contract for reflections. */
import * as z from 'zod/mini';
import { PersonSummary } from './people.js';
import { REFLECTION_ANSWER_MAX, REFLECTION_PROMPT_MAX, REFLECTION_PROMPTS_MAX } from '../limits.js';
import {
  Cursor,
  Iri,
  Limit,
  NonEmptyText,
  Text,
  Timestamp,
  Uuid,
  pageOf,
  version,
} from './base.js';

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
