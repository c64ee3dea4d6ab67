/**
 * The reasons of a ranked person (docs/decisions.md §12), from the figures `rankPeople`
 * scored them with: each reason is a figure that added to their score, so a card never
 * says something the ranking did not use. Order, strongest first: in recommendations the
 * reason that put them in their group (helped here, a skill of the activity, top helper),
 * then skills asked or matching `q`, the activity's skills they list, endorsements, accepted
 * answers (Q&A) in threads tagged with an asked skill and in all, kudos in threads tagged
 * with a focus skill, kudos received, their replies here, mentoring.
 */
import type { ExpertReason } from '@peerkit/core/contract';
import type { RankedRow } from './ranking.js';

/** The most `activity-skill` and skill-scoped `thanked` reasons one person carries. */
const PER_SKILL_MAX = 3;

export interface ReasonInputs {
  row: RankedRow;
  /** Whether the ranking was recommendations (`mode: 'recommend'`). */
  recommend: boolean;
  /** Asked skill keys (lower-cased). */
  asked: string[];
  /** Their skills: name, level and endorsements (every skill, any order). */
  skills: { name: string; level: number; endorsements: number }[];
  /** Kudos on their posts per focus skill (`thankedBySkill`), largest first. */
  thanked: { skill: string; n: number }[];
  /** Their accepted answers in threads tagged with an asked skill (`acceptedAnswers`). */
  accepted: { skill: string; count: number }[];
}

/** The reasons of one person, strongest first. */
export function reasonsOf(inputs: ReasonInputs): ExpertReason[] {
  const out = [...skillReasons(inputs), ...helpReasons(inputs)];
  if (inputs.row.mentor) out.push({ kind: 'mentor' });
  return inputs.recommend ? groupReasonFirst(out, inputs.row.tier) : out;
}

/** Skills asked or matching `q`, the activity's skills they list, and endorsements. */
function skillReasons({ row, asked, skills }: ReasonInputs): ExpertReason[] {
  const out: ExpertReason[] = [];
  const byKey = new Map(skills.map((s) => [s.name.toLowerCase(), s]));
  const askedSkills = asked.flatMap((k) => byKey.get(k) ?? []);
  for (const s of askedSkills) out.push({ kind: 'skill', skill: s.name, level: s.level });
  if (row.q_skill && !asked.includes(row.q_skill.toLowerCase()))
    out.push({ kind: 'skill', skill: row.q_skill, level: row.q_level });
  for (const skill of row.activity_skills.slice(0, PER_SKILL_MAX))
    out.push({ kind: 'activity-skill', skill });
  if (!askedSkills.length && row.endorsements > 0)
    out.push({ kind: 'endorsed', count: row.endorsements });
  for (const s of askedSkills)
    if (s.endorsements > 0) out.push({ kind: 'endorsed', skill: s.name, count: s.endorsements });
  return out;
}

/** Accepted answers and kudos (per skill, then in all), replies here, the top helpers' group. */
function helpReasons({ row, recommend, thanked, accepted }: ReasonInputs): ExpertReason[] {
  const out: ExpertReason[] = [];
  for (const a of accepted.slice(0, PER_SKILL_MAX))
    if (a.count > 0) out.push({ kind: 'accepted', count: a.count, skill: a.skill });
  if (row.accepted > 0) out.push({ kind: 'accepted', count: row.accepted });
  const topHelper = recommend && row.tier === 0;
  for (const t of thanked.slice(0, PER_SKILL_MAX))
    if (t.n > 0) out.push({ kind: 'thanked', count: t.n, skill: t.skill });
  if (row.kudos_received > 0 && !topHelper)
    out.push({ kind: 'thanked', count: row.kudos_received });
  if (row.answered_here > 0) out.push({ kind: 'answered-here', count: row.answered_here });
  if (topHelper && row.kudos_received > 0)
    out.push({ kind: 'top-helper', count: row.kudos_received });
  return out;
}

/** Recommendations: the reason of the person's group goes first. */
function groupReasonFirst(reasons: ExpertReason[], tier: number): ExpertReason[] {
  const lead: ExpertReason['kind'][] =
    tier === 2 ? ['answered-here', 'thanked'] : tier === 1 ? ['activity-skill'] : ['top-helper'];
  const first = lead.flatMap((kind) => reasons.filter((r) => r.kind === kind));
  return [...first, ...reasons.filter((r) => !lead.includes(r.kind))];
}
