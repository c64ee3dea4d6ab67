/**
 * `GET /api/openapi.json`: the REST contract as OpenAPI 3.1, generated from the zod
 * schemas of `@peerkit/core` (JSON Schema 2020-12, which OpenAPI 3.1 uses), so hosts that
 * implement the contract in their own backend work from the same source as the server.
 */
import * as C from '@peerkit/core/contract';
import * as z from 'zod/mini';

type Json = Record<string, unknown>;

/**
 * Schemas that refer to themselves (a Markdown node holds nodes), by the name they get in
 * `components.schemas`; without a name zod would call them `__schema0` in each `$defs`.
 */
const NAMED = /* @__PURE__ */ z.registry<{ id: string }>();
NAMED.add(C.MarkdownNode, { id: 'MarkdownNode' });

const schema = (s: z.ZodMiniType, io: 'input' | 'output' = 'output'): Json => {
  const out = z.toJSONSchema(s, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    metadata: NAMED,
  }) as Json;
  delete out['$schema'];
  return out;
};

/**
 * A component's schema with its named `$defs` moved into `components.schemas` (`into`), so
 * every component refers to the one `MarkdownNode` there.
 */
function hoisted(s: z.ZodMiniType, into: Record<string, Json>): Json {
  const out = schema(s);
  const defs = (out['$defs'] ?? {}) as Record<string, Json>;
  delete out['$defs'];
  const moved = (j: Json): Json =>
    JSON.parse(JSON.stringify(j).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  for (const [name, def] of Object.entries(defs)) into[name] = moved(def);
  return moved(out);
}

const COMPONENTS: Record<string, z.ZodMiniType> = {
  Problem: C.Problem,
  Me: C.Me,
  Post: C.Post,
  PostPage: C.PostPage,
  CreatePost: C.CreatePost,
  UpdatePost: C.UpdatePost,
  PostEvent: C.PostEvent,
  CreateReport: C.CreateReport,
  Report: C.Report,
  ReportPage: C.ReportPage,
  ResolveReport: C.ResolveReport,
  ReportItem: C.ReportItem,
  Expert: C.Expert,
  ExpertPage: C.ExpertPage,
  SkillList: C.SkillList,
  CreateEndorsement: C.CreateEndorsement,
  Endorsement: C.Endorsement,
  ReflectionPage: C.ReflectionPage,
  SaveReflection: C.SaveReflection,
  Reflection: C.Reflection,
  ReflectionEntry: C.ReflectionEntry,
  SaveReflectionEntry: C.SaveReflectionEntry,
  ReflectionEvent: C.ReflectionEvent,
  KudosCountList: C.KudosCountList,
  KudosCount: C.KudosCount,
  GiveKudos: C.GiveKudos,
  KudosQueryBody: C.KudosQueryBody,
  Profile: C.Profile,
  UpdateProfile: C.UpdateProfile,
  KudosGiverPage: C.KudosGiverPage,
  DemoPeople: C.DemoPeople,
  DemoSessionRequest: C.DemoSessionRequest,
  DemoSession: C.DemoSession,
  Statement: C.Statement,
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const errors = {
  '400': problem('The request does not match the contract'),
  '401': problem('No valid credentials'),
  '403': problem('Not allowed'),
  '404': problem('Not found'),
  '413': problem('The body is too large'),
  '429': problem('Too many writes; see Retry-After'),
};

/** Query parameters from an object schema. */
function queryParams(s: z.ZodMiniObject, arrays: string[] = []) {
  const js = schema(s, 'input');
  const props = (js['properties'] ?? {}) as Record<string, Json>;
  const required = new Set((js['required'] ?? []) as string[]);
  return Object.entries(props).map(([name, p]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(arrays.includes(name) ? { style: 'form', explode: true } : {}),
    schema: p,
  }));
}

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'The same key from the same person replays the first answer.',
  schema: { type: 'string', maxLength: 200 },
};
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description:
    'The version the change starts from, as an entity tag ("3"). When the stored version differs the answer is 412 with the `current` resource. Left out: the write is unconditional.',
  schema: { type: 'string' },
};
/** Answers of a write that honours `If-Match`. */
const conditional = {
  '409': problem('The post was deleted (a placeholder stays)'),
  '412': problem(
    'The resource changed since the version in If-Match; `current` holds it as stored (when the caller may read it)',
  ),
};
const etagged = (name: string, description = 'OK') => ({
  ...ok(name, description),
  headers: { ETag: { description: 'The version, "<version>"', schema: { type: 'string' } } },
});
const body = (name: string) => ({ required: true, ...json(name) });
const ok = (name: string, description = 'OK') => ({ description, ...json(name) });

let cached: Json | undefined;

export function openApiDocument(): Json {
  if (cached) return cached;
  const schemas: Record<string, Json> = {};
  for (const [name, s] of Object.entries(COMPONENTS)) schemas[name] = hoisted(s, schemas);
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Peerkit REST contract',
      version: '0.1.0',
      description:
        'The API Peerkit widgets call, relative to the provider `endpoint` (the reference server mounts it under `/api`). Generated from the zod schemas in `@peerkit/core`. Every text limit (`maxLength`) counts Unicode code points (characters), as JSON Schema does: an emoji is one character, not two UTF-16 code units.',
    },
    servers: [{ url: '/api' }],
    security: [{ bearer: [] }],
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        lrsKey: { type: 'http', scheme: 'basic', description: 'The statements endpoint only.' },
      },
    },
    paths: {
      ...meAndPostPaths(),
      ...streamPeopleAndReflectionPaths(),
      ...kudosAndReportPaths(),
      ...teamReflectionPaths(),
      ...statementDemoAndHealthPaths(),
    },
  };
  return cached;
}

/** Paths /me … /posts/{id}/reports. */
function meAndPostPaths(): Json {
  return {
    '/me': {
      get: { summary: 'The signed-in person', responses: { '200': ok('Me'), ...errors } },
    },
    '/me/profile': {
      get: {
        summary: "The signed-in person's profile for the expert finder",
        responses: { '200': etagged('Profile'), ...errors },
      },
      patch: {
        summary: 'Change the fields given of my profile',
        parameters: [ifMatch],
        requestBody: body('UpdateProfile'),
        responses: { '200': etagged('Profile'), ...errors, '412': conditional['412'] },
      },
    },
    '/posts': {
      get: {
        summary: "A page of a thread's posts",
        parameters: queryParams(C.PostsQuery),
        responses: { '200': ok('PostPage'), ...errors },
      },
      post: {
        summary: 'New post or reply',
        parameters: [idempotencyKey],
        requestBody: body('CreatePost'),
        responses: { '201': etagged('Post', 'Created'), ...errors, '409': conditional['409'] },
      },
    },
    '/posts/{id}': {
      patch: {
        summary: 'Edit a post (author or moderator)',
        parameters: [idParam, idempotencyKey, ifMatch],
        requestBody: body('UpdatePost'),
        responses: { '200': etagged('Post'), ...errors, ...conditional },
      },
      delete: {
        summary: 'Delete a post (author or moderator)',
        parameters: [idParam, idempotencyKey],
        responses: {
          '200': etagged('Post', 'Deleted; the placeholder that stays because of replies'),
          '204': { description: 'Deleted' },
          ...errors,
          '409': conditional['409'],
        },
      },
    },
    '/posts/{id}/reports': {
      post: {
        summary: 'Report a post to moderators',
        parameters: [idParam, idempotencyKey],
        requestBody: body('CreateReport'),
        responses: {
          '201': ok('Report', 'Created'),
          '200': ok('Report', 'Updated'),
          ...errors,
          '409': conditional['409'],
        },
      },
    },
    ...qaPaths(),
  };
}

/** Paths /posts/{id}/acceptance and /posts/{id}/highlight (docs/decisions.md §18). */
function qaPaths(): Json {
  const write = (summary: string) => ({
    summary,
    parameters: [idParam, idempotencyKey],
    responses: { '200': etagged('Post'), ...errors, '409': conditional['409'] },
  });
  return {
    '/posts/{id}/acceptance': {
      put: write("Accept a direct reply as an answer (the question's author or a moderator)"),
      delete: write("Unaccept an answer (the question's author or a moderator)"),
    },
    '/posts/{id}/highlight': {
      put: write('Highlight a post (moderators)'),
      delete: write('Remove the highlight of a post (moderators)'),
    },
  };
}

/**
 * A stream's `Last-Event-ID`: the last event's id, or the `eventId` of the page read first
 * (snapshot and cursor, docs/decisions.md §22).
 */
const lastEventIdParam = (page: string): Json => ({
  name: 'Last-Event-ID',
  in: 'header',
  required: false,
  description: `The id of the last event received, or the eventId of the ${page} read before opening the stream ("0": the stream had no event yet): the events after it come first, so nothing written since is missed. Without it the stream starts now.`,
  schema: { type: 'string' },
});

/** Paths /posts/stream … /reflections/{id}. */
function streamPeopleAndReflectionPaths(): Json {
  return {
    '/posts/stream': {
      get: {
        summary: 'Server-sent events of a thread (data: PostEvent); resume with Last-Event-ID',
        parameters: [
          { name: 'activity', in: 'query', required: true, schema: { type: 'string' } },
          lastEventIdParam('PostPage'),
        ],
        responses: {
          '200': {
            description: 'An event stream; each event has an id and PostEvent JSON as data',
            content: { 'text/event-stream': { schema: ref('PostEvent') } },
          },
          ...errors,
        },
      },
    },
    ...peoplePaths(),
    '/reflections': {
      get: {
        summary: 'Reflections on an activity',
        parameters: queryParams(C.ReflectionsQuery),
        responses: { '200': ok('ReflectionPage'), ...errors },
      },
    },
    '/reflections/{id}': {
      put: {
        summary:
          'Save a reflection (idempotent upsert under a client-made UUID; with team, a team reflection)',
        parameters: [idParam, ifMatch],
        requestBody: body('SaveReflection'),
        responses: {
          '201': etagged('Reflection', 'Created'),
          '200': etagged('Reflection'),
          ...errors,
          '409': problem(
            'The team already has an open reflection on the activity (`current` holds it), or a team reflection’s team, activity or prompt ids would change',
          ),
          '412': conditional['412'],
        },
      },
      delete: {
        summary: 'Delete a reflection',
        parameters: [idParam, idempotencyKey],
        responses: { '204': { description: 'Deleted' }, ...errors },
      },
    },
  };
}

/** Paths /people … /skills: the expert finder. */
function peoplePaths(): Json {
  return {
    '/people': {
      get: {
        summary: 'Experts, ranked (with activity and no q or skill: its recommendations)',
        parameters: queryParams(C.PeopleQuery, ['skill']),
        responses: { '200': ok('ExpertPage'), ...errors },
      },
    },
    '/people/{id}': {
      get: {
        summary: "One person's card, with the reasons for an activity (404 when not listed)",
        parameters: [idParam, ...queryParams(C.PersonQuery)],
        responses: { '200': ok('Expert'), ...errors },
      },
    },
    '/people/{id}/endorsements': {
      post: {
        summary: "Endorse a colleague's skill",
        parameters: [idParam, idempotencyKey],
        requestBody: body('CreateEndorsement'),
        responses: {
          '201': ok('Endorsement', 'Created'),
          '200': ok('Endorsement', 'Already endorsed by the caller'),
          ...errors,
        },
      },
      delete: {
        summary:
          "Withdraw one's endorsement of a skill (idempotent: 200 with the count either way)",
        parameters: [idParam, ...queryParams(C.WithdrawEndorsementQuery), idempotencyKey],
        responses: { '200': ok('Endorsement'), ...errors },
      },
    },
    '/skills': {
      get: {
        summary: 'Skill suggestions',
        parameters: queryParams(C.SkillsQuery),
        responses: { '200': ok('SkillList'), ...errors },
      },
    },
  };
}

/** Paths /kudos … /reports/{id}/resolve. */
function kudosAndReportPaths(): Json {
  return {
    '/kudos': {
      get: {
        summary: 'Kudos counts for many activities',
        parameters: queryParams(C.KudosQuery, ['activity']),
        responses: { '200': ok('KudosCountList'), ...errors },
      },
      post: {
        summary: 'Give kudos',
        parameters: [idempotencyKey],
        requestBody: body('GiveKudos'),
        responses: {
          '201': ok('KudosCount', 'Given'),
          '200': ok('KudosCount', 'Changed'),
          ...errors,
        },
      },
      delete: {
        summary: 'Withdraw kudos',
        parameters: [
          { name: 'activity', in: 'query', required: true, schema: { type: 'string' } },
          idempotencyKey,
        ],
        responses: { '200': ok('KudosCount'), ...errors },
      },
    },
    '/kudos/query': {
      post: {
        summary:
          'Kudos counts for many activities (up to 2,000), for a batch too long for a URL: the answer of GET /kudos. A safe query: no Idempotency-Key, not rate-limited as a write.',
        requestBody: body('KudosQueryBody'),
        responses: { '200': ok('KudosCountList'), ...errors },
      },
    },
    '/kudos/givers': {
      get: {
        summary: 'Who gave kudos to an activity',
        parameters: queryParams(C.KudosGiversQuery),
        responses: { '200': ok('KudosGiverPage'), ...errors },
      },
    },
    '/reports': {
      get: {
        summary: "The moderators' queue",
        parameters: queryParams(C.ReportsQuery),
        responses: { '200': ok('ReportPage'), ...errors },
      },
    },
    '/reports/{id}/resolve': {
      post: {
        summary:
          "Keep, hide or delete the reported post (If-Match: the post's version as the moderator saw it)",
        parameters: [idParam, idempotencyKey, ifMatch],
        requestBody: body('ResolveReport'),
        responses: { '200': etagged('ReportItem'), ...errors, ...conditional },
      },
    },
  };
}

/**
 * The LRS's other resources (xAPI 1.0.3 Communication §2.3–2.8; the server README's "The
 * LRS" gives their rules): documents, Agents, Activities, About.
 */
function lrsPaths(): Json {
  const lrs = [{ lrsKey: [] }, { bearer: [] }];
  const document = (what: string) => ({
    get: {
      summary: `One ${what} document, or the ids of a set`,
      security: lrs,
      responses: {
        '200': { description: 'The document (with ETag) or an array of ids' },
        ...errors,
      },
    },
    put: {
      summary: `Store a ${what} document`,
      security: lrs,
      responses: {
        '204': { description: 'Stored' },
        '409': problem('Exists: send If-Match'),
        '412': problem('Precondition failed'),
        ...errors,
      },
    },
    post: {
      summary: `Store or merge (JSON) a ${what} document`,
      security: lrs,
      responses: {
        '204': { description: 'Stored' },
        '412': problem('Precondition failed'),
        ...errors,
      },
    },
    delete: {
      summary: `Delete a ${what} document (or a State set)`,
      security: lrs,
      responses: { '204': { description: 'Deleted' }, ...errors },
    },
  });
  return {
    '/xapi/activities/state': document('State'),
    '/xapi/activities/profile': document('Activity Profile'),
    '/xapi/agents/profile': document('Agent Profile'),
    '/xapi/agents': {
      get: {
        summary: 'The Person object of an Agent',
        security: lrs,
        responses: { '200': { description: 'A Person' }, ...errors },
      },
    },
    '/xapi/activities': {
      get: {
        summary: 'An Activity with its definition',
        security: lrs,
        responses: { '200': { description: 'An Activity' }, ...errors },
      },
    },
    '/xapi/about': {
      get: {
        summary: 'The xAPI versions of this LRS',
        security: [],
        responses: { '200': { description: 'version, extensions' } },
      },
    },
  };
}

/** Paths /xapi/statements … /health. */
function statementDemoAndHealthPaths(): Json {
  return {
    ...lrsPaths(),
    '/xapi/statements': {
      post: {
        summary: 'Store one statement or many (xAPI 1.0.3)',
        security: [{ bearer: [] }, { lrsKey: [] }],
        responses: {
          '200': { description: 'The ids stored' },
          '409': problem('Conflicting id'),
          ...errors,
        },
      },
      put: {
        summary: 'Store one statement under statementId',
        security: [{ bearer: [] }, { lrsKey: [] }],
        responses: {
          '204': { description: 'Stored' },
          '409': problem('Conflicting id'),
          ...errors,
        },
      },
      get: {
        summary: 'One statement, or a StatementResult with a more link',
        security: [{ bearer: [] }, { lrsKey: [] }],
        responses: { '200': { description: 'A statement or a StatementResult' }, ...errors },
      },
    },
    '/demo/people': {
      get: {
        summary: 'Demo people (demo mode)',
        security: [],
        responses: { '200': ok('DemoPeople'), ...errors },
      },
    },
    '/demo/session': {
      post: {
        summary: 'A token for a demo person (demo mode)',
        security: [],
        requestBody: body('DemoSessionRequest'),
        responses: { '200': ok('DemoSession'), ...errors },
      },
    },
    '/health': {
      get: {
        summary: 'Liveness and database check',
        security: [],
        responses: { '200': { description: 'OK' } },
      },
    },
  };
}

/** Paths of team reflections: their members' entries and their live stream (decisions §13). */
function teamReflectionPaths(): Json {
  const entryParam = { name: 'entryId', in: 'path', required: true, schema: { type: 'string' } };
  const closed = problem('The team reflection is closed (`current` holds it), or not a team one');
  return {
    '/reflections/stream': {
      get: {
        summary:
          "Server-sent events of a team's team reflections on an activity (data: ReflectionEvent; members only); resume with Last-Event-ID",
        parameters: [...queryParams(C.ReflectionStreamQuery), lastEventIdParam('ReflectionPage')],
        responses: {
          '200': {
            description: 'An event stream; each event has an id and ReflectionEvent JSON as data',
            content: { 'text/event-stream': { schema: ref('ReflectionEvent') } },
          },
          ...errors,
        },
      },
    },
    '/reflections/{id}/entries/{entryId}': {
      put: {
        summary: 'Save my own entry of a team reflection (upsert under a client-made UUID)',
        parameters: [idParam, entryParam, ifMatch],
        requestBody: body('SaveReflectionEntry'),
        responses: {
          '201': etagged('ReflectionEntry', 'Created'),
          '200': etagged('ReflectionEntry'),
          ...errors,
          '409': closed,
          '412': conditional['412'],
        },
      },
      delete: {
        summary: 'Delete my own entry of a team reflection',
        parameters: [idParam, entryParam, ifMatch, idempotencyKey],
        responses: { '204': { description: 'Deleted' }, ...errors, '409': closed },
      },
    },
  };
}
