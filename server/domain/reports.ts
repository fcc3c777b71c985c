/**
 * Reports (API.md "Reports"): the rectification table by park, region,
 * category, severity or month, and the findings behind each of its numbers.
 *
 * - Periods are inclusive calendar dates in PARKCHECK_TZ, matched against the
 *   inspection date (a finding's observedAt); overdue is judged against today.
 * - Scope is the caller's: a regionId or parkId outside it is 404.
 * - Park and region tables are rolled up from per-park counts, so their rows
 *   add up to the totals; every park and region in scope has a row, an
 *   empty one (rates null) when nothing was found there.
 * - Region groups: the sub-regions of `regionId`, plus the parks lying
 *   directly in it. Without `regionId`, the same below the caller's root
 *   region; a caller with several roots (an inspector of two towns, an admin
 *   of several cities) gets one row per root.
 */
import { z } from 'zod';
import { endOfDate, localDate, startOfDate } from '../../shared/dates';
import { SEVERITIES, type Severity } from '../../shared/finding-machine';
import { addCounts, monthPeriod, monthsOf, rates, ratio, ZERO, type Counts } from '../../shared/rates';
import { BUILTIN_CATEGORIES } from '../../shared/schemas/entities';
import {
  REPORT_FINDINGS_DEFAULT_LIMIT,
  REPORT_RANGE_MESSAGE,
  earliestReportStart,
  latestReportEnd,
  type Measure,
  type RectificationReport,
  type ReportFinding,
  type ReportFindingExportQuery,
  type ReportFindingPage,
  type ReportFindingQuery,
  type ReportLang,
  type ReportQuery,
  type ReportRow,
  type ReportTotals,
} from '../../shared/schemas/reports';
import { scopeKey, scopeOf, type Scope } from '../../shared/scope';
import { categoryLabel, LABELS, monthLabel, type Labels } from './report-labels';
import { getPark, listLatestTemplates } from '../repo/catalog';
import { toFinding, type MapContext } from '../repo/mappers';
import {
  byDueDate,
  countReportFindings,
  countsBy,
  countsByMonth,
  countsByPark,
  coverageByPark,
  firstObserved,
  listReportFindings,
  reportParks,
  reportRegions,
  type CountRow,
  type ReportFilter,
} from '../repo/reports';
import type { Actor } from '../repo/users';
import { decodeCursor, encodeCursor } from './cursor';
import { invalid, notFound } from './errors';
import { mapContext, today, type Services } from './services';

export type RegionRow = Awaited<ReturnType<typeof reportRegions>>[number];
export type ParkRow = Awaited<ReturnType<typeof reportParks>>[number];

const collator = new Intl.Collator('zh-CN');
export const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);

export interface Where {
  scope: Scope;
  filter: ReportFilter;
  regions: Map<string, RegionRow>;
  /** The caller's top regions, when no region was asked for. */
  roots: RegionRow[];
  labels: Labels;
  /** What the numbers cover, in words. */
  scopeLabel: string;
}

interface WhereQuery {
  from?: string | undefined;
  to?: string | undefined;
  regionId?: string | undefined;
  parkId?: string | undefined;
  lang?: ReportLang | undefined;
}

export async function resolveWhere(s: Services, actor: Actor, q: WhereQuery): Promise<Where> {
  const scope = scopeOf(actor);
  const [regionList, park] = await Promise.all([
    reportRegions(s.db, scope),
    q.parkId ? getPark(s.db, scope, q.parkId) : undefined,
  ]);
  const regions = new Map(regionList.map((r) => [r.id, r]));
  if (q.regionId && !regions.has(q.regionId)) throw notFound('no such region');
  if (q.parkId && !park) throw notFound('no such park');
  if (q.from && !q.to && today(s) > latestReportEnd(q.from)) {
    throw invalid(REPORT_RANGE_MESSAGE, [{ path: 'from', message: REPORT_RANGE_MESSAGE }]);
  }
  const labels = LABELS[q.lang ?? 'zh'];
  const roots = rootsOf(actor, scope, regionList);
  const pathLabel = (ids: readonly string[]) =>
    ids.map((id) => regions.get(id)?.name ?? '').filter(Boolean).join(labels.pathSeparator);

  let scopeLabel: string;
  if (park) scopeLabel = [pathLabel(regions.get(park.regionId)?.path ?? []), park.name].filter(Boolean).join(labels.pathSeparator);
  else if (q.regionId) scopeLabel = pathLabel(regions.get(q.regionId)!.path);
  else scopeLabel = roots.map((r) => r.name).join(labels.scopeSeparator) || labels.allRegions;

  return {
    scope,
    filter: {
      from: q.from ? startOfDate(q.from, s.tz) : undefined,
      to: q.to ? endOfDate(q.to, s.tz) : undefined,
      regionId: q.regionId,
      parkId: q.parkId,
      today: today(s),
    },
    regions,
    roots,
    labels,
    scopeLabel,
  };
}

/** The caller's top regions: none above them in the same scope. Admins: the regions without a parent. */
function rootsOf(actor: Actor, scope: Scope, regions: RegionRow[]): RegionRow[] {
  if (scope.kind === 'all') return regions.filter((r) => r.parentId === null && r.disabledAt === null);
  const mine = new Set(actor.regionIds);
  return regions.filter((r) => mine.has(r.id) && !r.path.slice(0, -1).some((id) => mine.has(id)));
}

// ── the rectification table ────────────────────────────────────────────────

interface Tally extends Counts {
  enterprises: number;
  inspected: number;
}

const NO_TALLY: Tally = { ...ZERO, enterprises: 0, inspected: 0 };

function addTally(a: Tally, b: Tally): Tally {
  return { ...addCounts(a, b), enterprises: a.enterprises + b.enterprises, inspected: a.inspected + b.inspected };
}

const countsOf = (c: Counts) => ({
  total: c.total,
  closed: c.closed,
  onTime: c.onTime,
  overdue: c.overdue,
  openMajor: c.openMajor,
  ...rates(c),
});

const withCoverage = (t: Tally) => ({
  ...countsOf(t),
  enterprises: t.enterprises,
  inspectedEnterprises: t.inspected,
  inspectionCoverage: ratio(t.inspected, t.enterprises),
});

export async function rectificationReport(s: Services, actor: Actor, q: ReportQuery): Promise<RectificationReport> {
  const w = await resolveWhere(s, actor, q);
  let rows: ReportRow[];
  let totals: ReportTotals;
  if (q.groupBy === 'park' || q.groupBy === 'region') {
    // Disabled parks keep a place only while findings of the period count there.
    const tallies = (await parkTallies(s, w)).filter((t) => shown(t.park.disabledAt, t.tally));
    rows = q.groupBy === 'park' ? parkRows(tallies) : regionRows(tallies, w, q.regionId);
    totals = withCoverage(tallies.reduce((sum, t) => addTally(sum, t.tally), NO_TALLY));
  } else {
    rows =
      q.groupBy === 'month'
        ? await monthRows(s, w, q)
        : q.groupBy === 'severity'
          ? keyedRows(byKey(await countsBy(s.db, w.scope, w.filter, 'severity')), SEVERITIES, (k) => w.labels.severity[k as Severity])
          : await categoryRows(s, w, q.lang ?? 'zh');
    totals = countsOf(rows.reduce<Counts>((sum, r) => addCounts(sum, r), ZERO));
  }
  return {
    rows,
    totals,
    groupBy: q.groupBy,
    from: q.from ?? null,
    to: q.to ?? null,
    scope: w.scopeLabel,
    today: w.filter.today,
  };
}

interface ParkTally {
  park: ParkRow;
  tally: Tally;
}

/**
 * Work the requests arriving together share: the dashboard asks for the park
 * and the region table of one period at once, and both are rolled up from
 * the same counts per park. Only while in flight, so nothing is ever stale.
 */
const inFlight = new WeakMap<object, Map<string, Promise<unknown>>>();

function shared<T>(s: Services, key: string, load: () => Promise<T>): Promise<T> {
  let mine = inFlight.get(s.db);
  if (!mine) inFlight.set(s.db, (mine = new Map()));
  let p = mine.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load().finally(() => mine.delete(key));
    mine.set(key, p);
  }
  return p;
}

const byKey = (rows: CountRow[]) => new Map<string, Counts>(rows.map((r) => [r.key, r]));

async function parkTallies(s: Services, w: Where): Promise<ParkTally[]> {
  const key = JSON.stringify([scopeKey(w.scope), w.filter]);
  const [parks, counts, coverage] = await Promise.all([
    reportParks(s.db, w.scope, w.filter),
    shared(s, `parks:${key}`, () => countsByPark(s.db, w.scope, w.filter)).then(byKey),
    shared(s, `coverage:${key}`, () => coverageByPark(s.db, w.scope, w.filter)),
  ]);
  const coverageOf = new Map(coverage.map((c) => [c.parkId, c]));
  return parks.map((park) => {
    const cov = coverageOf.get(park.id);
    return { park, tally: { ...(counts.get(park.id) ?? ZERO), enterprises: cov?.enterprises ?? 0, inspected: cov?.inspected ?? 0 } };
  });
}

/** Disabled parks and regions keep a row only while findings of the period count there. */
const shown = (disabledAt: Date | null, t: Counts) => disabledAt === null || t.total > 0;

function parkRow({ park, tally }: ParkTally): ReportRow {
  return {
    key: park.id,
    label: park.name,
    kind: 'park',
    regionName: park.regionName,
    starRating: park.starRating,
    ...withCoverage(tally),
  };
}

function parkRows(tallies: ParkTally[]): ReportRow[] {
  return tallies.map(parkRow).sort(byLabel);
}

const TALLY_ROLLUP: Rollup<Tally, ReportRow> = {
  zero: NO_TALLY,
  add: addTally,
  empty: (t) => t.total === 0,
  park: parkRow,
  region: (region, tally) => ({ key: region.id, label: region.name, kind: 'region', ...withCoverage(tally) }),
};

function regionRows(tallies: ParkTally[], w: Where, regionId: string | undefined): ReportRow[] {
  return rollUpRegions(tallies, w, regionId, TALLY_ROLLUP);
}

/** How per-park numbers of some kind add up into region rows. */
export interface Rollup<T, R extends { label: string }> {
  zero: T;
  add(a: T, b: T): T;
  /** Nothing counted: a disabled region with nothing keeps no row. */
  empty(t: T): boolean;
  park(p: { park: ParkRow; tally: T }): R;
  region(region: RegionRow, tally: T): R;
}

/**
 * Region groups: the sub-regions of `regionId` (or of the caller's one root),
 * each with its whole subtree, then the parks lying directly in it. A caller
 * with several roots gets one row per root.
 */
export function rollUpRegions<T, R extends { label: string }>(
  tallies: { park: ParkRow; tally: T }[],
  w: Where,
  regionId: string | undefined,
  r: Rollup<T, R>,
): R[] {
  const anchor = regionId ? w.regions.get(regionId)! : w.roots.length === 1 ? w.roots[0]! : undefined;
  if (!anchor) {
    return w.roots
      .map((root) => r.region(root, tallies.filter((t) => t.park.path.includes(root.id)).reduce((sum, t) => r.add(sum, t.tally), r.zero)))
      .sort(byLabel);
  }
  const depth = anchor.path.length;
  const below = new Map<string, T>();
  const direct: { park: ParkRow; tally: T }[] = [];
  for (const t of tallies) {
    if (t.park.path.length > depth) {
      const child = t.park.path[depth]!;
      below.set(child, r.add(below.get(child) ?? r.zero, t.tally));
    } else {
      direct.push(t);
    }
  }
  const children = [...w.regions.values()]
    .filter((region) => region.parentId === anchor.id)
    .map((region) => ({ region, tally: below.get(region.id) ?? r.zero }))
    .filter(({ region, tally }) => region.disabledAt === null || !r.empty(tally))
    .map(({ region, tally }) => r.region(region, tally))
    .sort(byLabel);
  return [...children, ...direct.map(r.park).sort(byLabel)];
}

function row(key: string, label: string, c: Counts): ReportRow {
  return { key, label, ...countsOf(c) };
}

/** A fixed list of keys first (each shown, counted or not), then any other key that was counted. */
export function groupKeys(counted: Iterable<string>, keys: readonly string[]): string[] {
  return [...keys, ...[...counted].filter((k) => !keys.includes(k)).sort()];
}

function keyedRows(counts: Map<string, Counts>, keys: readonly string[], label: (key: string) => string): ReportRow[] {
  return groupKeys(counts.keys(), keys).map((k) => row(k, label(k), counts.get(k) ?? ZERO));
}

/** The categories a table lists (built-in, then admin-defined ones named by their template's title, 特种设备 …). */
export async function categoryGroups(s: Services, w: Where, lang: ReportLang) {
  const templates = await listLatestTemplates(s.db);
  const titles = new Map(templates.map((t) => [t.category, lang === 'en' ? t.title.en || t.title.zh : t.title.zh]));
  const keys = [...BUILTIN_CATEGORIES, ...[...titles.keys()].filter((c) => !BUILTIN_CATEGORIES.includes(c as never)).sort()];
  return { keys, label: (k: string) => categoryLabel(w.labels, k, titles.get(k)) };
}

async function categoryRows(s: Services, w: Where, lang: ReportLang): Promise<ReportRow[]> {
  const [counts, groups] = await Promise.all([countsBy(s.db, w.scope, w.filter, 'category'), categoryGroups(s, w, lang)]);
  return keyedRows(byKey(counts), groups.keys, groups.label);
}

/** Every month of the period, empty ones too (a trend has no gaps); an open start begins at the first finding. */
async function monthRows(s: Services, w: Where, q: ReportQuery): Promise<ReportRow[]> {
  const to = q.to ?? w.filter.today;
  let from = q.from;
  if (!from) {
    const first = await firstObserved(s.db, w.scope, w.filter);
    if (!first) return [];
    // Data older than the longest period (kept from a phone's wrong clock, say) is left out of an open start.
    const earliest = earliestReportStart(to);
    from = localDate(first, s.tz);
    if (from < earliest) from = earliest;
  }
  const months = monthsOf({ from, to });
  if (!months.length) return [];
  const bounds = [...months.map((m) => startOfDate(monthPeriod(m).from, s.tz)), endOfDate(monthPeriod(months.at(-1)!).to, s.tz)];
  const counts = await countsByMonth(s.db, w.scope, w.filter, bounds);
  const byMonth = new Map(counts.filter((c) => c.bucket >= 1 && c.bucket <= months.length).map((c) => [months[c.bucket - 1]!, c]));
  return keyedRows(byMonth, months, (k) => monthLabel(w.labels, k));
}

// ── the findings behind a number ───────────────────────────────────────────

const Position = z.object({ at: z.string().max(40), id: z.guid() });

function findingFilter(w: Where, q: ReportFindingExportQuery): ReportFilter & { measure: Measure } {
  return { ...w.filter, category: q.category, severity: q.severity, measure: q.measure ?? 'total' };
}

function toReportFinding(
  r: Awaited<ReturnType<typeof listReportFindings>>[number],
  ctx: MapContext,
): ReportFinding {
  return { ...toFinding(r.finding, ctx), parkName: r.parkName, regionName: r.regionName, enterpriseName: r.enterpriseName };
}

function positionOf(r: Awaited<ReturnType<typeof listReportFindings>>[number], measure: Measure) {
  return { at: byDueDate(measure) ? r.finding.dueDate : r.finding.observedAt.toISOString(), id: r.finding.id };
}

export async function reportFindings(s: Services, actor: Actor, q: ReportFindingQuery): Promise<ReportFindingPage> {
  const w = await resolveWhere(s, actor, q);
  const f = findingFilter(w, q);
  const limit = q.limit ?? REPORT_FINDINGS_DEFAULT_LIMIT;
  const after = q.cursor ? decodeCursor(q.cursor, Position) : undefined;
  const [rows, total] = await Promise.all([
    listReportFindings(s.db, w.scope, f, { limit, after }),
    countReportFindings(s.db, w.scope, f),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const ctx = mapContext(s);
  return {
    items: page.map((r) => toReportFinding(r, ctx)),
    nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last, f.measure)) : null,
    total,
    today: f.today,
  };
}

/** One Excel file holds at most this many findings; the title row says when there were more. */
export const EXPORT_MAX_FINDINGS = 100_000;
const EXPORT_PAGE = 2_000;

export interface FindingExport {
  measure: Measure;
  category: string | undefined;
  severity: 'general' | 'major' | undefined;
  scope: string;
  from: string | null;
  to: string | null;
  today: string;
  total: number;
  rows: AsyncIterable<ReportFinding>;
}

/** The findings of a list for an Excel file, read a page at a time so a big one never sits in memory. */
export async function findingsForExport(s: Services, actor: Actor, q: ReportFindingExportQuery): Promise<FindingExport> {
  const w = await resolveWhere(s, actor, q);
  const f = findingFilter(w, q);
  const total = await countReportFindings(s.db, w.scope, f);
  const ctx = mapContext(s);
  async function* rows(): AsyncIterable<ReportFinding> {
    let after: z.infer<typeof Position> | undefined;
    for (let sent = 0; sent < EXPORT_MAX_FINDINGS; ) {
      const limit = Math.min(EXPORT_PAGE, EXPORT_MAX_FINDINGS - sent);
      const page = (await listReportFindings(s.db, w.scope, f, { limit, after })).slice(0, limit);
      for (const r of page) yield toReportFinding(r, ctx);
      sent += page.length;
      const last = page.at(-1);
      if (page.length < limit || !last) return;
      after = positionOf(last, f.measure);
    }
  }
  return {
    measure: f.measure,
    category: q.category,
    severity: q.severity,
    scope: w.scopeLabel,
    from: q.from ?? null,
    to: q.to ?? null,
    today: f.today,
    total,
    rows: rows(),
  };
}
