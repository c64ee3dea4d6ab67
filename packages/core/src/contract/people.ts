/** The contract for people: `/me`, `/people`, `/skills`, endorsements and `/me/profile`. */
import * as z from 'zod/mini';
import { AVAILABILITY_MAX, PROFILE_LIST_MAX, SEARCH_MAX, SKILL_MAX } from '../limits.js';
import { Cursor, Id, Iri, Limit, NonEmptyText, Text, count, pageOf, version } from './base.js';

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
