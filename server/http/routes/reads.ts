/** Scoped reads (API.md "Reads"). Anything outside the caller's scope is 404. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { ListOf, PageOf } from '../../../shared/schemas/common';
import { Enterprise, Finding, FindingEvent, Inspection, Park, Region, Template } from '../../../shared/schemas/entities';
import { EnterpriseQuery, FindingQuery, IdParam } from '../../../shared/schemas/reads';
import {
  enterprisesFor,
  findingFor,
  findingsFor,
  inspectionFor,
  parksFor,
  regionsFor,
  templatesFor,
} from '../../domain/reads';
import { requireAuth } from '../auth';
import type { AppEnv } from '../env';
import { errors, json } from '../openapi';

const read = <P extends string>(path: P, tag: string) => ({
  method: 'get' as const,
  path,
  tags: [tag],
  middleware: [requireAuth],
});

const regionsRoute = createRoute({
  ...read('/api/regions', 'reads'),
  responses: { 200: json(ListOf(Region), 'regions in scope, parents first'), ...errors(401) },
});
const parksRoute = createRoute({
  ...read('/api/parks', 'reads'),
  responses: { 200: json(ListOf(Park), 'parks in scope'), ...errors(401) },
});
const enterprisesRoute = createRoute({
  ...read('/api/enterprises', 'reads'),
  request: { query: EnterpriseQuery },
  responses: { 200: json(PageOf(Enterprise), 'enterprises in scope, a page at a time'), ...errors(400, 401) },
});
const templatesRoute = createRoute({
  ...read('/api/templates', 'reads'),
  responses: { 200: json(ListOf(Template), 'the latest published version of each template'), ...errors(401) },
});
const findingsRoute = createRoute({
  ...read('/api/findings', 'reads'),
  request: { query: FindingQuery },
  responses: { 200: json(PageOf(Finding), 'findings in scope, newest first'), ...errors(400, 401) },
});
const findingRoute = createRoute({
  ...read('/api/findings/{id}', 'reads'),
  request: { params: IdParam },
  responses: {
    200: json(z.object({ finding: Finding, events: z.array(FindingEvent) }), 'a finding and its history'),
    ...errors(400, 401, 404),
  },
});
const inspectionRoute = createRoute({
  ...read('/api/inspections/{id}', 'reads'),
  request: { params: IdParam },
  responses: {
    200: json(z.object({ inspection: Inspection, findings: z.array(Finding) }), 'an inspection and its findings'),
    ...errors(400, 401, 404),
  },
});

export function readRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(regionsRoute, async (c) => c.json({ items: await regionsFor(c.get('services'), c.get('actor')) }, 200))
    .openapi(parksRoute, async (c) => c.json({ items: await parksFor(c.get('services'), c.get('actor')) }, 200))
    .openapi(enterprisesRoute, async (c) =>
      c.json(await enterprisesFor(c.get('services'), c.get('actor'), c.req.valid('query')), 200),
    )
    .openapi(templatesRoute, async (c) => c.json({ items: await templatesFor(c.get('services')) }, 200))
    .openapi(findingsRoute, async (c) =>
      c.json(await findingsFor(c.get('services'), c.get('actor'), c.req.valid('query')), 200),
    )
    .openapi(findingRoute, async (c) =>
      c.json(await findingFor(c.get('services'), c.get('actor'), c.req.valid('param').id), 200),
    )
    .openapi(inspectionRoute, async (c) =>
      c.json(await inspectionFor(c.get('services'), c.get('actor'), c.req.valid('param').id), 200),
    );
}
