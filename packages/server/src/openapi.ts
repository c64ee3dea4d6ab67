/**
 * `GET /api/openapi.json`: the REST contract as OpenAPI 3.1, generated from the zod
 * schemas of `@peerkit/core` (JSON Schema 2020-12, which OpenAPI 3.1 uses), so hosts that
 * implement the contract in their own backend work from the same source as the server.
 */
import * as C from '@peerkit/core/contract';
import * as z from 'zod/mini';

type Json = Record<string, unknown>;

const schema = (s: z.ZodMiniType, io: 'input' | 'output' = 'output'): Json => {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete out['$schema'];
  return out;
};

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
  for (const [name, s] of Object.entries(COMPONENTS)) schemas[name] = schema(s);
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

/** Paths /posts/stream … /reflections/{id}. */
function streamPeopleAndReflectionPaths(): Json {
  return {
    '/posts/stream': {
      get: {
        summary: 'Server-sent events of a thread (data: PostEvent); resume with Last-Event-ID',
        parameters: [
          { name: 'activity', in: 'query', required: true, schema: { type: 'string' } },
          { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
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
        summary: 'Save a reflection (idempotent upsert under a client-made UUID)',
        parameters: [idParam, ifMatch],
        requestBody: body('SaveReflection'),
        responses: {
          '201': etagged('Reflection', 'Created'),
          '200': etagged('Reflection'),
          ...errors,
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

/** Paths /xapi/statements … /health. */
function statementDemoAndHealthPaths(): Json {
  return {
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
