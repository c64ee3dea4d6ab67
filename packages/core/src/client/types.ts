/**
 * `PeerClient`: everything a widget asks of a backend. The REST implementation
 * (`RestClient`) speaks the contract in `contract.ts`; a host whose backend speaks
 * another API sets `provider.client` to its own object implementing this interface.
 *
 * Every method takes `CallOptions`: an `AbortSignal` (a removed element cancels its
 * requests) and, for writes, an `idempotencyKey`. The client makes one key per call and
 * reuses it on its own retries; a widget that lets the user retry a failed write passes
 * the key of the first attempt so the retry can never double it.
 *
 * Every failure is a `PeerError` (never a bare `TypeError` from `fetch`).
 */
import type {
  CreateEndorsement,
  CreatePost,
  CreateReport,
  Endorsement,
  Expert,
  ExpertPage,
  GiveKudos,
  KudosCount,
  KudosGiver,
  Me,
  Page,
  PeopleQuery,
  PersonQuery,
  Post,
  PostEvent,
  PostPage,
  PostsQuery,
  Problem,
  Profile,
  Reflection,
  ReflectionEntry,
  ReflectionEvent,
  ReflectionPage,
  ReflectionStreamQuery,
  ReflectionsQuery,
  Report,
  ReportItem,
  ReportsQuery,
  ResolveReport,
  SaveReflection,
  SaveReflectionEntry,
  SkillSuggestion,
  UpdatePost,
  UpdateProfile,
} from '../contract.js';

export interface CallOptions {
  signal?: AbortSignal;
  /** For writes: reuse the key of an earlier attempt of the same logical write. */
  idempotencyKey?: string;
  /**
   * For writes that replace shared data (`updatePost`, `saveReflection`, `updateProfile`,
   * `resolveReport`): the `version` the change started from, sent as `If-Match: "<n>"`
   * (RFC 9110 §13.1.1). When the resource changed since, the server answers 412 and the call
   * fails with a `PeerError` of kind `http`, `status` 412, whose `problem.current` holds the
   * resource as it is now (when the caller may read it). Left out, the write is unconditional.
   */
  ifMatch?: number;
}

/**
 * Handlers for a live subscription: a thread's (`PostEvent`, the default) or a team's
 * reflections (`ReflectionEvent`).
 */
export interface StreamHandlers<E = PostEvent> {
  onEvent(event: E): void;
  /** The stream is open (again). */
  onOpen?(): void;
  /** The stream failed; the client reconnects (and falls back to polling) by itself. */
  onError?(error: PeerError): void;
}

/**
 * Where a live subscription starts. `lastEventId`: the `eventId` of the page the widget drew
 * (`PostPage.eventId`, `ReflectionPage.eventId`), sent as the first connection's
 * `Last-Event-ID`, so what was written between reading the page and opening the stream still
 * arrives (a post the page already shows may arrive again: apply events by id). Left out, the
 * subscription starts from the moment the stream opens.
 */
export interface SubscribeOptions {
  lastEventId?: string | undefined;
}

export interface PeerClient {
  /** The signed-in person, or `null` when nobody is signed in (a 401). */
  me(options?: CallOptions): Promise<Me | null>;

  listPosts(query: PostsQuery, options?: CallOptions): Promise<PostPage>;
  createPost(input: CreatePost, options?: CallOptions): Promise<Post>;
  updatePost(id: string, input: UpdatePost, options?: CallOptions): Promise<Post>;
  /** Answers the placeholder when the post has replies, else `null`. */
  deletePost(id: string, options?: CallOptions): Promise<Post | null>;
  reportPost(id: string, input: CreateReport, options?: CallOptions): Promise<Report>;
  /**
   * Accepts (`true`) or unaccepts the direct reply `id` as an answer to its question
   * (`PUT` / `DELETE /posts/{id}/acceptance`; the question's author or a moderator;
   * docs/decisions.md §18). Answers the reply, `accepted` saying its state.
   */
  acceptAnswer(id: string, accepted: boolean, options?: CallOptions): Promise<Post>;
  /**
   * Highlights (`true`) or unhighlights post `id` (`PUT` / `DELETE /posts/{id}/highlight`;
   * moderators). Answers the post, `highlighted` saying its state.
   */
  highlightPost(id: string, highlighted: boolean, options?: CallOptions): Promise<Post>;
  /**
   * Live updates of one thread, from `options.lastEventId` on when given; returns the function
   * that closes the subscription.
   */
  subscribePosts(
    activity: string,
    handlers: StreamHandlers,
    options?: SubscribeOptions,
  ): () => void;

  listReports(query?: ReportsQuery, options?: CallOptions): Promise<Page<ReportItem>>;
  resolveReport(id: string, input: ResolveReport, options?: CallOptions): Promise<ReportItem>;

  /** The signed-in person's own profile (`GET /me/profile`). */
  profile(options?: CallOptions): Promise<Profile>;
  /**
   * Changes the signed-in person's profile (`PATCH /me/profile`); pass `ifMatch` with the
   * `version` the change started from.
   */
  updateProfile(input: UpdateProfile, options?: CallOptions): Promise<Profile>;
  listPeople(query: PeopleQuery, options?: CallOptions): Promise<ExpertPage>;
  /**
   * One person's card (`GET /people/{id}`), with the reasons for `query.activity`; fails
   * with a 404 `PeerError` when the person does not exist or is not listed.
   */
  person(id: string, query?: PersonQuery, options?: CallOptions): Promise<Expert>;
  listSkills(q: string, options?: CallOptions): Promise<SkillSuggestion[]>;
  /** Endorses a skill the person lists (one per person, skill and endorser; never oneself). */
  endorse(personId: string, input: CreateEndorsement, options?: CallOptions): Promise<Endorsement>;
  /**
   * Withdraws the signed-in person's endorsement of `skill` (`DELETE
   * /people/{id}/endorsements?skill=`); idempotent: answers the count either way.
   */
  withdrawEndorsement(personId: string, skill: string, options?: CallOptions): Promise<Endorsement>;

  listReflections(query: ReflectionsQuery, options?: CallOptions): Promise<ReflectionPage>;
  /**
   * Makes or replaces a reflection (`PUT /reflections/{id}`); with `input.team`, a team
   * reflection: a 409 whose `problem.current` is a reflection means the team already has an
   * open one on the activity (use it). Pass `ifMatch` with the `version` it started from.
   */
  saveReflection(id: string, input: SaveReflection, options?: CallOptions): Promise<Reflection>;
  deleteReflection(id: string, options?: CallOptions): Promise<void>;
  /**
   * Makes or replaces the signed-in member's own entry of a team reflection (`PUT
   * /reflections/{reflectionId}/entries/{entryId}`, `entryId` a UUID the browser makes);
   * pass `ifMatch` with the entry's `version` it started from (412 carries the `current` entry).
   */
  saveReflectionEntry(
    reflectionId: string,
    entryId: string,
    input: SaveReflectionEntry,
    options?: CallOptions,
  ): Promise<ReflectionEntry>;
  deleteReflectionEntry(
    reflectionId: string,
    entryId: string,
    options?: CallOptions,
  ): Promise<void>;
  /**
   * Live changes of a team's team reflections on an activity (`GET /reflections/stream`),
   * with the same start (`options.lastEventId`), resume, reconnect and polling fallback as
   * `subscribePosts`; returns the function that closes the subscription.
   */
  subscribeReflections(
    query: ReflectionStreamQuery,
    handlers: StreamHandlers<ReflectionEvent>,
    options?: SubscribeOptions,
  ): () => void;

  /**
   * The kudos state of one activity. Calls made by many elements in the same frame are
   * coalesced into one request: `GET /kudos?activity=…&activity=…` while the URL fits 6,000
   * characters and 200 activities, else one `POST /kudos/query` (up to 2,000 activities).
   */
  kudos(activity: string, options?: CallOptions): Promise<KudosCount>;
  giveKudos(input: GiveKudos, options?: CallOptions): Promise<KudosCount>;
  withdrawKudos(activity: string, options?: CallOptions): Promise<KudosCount>;
  kudosGivers(
    activity: string,
    query?: { cursor?: string; limit?: number },
    options?: CallOptions,
  ): Promise<Page<KudosGiver>>;
}

export type PeerErrorKind =
  /** The request never got an answer: offline, refused, dropped, CORS. */
  | 'network'
  /** The server answered with an error status; `problem` holds its details. */
  | 'http'
  /** The server's answer did not match the contract (malformed JSON, wrong shape, HTML). */
  | 'validation'
  /** 401/403: nobody signed in, or not allowed. */
  | 'auth'
  /** The caller aborted. */
  | 'aborted'
  /** The host's configuration is wrong (bad endpoint, unknown xapi mode, bad attribute). */
  | 'config'
  /**
   * The browser would not let the kit store anything (IndexedDB or `localStorage` refused):
   * it keeps working in memory until the page is left. Reported once per page, with a
   * localised `message`; `problem.type` is `peerkit:storage/indexedDB` or `…/localStorage`.
   */
  | 'storage';

/** The one error type every Peerkit failure is. */
export class PeerError extends Error {
  override readonly name = 'PeerError';
  constructor(
    readonly kind: PeerErrorKind,
    message: string,
    readonly details: {
      status?: number;
      problem?: Problem;
      /** Field errors from a schema check. */
      issues?: { path: string; message: string }[];
      /** Seconds from a `Retry-After` header. */
      retryAfter?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
  }

  get status(): number | undefined {
    return this.details.status;
  }

  /** Worth retrying later without changing anything (network, 429, 5xx). */
  get retryable(): boolean {
    const s = this.details.status;
    return this.kind === 'network' || (this.kind === 'http' && (s === 429 || (s ?? 0) >= 500));
  }
}
