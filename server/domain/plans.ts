/**
 * Plans (检查计划, API.md "Plans"). Supervisors within their scope and admins
 * make them; inspectors, supervisors and admins list the ones they see
 * (repo/plans.ts `planVisible`). Every change to a plan is noted in the pull
 * feed as one `plan` change, delivered to whoever sees the plan.
 *
 * - Targets are fixed at creation: naming an enterprise, park or region
 *   outside the caller's scope is 404, none at all is 400.
 * - The window is dates in PARKCHECK_TZ, stored with their instants so that
 *   coverage compares timestamps only. Closing early ends the window with
 *   the day of closing.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { endOfDate, formatInstant, localDate, startOfDate } from '../../shared/dates';
import {
  coverageOf,
  type Plan,
  type PlanCreate,
  type PlanDetail,
  type PlanInspectorList,
  type PlanList,
  type PlanUpdate,
} from '../../shared/schemas/plans';
import { scopeOf, type Scope } from '../../shared/scope';
import type { Executor } from '../db/client';
import {
  inspectorsInScope,
  insertPlan,
  insertTargets,
  knownTemplateCodes,
  lockPlan,
  planExists,
  planIdIn,
  planSeenBy,
  planSummaries,
  planTargetRows,
  targetsInScope,
  updatePlanRow,
  type PlanRow,
  type PlanSummaryRow,
  type PlanViewer,
} from '../repo/plans';
import type { Actor } from '../repo/users';
import { writeTx } from '../repo/write';
import { auditAction, badField, type AuditInfo } from './admin/common';
import { conflict, forbidden, invalid, notFound } from './errors';
import type { Services } from './services';

export const viewerOf = (actor: Actor): PlanViewer => ({ id: actor.id, role: actor.role, scope: scopeOf(actor) });

/** The instants a window spans: its first day's start to the end of its last day, or of the day it was closed if earlier. */
function windowInstants(s: Services, startDate: string, endDate: string, closedAt: Date | null) {
  const closedOn = closedAt ? localDate(closedAt, s.tz) : null;
  const last = closedOn && closedOn < endDate ? closedOn : endDate;
  return { startsAt: startOfDate(startDate, s.tz), endsAt: endOfDate(last, s.tz) };
}

function toPlan(r: PlanSummaryRow, tz: string): Plan {
  return {
    id: r.id,
    name: r.name,
    templateCodes: r.templateCodes,
    startDate: r.startDate,
    endDate: r.endDate,
    inspectorIds: r.inspectorIds,
    closedAt: r.closedAt ? formatInstant(r.closedAt, tz) : null,
    createdAt: formatInstant(r.createdAt, tz),
    targets: r.targets,
    done: r.done,
    coverage: coverageOf(r.done, r.targets),
  };
}

/** Inspectors a plan may name: active, and working where the caller does (404 otherwise: never reveal others). */
async function checkInspectors(db: Executor, scope: Scope, ids: string[]): Promise<void> {
  const found = new Set((await inspectorsInScope(db, scope, ids)).map((u) => u.id));
  const strangers = ids.filter((x) => !found.has(x));
  if (strangers.length) throw notFound(`inspectorIds: no such inspector: ${strangers.join(', ')}`);
}

/** The inspectors a supervisor may name in a plan. */
export async function planInspectors(s: Services, actor: Actor): Promise<PlanInspectorList> {
  return { items: await inspectorsInScope(s.db, scopeOf(actor)) };
}

const mayMakePlans = (actor: Actor) => actor.role === 'supervisor' || actor.role === 'admin';

export async function createPlan(s: Services, actor: Actor, input: PlanCreate, who: AuditInfo): Promise<PlanDetail> {
  if (!mayMakePlans(actor)) throw forbidden('only supervisors and admins make plans');
  const scope = scopeOf(actor);
  const asked = { enterpriseIds: input.enterpriseIds ?? [], parkIds: input.parkIds ?? [], regionIds: input.regionIds ?? [] };
  const inspectorIds = [...new Set(input.inspectorIds ?? [])];
  const id = input.id ?? randomUUID();
  await writeTx(s.db, async (tx, changes) => {
    if (await planExists(tx, id)) throw conflict(`a plan with id ${id} exists`);
    const codes = [...new Set(input.templateCodes)];
    const known = await knownTemplateCodes(tx, codes);
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) throw badField('templateCodes', `no such template: ${unknown.join(', ')}`);
    const found = await targetsInScope(tx, scope, asked);
    for (const key of ['enterpriseIds', 'parkIds', 'regionIds'] as const) {
      const missing = asked[key].filter((x) => !found[key].includes(x));
      if (missing.length) throw notFound(`${key}: not found: ${missing.join(', ')}`);
    }
    await checkInspectors(tx, scope, inspectorIds);
    const now = s.now();
    await insertPlan(tx, {
      id,
      name: input.name,
      templateCodes: codes,
      startDate: input.startDate,
      endDate: input.endDate,
      ...windowInstants(s, input.startDate, input.endDate, null),
      inspectorIds,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    const targets = await insertTargets(tx, id, found);
    if (!targets) throw badField('enterpriseIds', 'the plan has no target: name enterprises, or parks or regions with active enterprises');
    changes.plan(id);
    await auditAction(tx, who, 'plan.create', id, { name: input.name, targets });
  });
  return (await planDetails(s.db, s.tz, [id]))[0]!;
}

export async function listPlans(s: Services, actor: Actor): Promise<PlanList> {
  const rows = await planSummaries(s.db, planSeenBy(viewerOf(actor)));
  return { items: rows.map((r) => toPlan(r, s.tz)) };
}

/** Plans with their targets, as GET /api/plans/:id and the pull deliver them. */
export async function planDetails(db: Executor, tz: string, ids: string[]): Promise<PlanDetail[]> {
  if (!ids.length) return [];
  const [plans, targets] = await Promise.all([planSummaries(db, planIdIn(ids)), planTargetRows(db, ids)]);
  return plans.map((p) => ({
    plan: toPlan(p, tz),
    targets: targets
      .filter((t) => t.planId === p.id)
      .map(({ planId: _planId, ...t }) => ({ ...t, done: t.inspectionIds.length > 0 })),
  }));
}

export async function getPlan(s: Services, actor: Actor, id: string): Promise<PlanDetail> {
  const [seen] = await planSummaries(s.db, sql`${planIdIn([id])} AND ${planSeenBy(viewerOf(actor))}`);
  if (!seen) throw notFound('no such plan');
  return (await planDetails(s.db, s.tz, [id]))[0]!;
}

export async function updatePlan(s: Services, actor: Actor, id: string, input: PlanUpdate, who: AuditInfo): Promise<PlanDetail> {
  if (!mayMakePlans(actor)) throw forbidden('only supervisors and admins change plans');
  await writeTx(s.db, async (tx, changes) => {
    const row: PlanRow | undefined = await lockPlan(tx, id, viewerOf(actor));
    if (!row) throw notFound('no such plan');
    if (row.closedAt) throw conflict('the plan is closed');
    const startDate = input.startDate ?? row.startDate;
    const endDate = input.endDate ?? row.endDate;
    if (endDate < startDate) throw invalid('endDate: must not be before startDate', [{ path: 'endDate', message: 'must not be before startDate' }]);
    let inspectorIds = row.inspectorIds;
    if (input.inspectorIds) {
      inspectorIds = [...new Set(input.inspectorIds)];
      await checkInspectors(tx, scopeOf(actor), inspectorIds);
    }
    const now = s.now();
    const closedAt = input.closed ? now : null;
    await updatePlanRow(tx, id, {
      name: input.name ?? row.name,
      startDate,
      endDate,
      ...windowInstants(s, startDate, endDate, closedAt),
      inspectorIds,
      closedAt,
      updatedAt: now,
    });
    changes.plan(id);
    await auditAction(tx, who, input.closed ? 'plan.close' : 'plan.update', id, { ...input });
  });
  return (await planDetails(s.db, s.tz, [id]))[0]!;
}
