/** Scoped reads of inspections, findings and their history; the due end written with every due date. */
import { and, asc, desc, eq, gte, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { endOfDate } from '../../shared/dates';
import type { Scope } from '../../shared/scope';
import { resultRows, type Executor, type Tx } from '../db/client';
import { findingEvents, findings, inspections } from '../db/schema';
import { parkIn } from './scope';

export interface FindingFilter {
  parkId?: string | undefined;
  enterpriseId?: string | undefined;
  status?: 'open' | 'submitted' | 'closed' | undefined;
  severity?: 'general' | 'major' | undefined;
  category?: string | undefined;
  /** true: not closed and past due; false: the others. Judged against `today`. */
  overdue?: boolean | undefined;
  /** observedAt ≥ from (an instant: the start of the first day in PARKCHECK_TZ). */
  from?: Date | undefined;
  /** observedAt < to (the end of the last day). */
  to?: Date | undefined;
  today: string;
}

export function findingConditions(scope: Scope, f: FindingFilter): SQL | undefined {
  const overdue = and(ne(findings.status, 'closed'), lt(findings.dueDate, f.today));
  return and(
    parkIn(scope, findings.parkId),
    f.parkId ? eq(findings.parkId, f.parkId) : undefined,
    f.enterpriseId ? eq(findings.enterpriseId, f.enterpriseId) : undefined,
    f.status ? eq(findings.status, f.status) : undefined,
    f.severity ? eq(findings.severity, f.severity) : undefined,
    f.category ? eq(findings.category, f.category) : undefined,
    f.overdue === true ? overdue : f.overdue === false ? sql`NOT (${overdue})` : undefined,
    f.from ? gte(findings.observedAt, f.from) : undefined,
    f.to ? lt(findings.observedAt, f.to) : undefined,
  );
}

export interface FindingPosition {
  observedAt: Date;
  id: string;
}

/** Newest first; `after` is the last finding of the previous page. */
export async function listFindings(
  db: Executor,
  scope: Scope,
  filter: FindingFilter,
  page: { limit: number; after?: FindingPosition | undefined },
) {
  const a = page.after;
  return db
    .select()
    .from(findings)
    .where(
      and(
        findingConditions(scope, filter),
        a
          ? or(lt(findings.observedAt, a.observedAt), and(eq(findings.observedAt, a.observedAt), lt(findings.id, a.id)))
          : undefined,
      ),
    )
    .orderBy(desc(findings.observedAt), desc(findings.id))
    .limit(page.limit + 1);
}

export async function getFinding(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(findings)
    .where(and(eq(findings.id, id), parkIn(scope, findings.parkId)))
    .limit(1);
  return row;
}

export async function listFindingEvents(db: Executor, findingId: string) {
  return db
    .select()
    .from(findingEvents)
    .where(eq(findingEvents.findingId, findingId))
    .orderBy(asc(findingEvents.ordinal));
}

export async function getInspection(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), parkIn(scope, inspections.parkId)))
    .limit(1);
  return row;
}

export async function listInspectionFindings(db: Executor, inspectionId: string) {
  return db.select().from(findings).where(eq(findings.inspectionId, inspectionId)).orderBy(asc(findings.createdAt), asc(findings.id));
}

/**
 * A due date as written: the date and the instant it ends in `tz` (the
 * deployment's PARKCHECK_TZ), never one without the other.
 */
export const dueColumns = (dueDate: string, tz: string) => ({ dueDate, dueEndAt: endOfDate(dueDate, tz) });

/**
 * Sets every finding's due end to the end of its due date in `tz`; answers
 * how many rows changed. Each distinct due date's end is computed once, the
 * way every write computes it (`dueColumns`); rows already right stay as
 * they are.
 */
export async function recomputeDueEnds(tx: Tx, tz: string): Promise<number> {
  const dates = resultRows<{ d: string }>(await tx.execute(sql`SELECT DISTINCT ${findings.dueDate}::text AS d FROM ${findings}`));
  if (!dates.length) return 0;
  const ends = JSON.stringify(dates.map(({ d }) => ({ d, e: endOfDate(d, tz).toISOString() })));
  const result = await tx.execute(sql`WITH changed AS (
      UPDATE ${findings} SET due_end_at = x.e
      FROM jsonb_to_recordset(${ends}::jsonb) AS x(d date, e timestamptz)
      WHERE ${findings.dueDate} = x.d AND ${findings.dueEndAt} IS DISTINCT FROM x.e
      RETURNING 1
    ) SELECT count(*)::int AS n FROM changed`);
  return resultRows<{ n: number }>(result)[0]!.n;
}
