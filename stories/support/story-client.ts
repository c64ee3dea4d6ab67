/**
 * The base of the stories' in-memory `PeerClient`s: every call fails with a `config`
 * `PeerError` saying the story does not support it. A story spreads it and writes only the
 * calls its widget makes, so a new `PeerClient` method needs no change in every story.
 */
import { PeerError, type PeerClient } from '@peerkit/core';

export function unsupportedClient(story: string): PeerClient {
  const unsupported = (): never => {
    throw new PeerError('config', `Not part of the ${story} story client.`);
  };
  return {
    me: unsupported,
    listPosts: unsupported,
    createPost: unsupported,
    updatePost: unsupported,
    deletePost: unsupported,
    reportPost: unsupported,
    subscribePosts: unsupported,
    listReports: unsupported,
    resolveReport: unsupported,
    listPeople: unsupported,
    listSkills: unsupported,
    endorse: unsupported,
    listReflections: unsupported,
    saveReflection: unsupported,
    deleteReflection: unsupported,
    kudos: unsupported,
    giveKudos: unsupported,
    withdrawKudos: unsupported,
    kudosGivers: unsupported,
  };
}
