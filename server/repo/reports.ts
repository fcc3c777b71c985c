/**
 * Report queries: counts of findings by park or by a dimension, enterprise
 * coverage by park, and the findings behind a count. Each number is one SQL
 * aggregate with FILTER clauses; what a number counts (MEASURE) is written
 * once here and used both to count and to list, so a list is always exactly
 * the findings its number counts.
 *
 * Periods arrive as instants (the start of the first day and the end of the
 * last day in PARKCHECK_TZ), so a range on observed_at can use an index.
 * `today` comes from the server's clock, never now() in SQL.
 */
import { and, asc, desc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { addDays } from '../../shared/dates';
import { ESCALATION, type AgeingKey, type BacklogTotals } from '../../shared/schemas/backlog';
import type { Measure } from '../../shared/schemas/reports';
import type { Scope } from '../../shared/scope';
import type { Executor } from '../db/client';
import { enterprises, findings, inspections, parks, regions } from '../db/schema';
import { parkIn, regionIn, uuidArray } from './scope';
import { findingConditions } from './findings';

export interface ReportFilter {
  /** observed_at ≥ from: the start of the period's first day. */
  from?: Date | undefined;
  /** observed_at < to: the end of the period's last day. */
  to?: Date | undefined;
  /** Parks in this region or its sub-regions. */
  regionId?: string | undefined;
  parkId?: string | undefined;
  category?: string | undefined;
  severity?: 'general' | 'major' | undefined;
  today: string;
}

/** On the town's list (of a finding not closed): more than ESCALATION.town days past due, or a major past due. */
const escalatedTown = (today: string) =>
  sql`(${findings.dueDate} < ${addDays(today, -ESCALATION.town)}::date OR (${findings.severity} = 'major' AND ${findings.dueDate} < ${today}::date))`;
/** On the city's list (of a finding not closed): more than ESCALATION.city days past due. */
const escalatedCity = (today: string) => sql`${findings.dueDate} < ${addDays(today, -ESCALATION.city)}::date`;

const isClosed = sql`${findings.status} = 'closed'`;

export function measureCondition(measure: Measure, f: Pick<ReportFilter, 'today'>): SQL | undefined {
  switch (measure) {
    case 'total':
      return undefined;
    case 'closed':
      return isClosed;
    case 'onTime':
      // "Not after the end of the due date" (stored with it: schema.ts dueEndAt): a rectification
      // at the very instant the next day starts is on time, as shared/rates.ts isOnTime judges.
      return sql`(${isClosed} AND ${findings.rectifiedAt} <= ${findings.dueEndAt})`;
    case 'overdue':
      return sql`(${findings.status} <> 'closed' AND ${findings.dueDate} < ${f.today}::date)`;
    case 'openMajor':
      return sql`(${findings.status} <> 'closed' AND ${findings.severity} = 'major')`;
    case 'escalatedTown':
      return sql`(${findings.status} <> 'closed' AND ${escalatedTown(f.today)})`;
    case 'escalatedCity':
      return sql`(${findings.status} <> 'closed' AND ${escalatedCity(f.today)})`;
  }
}

const countOf = (measure: Measure, f: ReportFilter) => {
  const condition = measureCondition(measure, f);
  return condition ? sql<number>`(count(*) FILTER (WHERE ${condition}))::int` : sql<number>`count(*)::int`;
};

function countFields(f: ReportFilter) {
  return {
    total: countOf('total', f),
    closed: countOf('closed', f),
    onTime: countOf('onTime', f),
    overdue: countOf('overdue', f),
    openMajor: countOf('openMajor', f),
  };
}

/** The ids of the parks in `regionId` and its sub-regions, as a subquery. */
const parksUnder = (regionId: string) =>
  sql`SELECT p.id FROM parks p JOIN regions r ON r.id = p.region_id WHERE r.path && ${uuidArray([regionId])}`;

function parkFilter(column: typeof findings.parkId | typeof enterprises.parkId | typeof inspections.parkId, f: ReportFilter) {
  return and(
    f.regionId ? sql`${column} IN (${parksUnder(f.regionId)})` : undefined,
    f.parkId ? eq(column, f.parkId) : undefined,
  );
}

function reportConditions(scope: Scope, f: ReportFilter): SQL | undefined {
  return and(
    findingConditions(scope, {
      parkId: f.parkId,
      severity: f.severity,
      category: f.category,
      from: f.from,
      to: f.to,
      today: f.today,
    }),
    f.regionId ? sql`${findings.parkId} IN (${parksUnder(f.regionId)})` : undefined,
  );
}

export interface CountRow {
  key: string;
  total: number;
  closed: number;
  onTime: number;
  overdue: number;
  openMajor: number;
}

export async function countsByPark(db: Executor, scope: Scope, f: ReportFilter): Promise<CountRow[]> {
  return db
    .select({ key: findings.parkId, ...countFields(f) })
    .from(findings)
    .where(reportConditions(scope, f))
    .groupBy(findings.parkId);
}

export async function countsBy(
  db: Executor,
  scope: Scope,
  f: ReportFilter,
  dimension: 'category' | 'severity',
): Promise<CountRow[]> {
  const key = dimension === 'category' ? findings.category : findings.severity;
  return db
    .select({ key, ...countFields(f) })
    .from(findings)
    .where(reportConditions(scope, f))
    .groupBy(key);
}

/**
 * Counts per month. `bounds` are the instants the months start at, then the
 * end of the last one (computed in PARKCHECK_TZ by the caller). One
 * aggregate per month, as a UNION ALL: each is a plain range scan of the
 * report index, and PostgreSQL can spread them over parallel workers —
 * where bucketing every row (width_bucket, or converting a million
 * timestamps to local time) runs on one core. Row `bucket` n is month n.
 */
export async function countsByMonth(
  db: Executor,
  scope: Scope,
  f: ReportFilter,
  bounds: Date[],
): Promise<(Omit<CountRow, 'key'> & { bucket: number })[]> {
  const later = (a: Date | undefined, b: Date) => (a && a > b ? a : b);
  const earlier = (a: Date | undefined, b: Date) => (a && a < b ? a : b);
  const months = bounds.slice(0, -1).map((start, i) =>
    db
      .select({ bucket: sql<number>`${i + 1}::int`.as('bucket'), ...countFields(f) })
      .from(findings)
      .where(reportConditions(scope, { ...f, from: later(f.from, start), to: earlier(f.to, bounds[i + 1]!) })),
  );
  const [first, second, ...rest] = months;
  if (!first) return [];
  return second ? unionAll(first, second, ...rest) : first;
}

/** When the first finding the filter selects was observed (an open-ended period starts there). */
export async function firstObserved(db: Executor, scope: Scope, f: ReportFilter): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${findings.observedAt})`.mapWith(findings.observedAt) })
    .from(findings)
    .where(reportConditions(scope, f));
  return row?.at ?? null;
}

export interface CoverageRow {
  parkId: string;
  enterprises: number;
  inspected: number;
}

/** Per park: its enterprises (not disabled), and how many had at least one inspection in the period. */
export async function coverageByPark(db: Executor, scope: Scope, f: ReportFilter): Promise<CoverageRow[]> {
  const inspected = db
    .selectDistinct({ enterpriseId: inspections.enterpriseId })
    .from(inspections)
    .where(
      and(
        parkIn(scope, inspections.parkId),
        parkFilter(inspections.parkId, f),
        f.from ? gte(inspections.inspectedAt, f.from) : undefined,
        f.to ? lt(inspections.inspectedAt, f.to) : undefined,
      ),
    )
    .as('inspected');
  return db
    .select({
      parkId: enterprises.parkId,
      enterprises: sql<number>`count(*)::int`,
      inspected: sql<number>`count(${inspected.enterpriseId})::int`,
    })
    .from(enterprises)
    .leftJoin(inspected, eq(inspected.enterpriseId, enterprises.id))
    .where(and(isNull(enterprises.disabledAt), parkIn(scope, enterprises.parkId), parkFilter(enterprises.parkId, f)))
    .groupBy(enterprises.parkId);
}

/** The parks a report covers, with the path of their region (for rolling parks up into regions). */
export async function reportParks(db: Executor, scope: Scope, f: Pick<ReportFilter, 'regionId' | 'parkId'>) {
  return db
    .select({
      id: parks.id,
      name: parks.name,
      regionId: parks.regionId,
      starRating: parks.starRating,
      disabledAt: parks.disabledAt,
      regionName: regions.name,
      path: regions.path,
    })
    .from(parks)
    .innerJoin(regions, eq(regions.id, parks.regionId))
    .where(
      and(
        parkIn(scope, parks.id),
        f.regionId ? sql`${regions.path} && ${uuidArray([f.regionId])}` : undefined,
        f.parkId ? eq(parks.id, f.parkId) : undefined,
      ),
    );
}

/** Every region the scope may see (disabled ones too: old findings still count there). */
export async function reportRegions(db: Executor, scope: Scope) {
  return db
    .select({ id: regions.id, name: regions.name, parentId: regions.parentId, path: regions.path, disabledAt: regions.disabledAt })
    .from(regions)
    .where(regionIn(scope, regions.id));
}

// ── the findings behind a number ───────────────────────────────────────────

/** Not-closed lists are worked through by due date (longest overdue first); the others newest first. */
export const byDueDate = (measure: Measure) => measure !== 'total' && measure !== 'closed' && measure !== 'onTime';

export interface ReportPosition {
  /** The due date (YYYY-MM-DD) or observed_at (ISO) of the last finding of the previous page. */
  at: string;
  id: string;
}

export async function listReportFindings(
  db: Executor,
  scope: Scope,
  f: ReportFilter & { measure: Measure },
  page: { limit: number; after?: ReportPosition | undefined },
) {
  const a = page.after;
  const due = byDueDate(f.measure);
  const keyset = !a
    ? undefined
    : due
      ? sql`(${findings.dueDate}, ${findings.id}) > (${a.at}::date, ${a.id}::uuid)`
      : sql`(${findings.observedAt}, ${findings.id}) < (${a.at}::timestamptz, ${a.id}::uuid)`;
  const order = due ? [asc(findings.dueDate), asc(findings.id)] : [desc(findings.observedAt), desc(findings.id)];
  // The page is chosen from the report indexes alone; only its own rows are then read whole.
  const chosen = db.$with('chosen').as(
    db
      .select({ id: sql<string>`${findings.id}`.as('chosen_id') })
      .from(findings)
      .where(and(reportConditions(scope, f), measureCondition(f.measure, f), keyset))
      .orderBy(...order)
      .limit(page.limit + 1),
  );
  return db
    .with(chosen)
    .select({ finding: findings, parkName: parks.name, regionName: regions.name, enterpriseName: enterprises.name })
    .from(chosen)
    .innerJoin(findings, eq(findings.id, chosen.id))
    .innerJoin(parks, eq(parks.id, findings.parkId))
    .innerJoin(regions, eq(regions.id, parks.regionId))
    .leftJoin(enterprises, eq(enterprises.id, findings.enterpriseId))
    .orderBy(...order);
}

export async function countReportFindings(db: Executor, scope: Scope, f: ReportFilter & { measure: Measure }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(findings)
    .where(and(reportConditions(scope, f), measureCondition(f.measure, f)));
  return row?.n ?? 0;
}

// ── the backlog (存量) ─────────────────────────────────────────────────────

export interface BacklogFilter {
  regionId?: string | undefined;
  parkId?: string | undefined;
  /** Today (PARKCHECK_TZ), YYYY-MM-DD. */
  today: string;
  /** For each ageing band, the due dates it spans: [earliest or null, latest], computed from today. */
  bands: { key: AgeingKey; from: string | null; to: string }[];
}

export interface BacklogCountRow extends BacklogTotals {
  key: string;
}

/** Not-closed findings counted per park, category or severity; read from the partial index of open findings. */
export async function backlogCounts(
  db: Executor,
  scope: Scope,
  f: BacklogFilter,
  dimension: 'park' | 'category' | 'severity',
): Promise<BacklogCountRow[]> {
  const key = dimension === 'park' ? findings.parkId : dimension === 'category' ? findings.category : findings.severity;
  const count = (condition: SQL) => sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;
  const band = (b: BacklogFilter['bands'][number]) =>
    count(and(b.from ? sql`${findings.dueDate} >= ${b.from}::date` : undefined, sql`${findings.dueDate} <= ${b.to}::date`)!);
  const bands = Object.fromEntries(f.bands.map((b) => [b.key, band(b)])) as Record<AgeingKey, SQL<number>>;
  return db
    .select({
      key,
      open: count(sql`${findings.status} = 'open'`),
      submitted: count(sql`${findings.status} = 'submitted'`),
      overdue: count(sql`${findings.dueDate} < ${f.today}::date`),
      ...bands,
      openMajor: count(sql`${findings.severity} = 'major'`),
      escalatedTown: count(escalatedTown(f.today)),
      escalatedCity: count(escalatedCity(f.today)),
      oldestDueDate: sql<string | null>`min(${findings.dueDate})::text`,
    })
    .from(findings)
    .where(
      and(
        sql`${findings.status} <> 'closed'`,
        parkIn(scope, findings.parkId),
        f.parkId ? eq(findings.parkId, f.parkId) : undefined,
        f.regionId ? sql`${findings.parkId} IN (${parksUnder(f.regionId)})` : undefined,
      ),
    )
    .groupBy(key);
}
