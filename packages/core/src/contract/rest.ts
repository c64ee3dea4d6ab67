/** The contract for demo sign-in and the xAPI statement shape the kit sends. */
import * as z from 'zod/mini';
import { Id, Iri, Timestamp, Uuid, Url } from './base.js';

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
