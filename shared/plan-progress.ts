/**
 * A plan's progress as the phone sees it: the server's word on each target
 * (as last pulled), and the inspections on the phone — including those saved
 * offline and not yet synced — judged by the same rule as the server
 * (API.md "Plans"): an inspection of the target's enterprise, with any
 * version of one of the plan's templates, dated (PARKCHECK_TZ) within the
 * window; a plan closed early stops at the day it was closed.
 */
import { localDate } from './dates';
import type { PlanDetail, PlanTarget } from './schemas/plans';

export interface InspectionLike {
  id: string;
  enterpriseId: string | null;
  templateId: string;
  inspectedAt: string;
}

export interface PlanProgress {
  detail: PlanDetail;
  done: number;
  total: number;
  /** Targets still to do, by park and then building (no building last), in the order the server gave them. */
  remaining: { parkId: string; parkName: string; buildings: { building: string | null; targets: PlanTarget[] }[] }[];
}

/** The last day an inspection counts for. */
export function planLastDay(plan: PlanDetail['plan'], tz: string): string {
  const closedOn = plan.closedAt ? localDate(new Date(plan.closedAt), tz) : null;
  return closedOn && closedOn < plan.endDate ? closedOn : plan.endDate;
}

export function planProgress(
  detail: PlanDetail,
  inspections: readonly InspectionLike[],
  templateCodes: ReadonlyMap<string, string>,
  tz: string,
): PlanProgress {
  const { plan } = detail;
  const codes = new Set(plan.templateCodes);
  const last = planLastDay(plan, tz);
  const doneHere = new Set<string>();
  for (const i of inspections) {
    if (!i.enterpriseId || !codes.has(templateCodes.get(i.templateId) ?? '')) continue;
    const day = localDate(new Date(i.inspectedAt), tz);
    if (day >= plan.startDate && day <= last) doneHere.add(i.enterpriseId);
  }
  const remaining: PlanProgress['remaining'] = [];
  let done = 0;
  for (const t of detail.targets) {
    if (t.done || doneHere.has(t.enterpriseId)) {
      done++;
      continue;
    }
    let park = remaining.find((p) => p.parkId === t.parkId);
    if (!park) remaining.push((park = { parkId: t.parkId, parkName: t.parkName, buildings: [] }));
    let building = park.buildings.find((b) => b.building === t.building);
    if (!building) park.buildings.push((building = { building: t.building, targets: [] }));
    building.targets.push(t);
  }
  for (const p of remaining) p.buildings.sort((a, b) => (a.building === null ? 1 : b.building === null ? -1 : 0));
  return { detail, done, total: detail.targets.length, remaining };
}

/** Open on `today`: not closed, and today not past its last day. Plans not started yet count as open (to prepare). */
export const planOpen = (plan: PlanDetail['plan'], today: string) => plan.closedAt === null && plan.endDate >= today;
