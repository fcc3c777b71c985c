/** The audit trail (admin only): logins, admin changes and sync mutations, newest first. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { AuditEntry, AuditQuery } from '../../../shared/schemas/admin';
import { PageOf } from '../../../shared/schemas/common';
import { auditEntries } from '../../domain/audit';
import { requireAuth, requireRole } from '../auth';
import type { AppEnv } from '../env';
import { errors, json } from '../openapi';

const auditRoute = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  tags: ['admin'],
  middleware: [requireAuth, requireRole('admin')],
  request: { query: AuditQuery },
  responses: {
    200: json(PageOf(AuditEntry), 'audit entries and sync mutations, newest first, a page at a time'),
    ...errors(400, 401, 403),
  },
});

export function auditRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(auditRoute, async (c) =>
    c.json(await auditEntries(c.get('services'), c.req.valid('query')), 200),
  );
}
