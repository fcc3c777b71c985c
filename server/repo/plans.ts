/**
 * Plans and their targets. Coverage is computed where the data is: a target
 * is done when an inspection of its enterprise, with a template whose code
 * the plan names, falls within [startsAt, endsAt) — one indexed probe per
 * target (inspections_enterprise_time_idx).
 */
import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Role } from '../../shared/finding-machine';
import type { Scope } from '../../shared/scope';
import { resultRows, type Executor, type Tx } from '../db/client';
import { enterprises, inspections, parks, planTargets, plans, regions, templates, users } from '../db/schema';
import { parkIn, uuidArray } from './scope';

export type PlanRow = typeof plans.$inferSelect;

/** Who is asking, as far as which plans they see. */
export interface PlanViewer {
  id: string;
  role: Role;
  scope: Scope;
}

/**
 * The plans a viewer sees: admins all; supervisors and inspectors those with
 * a target in their scope, or that they made, or (inspectors) that name them.
 * Operators none. A condition on a plan id column.
 */
export function planVisible(v: PlanViewer, planId: SQL | AnyColumn): SQL {
  if (v.role === 'admin') return sql`TRUE`;
  if (v.role === 'operator') return sql`FALSE`;
  return sql`(${planId} IN (SELECT ${planTargets.planId} FROM ${planTargets} WHERE ${parkIn(v.scope, planTargets.parkId)})
    OR ${planId} IN (SELECT ${plans.id} FROM ${plans} WHERE ${plans.createdBy} = ${v.id} OR ${v.id}::uuid = ANY(${plans.inspectorIds})))`;
}

/** Ids of the plans that name a user — made by them or assigning them — in id order. */
export async function plansNaming(db: Executor, userId: string): Promise<string[]> {
  const result = await db.execute(sql`SELECT ${plans.id} AS id FROM ${plans}
    WHERE ${plans.createdBy} = ${userId} OR ${userId}::uuid = ANY(${plans.inspectorIds}) ORDER BY ${plans.id}`);
  return resultRows<{ id: string }>(result).map((r) => r.id);
}

/** The inspections that count for a target of plan `p` (aliases: `t` a target row, `p` its plan). */
const countingInspections = sql`SELECT i.id, i.inspected_at FROM ${inspections} i
  WHERE i.enterprise_id = t.enterprise_id AND i.inspected_at >= p.starts_at AND i.inspected_at < p.ends_at
    AND i.template_id IN (SELECT tp.id FROM ${templates} tp WHERE tp.code = ANY(p.template_codes))`;

export interface PlanSummaryRow extends PlanRow {
  targets: number;
  done: number;
}

/** Plans with their target and done counts, newest window first. */
export async function planSummaries(db: Executor, where: SQL): Promise<PlanSummaryRow[]> {
  const result = await db.execute(sql`SELECT row_to_json(p)::text AS plan,
      (SELECT count(*) FROM ${planTargets} t WHERE t.plan_id = p.id)::int AS targets,
      (SELECT count(*) FROM ${planTargets} t WHERE t.plan_id = p.id AND EXISTS (${countingInspections}))::int AS done
    FROM ${plans} p WHERE ${where}
    ORDER BY p.start_date DESC, p.created_at DESC, p.id`);
  return resultRows<{ plan: string; targets: number; done: number }>(result).map((r) => ({
    ...fromJson(JSON.parse(r.plan) as Record<string, unknown>),
    targets: Number(r.targets),
    done: Number(r.done),
  }));
}

function fromJson(j: Record<string, unknown>): PlanRow {
  const at = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    id: j.id as string,
    name: j.name as string,
    templateCodes: j.template_codes as string[],
    startDate: j.start_date as string,
    endDate: j.end_date as string,
    startsAt: at(j.starts_at)!,
    endsAt: at(j.ends_at)!,
    inspectorIds: j.inspector_ids as string[],
    createdBy: j.created_by as string,
    closedAt: at(j.closed_at),
    createdAt: at(j.created_at)!,
    updatedAt: at(j.updated_at)!,
  };
}

/** `p.id` (the alias planSummaries reads plans as) is one of `ids`. */
export const planIdIn = (ids: string[]) => sql`p.id = ANY(${uuidArray(ids)})`;
/** `p.id` is a plan the viewer sees. */
export const planSeenBy = (v: PlanViewer) => planVisible(v, sql`p.id`);

export interface PlanTargetRow {
  planId: string;
  enterpriseId: string;
  parkId: string;
  enterpriseName: string;
  building: string | null;
  parkName: string;
  inspectionIds: string[];
}

/** The targets of these plans, with names and the inspections that count for each. */
export async function planTargetRows(db: Executor, planIds: string[]): Promise<PlanTargetRow[]> {
  if (!planIds.length) return [];
  const result = await db.execute(sql`SELECT t.plan_id AS "planId", t.enterprise_id AS "enterpriseId", t.park_id AS "parkId",
      e.name AS "enterpriseName", e.building, pk.name AS "parkName",
      coalesce((SELECT json_agg(c.id ORDER BY c.inspected_at, c.id) FROM (${countingInspections}) c), '[]'::json) AS "inspectionIds"
    FROM ${planTargets} t
    JOIN ${plans} p ON p.id = t.plan_id
    JOIN ${enterprises} e ON e.id = t.enterprise_id
    JOIN ${parks} pk ON pk.id = t.park_id
    WHERE t.plan_id = ANY(${uuidArray(planIds)})
    ORDER BY pk.name, e.building NULLS LAST, e.name, e.id`);
  return resultRows<PlanTargetRow>(result);
}

export async function insertPlan(tx: Tx, row: typeof plans.$inferInsert): Promise<void> {
  await tx.insert(plans).values(row);
}

export async function planExists(db: Executor, id: string): Promise<boolean> {
  return (await db.select({ id: plans.id }).from(plans).where(eq(plans.id, id)).limit(1)).length > 0;
}

export async function lockPlan(tx: Tx, id: string, v: PlanViewer): Promise<PlanRow | undefined> {
  const [row] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.id, id), planVisible(v, plans.id)))
    .for('update')
    .limit(1);
  return row;
}

export async function updatePlanRow(tx: Tx, id: string, patch: Partial<typeof plans.$inferInsert>): Promise<void> {
  await tx.update(plans).set(patch).where(eq(plans.id, id));
}

export interface TargetChoice {
  enterpriseIds: string[];
  parkIds: string[];
  regionIds: string[];
}

/** Of the ids asked, those that exist in the scope (regions: within its subtrees, not the chain above). */
export async function targetsInScope(db: Executor, scope: Scope, c: TargetChoice): Promise<TargetChoice> {
  const regionsInScope =
    scope.kind === 'all' ? sql`TRUE` : scope.kind === 'regions' ? sql`r.path && ${uuidArray(scope.regionIds)}` : sql`FALSE`;
  const result = await db.execute(sql`SELECT
    (SELECT coalesce(json_agg(e.id), '[]') FROM ${enterprises} e WHERE e.id = ANY(${uuidArray(c.enterpriseIds)}) AND ${parkIn(scope, sql`e.park_id`)}) AS "enterpriseIds",
    (SELECT coalesce(json_agg(pk.id), '[]') FROM ${parks} pk WHERE pk.id = ANY(${uuidArray(c.parkIds)}) AND ${parkIn(scope, sql`pk.id`)}) AS "parkIds",
    (SELECT coalesce(json_agg(r.id), '[]') FROM ${regions} r WHERE r.id = ANY(${uuidArray(c.regionIds)}) AND ${regionsInScope}) AS "regionIds"`);
  return resultRows<TargetChoice>(result)[0]!;
}

/**
 * Writes the targets: the listed enterprises, and the active enterprises of
 * the listed parks and of the parks in the listed regions (sub-regions
 * included). Answers how many.
 */
export async function insertTargets(tx: Tx, planId: string, c: TargetChoice): Promise<number> {
  const result = await tx.execute(sql`INSERT INTO ${planTargets} (plan_id, enterprise_id, park_id)
    SELECT ${planId}::uuid, e.id, e.park_id FROM ${enterprises} e
    WHERE e.id = ANY(${uuidArray(c.enterpriseIds)})
       OR (e.disabled_at IS NULL AND (e.park_id = ANY(${uuidArray(c.parkIds)})
           OR e.park_id IN (SELECT pk.id FROM ${parks} pk JOIN ${regions} r ON r.id = pk.region_id WHERE r.path && ${uuidArray(c.regionIds)})))
    RETURNING enterprise_id`);
  return resultRows(result).length;
}

/** Template codes that have a published version. */
export async function knownTemplateCodes(db: Executor, codes: string[]): Promise<Set<string>> {
  const rows = await db.selectDistinct({ code: templates.code }).from(templates).where(sql`${templates.code} = ANY(${sql.param(codes)}::text[])`);
  return new Set(rows.map((r) => r.code));
}

/** Active inspectors whose regions overlap the scope (either contains the other); only those of `ids` when given. */
export async function inspectorsInScope(db: Executor, scope: Scope, ids?: string[]) {
  if (ids && !ids.length) return [];
  const overlap =
    scope.kind === 'all'
      ? sql`TRUE`
      : scope.kind === 'regions'
        ? sql`EXISTS (SELECT 1 FROM ${regions} r WHERE r.id = ANY(${users.regionIds})
            AND (r.path && ${uuidArray(scope.regionIds)} OR r.id IN (SELECT unnest(r2.path) FROM ${regions} r2 WHERE r2.id = ANY(${uuidArray(scope.regionIds)}))))`
        : sql`FALSE`;
  return db
    .select({ id: users.id, name: users.name, username: users.username })
    .from(users)
    .where(and(ids ? sql`${users.id} = ANY(${uuidArray(ids)})` : undefined, eq(users.role, 'inspector'), sql`${users.disabledAt} IS NULL`, overlap))
    .orderBy(users.name);
}

/** Open plans with a target among these enterprises whose window holds `at`: their coverage may just have moved. */
export async function plansCoveringInspections(db: Executor, items: { enterpriseId: string; inspectedAt: Date }[]): Promise<string[]> {
  if (!items.length) return [];
  const json = JSON.stringify(items.map((i) => ({ e: i.enterpriseId, at: i.inspectedAt.toISOString() })));
  const result = await db.execute(sql`SELECT DISTINCT p.id FROM jsonb_to_recordset(${json}::jsonb) AS x(e uuid, at timestamptz)
    JOIN ${planTargets} t ON t.enterprise_id = x.e
    JOIN ${plans} p ON p.id = t.plan_id
    WHERE x.at >= p.starts_at AND x.at < p.ends_at`);
  return resultRows<{ id: string }>(result).map((r) => r.id);
}
