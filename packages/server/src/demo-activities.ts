/**
 * The activities the seed data talks about. The demo page and the tests use these same
 * IRIs (import `@peerkit/server/demo-activities`; this module has no dependencies).
 */
export const DEMO_ACTIVITIES = {
  /** A course: "Data storytelling for everyone". */
  dataStorytelling: 'https://learn.example.com/courses/data-storytelling',
  /** A project: the migration of the customer portal ("Atlas"). */
  atlasMigration: 'https://intranet.example.com/projects/atlas-migration',
  /** A course: "Running inclusive meetings". */
  inclusiveMeetings: 'https://learn.example.com/courses/inclusive-meetings',
} as const;

export type DemoActivity = (typeof DEMO_ACTIVITIES)[keyof typeof DEMO_ACTIVITIES];

/** Fixed demo person ids the tests and the demo rely on. */
export const DEMO_PEOPLE = {
  /** A member of the Data team. */
  ana: 'ana.ruiz',
  /** A member of the Platform team. */
  ben: 'ben.okafor',
  /** The moderator (role `moderator`), People & Learning team. */
  chloe: 'chloe.martin',
} as const;

/** The seeded team with earlier team reflections on `atlasMigration` (Ben's team). */
export const DEMO_TEAM = 'Platform';
