/**
 * Calendar rules. A due date is a calendar day in the deployment's time zone
 * (PARKCHECK_TZ, Asia/Shanghai by default); "today" and "the end of a due date"
 * are judged there, never in the server's or the phone's own zone.
 */

export const DEFAULT_TZ = 'Asia/Shanghai';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(tz, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, tz: string): WallClock {
  const out: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

/** Offset of `tz` from UTC at `instant`, in minutes (Shanghai: +480). */
export function tzOffsetMinutes(instant: Date, tz: string): number {
  const w = wallClock(instant, tz);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar date of `instant` in `tz`, as YYYY-MM-DD. */
export function localDate(instant: Date, tz: string): string {
  const w = wallClock(instant, tz);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

export function addDays(date: string, days: number): string {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return t.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** The first instant of `date` in `tz`. */
export function startOfDate(date: string, tz: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  // Two passes settle the offset even on a day where it changes.
  let instant = new Date(guess.getTime() - tzOffsetMinutes(guess, tz) * 60000);
  instant = new Date(guess.getTime() - tzOffsetMinutes(instant, tz) * 60000);
  return instant;
}

/** The instant a due date ends: the start of the next day in `tz` (exclusive bound). */
export function endOfDate(date: string, tz: string): Date {
  return startOfDate(addDays(date, 1), tz);
}

/**
 * Offsets per zone and quarter hour. Zones change offset only on quarter-hour
 * boundaries, and asking Intl costs ~10 µs: a pull page formats thousands of
 * timestamps.
 */
const offsetCache = new Map<string, Map<number, number>>();
function cachedOffset(ms: number, tz: string): number {
  let zone = offsetCache.get(tz);
  if (!zone) offsetCache.set(tz, (zone = new Map()));
  const bucket = Math.floor(ms / 900_000);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    if (zone.size > 50_000) zone.clear();
    offset = tzOffsetMinutes(new Date(bucket * 900_000), tz);
    zone.set(bucket, offset);
  }
  return offset;
}

/** ISO 8601 with the zone's offset, e.g. 2026-11-21T13:05:00.000+08:00. */
export function formatInstant(instant: Date, tz: string): string {
  const offset = cachedOffset(instant.getTime(), tz);
  const wall = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const abs = Math.abs(offset);
  return `${wall}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Overdue is derived, never stored: not closed and today is after the due date. */
export function isOverdue(status: string, dueDate: string, today: string): boolean {
  return status !== 'closed' && today > dueDate;
}
