/** The regions' DingTalk robots for the daily digest (admin). */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { RegionWebhook, RegionWebhookPut } from '../../../shared/schemas/admin';
import { ListOf } from '../../../shared/schemas/common';
import { IdParam } from '../../../shared/schemas/reads';
import { regionWebhooks, removeRegionWebhook, setRegionWebhook } from '../../domain/admin/dingtalk';
import { requireAuth, requireRole } from '../auth';
import type { AppEnv } from '../env';
import { errors, json, jsonBody } from '../openapi';

const admin = { tags: ['admin'], middleware: [requireAuth, requireRole('admin')] };

const listRoute = createRoute({
  ...admin,
  method: 'get',
  path: '/api/admin/dingtalk',
  responses: { 200: json(ListOf(RegionWebhook), 'the configured robots and their last digest (secrets are never returned)'), ...errors(401, 403) },
});

const putRoute = createRoute({
  ...admin,
  method: 'put',
  path: '/api/admin/regions/{id}/dingtalk',
  description: 'Sets the DingTalk group robot (webhook and signing secret) that gets the region’s daily digest.',
  request: { params: IdParam, body: jsonBody(RegionWebhookPut) },
  responses: { 200: json(RegionWebhook, 'the robot as set'), ...errors(400, 401, 403, 404) },
});

const deleteRoute = createRoute({
  ...admin,
  method: 'delete',
  path: '/api/admin/regions/{id}/dingtalk',
  request: { params: IdParam },
  responses: { 204: { description: 'no more digests for this region' }, ...errors(400, 401, 403, 404) },
});

type Ctx = { get(key: 'actor'): AppEnv['Variables']['actor']; get(key: 'clientIp'): string | null };
const who = (c: Ctx) => ({ actor: c.get('actor'), ip: c.get('clientIp') });

export function digestRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => c.json({ items: await regionWebhooks(c.get('services')) }, 200))
    .openapi(putRoute, async (c) => c.json(await setRegionWebhook(c.get('services'), c.req.valid('param').id, c.req.valid('json'), who(c)), 200))
    .openapi(deleteRoute, async (c) => {
      await removeRegionWebhook(c.get('services'), c.req.valid('param').id, who(c));
      return c.body(null, 204);
    });
}
