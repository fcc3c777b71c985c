import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { LoginRequest, LoginResponse, MeResponse } from '../../../shared/schemas/auth';
import { login, logout } from '../../domain/auth';
import { toUser } from '../../repo/mappers';
import { requireAuth } from '../auth';
import type { AppEnv } from '../env';
import { errors, json, jsonBody } from '../openapi';

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['auth'],
  security: [],
  request: { body: jsonBody(LoginRequest) },
  responses: {
    200: json(LoginResponse, 'a bearer token valid for 30 days, and who you are'),
    ...errors(400, 401, 429),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['auth'],
  middleware: [requireAuth],
  responses: { 204: { description: 'the token no longer works' }, ...errors(401) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['auth'],
  middleware: [requireAuth],
  responses: { 200: json(MeResponse, 'the logged-in user'), ...errors(401) },
});

export function authRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(loginRoute, async (c) => {
      const result = await login(c.get('services'), c.req.valid('json'), {
        ip: c.get('clientIp'),
        userAgent: c.req.header('user-agent') ?? null,
      });
      return c.json(result, 200);
    })
    .openapi(logoutRoute, async (c) => {
      await logout(c.get('services'), c.get('actor'), { ip: c.get('clientIp'), userAgent: null });
      return c.body(null, 204);
    })
    .openapi(meRoute, (c) => c.json({ user: toUser(c.get('actor')), tz: c.get('services').tz }, 200));
}
