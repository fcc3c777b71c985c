/**
 * Plans (检查计划 / 专项检查, API.md "Plans"): which enterprises must be
 * inspected with which checklists in which window, optionally by whom.
 * Targets are fixed when the plan is made. A target is done when an
 * inspection of its enterprise with any version of one of the plan's
 * templates has its date (PARKCHECK_TZ) within the window; a plan closed
 * early stops counting after the day it was closed.
 */
import { z } from 'zod';
import { DateOnly, Id, Name, Timestamp } from './common';

/** A plan names at most this many of each kind of target (a province's parks fit; a region picks the rest). */
export const PLAN_LIMITS = { templates: 20, enterprises: 20_000, parks: 2_000, regions: 200, inspectors: 200 } as const;

const TemplateCode = z.string().trim().min(1).max(64);
const ids = (max: number) => z.array(Id).max(max);

const windowInOrder = (p: { startDate?: string | undefined; endDate?: string | undefined }) =>
  !p.startDate || !p.endDate || p.startDate <= p.endDate;
const WINDOW_IN_ORDER = { message: 'endDate must not be before startDate', path: ['endDate'] };

export const PlanCreate = z
  .strictObject({
    id: Id.optional(),
    name: Name,
    templateCodes: z.array(TemplateCode).min(1).max(PLAN_LIMITS.templates),
    startDate: DateOnly,
    endDate: DateOnly,
    enterpriseIds: ids(PLAN_LIMITS.enterprises).optional(),
    parkIds: ids(PLAN_LIMITS.parks).optional(),
    regionIds: ids(PLAN_LIMITS.regions).optional(),
    inspectorIds: ids(PLAN_LIMITS.inspectors).optional(),
  })
  .refine(windowInOrder, WINDOW_IN_ORDER)
  .meta({ id: 'PlanCreate' });
export type PlanCreate = z.infer<typeof PlanCreate>;

/** What may change after creation: the name, the window, the inspectors; `closed: true` ends the plan today. Targets never change. */
export const PlanUpdate = z
  .strictObject({
    name: Name.optional(),
    startDate: DateOnly.optional(),
    endDate: DateOnly.optional(),
    inspectorIds: ids(PLAN_LIMITS.inspectors).optional(),
    closed: z.literal(true).optional(),
  })
  .refine(windowInOrder, WINDOW_IN_ORDER)
  .meta({ id: 'PlanUpdate' });
export type PlanUpdate = z.infer<typeof PlanUpdate>;

const Count = z.number().int().min(0);

export const Plan = z
  .object({
    id: Id,
    name: z.string(),
    templateCodes: z.array(z.string()),
    startDate: DateOnly,
    endDate: DateOnly,
    inspectorIds: z.array(Id),
    /** When the plan was closed early; inspections after that day do not count. */
    closedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    /** How many enterprises the plan targets, how many are done, done / targets (null when none). */
    targets: Count,
    done: Count,
    coverage: z.number().min(0).max(1).nullable(),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof Plan>;

export const PlanTarget = z
  .object({
    enterpriseId: Id,
    parkId: Id,
    enterpriseName: z.string(),
    /** The enterprise's building (楼栋), for grouping on the phone. */
    building: z.string().nullable(),
    parkName: z.string(),
    done: z.boolean(),
    /** The inspections that count for this target, oldest first. */
    inspectionIds: z.array(Id),
  })
  .meta({ id: 'PlanTarget' });
export type PlanTarget = z.infer<typeof PlanTarget>;

/** A plan with its targets: GET /api/plans/:id, and the data of a pulled `plan`. */
export const PlanDetail = z.object({ plan: Plan, targets: z.array(PlanTarget) }).meta({ id: 'PlanDetail' });
export type PlanDetail = z.infer<typeof PlanDetail>;

export const PlanList = z.object({ items: z.array(Plan) }).meta({ id: 'PlanList' });
export type PlanList = z.infer<typeof PlanList>;

/** Inspectors a plan may name (GET /api/plans/inspectors). */
export const PlanInspectorList = z
  .object({ items: z.array(z.object({ id: Id, name: z.string(), username: z.string() })) })
  .meta({ id: 'PlanInspectorList' });
export type PlanInspectorList = z.infer<typeof PlanInspectorList>;

export const PlanQuery = z.object({ lang: z.enum(['zh', 'en']).optional() });

/** done / targets, null for no targets. */
export const coverageOf = (done: number, targets: number) => (targets ? done / targets : null);
