/** Sync push and pull (API.md "Sync"). */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { PullQuery, PullResponse, PushRequest, PushResponse } from '../../../shared/schemas/sync';
import { pull } from '../../domain/sync/pull';
import { push } from '../../domain/sync/push';
import { requireAuth } from '../auth';
import type { AppEnv } from '../env';
import { errors, json, jsonBody } from '../openapi';

const pushRoute = createRoute({
  method: 'post',
  path: '/api/sync/push',
  tags: ['sync'],
  middleware: [requireAuth],
  request: { body: jsonBody(PushRequest) },
  responses: {
    200: json(PushResponse, 'one result per mutation, in order: applied, duplicate or rejected (with its error)'),
    ...errors(400, 401, 413),
  },
});

const pullRoute = createRoute({
  method: 'get',
  path: '/api/sync/pull',
  tags: ['sync'],
  middleware: [requireAuth],
  request: { query: PullQuery },
  responses: {
    200: json(PullResponse, 'changes in scope since the cursor, oldest first; reset when the scope changed'),
    ...errors(400, 401),
  },
});

export function syncRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(pushRoute, async (c) =>
      c.json({ results: await push(c.get('services'), c.get('actor'), c.req.valid('json'), c.get('clientIp')) }, 200),
    )
    .openapi(pullRoute, async (c) => c.json(await pull(c.get('services'), c.get('actor'), c.req.valid('query')), 200));
}
