import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { AppEnv } from '../env';
import { json } from '../openapi';

const Health = z
  .object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() })
  .meta({ id: 'Health' });

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['health'],
  security: [],
  responses: { 200: json(Health, 'the server and its database answer') },
});

export function healthRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(health, async (c) => {
    const s = c.get('services');
    await s.db.execute(sql`SELECT 1`);
    return c.json({ status: 'ok' as const, db: s.dbKind, version: s.version }, 200);
  });
}
