/**
 * The REST client's writes (and the reads only a person's action asks for: who gave kudos,
 * the moderators' queue, one's profile), described: for each, the request it makes
 * (method, path, body and the contract schemas of the body and of the answer). They live in
 * the schemas' chunk (`schemas.ts` re-exports them): a write with a body awaits that chunk
 * anyway to check it, and none is needed before a person acts, so none of this is part of a
 * widget's first paint. `RestClient` sends what these describe (`request()`).
 */
import {
  CreateEndorsement,
  CreatePost,
  CreateReport,
  Endorsement,
  GiveKudos,
  KudosCount,
  KudosGiverPage,
  Post,
  Profile,
  Reflection,
  ReflectionEntry,
  Report,
  ReportPage,
  ReportItem,
  ResolveReport,
  SaveReflection,
  SaveReflectionEntry,
  UpdatePost,
  UpdateProfile,
} from '../contract.js';
import type { RequestSpec } from './rest-client.js';
import type { CallOptions, PeerClient } from './types.js';

type Writes = {
  [K in WriteName]: (
    ...args: Parameters<PeerClient[K]>
  ) => RequestSpec<Awaited<ReturnType<PeerClient[K]>>>;
};

/** The `PeerClient` methods that change something, and the reads only an action asks for. */
export type WriteName =
  | 'createPost'
  | 'updatePost'
  | 'deletePost'
  | 'reportPost'
  | 'acceptAnswer'
  | 'highlightPost'
  | 'resolveReport'
  | 'updateProfile'
  | 'endorse'
  | 'withdrawEndorsement'
  | 'saveReflection'
  | 'deleteReflection'
  | 'saveReflectionEntry'
  | 'deleteReflectionEntry'
  | 'giveKudos'
  | 'withdrawKudos'
  | 'kudosGivers'
  | 'listReports'
  | 'profile';

const enc = encodeURIComponent;
/** A write with a JSON body checked against `body` before it is sent, answered with `answer`. */
const send = <T>(
  method: RequestSpec<T>['method'],
  path: string,
  input: unknown,
  body: RequestSpec<unknown>['schema'],
  answer: RequestSpec<T>['schema'],
  options?: CallOptions,
): RequestSpec<T> => ({
  method,
  path,
  body: input,
  bodySchema: body ?? undefined,
  schema: answer,
  options,
});

export const writes: Writes = {
  createPost: (input, options) =>
    send(
      'POST',
      '/posts',
      input,
      () => CreatePost,
      () => Post,
      options,
    ),
  updatePost: (id, input, options) =>
    send(
      'PATCH',
      `/posts/${enc(id)}`,
      input,
      () => UpdatePost,
      () => Post,
      options,
    ),
  deletePost: (id, options) => ({
    method: 'DELETE',
    path: `/posts/${enc(id)}`,
    schema: () => Post,
    options,
    empty: null,
  }),
  reportPost: (id, input, options) =>
    send(
      'POST',
      `/posts/${enc(id)}/reports`,
      input,
      () => CreateReport,
      () => Report,
      options,
    ),
  acceptAnswer: (id, accepted, options) => ({
    method: accepted ? 'PUT' : 'DELETE',
    path: `/posts/${enc(id)}/acceptance`,
    schema: () => Post,
    options,
  }),
  highlightPost: (id, highlighted, options) => ({
    method: highlighted ? 'PUT' : 'DELETE',
    path: `/posts/${enc(id)}/highlight`,
    schema: () => Post,
    options,
  }),
  resolveReport: (id, input, options) =>
    send(
      'POST',
      `/reports/${enc(id)}/resolve`,
      input,
      () => ResolveReport,
      () => ReportItem,
      options,
    ),
  updateProfile: (input, options) =>
    send(
      'PATCH',
      '/me/profile',
      input,
      () => UpdateProfile,
      () => Profile,
      options,
    ),
  endorse: (personId, input, options) =>
    send(
      'POST',
      `/people/${enc(personId)}/endorsements`,
      input,
      () => CreateEndorsement,
      () => Endorsement,
      options,
    ),
  withdrawEndorsement: (personId, skill, options) => ({
    method: 'DELETE',
    path: `/people/${enc(personId)}/endorsements`,
    query: { skill },
    schema: () => Endorsement,
    options,
  }),
  saveReflection: (id, input, options) =>
    send(
      'PUT',
      `/reflections/${enc(id)}`,
      input,
      () => SaveReflection,
      () => Reflection,
      options,
    ),
  deleteReflection: (id, options) => ({
    method: 'DELETE',
    path: `/reflections/${enc(id)}`,
    schema: null,
    options,
  }),
  saveReflectionEntry: (reflectionId, entryId, input, options) =>
    send(
      'PUT',
      `/reflections/${enc(reflectionId)}/entries/${enc(entryId)}`,
      input,
      () => SaveReflectionEntry,
      () => ReflectionEntry,
      options,
    ),
  deleteReflectionEntry: (reflectionId, entryId, options) => ({
    method: 'DELETE',
    path: `/reflections/${enc(reflectionId)}/entries/${enc(entryId)}`,
    schema: null,
    options,
  }),
  giveKudos: (input, options) =>
    send(
      'POST',
      '/kudos',
      input,
      () => GiveKudos,
      () => KudosCount,
      options,
    ),
  kudosGivers: (activity, query = {}, options) => ({
    method: 'GET',
    path: '/kudos/givers',
    query: { activity, ...query },
    schema: () => KudosGiverPage,
    options,
  }),
  listReports: (query = {}, options) => ({
    method: 'GET',
    path: '/reports',
    query: { ...query },
    schema: () => ReportPage,
    options,
  }),
  profile: (options) => ({ method: 'GET', path: '/me/profile', schema: () => Profile, options }),
  withdrawKudos: (activity, options) => ({
    method: 'DELETE',
    path: '/kudos',
    query: { activity },
    schema: () => KudosCount,
    options,
  }),
};
