/**
 * The enterprise file's twelve months: counted by the month a finding was
 * observed in Asia/Shanghai (as the reports count), with what is closed and
 * what is overdue today.
 */
import { describe, expect, it } from 'vitest';
import { lastTwelveMonths, yearRecord, yearStart } from '../../app/enterprises/file';

const TODAY = '2026-11-21';

describe('the last twelve months of an enterprise', () => {
  it('are this month and the eleven before, across the new year', () => {
    expect(lastTwelveMonths(TODAY)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05',
      '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    expect(lastTwelveMonths('2026-01-05')[0]).toBe('2025-02');
    expect(yearStart(TODAY)).toBe('2025-12-01');
  });

  it('count findings by status, category and month, in Shanghai time, leaving out older ones', () => {
    const record = yearRecord(
      [
        // 04:00 on 1 December in Shanghai, still November in UTC.
        { status: 'closed', dueDate: '2025-12-08', category: 'fire', observedAt: '2025-11-30T20:00:00.000Z' },
        { status: 'open', dueDate: '2026-11-01', category: 'fire', observedAt: '2026-10-25T10:00:00.000+08:00' },
        { status: 'submitted', dueDate: '2026-11-30', category: 'environment', observedAt: '2026-11-20T10:00:00.000+08:00' },
        { status: 'open', dueDate: '2026-12-01', category: 'environment', observedAt: '2026-11-21T10:00:00.000+08:00' },
        // 23:00 on 30 November 2025 in Shanghai: thirteen months ago.
        { status: 'open', dueDate: '2025-12-07', category: 'safety', observedAt: '2025-11-30T15:00:00.000Z' },
      ],
      TODAY,
      'Asia/Shanghai',
    );
    expect(record.total).toBe(4);
    expect(record.byStatus).toEqual({ open: 2, submitted: 1, closed: 1, overdue: 1 });
    expect(record.byCategory).toEqual([
      { category: 'environment', found: 2, closed: 0 },
      { category: 'fire', found: 2, closed: 1 },
    ]);
    const months = Object.fromEntries(record.months.map((m) => [m.month, [m.found, m.closed]]));
    expect(months['2025-12']).toEqual([1, 1]);
    expect(months['2026-10']).toEqual([1, 0]);
    expect(months['2026-11']).toEqual([2, 0]);
    expect(record.months.reduce((n, m) => n + m.found, 0)).toBe(4);
  });
});
