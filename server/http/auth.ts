/** Authentication and role gates, installed once per route group. */
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../shared/finding-machine';
import { actorByToken } from '../repo/users';
import type { AppEnv } from './env';
import { ApiError } from '../domain/errors';

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,200})$/i;

export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token) throw new ApiError('unauthenticated', 'log in first: no bearer token');
  const s = c.get('services');
  const now = s.now();
  const load = () => actorByToken(s.db, token, now);
  const actor = s.authCache ? await s.authCache.lookup(token, now, load) : await load();
  if (!actor) throw new ApiError('unauthenticated', 'your session has ended; log in again');
  c.set('actor', actor);
  await next();
});

export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.get('actor').role)) throw new ApiError('forbidden', 'your role may not do this');
    await next();
  });
