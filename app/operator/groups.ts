/**
 * The operator's findings as they work through them: what is late, what is
 * due within three days, what is still open, what waits for re-inspection,
 * and what was closed lately. Pure functions of the rows and "today" (in
 * PARKCHECK_TZ, as the server judges due dates), so the home screen and its
 * tests agree on every boundary.
 */
import { addDays, daysBetween, isOverdue, startOfDate } from '../../shared/dates';
import type { Severity } from '../../shared/finding-machine';
import type { Enterprise, Finding } from '../../shared/schemas/entities';

export const GROUPS = ['overdue', 'dueSoon', 'open', 'submitted', 'closed'] as const;
export type GroupKey = (typeof GROUPS)[number];

/** "Due soon": the due date is today or within this many days. */
export const DUE_SOON_DAYS = 3;
/** Closed findings shown at first: those closed within this many days (the rest behind "show more"). */
export const RECENT_CLOSED_DAYS = 30;

export interface FindingRow {
  finding: Finding & { pending?: 1 };
  enterprise: Enterprise | undefined;
}

export interface FindingFilter {
  /** Part of an enterprise's name or the start of its credit code. */
  query: string;
  category: string | null;
  severity: Severity | null;
}

export const NO_FILTER: FindingFilter = { query: '', category: null, severity: null };

export function groupOf(f: Pick<Finding, 'status' | 'dueDate'>, today: string): GroupKey {
  if (f.status === 'closed') return 'closed';
  // The operator has done their part: it waits for the inspector, late or not.
  if (f.status === 'submitted') return 'submitted';
  if (isOverdue(f.status, f.dueDate, today)) return 'overdue';
  return daysBetween(today, f.dueDate) <= DUE_SOON_DAYS ? 'dueSoon' : 'open';
}

export function matches(row: FindingRow, filter: FindingFilter): boolean {
  const { finding: f, enterprise: e } = row;
  if (filter.category && f.category !== filter.category) return false;
  if (filter.severity && f.severity !== filter.severity) return false;
  const q = filter.query.trim().toLowerCase();
  if (!q) return true;
  return Boolean(e && (e.name.toLowerCase().includes(q) || (e.creditCode ?? '').toLowerCase().startsWith(q)));
}

const byDue = (a: FindingRow, b: FindingRow) => a.finding.dueDate.localeCompare(b.finding.dueDate) || a.finding.observedAt.localeCompare(b.finding.observedAt);
const closedAt = (r: FindingRow) => Date.parse(r.finding.closedAt ?? r.finding.updatedAt);

export type Grouped = Record<GroupKey, FindingRow[]>;

/**
 * The rows that pass `filter`, by group: the most urgent first in each
 * (the longest overdue, the soonest due), the latest closed first.
 */
export function groupFindings(rows: FindingRow[], today: string, filter: FindingFilter = NO_FILTER): Grouped {
  const out: Grouped = { overdue: [], dueSoon: [], open: [], submitted: [], closed: [] };
  for (const row of rows) if (matches(row, filter)) out[groupOf(row.finding, today)].push(row);
  for (const key of GROUPS) out[key].sort(key === 'closed' ? (a, b) => closedAt(b) - closedAt(a) : byDue);
  return out;
}

/** How many of the closed rows (latest first) were closed within RECENT_CLOSED_DAYS of today (in `tz`). */
export function recentlyClosed(closed: FindingRow[], today: string, tz: string): number {
  const since = startOfDate(addDays(today, -RECENT_CLOSED_DAYS), tz).getTime();
  return closed.filter((r) => closedAt(r) >= since).length;
}

/** The categories present in the rows, built-in ones first in their usual order. */
export function categoriesOf(rows: FindingRow[], builtin: readonly string[]): string[] {
  const present = new Set(rows.map((r) => r.finding.category));
  return [...builtin.filter((c) => present.has(c)), ...[...present].filter((c) => !builtin.includes(c)).sort()];
}

/** Enterprises whose name or credit code matches the query (for the search field's shortcuts to the enterprise file). */
export function searchEnterprises(enterprises: Enterprise[], query: string, limit = 5): Enterprise[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  return enterprises
    .filter((e) => !e.disabled && (e.name.toLowerCase().includes(q) || (e.creditCode ?? '').toLowerCase().startsWith(q)))
    .slice(0, limit);
}
