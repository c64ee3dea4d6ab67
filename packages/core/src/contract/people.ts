/** The contract for people: `/me`, `/people`, `/skills`, endorsements and `/me/profile`. */
import * as z from 'zod/mini';
import {
  AVAILABILITY_MAX,
  PROFILE_LIST_MAX,
  SEARCH_MAX,
  SKILL_FILTERS_MAX,
  SKILL_MAX,
} from '../limits.js';
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

/**
 * Whether a person can be reached now, as they set it in their profile (`unknown` until they
 * do). Not derived from presence or calendars: the server knows only what the person says.
 */
export const Availability = /* @__PURE__ */ z.enum(['available', 'busy', 'away', 'unknown']);
export type Availability = z.infer<typeof Availability>;

/**
 * Why a person is shown for a query (docs/decisions.md §12): machine-readable, localised by
 * the widget, never free text. `count` is a number of endorsements, kudos, replies, accepted
 * answers or threads as the kind says; `skill` is spelled as the skill vocabulary spells it.
 */
export const KnownExpertReason = /* @__PURE__ */ z.discriminatedUnion('kind', [
  /** Lists this skill (asked in `skill=`, or matching `q`) at this level (1–5). */
  z.object({ kind: z.literal('skill'), skill: z.string(), level: SkillLevel }),
  /** Colleagues endorsed them: for `skill`, or across all their skills when absent. */
  z.object({ kind: z.literal('endorsed'), count: count(), skill: z.optional(z.string()) }),
  /** Kudos received on their posts; with `skill`, those given in threads tagged with it. */
  z.object({ kind: z.literal('thanked'), count: count(), skill: z.optional(z.string()) }),
  /** Their visible replies in this `activity`'s thread. */
  z.object({ kind: z.literal('answered-here'), count: count() }),
  /** Their accepted answers (Q&A); with `skill` when in threads tagged with it. */
  z.object({ kind: z.literal('accepted'), count: count(), skill: z.optional(z.string()) }),
  /** Lists a skill this activity's posts are tagged with (decisions §11). */
  z.object({ kind: z.literal('activity-skill'), skill: z.string() }),
  /** Among the organisation's most thanked helpers: kudos received on their posts. */
  z.object({ kind: z.literal('top-helper'), count: count() }),
  /** Open to mentoring. */
  z.object({ kind: z.literal('mentor') }),
]);
export type ExpertReason = z.infer<typeof KnownExpertReason>;
export type ExpertReasonKind = ExpertReason['kind'];

const REASON_KINDS: ReadonlySet<string> = /* @__PURE__ */ new Set<ExpertReasonKind>([
  'skill',
  'endorsed',
  'thanked',
  'answered-here',
  'accepted',
  'activity-skill',
  'top-helper',
  'mentor',
]);

/**
 * The reasons of one expert, strongest first. Forward compatible: a reason of a kind this
 * version does not know (a newer server) is dropped when read, not an error.
 */
export const ExpertReasons = /* @__PURE__ */ z.pipe(
  z.pipe(
    z.array(z.looseObject({ kind: z.string() })),
    z.transform((list) => list.filter((r) => REASON_KINDS.has(r.kind))),
  ),
  z.array(KnownExpertReason),
);

/** A skill as a result card shows it. */
export const ExpertSkill = /* @__PURE__ */ z.object({
  name: z.string(),
  level: SkillLevel,
  endorsements: count(),
  /** Whether the signed-in person endorsed this skill (false when nobody is signed in). */
  endorsedByMe: z.boolean(),
});
export type ExpertSkill = z.infer<typeof ExpertSkill>;

/** One entry of `GET /people` (and `GET /people/{id}`): a colleague ranked for a query. */
export const Expert = /* @__PURE__ */ z.object({
  id: Id,
  name: z.string(),
  title: z.optional(z.string()),
  team: z.optional(z.string()),
  /**
   * Their work email, for the expert finder's `contact` template (`{email}`): sent to
   * signed-in colleagues only, never to an anonymous reader; absent when unknown.
   */
  email: z.optional(z.string()),
  /** Highest level first, then by name. */
  skills: z.array(ExpertSkill),
  askMeAbout: z.array(z.string()),
  mentor: z.boolean(),
  availability: Availability,
  /** Times their posts were thanked (kudos given on their posts or to them directly). */
  kudosReceived: count(),
  /** Relevance to the query (the formula: the server README, "Ranking"); higher first. */
  score: z.number(),
  /** Why they are shown, strongest first (decisions §12). */
  reasons: ExpertReasons,
});
export type Expert = z.infer<typeof Expert>;
/**
 * A page of people. `totalRelation` (as Elasticsearch's `hits.total.relation`): absent or
 * `eq`, `total` is exact; `gte`, it is a lower bound (a free-text search counts exactly up
 * to 100 matches; docs/decisions.md §12), e.g. shown as "100+ people found".
 */
export const ExpertPage = /* @__PURE__ */ z.extend(pageOf(Expert), {
  totalRelation: z.optional(z.enum(['eq', 'gte'])),
});
export type ExpertPage = z.infer<typeof ExpertPage>;

/**
 * `GET /people`: `q` free text (names, titles, teams, "ask me about" topics, skill names);
 * `skill` repeatable (`?skill=SQL&skill=Python`): people who list every one (AND, case-
 * insensitive); `activity` ranks people who helped there higher and, with neither `q` nor
 * `skill`, answers its recommendations (helpers there, then people with its tagged skills,
 * then the most thanked helpers). People who are not listed are never returned.
 */
export const PeopleQuery = /* @__PURE__ */ z.object({
  q: z.optional(Text(SEARCH_MAX)),
  skill: z.optional(z.array(Text(SKILL_MAX)).check(z.maxLength(SKILL_FILTERS_MAX))),
  activity: z.optional(Iri),
  cursor: Cursor,
  limit: Limit,
});
export type PeopleQuery = z.input<typeof PeopleQuery>;

/**
 * `GET /people/{id}`: one person's card (the person card of decisions §9); `activity` gives
 * the reasons for that activity. 404 when the person is not listed (except to themselves).
 */
export const PersonQuery = /* @__PURE__ */ z.object({ activity: z.optional(Iri) });
export type PersonQuery = z.input<typeof PersonQuery>;

export const SkillsQuery = /* @__PURE__ */ z.object({
  q: z.optional(Text(SKILL_MAX)),
  limit: Limit,
});
export const SkillSuggestion = /* @__PURE__ */ z.object({ name: z.string(), people: count() });
export type SkillSuggestion = z.infer<typeof SkillSuggestion>;
export const SkillList = /* @__PURE__ */ z.object({ items: z.array(SkillSuggestion) });

/**
 * `POST /people/{id}/endorsements`: one endorsement per person, skill and endorser (201 when
 * new, 200 when it already existed); never of oneself (403); the person must list the skill
 * (404).
 */
export const CreateEndorsement = /* @__PURE__ */ z.object({ skill: NonEmptyText(SKILL_MAX) });
export type CreateEndorsement = z.infer<typeof CreateEndorsement>;
/**
 * `DELETE /people/{id}/endorsements?skill=`: withdraws the caller's endorsement. Idempotent:
 * withdrawing one that is not there answers 200 with the count as it is.
 */
export const WithdrawEndorsementQuery = /* @__PURE__ */ z.object({
  skill: NonEmptyText(SKILL_MAX),
});
/** The answer of an endorsement or its withdrawal: the skill's endorsements now. */
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
  /** Whether they can be reached now; `unknown` until they say. */
  availability: Availability,
  /** A short free-text note on when they are reachable ("Tuesdays"), or `null`. */
  availabilityNote: z.nullable(z.string()),
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
  availability: z.optional(Availability),
  availabilityNote: z.optional(z.nullable(Text(AVAILABILITY_MAX))),
  listed: z.optional(z.boolean()),
});
export type UpdateProfile = z.infer<typeof UpdateProfile>;
