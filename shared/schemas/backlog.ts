/**
 * The backlog (存量, API.md "Backlog"): every finding in scope not yet closed,
 * whatever its inspection date, as of today in PARKCHECK_TZ. Overdue findings
 * are aged by whole days past their due date.
 */
import { z } from 'zod';
import { DateOnly, Id } from './common';
import { ReportLang } from './reports';

export const BACKLOG_GROUP_BYS = ['park', 'region', 'category', 'severity'] as const;
export const BacklogGroupBySchema = z.enum(BACKLOG_GROUP_BYS);
export type BacklogGroupBy = z.infer<typeof BacklogGroupBySchema>;

/** Ageing bands: days past the due date, inclusive; the last one is open-ended. */
export const AGEING = [
  { key: 'overdue1to7', from: 1, to: 7 },
  { key: 'overdue8to30', from: 8, to: 30 },
  { key: 'overdue31plus', from: 31, to: null },
] as const;
export type AgeingKey = (typeof AGEING)[number]['key'];

/**
 * The escalation ladder (督办): an overdue finding reaches the town's list
 * once more than `town` days past due (every overdue major at once), and the
 * city's once more than `city` days.
 */
export const ESCALATION = { town: 7, city: 30 } as const;

export const BacklogQuery = z.object({
  groupBy: BacklogGroupBySchema,
  /** This region and its sub-regions. */
  regionId: Id.optional(),
  parkId: Id.optional(),
  lang: ReportLang.optional(),
});
export type BacklogQuery = z.infer<typeof BacklogQuery>;

const Count = z.number().int().min(0);

const BacklogCounts = {
  open: Count,
  submitted: Count,
  /** Not closed, due date before today. */
  overdue: Count,
  overdue1to7: Count,
  overdue8to30: Count,
  overdue31plus: Count,
  /** Not closed and major. */
  openMajor: Count,
  /** On the town's list: overdue more than 7 days, or an overdue major. */
  escalatedTown: Count,
  /** On the city's list: overdue more than 30 days. */
  escalatedCity: Count,
  /** The earliest due date among the findings counted; null when none. */
  oldestDueDate: DateOnly.nullable(),
};

export const BacklogRow = z
  .object({
    /** Park or region id, category code or severity. */
    key: z.string(),
    label: z.string(),
    /** Park and region groups: a region (drill into it) or a park lying directly in the region. */
    kind: z.enum(['region', 'park']).optional(),
    ...BacklogCounts,
  })
  .meta({ id: 'BacklogRow' });
export type BacklogRow = z.infer<typeof BacklogRow>;

export const BacklogTotals = z.object(BacklogCounts).meta({ id: 'BacklogTotals' });
export type BacklogTotals = z.infer<typeof BacklogTotals>;

export const BacklogReport = z
  .object({
    /** The day the backlog is counted on (PARKCHECK_TZ). */
    asOf: DateOnly,
    rows: z.array(BacklogRow),
    totals: BacklogTotals,
    groupBy: BacklogGroupBySchema,
    /** What the numbers cover, in words. */
    scope: z.string(),
  })
  .meta({ id: 'BacklogReport' });
export type BacklogReport = z.infer<typeof BacklogReport>;

export const NO_BACKLOG: BacklogTotals = {
  open: 0,
  submitted: 0,
  overdue: 0,
  overdue1to7: 0,
  overdue8to30: 0,
  overdue31plus: 0,
  openMajor: 0,
  escalatedTown: 0,
  escalatedCity: 0,
  oldestDueDate: null,
};

/** Two groups' backlog as one (a region's from its parks). */
export function addBacklog(a: BacklogTotals, b: BacklogTotals): BacklogTotals {
  const oldest = !a.oldestDueDate ? b.oldestDueDate : !b.oldestDueDate ? a.oldestDueDate : a.oldestDueDate < b.oldestDueDate ? a.oldestDueDate : b.oldestDueDate;
  return {
    open: a.open + b.open,
    submitted: a.submitted + b.submitted,
    overdue: a.overdue + b.overdue,
    overdue1to7: a.overdue1to7 + b.overdue1to7,
    overdue8to30: a.overdue8to30 + b.overdue8to30,
    overdue31plus: a.overdue31plus + b.overdue31plus,
    openMajor: a.openMajor + b.openMajor,
    escalatedTown: a.escalatedTown + b.escalatedTown,
    escalatedCity: a.escalatedCity + b.escalatedCity,
    oldestDueDate: oldest,
  };
}
