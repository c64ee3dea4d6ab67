/**
 * Reports and the moderators' queue in the database. Resolving one report resolves every
 * open report of the same post the same way.
 */
import { randomUUID } from 'node:crypto';
import type { CreateReport, Report, ReportItem } from '@peerkit/core/contract';
import type { Queryable } from '../db.js';
import { iso, personSummary } from '../http.js';
import { POST_COLUMNS, toPost, type PostRow } from './posts.js';

/** A queue row: the post's columns (`id` is the post's id) and the report's. */
export type ReportRow = PostRow & {
  report_seq: number;
  report_id: string;
  reason: ReportItem['reason'];
  note: string | null;
  report_created_at: Date;
  status: ReportItem['status'];
  reporter_id: string;
  reporter_name: string | null;
  reporter_title: string | null;
  reporter_team: string | null;
};

const SELECT = `SELECT r.seq AS report_seq, r.id AS report_id, r.reason, r.note,
    r.created_at AS report_created_at, r.status, r.reporter_id,
    rp.name AS reporter_name, rp.title AS reporter_title, rp.team AS reporter_team,
    ${POST_COLUMNS},
    (SELECT count(*)::int FROM posts c WHERE c.parent_id = p.id AND NOT c.removed) AS reply_count
  FROM reports r
  JOIN posts p ON p.id = r.post_id
  LEFT JOIN people a ON a.id = p.author_id
  LEFT JOIN people rp ON rp.id = r.reporter_id`;

/** A queue row as the contract shows it to moderators. */
export const toReportItem = (r: ReportRow): ReportItem => ({
  id: r.report_id,
  reason: r.reason,
  note: r.note,
  createdAt: iso(r.report_created_at),
  status: r.status,
  reporter: personSummary(r.reporter_id, r.reporter_name, r.reporter_title, r.reporter_team),
  post: toPost(r, r.reply_count ?? 0, true),
});

/**
 * Files a report, or reopens and replaces the reporter's earlier report of the same post.
 * Answers the report and whether it is new.
 */
export async function saveReport(
  q: Queryable,
  input: CreateReport & { postId: string; reporterId: string },
): Promise<{ report: Report; created: boolean }> {
  const [existing] = await q.query<{ id: string }>(
    'SELECT id FROM reports WHERE post_id = $1 AND reporter_id = $2',
    [input.postId, input.reporterId],
  );
  const id = existing?.id ?? randomUUID();
  await q.query(
    `INSERT INTO reports (id, post_id, reporter_id, reason, note) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (post_id, reporter_id)
     DO UPDATE SET reason = EXCLUDED.reason, note = EXCLUDED.note, status = 'open',
       resolved_by = NULL, resolved_at = NULL`,
    [id, input.postId, input.reporterId, input.reason, input.note ?? null],
  );
  const [r] = await q.query<{
    id: string;
    post_id: string;
    reason: Report['reason'];
    note: string | null;
    created_at: Date;
    status: Report['status'];
  }>('SELECT id, post_id, reason, note, created_at, status FROM reports WHERE id = $1', [id]);
  const report: Report = {
    id: r!.id,
    postId: r!.post_id,
    reason: r!.reason,
    note: r!.note,
    createdAt: iso(r!.created_at),
    status: r!.status,
  };
  return { report, created: !existing };
}

/** One queue row by report id, or undefined. */
export async function loadReport(q: Queryable, id: string): Promise<ReportRow | undefined> {
  return (await q.query<ReportRow>(`${SELECT} WHERE r.id = $1`, [id]))[0];
}

/**
 * A page of the queue, oldest first, filtered by status and activity when given: up to
 * `limit + 1` rows past the report `seq` `after`, and the total.
 */
export async function listReports(
  q: Queryable,
  filter: { status?: string | undefined; activity?: string | undefined },
  limit: number,
  after: number | undefined,
): Promise<{ rows: ReportRow[]; total: number }> {
  const params: unknown[] = [filter.status ?? null, filter.activity ?? null];
  const where = `($1::text IS NULL OR r.status = $1) AND ($2::text IS NULL OR p.activity = $2)`;
  const [count] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reports r JOIN posts p ON p.id = r.post_id WHERE ${where}`,
    params,
  );
  const pageParams = [...params, limit + 1];
  if (after !== undefined) pageParams.push(after);
  const rows = await q.query<ReportRow>(
    `${SELECT} WHERE ${where} ${after !== undefined ? 'AND r.seq > $4' : ''} ORDER BY r.seq ASC LIMIT $3`,
    pageParams,
  );
  return { rows, total: count?.n ?? 0 };
}

/** Marks the report, and every open report of the same post, resolved with `status`. */
export async function markResolved(
  q: Queryable,
  report: { id: string; postId: string },
  status: Report['status'],
  byId: string,
): Promise<void> {
  await q.query(
    `UPDATE reports SET status = $2, resolved_by = $3, resolved_at = now()
     WHERE id = $1 OR (post_id = $4 AND status = 'open')`,
    [report.id, status, byId, report.postId],
  );
}
