/**
 * The operator's home groups findings by what they must do next. Every
 * boundary a park safety officer relies on: overdue from the day after the
 * due date, "due soon" up to three days ahead, submitted ones waiting
 * whatever their date, the latest closings first.
 */
import { describe, expect, it } from 'vitest';
import {
  categoriesOf,
  groupFindings,
  groupOf,
  recentlyClosed,
  searchEnterprises,
  type FindingRow,
} from '../../app/operator/groups';
import type { Enterprise, Finding } from '../../shared/schemas/entities';

const TODAY = '2026-11-21';

function enterprise(name: string, creditCode: string | null = null): Enterprise {
  return { id: crypto.randomUUID(), parkId: 'p', name, creditCode, building: null, contactName: null, contactPhone: null, disabled: false };
}

function row(patch: Partial<Finding>, e?: Enterprise): FindingRow {
  const finding: Finding = {
    id: crypto.randomUUID(),
    inspectionId: 'i',
    parkId: 'p',
    enterpriseId: e?.id ?? null,
    templateId: null,
    itemCode: null,
    category: 'fire',
    severity: 'general',
    description: 'd',
    location: null,
    requirement: null,
    dueDate: '2026-12-31',
    status: 'open',
    rectifiedOnSite: false,
    attachmentIds: [],
    observedAt: '2026-11-01T10:00:00.000+08:00',
    rectifiedAt: null,
    closedAt: null,
    overdue: false,
    pendingExtension: null,
    submittedBy: null,
    updatedAt: '2026-11-01T10:00:00.000+08:00',
    ...patch,
  };
  return { finding, enterprise: e };
}

describe('which group a finding is in', () => {
  it('is overdue only from the day after its due date', () => {
    expect(groupOf({ status: 'open', dueDate: '2026-11-20' }, TODAY)).toBe('overdue');
    expect(groupOf({ status: 'open', dueDate: TODAY }, TODAY)).toBe('dueSoon');
  });

  it('is due soon from today up to three days ahead, then just open', () => {
    expect(groupOf({ status: 'open', dueDate: '2026-11-24' }, TODAY)).toBe('dueSoon');
    expect(groupOf({ status: 'open', dueDate: '2026-11-25' }, TODAY)).toBe('open');
  });

  it('waits for re-inspection once submitted, even past its due date; closed is closed', () => {
    expect(groupOf({ status: 'submitted', dueDate: '2026-10-01' }, TODAY)).toBe('submitted');
    expect(groupOf({ status: 'closed', dueDate: '2026-10-01' }, TODAY)).toBe('closed');
  });
});

describe('grouping and filtering', () => {
  const a = enterprise('慈溪市宇海模具有限公司', '91330282316467758H');
  const b = enterprise('宁波新远模具有限公司');
  const rows = [
    row({ dueDate: '2026-11-01', description: 'late, older' }, a),
    row({ dueDate: '2026-11-10', description: 'late, newer', severity: 'major' }, b),
    row({ dueDate: '2026-11-22', category: 'environment' }, a),
    row({ status: 'submitted', dueDate: '2026-11-05' }, b),
    row({ status: 'closed', closedAt: '2026-11-20T09:00:00.000+08:00', category: 'safety' }, a),
    row({ status: 'closed', closedAt: '2026-09-01T09:00:00.000+08:00' }, a),
    row({ status: 'closed', closedAt: '2026-11-02T09:00:00.000+08:00' }),
  ];

  it('puts the longest overdue first and the latest closed first, with every row in exactly one group', () => {
    const g = groupFindings(rows, TODAY);
    expect(g.overdue.map((r) => r.finding.description)).toEqual(['late, older', 'late, newer']);
    expect(g.dueSoon).toHaveLength(1);
    expect(g.open).toHaveLength(0);
    expect(g.submitted).toHaveLength(1);
    expect(g.closed.map((r) => r.finding.closedAt?.slice(0, 10))).toEqual(['2026-11-20', '2026-11-02', '2026-09-01']);
    expect(Object.values(g).flat()).toHaveLength(rows.length);
  });

  it('counts the closings of the last 30 days (shown first; older ones behind "show more")', () => {
    expect(recentlyClosed(groupFindings(rows, TODAY).closed, TODAY, 'Asia/Shanghai')).toBe(2);
  });

  it('filters by enterprise name or the start of its credit code, by category and by severity', () => {
    expect(Object.values(groupFindings(rows, TODAY, { query: '宇海', category: null, severity: null })).flat()).toHaveLength(4);
    expect(Object.values(groupFindings(rows, TODAY, { query: '913302823', category: null, severity: null })).flat()).toHaveLength(4);
    expect(Object.values(groupFindings(rows, TODAY, { query: '', category: 'environment', severity: null })).flat()).toHaveLength(1);
    const major = groupFindings(rows, TODAY, { query: '', category: null, severity: 'major' });
    expect(major.overdue.map((r) => r.finding.description)).toEqual(['late, newer']);
    expect(Object.values(major).flat()).toHaveLength(1);
  });

  it('offers the categories present, the built-in ones first in their usual order', () => {
    expect(categoriesOf([...rows, row({ category: 'special_equipment' })], ['fire', 'safety', 'environment'])).toEqual([
      'fire',
      'safety',
      'environment',
      'special_equipment',
    ]);
  });

  it('finds enterprises for the search shortcuts, never disabled ones', () => {
    const gone = { ...enterprise('宁波停业模具有限公司'), disabled: true };
    expect(searchEnterprises([a, b, gone], '模具').map((e) => e.name)).toEqual([a.name, b.name]);
    expect(searchEnterprises([a, b], ' ')).toEqual([]);
  });
});
