/** The report arithmetic every screen, export and the server share (shared/rates.ts). */
import { describe, expect, it } from 'vitest';
import {
  change,
  isOnTime,
  likeForLike,
  monthsOf,
  periodKind,
  presetPeriod,
  previousPeriod,
  rates,
  ratio,
  trailingMonths,
  worstFirst,
} from '../../shared/rates';

const SH = 'Asia/Shanghai';

describe('rates', () => {
  it('are the share of all findings, and null for a group with none', () => {
    expect(rates({ total: 8, closed: 6, onTime: 3 })).toEqual({ rate: 0.75, onTimeRate: 0.375 });
    expect(rates({ total: 0, closed: 0, onTime: 0 })).toEqual({ rate: null, onTimeRate: null });
    expect(ratio(0, 5)).toBe(0);
  });

  it('judge on time at the end of the due date in the deployment’s zone, inclusive', () => {
    const closed = (at: string) => ({ status: 'closed', dueDate: '2026-03-09', rectifiedAt: new Date(at) });
    expect(isOnTime(closed('2026-03-09T23:30:00+08:00'), SH)).toBe(true);
    expect(isOnTime(closed('2026-03-10T00:00:00+08:00'), SH)).toBe(true);
    expect(isOnTime(closed('2026-03-10T00:10:00+08:00'), SH)).toBe(false);
    // The same instant, judged in UTC, would still be the 9th.
    expect(isOnTime(closed('2026-03-10T00:10:00+08:00'), 'UTC')).toBe(true);
    expect(isOnTime({ status: 'submitted', dueDate: '2026-03-09', rectifiedAt: new Date('2026-03-01T00:00:00Z') }, SH)).toBe(false);
  });

  it('find the end of a due date on a day the clocks change', () => {
    // Berlin leaves summer time in the night after 2026-10-24: the 25th lasts 25 hours.
    const late = { status: 'closed', dueDate: '2026-10-25', rectifiedAt: new Date('2026-10-25T23:30:00+01:00') };
    expect(isOnTime(late, 'Europe/Berlin')).toBe(true);
    expect(isOnTime({ ...late, rectifiedAt: new Date('2026-10-26T00:30:00+01:00') }, 'Europe/Berlin')).toBe(false);
  });

  it('change is null when either period has no value', () => {
    expect(change(0.8, 0.75)).toBeCloseTo(0.05, 12);
    expect(change(null, 0.75)).toBeNull();
    expect(change(3, null)).toBeNull();
  });
});

describe('park ranking, worst first', () => {
  const park = (label: string, rate: number | null, onTimeRate: number | null, overdue = 0, total = 10) => ({
    label,
    rate,
    onTimeRate,
    overdue,
    total,
    closed: 0,
    onTime: 0,
    openMajor: 0,
  });

  it('orders by rate, then on-time rate, then overdue; parks without findings last', () => {
    const ranked = [
      park('甲', 0.9, 0.8),
      park('乙', null, null, 0, 0),
      park('丙', 0.5, 0.5),
      park('丁', 0.5, 0.4),
      park('戊', 0.5, 0.4, 3),
    ].sort(worstFirst);
    expect(ranked.map((p) => p.label)).toEqual(['戊', '丁', '丙', '甲', '乙']);
  });
});

describe('report periods', () => {
  it('presets are whole calendar months, quarters and years around today', () => {
    expect(presetPeriod('thisMonth', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('lastMonth', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('thisQuarter', '2026-11-21')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('thisYear', '2024-02-29')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('the previous period of a month, quarter or year is the one before it; of other ranges, as many days before', () => {
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({ from: '2026-02-28', to: '2026-03-09' });
  });

  it('比上期 compares like for like: a running period up to today with the same span of the previous one', () => {
    // 4 December: 1–4 December against 1–4 November, not against all of November.
    expect(likeForLike({ from: '2026-12-01', to: '2026-12-31' }, '2026-12-04')).toEqual({
      current: { from: '2026-12-01', to: '2026-12-04' },
      previous: { from: '2026-11-01', to: '2026-11-04' },
    });
    // 30 March has no 30 February: the previous span stops at February's end.
    expect(likeForLike({ from: '2026-03-01', to: '2026-03-31' }, '2026-03-30').previous).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    // A quarter 10 days in: the first 10 days of the previous quarter.
    expect(likeForLike({ from: '2026-10-01', to: '2026-12-31' }, '2026-10-10').previous).toEqual({ from: '2026-07-01', to: '2026-07-10' });
    // A period that is over (or today its last day) compares whole with whole.
    expect(likeForLike({ from: '2026-11-01', to: '2026-11-30' }, '2026-12-04')).toEqual({
      current: { from: '2026-11-01', to: '2026-11-30' },
      previous: { from: '2026-10-01', to: '2026-10-31' },
    });
    expect(likeForLike({ from: '2026-11-01', to: '2026-11-30' }, '2026-11-30').previous).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('names what kind of period a range is', () => {
    expect(periodKind({ from: '2026-03-01', to: '2026-03-31' })).toBe('month');
    expect(periodKind({ from: '2026-04-01', to: '2026-06-30' })).toBe('quarter');
    expect(periodKind({ from: '2026-02-01', to: '2026-04-30' })).toBe('custom');
    expect(periodKind({ from: '2026-01-01', to: '2026-12-31' })).toBe('year');
    expect(periodKind({ from: '2026-03-02', to: '2026-03-31' })).toBe('custom');
  });

  it('lists the months a period touches, and the trailing twelve for a trend', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(trailingMonths('2026-03-31', 12)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
  });
});
