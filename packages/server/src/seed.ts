/**
 * Seed data for a believable organisation, written on the first start of an empty
 * database: 25 people across six teams (one moderator), skills with levels, "ask me about"
 * topics, mentors, availability, endorsements, three activities with threads and replies
 * (questions tagged with skills), kudos and reflections. Everything goes in one transaction.
 */
import { randomUUID } from 'node:crypto';
// The Platform team's earlier team reflections (docs/decisions.md §13).
import { seedTeamReflections } from './seed-reflections.js';
import type { Db, Queryable } from './db.js';
import { skillKey } from '@peerkit/core/contract';
import { DEMO_ACTIVITIES } from './demo-activities.js';
import { SEED_AVAILABILITY, SEED_PEOPLE } from './seed-people.js';

const MODERATORS = new Set(['chloe.martin']);

/** [person, skill, endorsers] */
const ENDORSEMENTS: [string, string, string[]][] = [
  [
    'mei.chen',
    'Data visualisation',
    ['ana.ruiz', 'dev.patel', 'grace.kim', 'umar.bello', 'zoe.fischer'],
  ],
  ['mei.chen', 'SQL', ['jonas.weber', 'ana.ruiz']],
  ['dev.patel', 'Python', ['wei.zhang', 'jonas.weber', 'ana.ruiz']],
  ['dev.patel', 'Statistics', ['umar.bello', 'grace.kim']],
  ['ana.ruiz', 'Data visualisation', ['grace.kim', 'priya.nair']],
  ['ana.ruiz', 'SQL', ['umar.bello']],
  ['farid.haddad', 'PostgreSQL', ['ben.okafor', 'sami.virtanen', 'jonas.weber', 'omar.farouk']],
  ['farid.haddad', 'System design', ['nadia.petrova', 'ben.okafor']],
  ['ben.okafor', 'Kubernetes', ['farid.haddad', 'omar.farouk']],
  ['hugo.silva', 'Accessibility', ['kemi.adeyemi', 'quentin.dubois', 'tara.singh']],
  ['hugo.silva', 'TypeScript', ['ben.okafor', 'sami.virtanen']],
  ['chloe.martin', 'Facilitation', ['rosa.gomez', 'ines.moreau', 'emma.larsen']],
  ['ines.moreau', 'Instructional design', ['yara.haddad', 'chloe.martin']],
  ['kemi.adeyemi', 'Storytelling', ['valeria.rossi', 'mei.chen']],
  ['valeria.rossi', 'Storytelling', ['grace.kim', 'priya.nair', 'kemi.adeyemi']],
  ['yara.haddad', 'Writing', ['ines.moreau', 'valeria.rossi']],
  ['rosa.gomez', 'Coaching', ['nadia.petrova', 'liam.oconnor']],
  ['emma.larsen', 'User research', ['tara.singh', 'grace.kim']],
  ['jonas.weber', 'SQL', ['mei.chen', 'dev.patel']],
];

interface SeedPost {
  author: string;
  body: string;
  replies?: SeedPost[];
  kudos?: string[];
  /** Skill tags (docs/decisions.md §11): the finder's recommendations read them. */
  tags?: string[];
}

const THREADS: Record<string, SeedPost[]> = {
  [DEMO_ACTIVITIES.dataStorytelling]: [
    {
      author: 'grace.kim',
      body: 'Module 2 says to lead with the conclusion. How do you do that when the data is **ambiguous**?',
      kudos: ['ana.ruiz', 'priya.nair'],
      tags: ['Storytelling', 'Data visualisation'],
      replies: [
        {
          author: 'mei.chen',
          body: 'Lead with the question instead, then show the range. "Churn is between 4% and 6%, and here is why we cannot narrow it yet" is still a conclusion.',
          kudos: ['grace.kim', 'ana.ruiz', 'umar.bello'],
          replies: [{ author: 'grace.kim', body: 'That reframing helps a lot, thank you!' }],
        },
        {
          author: 'dev.patel',
          body: 'Error bars or a shaded band. People read uncertainty fine when you *show* it instead of hiding it in a footnote.',
          kudos: ['grace.kim', 'priya.nair'],
        },
      ],
    },
    {
      author: 'ana.ruiz',
      body: 'Sharing the before/after of my team dashboard from the exercise:\n\n- removed 3 pie charts\n- one headline number per tile\n- annotations for the two incidents\n\nFeedback welcome!',
      kudos: ['mei.chen', 'kemi.adeyemi', 'zoe.fischer', 'dev.patel'],
      replies: [
        {
          author: 'kemi.adeyemi',
          body: 'The annotations are the best part. Maybe one accent colour instead of three?',
        },
        { author: 'ana.ruiz', body: 'Good call, will try a single accent.' },
      ],
    },
    {
      author: 'umar.bello',
      body: 'Is there a rule of thumb for when a table beats a chart?',
      tags: ['Data visualisation'],
      replies: [
        {
          author: 'mei.chen',
          body: 'When people need to look up exact values, use a table. When they need the shape, use a chart.',
        },
      ],
    },
  ],
  [DEMO_ACTIVITIES.atlasMigration]: [
    {
      author: 'farid.haddad',
      tags: ['PostgreSQL'],
      body: 'Cut-over plan for the Atlas database is in the runbook. We will run the migration twice on staging first. Questions here please, not in DMs, so everyone can see the answers.',
      kudos: ['ben.okafor', 'nadia.petrova', 'sami.virtanen'],
      replies: [
        {
          author: 'ben.okafor',
          body: 'How long is the write freeze expected to be?',
          replies: [
            {
              author: 'farid.haddad',
              body: 'Under 10 minutes: logical replication catches up first, then we switch.',
            },
          ],
        },
        {
          author: 'omar.farouk',
          body: 'Reminder: rotate the service credentials after the switch, the old ones are in three CI configs.',
        },
      ],
    },
    {
      author: 'sami.virtanen',
      body: 'The queue consumers need an idempotency key before we replay events. PR is up for review.',
      kudos: ['farid.haddad'],
      replies: [{ author: 'hugo.silva', body: 'Reviewed, two small comments on naming.' }],
    },
    {
      author: 'ben.okafor',
      body: 'Lessons from the staging dry run: the sequence values were not copied. Added a step to the runbook.',
      kudos: ['farid.haddad', 'jonas.weber'],
    },
  ],
  [DEMO_ACTIVITIES.inclusiveMeetings]: [
    {
      author: 'chloe.martin',
      body: 'Welcome! Try one technique from this week in a real meeting and tell us how it went.',
      kudos: ['rosa.gomez', 'ines.moreau'],
      replies: [
        {
          author: 'liam.oconnor',
          body: 'Tried silent writing before discussion in our retro. Twice as many ideas from the quieter folks.',
        },
        {
          author: 'priya.nair',
          body: 'Rotating the facilitator worked well for us, but it took a few weeks before people were comfortable.',
          replies: [
            {
              author: 'rosa.gomez',
              body: 'Pairing a new facilitator with an experienced one for the first time helps.',
            },
          ],
        },
      ],
    },
    {
      author: 'tara.singh',
      body: 'How do you handle meetings that mix people in the room and people on video?',
      tags: ['Facilitation'],
      replies: [
        {
          author: 'emma.larsen',
          body: 'One person, one laptop, even in the room. Everyone is the same size on screen.',
        },
        {
          author: 'chloe.martin',
          body: 'And hand-raising through the tool only, so remote people are not forgotten.',
        },
      ],
    },
  ],
};

const REFLECTIONS: [string, string, 'private' | 'team' | 'public', [string, string][]][] = [
  [
    'ana.ruiz',
    DEMO_ACTIVITIES.dataStorytelling,
    'private',
    [
      ['What did you try?', 'Rebuilt the team dashboard with one message per tile.'],
      ['What would you do differently?', 'Ask two readers before I start, not after.'],
    ],
  ],
  [
    'mei.chen',
    DEMO_ACTIVITIES.dataStorytelling,
    'public',
    [
      ['What did you learn?', 'Annotations carry more meaning than colour.'],
      ['What will you try next?', 'A one-slide summary for the monthly review.'],
    ],
  ],
  [
    'umar.bello',
    DEMO_ACTIVITIES.dataStorytelling,
    'team',
    [['What did you learn?', 'Tables are fine when people look values up.']],
  ],
  [
    'ben.okafor',
    DEMO_ACTIVITIES.atlasMigration,
    'team',
    [
      ['What went well?', 'The dry run found the sequence problem before production.'],
      ['What was hard?', 'Coordinating the freeze window across three teams.'],
    ],
  ],
  [
    'liam.oconnor',
    DEMO_ACTIVITIES.inclusiveMeetings,
    'public',
    [
      ['What did you try?', 'Silent writing before discussion.'],
      ['What happened?', 'More ideas from people who usually stay quiet.'],
    ],
  ],
  [
    'chloe.martin',
    DEMO_ACTIVITIES.inclusiveMeetings,
    'private',
    [['What will you change?', 'Send the agenda a day earlier.']],
  ],
];

/**
 * The prompt id of a seeded question that asks one of Jennings' three (decisions §13), so
 * the demo's lessons lists find the "what did you learn" answers.
 */
const promptIdOf = (prompt: string): { id?: string } =>
  ({
    'What did you learn?': { id: 'learned' },
    'What would you do differently?': { id: 'differently' },
    'What went well?': { id: 'achieved' },
  })[prompt] ?? {};

/** Kudos to people directly (recognition not tied to a post), as [giver, recipient, value, message]. */
const PERSON_KUDOS: [string, string, string, string][] = [
  ['ben.okafor', 'farid.haddad', 'mentoring', 'Patient walk-through of logical replication.'],
  ['grace.kim', 'mei.chen', 'helpful', 'Saved my quarterly review deck.'],
  ['tara.singh', 'emma.larsen', 'clear', 'Best usability test script I have seen.'],
  ['ana.ruiz', 'dev.patel', 'helpful', 'Thanks for the stats office hours.'],
];

export const personIri = (id: string) => `urn:peerkit:person:${id}`;
export const postIri = (id: string) => `urn:peerkit:post:${id}`;

export async function seedIfEmpty(db: Db): Promise<boolean> {
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(8787002)');
    const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM people');
    if (row && row.n > 0) return false;
    await seed(q);
    return true;
  });
}

async function seed(q: Queryable) {
  await seedPeople(q);
  await seedThreads(q);
  await seedKudosAndReflections(q);
  await seedTeamReflections(q);
}

/** The people, their skills and the endorsements between them. */
async function seedPeople(q: Queryable) {
  for (const [id, name, title, team, skills, ask, mentor] of SEED_PEOPLE) {
    await q.query(
      `INSERT INTO people (id, name, email, title, team, roles, ask_me_about, mentor, demo,
         availability)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, TRUE, $9)`,
      [
        id,
        name,
        `${id}@example.com`,
        title,
        team,
        MODERATORS.has(id) ? ['moderator'] : [],
        ask,
        mentor,
        SEED_AVAILABILITY[id] ?? 'unknown',
      ],
    );
    for (const [skill, level] of skills) {
      await q.query(
        'INSERT INTO person_skills (person_id, skill, skill_key, level) VALUES ($1, $2, $3, $4)',
        [id, skill, skillKey(skill), level],
      );
    }
  }
  for (const [person, skill, endorsers] of ENDORSEMENTS) {
    for (const endorser of endorsers) {
      await q.query(
        'INSERT INTO endorsements (person_id, skill_key, endorser_id) VALUES ($1, $2, $3)',
        [person, skillKey(skill), endorser],
      );
    }
  }
}

/** The threads of the demo activities, with replies and kudos on posts. */
async function seedThreads(q: Queryable) {
  // Posts spread over the last three weeks, oldest first.
  let minutesAgo = 21 * 24 * 60;
  const insertPost = async (
    activity: string,
    post: SeedPost,
    parent: { id: string; rootId: string; depth: number } | null,
  ) => {
    const id = randomUUID();
    minutesAgo -= 137;
    const rootId = parent ? parent.rootId : id;
    const created = new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await q.query(
      `INSERT INTO posts (id, activity, parent_id, root_id, depth, author_id, body, created_at, kudos)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        activity,
        parent?.id ?? null,
        rootId,
        parent ? parent.depth + 1 : 0,
        post.author,
        post.body,
        created,
        post.kudos?.length ?? 0,
      ],
    );
    for (const giver of post.kudos ?? []) {
      await q.query(
        `INSERT INTO kudos (activity, giver_id, recipient_id, post_id, value, created_at)
         VALUES ($1, $2, $3, $4, 'helpful', $5)`,
        [postIri(id), giver, post.author, id, created],
      );
    }
    for (const [position, skill] of (post.tags ?? []).entries()) {
      await q.query(
        `INSERT INTO post_tags (post_id, skill, skill_key, position) VALUES ($1, $2, $3, $4)`,
        [id, skill, skillKey(skill), position],
      );
    }
    for (const reply of post.replies ?? []) {
      await insertPost(activity, reply, { id, rootId, depth: parent ? parent.depth + 1 : 0 });
    }
  };
  for (const [activity, posts] of Object.entries(THREADS)) {
    for (const post of posts) await insertPost(activity, post, null);
  }
}

/** Kudos given to people directly, and reflections. */
async function seedKudosAndReflections(q: Queryable) {
  for (const [giver, recipient, value, message] of PERSON_KUDOS) {
    await q.query(
      `INSERT INTO kudos (activity, giver_id, recipient_id, value, message)
       VALUES ($1, $2, $3, $4, $5)`,
      [personIri(recipient), giver, recipient, value, message],
    );
  }
  for (const [author, activity, visibility, answers] of REFLECTIONS) {
    await q.query(
      `INSERT INTO reflections (id, author_id, activity, visibility, answers)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        randomUUID(),
        author,
        activity,
        visibility,
        JSON.stringify(
          answers.map(([prompt, answer]) => ({ ...promptIdOf(prompt), prompt, answer })),
        ),
      ],
    );
  }
}
