/**
 * Administration (API.md, and issue 7's lists, updates and imports): role
 * admin; everyone else gets 403 before their body is looked at. Nothing is
 * deleted: `POST …/{id}/disable` and `…/enable` instead.
 */
import { OpenAPIHono, createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import {
  AdminEnterpriseQuery,
  AdminParkQuery,
  AdminRegionQuery,
  AdminTemplateQuery,
  AdminUser,
  AdminUserQuery,
  EnterpriseCreate,
  EnterpriseUpdate,
  ImportQuery,
  ImportReport,
  ImportTemplateQuery,
  ParkCreate,
  ParkUpdate,
  PasswordReset,
  RegionCreate,
  RegionUpdate,
  TemplateCodeParam,
  TemplatePublish,
  TemplatePublished,
  TemplateSummary,
  UserCreate,
  UserUpdate,
} from '../../../shared/schemas/admin';
import { ListOf, PageOf } from '../../../shared/schemas/common';
import { Enterprise, Park, Region, Template, User } from '../../../shared/schemas/entities';
import { IdParam } from '../../../shared/schemas/reads';
import {
  adminEnterprise,
  adminEnterprises,
  adminPark,
  adminParks,
  adminRegion,
  adminRegions,
  adminTemplate,
  adminTemplates,
  adminUser,
  adminUsers,
  createEnterprise,
  createPark,
  createRegion,
  createUser,
  publishTemplate,
  resetPassword,
  retireTemplate,
  setEnterpriseDisabled,
  setParkDisabled,
  setRegionDisabled,
  setUserDisabled,
  updateEnterprise,
  updatePark,
  updateRegion,
  updateUser,
  type AuditInfo,
} from '../../domain/admin';
import { importEnterprises, importTemplate, XLSX_TYPE } from '../../domain/import';
import { requireAuth, requireRole } from '../auth';
import type { AppEnv } from '../env';
import { ApiError, invalid } from '../errors';
import { errors, json, jsonBody } from '../openapi';

const admin = { tags: ['admin'], middleware: [requireAuth, requireRole('admin')] };

const createRouteFor = <B extends z.ZodType, R extends z.ZodType>(path: string, body: B, result: R, what: string) =>
  createRoute({
    ...admin,
    method: 'post',
    path,
    request: { body: jsonBody(body) },
    responses: { 201: json(result, `the created ${what}`), ...errors(400, 401, 403, 409) },
  }) satisfies RouteConfig;

const listRouteFor = <Q extends z.ZodObject, R extends z.ZodType>(path: string, query: Q, item: R, what: string) =>
  createRoute({
    ...admin,
    method: 'get',
    path,
    request: { query },
    responses: { 200: json(PageOf(item), `${what}, ordered by name, a page at a time`), ...errors(400, 401, 403) },
  });

const getRouteFor = <R extends z.ZodType>(path: string, item: R, what: string) =>
  createRoute({
    ...admin,
    method: 'get',
    path,
    request: { params: IdParam },
    responses: { 200: json(item, what), ...errors(400, 401, 403, 404) },
  });

const patchRouteFor = <B extends z.ZodType, R extends z.ZodType>(path: string, body: B, item: R, what: string) =>
  createRoute({
    ...admin,
    method: 'patch',
    path,
    request: { params: IdParam, body: jsonBody(body) },
    responses: {
      200: json(item, `the ${what} as changed (fields not given keep their value)`),
      ...errors(400, 401, 403, 404, 409),
    },
  });

const toggleRouteFor = <R extends z.ZodType>(path: string, item: R, what: string) =>
  createRoute({
    ...admin,
    method: 'post',
    path,
    request: { params: IdParam },
    responses: { 200: json(item, what), ...errors(400, 401, 403, 404, 409) },
  });

// regions
const regionCreate = createRouteFor('/api/admin/regions', RegionCreate, Region, 'region');
const regionList = listRouteFor('/api/admin/regions', AdminRegionQuery, Region, 'regions');
const regionGet = getRouteFor('/api/admin/regions/{id}', Region, 'a region');
const regionPatch = patchRouteFor(
  '/api/admin/regions/{id}',
  RegionUpdate,
  Region,
  'region; a new parentId moves its whole subtree and resets every pull cursor',
);
const regionDisable = toggleRouteFor(
  '/api/admin/regions/{id}/disable',
  Region,
  'the region, disabled (409 while it has enabled sub-regions or parks)',
);
const regionEnable = toggleRouteFor(
  '/api/admin/regions/{id}/enable',
  Region,
  'the region, enabled (409 while its parent is disabled)',
);

// parks
const parkCreate = createRouteFor('/api/admin/parks', ParkCreate, Park, 'park');
const parkList = listRouteFor('/api/admin/parks', AdminParkQuery, Park, 'parks (regionId: its sub-regions too)');
const parkGet = getRouteFor('/api/admin/parks/{id}', Park, 'a park');
const parkPatch = patchRouteFor(
  '/api/admin/parks/{id}',
  ParkUpdate,
  Park,
  'park; a new regionId resets every pull cursor',
);
const parkDisable = toggleRouteFor('/api/admin/parks/{id}/disable', Park, 'the park, disabled');
const parkEnable = toggleRouteFor(
  '/api/admin/parks/{id}/enable',
  Park,
  'the park, enabled (409 while its region is disabled)',
);

// enterprises
const enterpriseCreate = createRouteFor('/api/admin/enterprises', EnterpriseCreate, Enterprise, 'enterprise');
const enterpriseList = listRouteFor(
  '/api/admin/enterprises',
  AdminEnterpriseQuery,
  Enterprise,
  'enterprises (q: name, credit code prefix or contact)',
);
const enterpriseGet = getRouteFor('/api/admin/enterprises/{id}', Enterprise, 'an enterprise');
const enterprisePatch = patchRouteFor(
  '/api/admin/enterprises/{id}',
  EnterpriseUpdate,
  Enterprise,
  'enterprise; a credit code another enterprise holds is 409; a new parkId resets every pull cursor',
);
const enterpriseDisable = toggleRouteFor('/api/admin/enterprises/{id}/disable', Enterprise, 'the enterprise, disabled');
const enterpriseEnable = toggleRouteFor(
  '/api/admin/enterprises/{id}/enable',
  Enterprise,
  'the enterprise, enabled (409 while its park is disabled)',
);

const Binary = z.string().meta({ format: 'binary' });
/** Browsers label .csv files differently by system (Excel on Windows: application/vnd.ms-excel). */
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream'];
const UPLOAD_TYPES = [XLSX_TYPE, ...CSV_TYPES];

const importTemplateRoute = createRoute({
  ...admin,
  method: 'get',
  path: '/api/admin/enterprises/import-template',
  request: { query: ImportTemplateQuery },
  responses: {
    200: {
      description: 'an empty import file with the Chinese headers (xlsx: with instructions and the current park list)',
      content: { [XLSX_TYPE]: { schema: Binary }, 'text/csv': { schema: z.string() } },
    },
    ...errors(400, 401, 403),
  },
});

const importRoute = createRoute({
  ...admin,
  method: 'post',
  path: '/api/admin/enterprises/import',
  description:
    'Checks every row of an .xlsx or .csv file (UTF-8 with or without BOM, or GBK) with the headers of the import ' +
    'template, and answers a report. mode=preview writes nothing; mode=valid imports the rows that pass; mode=all ' +
    'imports every row, or nothing when any row is rejected. The file is the raw body, or the `file` field of a ' +
    'multipart form; at most 2 MB and 20,000 rows.',
  request: {
    query: ImportQuery,
    body: {
      required: true,
      content: {
        ...Object.fromEntries(UPLOAD_TYPES.map((t) => [t, { schema: Binary }])),
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
        },
      },
    },
  },
  responses: {
    200: json(ImportReport, 'what was read, rejected (with reasons) and imported'),
    ...errors(400, 401, 403, 409, 413, 415),
  },
});

// users
const userCreate = createRouteFor('/api/admin/users', UserCreate, User, 'user (never with a password hash)');
const userList = listRouteFor('/api/admin/users', AdminUserQuery, AdminUser, 'users (ordered by username)');
const userGet = getRouteFor('/api/admin/users/{id}', AdminUser, 'a user');
const userPatch = patchRouteFor(
  '/api/admin/users/{id}',
  UserUpdate,
  AdminUser,
  "user; a new role or scope makes the user's next sync pull answer reset",
);
const userDisable = toggleRouteFor(
  '/api/admin/users/{id}/disable',
  AdminUser,
  'the user, disabled: their sessions end (409 for yourself and the last admin)',
);
const userEnable = toggleRouteFor('/api/admin/users/{id}/enable', AdminUser, 'the user, enabled');
const userPassword = createRoute({
  ...admin,
  method: 'post',
  path: '/api/admin/users/{id}/password',
  request: { params: IdParam, body: jsonBody(PasswordReset) },
  responses: {
    204: { description: "the password is set and the user's sessions have ended (your own current one stays)" },
    ...errors(400, 401, 403, 404),
  },
});

// templates
const templatePublish = createRouteFor(
  '/api/admin/templates',
  TemplatePublish,
  TemplatePublished,
  'template version (publishing an existing code makes version n+1)',
);
const templateList = createRoute({
  ...admin,
  method: 'get',
  path: '/api/admin/templates',
  request: { query: AdminTemplateQuery },
  responses: {
    200: json(
      ListOf(TemplateSummary),
      'each template code with all its versions; retired codes with includeRetired=true',
    ),
    ...errors(400, 401, 403),
  },
});
const templateGet = getRouteFor('/api/admin/templates/{id}', Template, 'one published version, as phones receive it');
const templateRetire = createRoute({
  ...admin,
  method: 'post',
  path: '/api/admin/templates/{code}/retire',
  request: { params: TemplateCodeParam },
  responses: {
    200: json(
      TemplateSummary,
      'the code, every version retired; phones stop offering it (publishing again revives it)',
    ),
    ...errors(400, 401, 403, 404),
  },
});

type Ctx = { get(key: 'actor'): AppEnv['Variables']['actor']; get(key: 'clientIp'): string | null };
const who = (c: Ctx): AuditInfo => ({ actor: c.get('actor'), ip: c.get('clientIp') });

/** Registered one by one, not chained: the chained type of so many routes is too big for TypeScript. */
export function adminRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(regionCreate, async (c) =>
    c.json(await createRegion(c.get('services'), c.req.valid('json'), who(c)), 201),
  );
  app.openapi(regionList, async (c) => c.json(await adminRegions(c.get('services'), c.req.valid('query')), 200));
  app.openapi(regionGet, async (c) => c.json(await adminRegion(c.get('services'), c.req.valid('param').id), 200));
  app.openapi(regionPatch, async (c) =>
    c.json(await updateRegion(c.get('services'), c.req.valid('param').id, c.req.valid('json'), who(c)), 200),
  );
  app.openapi(regionDisable, async (c) =>
    c.json(await setRegionDisabled(c.get('services'), c.req.valid('param').id, true, who(c)), 200),
  );
  app.openapi(regionEnable, async (c) =>
    c.json(await setRegionDisabled(c.get('services'), c.req.valid('param').id, false, who(c)), 200),
  );

  app.openapi(parkCreate, async (c) => c.json(await createPark(c.get('services'), c.req.valid('json'), who(c)), 201));
  app.openapi(parkList, async (c) => c.json(await adminParks(c.get('services'), c.req.valid('query')), 200));
  app.openapi(parkGet, async (c) => c.json(await adminPark(c.get('services'), c.req.valid('param').id), 200));
  app.openapi(parkPatch, async (c) =>
    c.json(await updatePark(c.get('services'), c.req.valid('param').id, c.req.valid('json'), who(c)), 200),
  );
  app.openapi(parkDisable, async (c) =>
    c.json(await setParkDisabled(c.get('services'), c.req.valid('param').id, true, who(c)), 200),
  );
  app.openapi(parkEnable, async (c) =>
    c.json(await setParkDisabled(c.get('services'), c.req.valid('param').id, false, who(c)), 200),
  );

  app.openapi(enterpriseCreate, async (c) =>
    c.json(await createEnterprise(c.get('services'), c.req.valid('json'), who(c)), 201),
  );
  app.openapi(enterpriseList, async (c) =>
    c.json(await adminEnterprises(c.get('services'), c.req.valid('query')), 200),
  );
  // Before /{id}: the router tries routes in order, and "import-template" is no id.
  app.openapi(importTemplateRoute, async (c) => {
    const format = c.req.valid('query').format;
    const bytes = await importTemplate(c.get('services'), format);
    c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
    c.header(
      'Content-Disposition',
      `attachment; filename="enterprises-import.${format}"; filename*=UTF-8''${encodeURIComponent(`企业导入模板.${format}`)}`,
    );
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
  });
  app.openapi(importRoute, async (c) => {
    const bytes = await uploadedFile(c.req);
    return c.json(await importEnterprises(c.get('services'), bytes, c.req.valid('query').mode, who(c)), 200);
  });
  app.openapi(enterpriseGet, async (c) =>
    c.json(await adminEnterprise(c.get('services'), c.req.valid('param').id), 200),
  );
  app.openapi(enterprisePatch, async (c) =>
    c.json(await updateEnterprise(c.get('services'), c.req.valid('param').id, c.req.valid('json'), who(c)), 200),
  );
  app.openapi(enterpriseDisable, async (c) =>
    c.json(await setEnterpriseDisabled(c.get('services'), c.req.valid('param').id, true, who(c)), 200),
  );
  app.openapi(enterpriseEnable, async (c) =>
    c.json(await setEnterpriseDisabled(c.get('services'), c.req.valid('param').id, false, who(c)), 200),
  );

  app.openapi(userCreate, async (c) => c.json(await createUser(c.get('services'), c.req.valid('json'), who(c)), 201));
  app.openapi(userList, async (c) => c.json(await adminUsers(c.get('services'), c.req.valid('query')), 200));
  app.openapi(userGet, async (c) => c.json(await adminUser(c.get('services'), c.req.valid('param').id), 200));
  app.openapi(userPatch, async (c) =>
    c.json(await updateUser(c.get('services'), c.req.valid('param').id, c.req.valid('json'), who(c)), 200),
  );
  app.openapi(userDisable, async (c) =>
    c.json(await setUserDisabled(c.get('services'), c.req.valid('param').id, true, who(c)), 200),
  );
  app.openapi(userEnable, async (c) =>
    c.json(await setUserDisabled(c.get('services'), c.req.valid('param').id, false, who(c)), 200),
  );
  app.openapi(userPassword, async (c) => {
    await resetPassword(c.get('services'), c.req.valid('param').id, c.req.valid('json'), who(c));
    return c.body(null, 204);
  });

  app.openapi(templatePublish, async (c) =>
    c.json(await publishTemplate(c.get('services'), c.req.valid('json'), who(c)), 201),
  );
  app.openapi(templateList, async (c) =>
    c.json({ items: await adminTemplates(c.get('services'), c.req.valid('query').includeRetired === 'true') }, 200),
  );
  app.openapi(templateGet, async (c) => c.json(await adminTemplate(c.get('services'), c.req.valid('param').id), 200));
  app.openapi(templateRetire, async (c) =>
    c.json(await retireTemplate(c.get('services'), c.req.valid('param').code, who(c)), 200),
  );

  return app;
}

interface UploadRequest {
  header(name: string): string | undefined;
  arrayBuffer(): Promise<ArrayBuffer>;
  parseBody(): Promise<Record<string, string | File | (string | File)[]>>;
}

/** The uploaded file's bytes: the raw body, or a multipart form's `file` field. */
async function uploadedFile(req: UploadRequest): Promise<Uint8Array> {
  const type = (req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') {
    const file = (await req.parseBody()).file;
    if (!(file instanceof File)) {
      throw invalid('file: a multipart upload needs a `file` field', [{ path: 'file', message: 'missing' }]);
    }
    return new Uint8Array(await file.arrayBuffer());
  }
  if (!UPLOAD_TYPES.includes(type)) {
    throw new ApiError('unsupported_media_type', `send the file as ${XLSX_TYPE}, text/csv or multipart/form-data`);
  }
  return new Uint8Array(await req.arrayBuffer());
}
