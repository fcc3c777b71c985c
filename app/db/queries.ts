/**
 * Reads the screens need, over the phone's database. Plain functions of the
 * database (views wrap them in live queries), so lists update by themselves
 * after a local change or a pulled page.
 */
import { isOverdue } from '../../shared/dates';
import type { Enterprise, Park } from '../../shared/schemas/entities';
import type { ParkCheckDb } from './database';

export interface EnterpriseRow {
  enterprise: Enterprise;
  park: Park;
  lastInspectedAt: string | null;
  /** Findings not yet closed, and those of them past their due date. */
  open: number;
  overdue: number;
  visitedAt: string | null;
}

/** Every enterprise in scope with what an inspector planning the day wants to know. */
export async function enterpriseOverview(db: ParkCheckDb, userId: string, today: string): Promise<EnterpriseRow[]> {
  const [parks, enterprises, inspections, open, visits] = await Promise.all([
    db.parks.toArray(),
    db.enterprises.toArray(),
    db.inspections.toArray(),
    db.findings.where('status').anyOf('open', 'submitted').toArray(),
    db.visits.where('userId').equals(userId).toArray(),
  ]);
  const parkById = new Map(parks.map((p) => [p.id, p]));
  const last = new Map<string, string>();
  for (const i of inspections) {
    if (i.enterpriseId && (last.get(i.enterpriseId) ?? '') < i.inspectedAt) last.set(i.enterpriseId, i.inspectedAt);
  }
  const counts = new Map<string, { open: number; overdue: number }>();
  for (const f of open) {
    if (!f.enterpriseId) continue;
    const c = counts.get(f.enterpriseId) ?? { open: 0, overdue: 0 };
    c.open++;
    if (isOverdue(f.status, f.dueDate, today)) c.overdue++;
    counts.set(f.enterpriseId, c);
  }
  const visited = new Map(visits.map((v) => [v.enterpriseId, v.at]));
  return enterprises
    .filter((e) => !e.disabled && parkById.has(e.parkId))
    .map((e) => ({
      enterprise: e,
      park: parkById.get(e.parkId)!,
      lastInspectedAt: last.get(e.id) ?? null,
      open: counts.get(e.id)?.open ?? 0,
      overdue: counts.get(e.id)?.overdue ?? 0,
      visitedAt: visited.get(e.id) ?? null,
    }));
}

/** Today in the deployment's time zone, as the server judges due dates. */
export const todayIn = (tz = 'Asia/Shanghai', now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
