/**
 * The seeded team's earlier team reflections (docs/decisions.md §13): the Platform team
 * (`DEMO_TEAM`, Ben's) reflected twice on the Atlas migration project, each member writing
 * their own entries under Jennings' three questions; both are closed, so the project
 * sidebar's team card shows their lessons and the team can start a new one.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_PROMPT_IDS } from '@peerkit/core/contract';
import type { Queryable } from './db.js';
import { DEMO_ACTIVITIES, DEMO_TEAM } from './demo-activities.js';

const PROMPTS: Record<(typeof DEFAULT_PROMPT_IDS)[number], string> = {
  achieved: 'What did we achieve?',
  differently: 'What would we do differently?',
  learned: 'What did we learn that others can use next time?',
};

type Entry = [author: string, prompt: keyof typeof PROMPTS, text: string];

/** [who started it, days ago, entries] */
const TEAM_REFLECTIONS: [string, number, Entry[]][] = [
  [
    'ben.okafor',
    18,
    [
      ['ben.okafor', 'achieved', 'Moved the first 20% of accounts with no downtime.'],
      ['farid.haddad', 'achieved', 'Logical replication kept both databases in step for a week.'],
      ['nadia.petrova', 'differently', 'Agree the freeze window with support before, not during.'],
      [
        'ben.okafor',
        'learned',
        'Run the dry run against a production-sized copy: it found the sequence problem.',
      ],
      [
        'farid.haddad',
        'learned',
        'Reset sequences after the copy; replication does not carry them.',
      ],
    ],
  ],
  [
    'nadia.petrova',
    5,
    [
      ['nadia.petrova', 'achieved', 'The second wave moved in one evening.'],
      ['hugo.silva', 'differently', 'Warn customers a week ahead; two days was too short.'],
      ['sami.virtanen', 'differently', 'Keep the rollback script in the runbook, not in a branch.'],
      [
        'hugo.silva',
        'learned',
        'A status page update every 30 minutes stops most support tickets.',
      ],
      [
        'ben.okafor',
        'learned',
        'One owner per step in the runbook, named, beats a shared checklist.',
      ],
    ],
  ],
];

export async function seedTeamReflections(q: Queryable): Promise<void> {
  const answers = DEFAULT_PROMPT_IDS.map((id) => ({ id, prompt: PROMPTS[id], answer: '' }));
  for (const [starter, daysAgo, entries] of TEAM_REFLECTIONS) {
    const id = randomUUID();
    const at = (minutes: number) =>
      new Date(Date.now() - daysAgo * 86_400_000 + minutes * 60_000).toISOString();
    await q.query(
      `INSERT INTO reflections (id, author_id, activity, visibility, answers, team, closed,
         created_at, updated_at)
       VALUES ($1, $2, $3, 'team', $4, $5, TRUE, $6, $7)`,
      [
        id,
        starter,
        DEMO_ACTIVITIES.atlasMigration,
        JSON.stringify(answers),
        DEMO_TEAM,
        at(0),
        at(entries.length * 3),
      ],
    );
    let minute = 0;
    for (const [author, prompt, text] of entries) {
      minute += 3;
      await q.query(
        `INSERT INTO reflection_entries (id, reflection_id, prompt, author_id, text, created_at,
           updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)`,
        [randomUUID(), id, prompt, author, text, at(minute)],
      );
    }
  }
}
