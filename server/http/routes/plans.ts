/**
 * Plans (API.md "Plans"): supervisors and admins make and change them;
 * inspectors, supervisors and admins read the ones they see; operators get
 * 403. A plan outside the caller's sight is 404.
 */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { PlanCreate, PlanDetail, PlanInspectorList, PlanList, PlanQuery, PlanUpdate } from '../../../shared/schemas/plans';
import { IdParam } from '../../../shared/schemas/reads';
import { createPlan, getPlan, listPlans, planInspectors, updatePlan } from '../../domain/plans';
import { planExcel } from '../../export/plans';
import { requireAuth, requireRole } from '../auth';
import type { AppEnv } from '../env';
import { excel, sendExcel } from '../excel';
import { errors, json, jsonBody } from '../openapi';

const readers = { tags: ['plans'], middleware: [requireAuth, requireRole('supervisor', 'inspector', 'admin')] };
const makers = { tags: ['plans'], middleware: [requireAuth, requireRole('supervisor', 'admin')] };

const createPlanRoute = createRoute({
  ...makers,
  method: 'post',
  path: '/api/plans',
  request: { body: jsonBody(PlanCreate) },
  responses: {
    201: json(PlanDetail, 'the plan, with its targets fixed now'),
    ...errors(400, 401, 403, 404, 409),
  },
});

const listPlansRoute = createRoute({
  ...readers,
  method: 'get',
  path: '/api/plans',
  responses: { 200: json(PlanList, 'the plans the caller sees, with their coverage'), ...errors(401, 403) },
});

const inspectorsRoute = createRoute({
  ...makers,
  method: 'get',
  path: '/api/plans/inspectors',
  responses: { 200: json(PlanInspectorList, 'the inspectors a plan of the caller may name: active, working where the caller does'), ...errors(401, 403) },
});

const getPlanRoute = createRoute({
  ...readers,
  method: 'get',
  path: '/api/plans/{id}',
  request: { params: IdParam },
  responses: { 200: json(PlanDetail, 'the plan and each target: done or not, and the inspections that did it'), ...errors(400, 401, 403, 404) },
});

const updatePlanRoute = createRoute({
  ...makers,
  method: 'patch',
  path: '/api/plans/{id}',
  description:
    'Changes the name, the window or the inspectors of a plan, or closes it early (`closed: true`: inspections after today no longer count). Targets never change. A closed plan is 409.',
  request: { params: IdParam, body: jsonBody(PlanUpdate) },
  responses: { 200: json(PlanDetail, 'the plan as changed'), ...errors(400, 401, 403, 404, 409) },
});

const planExcelRoute = createRoute({
  ...readers,
  method: 'get',
  path: '/api/plans/{id}/targets.xlsx',
  request: { params: IdParam, query: PlanQuery },
  responses: { 200: excel('the targets of the plan by park, done or not, as an Excel file'), ...errors(400, 401, 403, 404) },
});

type Ctx = { get(key: 'actor'): AppEnv['Variables']['actor']; get(key: 'clientIp'): string | null };
const who = (c: Ctx) => ({ actor: c.get('actor'), ip: c.get('clientIp') });

export function planRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(createPlanRoute, async (c) => c.json(await createPlan(c.get('services'), c.get('actor'), c.req.valid('json'), who(c)), 201))
    .openapi(listPlansRoute, async (c) => c.json(await listPlans(c.get('services'), c.get('actor')), 200))
    .openapi(inspectorsRoute, async (c) => c.json(await planInspectors(c.get('services'), c.get('actor')), 200))
    .openapi(getPlanRoute, async (c) => c.json(await getPlan(c.get('services'), c.get('actor'), c.req.valid('param').id), 200))
    .openapi(updatePlanRoute, async (c) =>
      c.json(await updatePlan(c.get('services'), c.get('actor'), c.req.valid('param').id, c.req.valid('json'), who(c)), 200),
    )
    .openapi(planExcelRoute, async (c) => {
      const s = c.get('services');
      const detail = await getPlan(s, c.get('actor'), c.req.valid('param').id);
      return sendExcel(planExcel(detail, c.req.valid('query').lang ?? 'zh'));
    });
}
