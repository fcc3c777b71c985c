/**
 * Reports (API.md "Reports"): the rectification table and the findings behind
 * each of its numbers. Periods are inclusive calendar dates in PARKCHECK_TZ,
 * matched against the inspection date; `lang` picks the language of labels
 * (and of an Excel file's headers).
 */
import { z } from 'zod';
import { DateOnly, Id } from './common';
import { CategorySchema, Finding, SeveritySchema } from './entities';

export const GROUP_BYS = ['park', 'region', 'category', 'severity', 'month'] as const;
export const GroupBySchema = z.enum(GROUP_BYS);
export type GroupBy = z.infer<typeof GroupBySchema>;

export const REPORT_LANGS = ['zh', 'en'] as const;
export const ReportLang = z.enum(REPORT_LANGS);
export type ReportLang = z.infer<typeof ReportLang>;

/**
 * What a number counts, so a list shows exactly the findings behind it:
 * total; closed (整改/销号); onTime (closed by the end of the due date);
 * overdue (not closed, due date before today); openMajor (not closed, major);
 * escalatedTown (督办, on the town's list: overdue more than 7 days, or an
 * overdue major); escalatedCity (on the city's list: overdue more than 30
 * days) — see shared/schemas/backlog.ts ESCALATION.
 */
export const MEASURES = ['total', 'closed', 'onTime', 'overdue', 'openMajor', 'escalatedTown', 'escalatedCity'] as const;
export const MeasureSchema = z.enum(MEASURES);
export type Measure = z.infer<typeof MeasureSchema>;

const Where = {
  /** Inspection dates from, inclusive. */
  from: DateOnly.optional(),
  /** Inspection dates to, inclusive. */
  to: DateOnly.optional(),
  /** This region and its sub-regions. */
  regionId: Id.optional(),
  parkId: Id.optional(),
  lang: ReportLang.optional(),
};

const fromNotAfterTo = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.from <= q.to;
const FROM_AFTER_TO = { message: 'from must not be after to', path: ['to'] };

/** The longest period a report covers (API.md "Hardening"); a trend of it is at most 121 months. */
export const MAX_REPORT_YEARS = 10;

/** The last day a period starting on `from` may end on: the same date MAX_REPORT_YEARS later. */
export const latestReportEnd = (from: string) => `${String(Number(from.slice(0, 4)) + MAX_REPORT_YEARS).padStart(4, '0')}${from.slice(4)}`;

/** The first day a period ending on `to` may start on. */
export const earliestReportStart = (to: string) => `${String(Number(to.slice(0, 4)) - MAX_REPORT_YEARS).padStart(4, '0')}${to.slice(4)}`;

export const REPORT_RANGE_MESSAGE = `a period may be at most ${MAX_REPORT_YEARS} years`;
const withinMaxRange = (q: { from?: string | undefined; to?: string | undefined }) => !q.from || !q.to || q.to <= latestReportEnd(q.from);
const TOO_LONG = { message: REPORT_RANGE_MESSAGE, path: ['to'] };

export const ReportQuery = z.object({ groupBy: GroupBySchema, ...Where }).refine(fromNotAfterTo, FROM_AFTER_TO).refine(withinMaxRange, TOO_LONG);
export type ReportQuery = z.infer<typeof ReportQuery>;

export const REPORT_FINDINGS_DEFAULT_LIMIT = 50;
export const REPORT_FINDINGS_MAX_LIMIT = 500;

const FindingWhere = {
  ...Where,
  measure: MeasureSchema.optional(),
  category: CategorySchema.optional(),
  severity: SeveritySchema.optional(),
};

export const ReportFindingQuery = z
  .object({
    ...FindingWhere,
    limit: z.coerce.number().int().min(1).max(REPORT_FINDINGS_MAX_LIMIT).optional(),
    cursor: z.string().max(500).optional(),
  })
  .refine(fromNotAfterTo, FROM_AFTER_TO).refine(withinMaxRange, TOO_LONG);
export type ReportFindingQuery = z.infer<typeof ReportFindingQuery>;

export const ReportFindingExportQuery = z.object(FindingWhere).refine(fromNotAfterTo, FROM_AFTER_TO).refine(withinMaxRange, TOO_LONG);
export type ReportFindingExportQuery = z.infer<typeof ReportFindingExportQuery>;

const Count = z.number().int().min(0);
const Ratio = z.number().min(0).max(1).nullable();

const CountFields = {
  total: Count,
  closed: Count,
  onTime: Count,
  overdue: Count,
  openMajor: Count,
  /** closed / total; null when total is 0. */
  rate: Ratio,
  /** onTime / total; null when total is 0. */
  onTimeRate: Ratio,
};

/** Park and region groups (and their totals) only. */
const CoverageFields = {
  /** Enterprises in the group (not disabled). */
  enterprises: Count.optional(),
  /** Of those, how many had at least one inspection in the period. */
  inspectedEnterprises: Count.optional(),
  /** inspectedEnterprises / enterprises; null when there are no enterprises. */
  inspectionCoverage: Ratio.optional(),
};

export const ReportRow = z
  .object({
    /** Park or region id, category code, severity, or month as YYYY-MM. */
    key: z.string(),
    label: z.string(),
    /** Park and region groups: a region (drill into it) or a park (a park lying directly in the region). */
    kind: z.enum(['region', 'park']).optional(),
    /** Park rows: the park's region and star rating. */
    regionName: z.string().optional(),
    starRating: z.number().int().nullable().optional(),
    ...CountFields,
    ...CoverageFields,
  })
  .meta({ id: 'ReportRow' });
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportTotals = z.object({ ...CountFields, ...CoverageFields }).meta({ id: 'ReportTotals' });
export type ReportTotals = z.infer<typeof ReportTotals>;

export const RectificationReport = z
  .object({
    rows: z.array(ReportRow),
    totals: ReportTotals,
    groupBy: GroupBySchema,
    from: DateOnly.nullable(),
    to: DateOnly.nullable(),
    /** What the numbers cover, in words: a region's path, a park, or the caller's regions. */
    scope: z.string(),
    /** The day `overdue` was judged against (PARKCHECK_TZ). */
    today: DateOnly,
  })
  .meta({ id: 'RectificationReport' });
export type RectificationReport = z.infer<typeof RectificationReport>;

/** A finding with the names a list shows next to it. */
export const ReportFinding = Finding.extend({
  parkName: z.string(),
  regionName: z.string(),
  enterpriseName: z.string().nullable(),
}).meta({ id: 'ReportFinding' });
export type ReportFinding = z.infer<typeof ReportFinding>;

export const ReportFindingPage = z
  .object({
    items: z.array(ReportFinding),
    nextCursor: z.string().nullable(),
    /** How many findings the list holds in all pages. */
    total: Count,
    /** The day `overdue` was judged against (PARKCHECK_TZ). */
    today: DateOnly,
  })
  .meta({ id: 'ReportFindingPage' });
export type ReportFindingPage = z.infer<typeof ReportFindingPage>;
