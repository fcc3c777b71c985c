/**
 * Report arithmetic (SPEC §3 "Rates", API.md "Reports"), pure so the server,
 * its exports and the app compute the same numbers:
 *
 * - rectification rate (整改率) = closed / all;
 * - on-time rate (按期整改率) = closed with rectifiedAt not after the end of
 *   the due date in PARKCHECK_TZ / all;
 * - inspection coverage = enterprises inspected in the period / enterprises;
 * - every ratio is null for an empty group: "no findings" is not "0 %".
 *
 * And the report periods: calendar months, quarters and years, and the period
 * before one, for "change against the previous period".
 */
import { addDays, daysBetween, endOfDate } from './dates';

export interface Counts {
  total: number;
  closed: number;
  onTime: number;
  overdue: number;
  openMajor: number;
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function rates(c: Pick<Counts, 'total' | 'closed' | 'onTime'>): { rate: number | null; onTimeRate: number | null } {
  return { rate: ratio(c.closed, c.total), onTimeRate: ratio(c.onTime, c.total) };
}

/** The same judgement the report query makes in SQL, for one finding. */
export function isOnTime(
  f: { status: string; rectifiedAt: Date | null; dueDate: string },
  tz: string,
): boolean {
  return f.status === 'closed' && f.rectifiedAt !== null && f.rectifiedAt.getTime() <= endOfDate(f.dueDate, tz).getTime();
}

export const ZERO: Counts = { total: 0, closed: 0, onTime: 0, overdue: 0, openMajor: 0 };

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    total: a.total + b.total,
    closed: a.closed + b.closed,
    onTime: a.onTime + b.onTime,
    overdue: a.overdue + b.overdue,
    openMajor: a.openMajor + b.openMajor,
  };
}

/** Current minus previous; null when either side has no value (an empty period). */
export function change(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

/**
 * Park ranking, worst first: lowest rectification rate, then lowest on-time
 * rate, then most overdue. Parks with no findings in the period have nothing
 * to rank and go last.
 */
export function worstFirst<T extends Counts & { rate: number | null; onTimeRate: number | null; label: string }>(
  a: T,
  b: T,
): number {
  if (a.rate === null || b.rate === null) return a.rate === null ? (b.rate === null ? a.label.localeCompare(b.label, 'zh-CN') : 1) : -1;
  return (
    a.rate - b.rate ||
    (a.onTimeRate ?? 0) - (b.onTimeRate ?? 0) ||
    b.overdue - a.overdue ||
    b.total - a.total ||
    a.label.localeCompare(b.label, 'zh-CN')
  );
}

// ── periods ────────────────────────────────────────────────────────────────

/** An inclusive range of calendar dates, YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** The last day of month `m` (1–12) of year `y`. */
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The month `n` months after (negative: before) month `m` of year `y`, as [year, month]. */
function shiftMonth(y: number, m: number, n: number): [number, number] {
  const index = y * 12 + (m - 1) + n;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** `months` whole calendar months starting with month `m` of year `y`. */
function monthSpan(y: number, m: number, months: number): Period {
  const [ey, em] = shiftMonth(y, m, months - 1);
  return { from: ymd(y, m, 1), to: ymd(ey, em, lastDay(ey, em)) };
}

export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return monthSpan(y, m, 1);
}

export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const [y, m] = parts(today);
  switch (preset) {
    case 'thisMonth':
      return monthSpan(y, m, 1);
    case 'lastMonth': {
      const [py, pm] = shiftMonth(y, m, -1);
      return monthSpan(py, pm, 1);
    }
    case 'thisQuarter':
      return monthSpan(y, m - ((m - 1) % 3), 3);
    case 'thisYear':
      return monthSpan(y, 1, 12);
  }
}

/** How many whole calendar months the period covers, or null when it does not start and end on month boundaries. */
export function wholeMonths(p: Period): number | null {
  const [fy, fm, fd] = parts(p.from);
  const [ty, tm, td] = parts(p.to);
  if (fd !== 1 || td !== lastDay(ty, tm)) return null;
  const n = ty * 12 + tm - (fy * 12 + fm) + 1;
  return n > 0 ? n : null;
}

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export function periodKind(p: Period): PeriodKind {
  const months = wholeMonths(p);
  const startMonth = parts(p.from)[1];
  if (months === 1) return 'month';
  if (months === 3 && (startMonth - 1) % 3 === 0) return 'quarter';
  if (months === 12 && startMonth === 1) return 'year';
  return 'custom';
}

/**
 * The period just before `p`, for 环比: the previous month, quarter or year
 * for calendar periods (so this quarter compares with the last), otherwise
 * the same number of days immediately before.
 */
export function previousPeriod(p: Period): Period {
  const months = wholeMonths(p);
  if (months !== null) {
    const [fy, fm] = parts(p.from);
    const [py, pm] = shiftMonth(fy, fm, -months);
    return monthSpan(py, pm, months);
  }
  const days = daysBetween(p.from, p.to) + 1;
  return { from: addDays(p.from, -days), to: addDays(p.from, -1) };
}

/**
 * What 比上期 compares, like for like: a period still running (today inside
 * it) counts only up to today, and is compared with the same span of the
 * previous period — 1–4 December with 1–4 November — cut at that period's
 * end (30 March compares with February's whole month). A period that is over
 * compares with the whole previous one.
 */
export function likeForLike(p: Period, today: string): { current: Period; previous: Period } {
  const before = previousPeriod(p);
  if (today < p.from || today >= p.to) return { current: p, previous: before };
  const end = addDays(before.from, daysBetween(p.from, today));
  return { current: { from: p.from, to: today }, previous: { from: before.from, to: end < before.to ? end : before.to } };
}

/** YYYY-MM of each month the period touches, in order. */
export function monthsOf(p: Period): string[] {
  const [fy, fm] = parts(p.from);
  const [ty, tm] = parts(p.to);
  const out: string[] = [];
  for (let [y, m] = [fy, fm]; y * 12 + m <= ty * 12 + tm; [y, m] = shiftMonth(y, m, 1)) out.push(`${y}-${pad(m)}`);
  return out;
}

/** The `count` calendar months ending with the month of `to`: the trend behind a period. */
export function trailingMonths(to: string, count: number): Period {
  const [y, m] = parts(to);
  const [sy, sm] = shiftMonth(y, m, -(count - 1));
  return monthSpan(sy, sm, count);
}
