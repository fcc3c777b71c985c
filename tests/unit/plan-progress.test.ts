/**
 * A plan's progress on the phone (shared/plan-progress.ts): the server's
 * word on each target, plus the inspections on the phone judged by the same
 * rule — the plan's checklists in any version, the inspection's date in the
 * deployment's zone within the window, up to the day a plan was closed.
 */
import { describe, expect, it } from 'vitest';
import { planOpen, planProgress, type InspectionLike } from '../../shared/plan-progress';
import type { PlanDetail, PlanTarget } from '../../shared/schemas/plans';

const TZ = 'Asia/Shanghai';
const target = (enterpriseId: string, parkName: string, building: string | null, done = false): PlanTarget => ({
  enterpriseId,
  parkId: `park-${parkName}`,
  enterpriseName: `企业${enterpriseId}`,
  building,
  parkName,
  done,
  inspectionIds: done ? ['x'] : [],
});
const detail = (over: Partial<PlanDetail['plan']> = {}): PlanDetail => ({
  plan: {
    id: 'p1',
    name: '冬季消防专项检查',
    templateCodes: ['FIRE'],
    startDate: '2026-12-01',
    endDate: '2026-12-31',
    inspectorIds: [],
    closedAt: null,
    createdAt: '2026-11-20T10:00:00.000+08:00',
    targets: 4,
    done: 1,
    coverage: 0.25,
    ...over,
  },
  targets: [target('a', '万洋', '3号楼', true), target('b', '万洋', null), target('c', '万洋', '1号楼'), target('d', '华东', '2号楼')],
});
const codes = new Map([
  ['fire-v1', 'FIRE'],
  ['fire-v2', 'FIRE'],
  ['safety-v1', 'SAFETY'],
]);
const inspection = (enterpriseId: string, inspectedAt: string, templateId = 'fire-v2'): InspectionLike => ({ id: enterpriseId + inspectedAt, enterpriseId, templateId, inspectedAt });

describe("a plan's progress on the phone", () => {
  it('counts the server-done targets and the inspections saved on the phone, any version of the plan checklist', () => {
    const p = planProgress(detail(), [inspection('c', '2026-12-05T10:00:00+08:00')], codes, TZ);
    expect([p.done, p.total]).toEqual([2, 4]);
  });

  it('judges the window in the deployment zone: 23:30 on the last day counts, 00:10 the next day does not', () => {
    expect(planProgress(detail(), [inspection('c', '2026-12-31T15:30:00Z')], codes, TZ).done).toBe(2);
    expect(planProgress(detail(), [inspection('c', '2026-12-31T16:10:00Z')], codes, TZ).done).toBe(1);
    expect(planProgress(detail(), [inspection('c', '2026-11-30T15:59:00Z')], codes, TZ).done).toBe(1);
  });

  it('does not count another checklist, a park-common-areas inspection, or a day after the plan was closed', () => {
    expect(planProgress(detail(), [inspection('c', '2026-12-05T10:00:00+08:00', 'safety-v1')], codes, TZ).done).toBe(1);
    expect(planProgress(detail(), [{ id: 'i', enterpriseId: null, templateId: 'fire-v1', inspectedAt: '2026-12-05T10:00:00+08:00' }], codes, TZ).done).toBe(1);
    const closed = detail({ closedAt: '2026-12-10T09:00:00+08:00' });
    expect(planProgress(closed, [inspection('c', '2026-12-10T20:00:00+08:00')], codes, TZ).done).toBe(2);
    expect(planProgress(closed, [inspection('c', '2026-12-11T08:00:00+08:00')], codes, TZ).done).toBe(1);
  });

  it('lists what is left by park, then building, with no building last', () => {
    const p = planProgress(detail(), [], codes, TZ);
    expect(p.remaining.map((park) => [park.parkName, park.buildings.map((b) => [b.building, b.targets.map((t) => t.enterpriseId)])])).toEqual([
      ['万洋', [['1号楼', ['c']], [null, ['b']]]],
      ['华东', [['2号楼', ['d']]]],
    ]);
  });

  it('is open until its last day, and not once closed', () => {
    expect(planOpen(detail().plan, '2026-12-31')).toBe(true);
    expect(planOpen(detail().plan, '2027-01-01')).toBe(false);
    expect(planOpen(detail({ closedAt: '2026-12-10T09:00:00+08:00' }).plan, '2026-12-10')).toBe(false);
  });
});
