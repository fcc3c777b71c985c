/**
 * The inspector's plans from the phone's database: each open plan as last
 * pulled, with its progress counted again over the inspections on this phone
 * (shared/plan-progress.ts), so an inspection saved offline moves it at once.
 */
import { planOpen, planProgress, type PlanProgress } from '../../shared/plan-progress';
import type { ParkCheckDb } from '../db/database';

export async function openPlans(db: ParkCheckDb, tz: string, today: string): Promise<PlanProgress[]> {
  const plans = (await db.plans.toArray()).filter((p) => planOpen(p.plan, today));
  if (!plans.length) return [];
  const targets = new Set(plans.flatMap((p) => p.targets.map((t) => t.enterpriseId)));
  const [inspections, templates] = await Promise.all([
    db.inspections.where('enterpriseId').anyOf([...targets]).toArray(),
    db.templates.toArray(),
  ]);
  const codes = new Map(templates.map((t) => [t.id, t.code]));
  return plans
    .map((p) => planProgress(p, inspections, codes, tz))
    .sort((a, b) => a.detail.plan.endDate.localeCompare(b.detail.plan.endDate) || a.detail.plan.name.localeCompare(b.detail.plan.name));
}
