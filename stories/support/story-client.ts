/**
 * The base of the stories' in-memory `PeerClient`s: every call fails with a `config`
 * `PeerError` saying the story does not support it. A story spreads it and writes only the
 * calls its widget makes, so a new `PeerClient` method needs no change in every story.
 */
import { PeerError, type Me, type PeerClient } from '@peerkit/core';

/** The signed-in person of the stories (a seeded person of the demo organisation). */
export const ANA: Me = {
  id: 'ana.ruiz',
  name: 'Ana Ruiz',
  title: 'Data Analyst',
  team: 'Data',
  roles: [],
};

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
    acceptAnswer: unsupported,
    highlightPost: unsupported,
    subscribePosts: unsupported,
    listReports: unsupported,
    resolveReport: unsupported,
    profile: unsupported,
    updateProfile: unsupported,
    listPeople: unsupported,
    listSkills: unsupported,
    person: unsupported,
    endorse: unsupported,
    withdrawEndorsement: unsupported,
    listReflections: unsupported,
    saveReflection: unsupported,
    deleteReflection: unsupported,
    saveReflectionEntry: unsupported,
    deleteReflectionEntry: unsupported,
    subscribeReflections: unsupported,
    kudos: unsupported,
    giveKudos: unsupported,
    withdrawKudos: unsupported,
    kudosGivers: unsupported,
  };
}
