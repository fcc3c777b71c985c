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
import type { AuditInfo, Page } from '../../domain/admin/common';
import { adminEnterprise, adminEnterprises, createEnterprise, setEnterpriseDisabled, updateEnterprise } from '../../domain/admin/enterprises';
import { adminPark, adminParks, createPark, setParkDisabled, updatePark } from '../../domain/admin/parks';
import { adminRegion, adminRegions, createRegion, setRegionDisabled, updateRegion } from '../../domain/admin/regions';
import { adminTemplate, adminTemplates, publishTemplate, retireTemplate } from '../../domain/admin/templates';
import { adminUser, adminUsers, createUser, resetPassword, setUserDisabled, updateUser } from '../../domain/admin/users';
import { importEnterprises, importTemplate, XLSX_TYPE } from '../../domain/import';
import type { Services } from '../../domain/services';
import { requireAuth, requireRole } from '../auth';
import type { AppEnv } from '../env';
import { ApiError, invalid } from '../../domain/errors';
import { errors, json, jsonBody } from '../openapi';

const admin = { tags: ['admin'], middleware: [requireAuth, requireRole('admin')] };

type Ctx = { get(key: 'actor'): AppEnv['Variables']['actor']; get(key: 'clientIp'): string | null };
const who = (c: Ctx): AuditInfo => ({ actor: c.get('actor'), ip: c.get('clientIp') });

const createRouteFor = <B extends z.ZodType, R extends z.ZodType>(path: string, body: B, result: R, what: string) =>
  createRoute({
    ...admin,
    method: 'post',
    path,
    request: { body: jsonBody(body) },
    responses: { 201: json(result, `the created ${what}`), ...errors(400, 401, 403, 409) },
  }) satisfies RouteConfig;

const getRouteFor = <R extends z.ZodType>(path: string, item: R, what: string) =>
  createRoute({
    ...admin,
    method: 'get',
    path,
    request: { params: IdParam },
    responses: { 200: json(item, what), ...errors(400, 401, 403, 404) },
  });

/**
 * Regions, parks, enterprises and users are managed alike: create, list a
 * page, read one, change, disable and enable — six routes declared from the
 * entity's schemas and answered by its domain functions.
 */
interface Managed<Create, Update, Query, Row, Created> {
  path: string;
  schemas: {
    create: z.ZodType<Create>;
    update: z.ZodType<Update>;
    query: z.ZodObject & z.ZodType<Query>;
    item: z.ZodType<Row>;
    /** What create answers: the item, but a new user without the admin's view of them. */
    created: z.ZodType<Created>;
  };
  /** The OpenAPI descriptions: what each route answers, and when it refuses. */
  says: { created: string; list: string; one: string; changed: string; disabled: string; enabled: string };
  /**
   * Properties, not methods: TypeScript checks a method's parameters only
   * loosely, and these must take what the schemas give.
   */
  domain: {
    create: (s: Services, input: Create, who: AuditInfo) => Promise<Created>;
    list: (s: Services, query: Query) => Promise<Page<Row>>;
    get: (s: Services, id: string) => Promise<Row>;
    update: (s: Services, id: string, input: Update, who: AuditInfo) => Promise<Row>;
    setDisabled: (s: Services, id: string, disabled: boolean, who: AuditInfo) => Promise<Row>;
  };
}

function manage<Create, Update, Query, Row, Created>(
  app: OpenAPIHono<AppEnv>,
  { path, schemas, says, domain }: Managed<Create, Update, Query, Row, Created>,
) {
  // OpenAPIHono cannot carry a type parameter from a route's schema to its
  // validated input, so the routes see plain schemas and each input is typed
  // here by the schema that has just validated it.
  const { create, update, query, item, created }: Record<'create' | 'update' | 'item' | 'created', z.ZodType> & {
    query: z.ZodObject;
  } = schemas;
  const one = `${path}/{id}`;
  const list = createRoute({
    ...admin,
    method: 'get',
    path,
    request: { query },
    responses: { 200: json(PageOf(item), `${says.list}, ordered by name, a page at a time`), ...errors(400, 401, 403) },
  });
  const patch = createRoute({
    ...admin,
    method: 'patch',
    path: one,
    request: { params: IdParam, body: jsonBody(update) },
    responses: {
      200: json(item, `the ${says.changed} as changed (fields not given keep their value)`),
      ...errors(400, 401, 403, 404, 409),
    },
  });

  app.openapi(createRouteFor(path, create, created, says.created), async (c) =>
    c.json(await domain.create(c.get('services'), c.req.valid('json') as Create, who(c)), 201),
  );
  app.openapi(list, async (c) => c.json(await domain.list(c.get('services'), c.req.valid('query') as Query), 200));
  app.openapi(getRouteFor(one, item, says.one), async (c) =>
    c.json(await domain.get(c.get('services'), c.req.valid('param').id), 200),
  );
  app.openapi(patch, async (c) =>
    c.json(await domain.update(c.get('services'), c.req.valid('param').id, c.req.valid('json') as Update, who(c)), 200),
  );
  for (const [action, disabled] of [['disable', true], ['enable', false]] as const) {
    const toggle = createRoute({
      ...admin,
      method: 'post',
      path: `${one}/${action}`,
      request: { params: IdParam },
      responses: { 200: json(item, says[`${action}d`]), ...errors(400, 401, 403, 404, 409) },
    });
    app.openapi(toggle, async (c) =>
      c.json(await domain.setDisabled(c.get('services'), c.req.valid('param').id, disabled, who(c)), 200),
    );
  }
}

const regions = {
  path: '/api/admin/regions',
  schemas: { create: RegionCreate, update: RegionUpdate, query: AdminRegionQuery, item: Region, created: Region },
  says: {
    created: 'region',
    list: 'regions',
    one: 'a region',
    changed: 'region; a new parentId moves its whole subtree and resets every pull cursor',
    disabled: 'the region, disabled (409 while it has enabled sub-regions or parks)',
    enabled: 'the region, enabled (409 while its parent is disabled)',
  },
  domain: { create: createRegion, list: adminRegions, get: adminRegion, update: updateRegion, setDisabled: setRegionDisabled },
};

const parks = {
  path: '/api/admin/parks',
  schemas: { create: ParkCreate, update: ParkUpdate, query: AdminParkQuery, item: Park, created: Park },
  says: {
    created: 'park',
    list: 'parks (regionId: its sub-regions too)',
    one: 'a park',
    changed: 'park; a new regionId resets every pull cursor',
    disabled: 'the park, disabled',
    enabled: 'the park, enabled (409 while its region is disabled)',
  },
  domain: { create: createPark, list: adminParks, get: adminPark, update: updatePark, setDisabled: setParkDisabled },
};

const enterprises = {
  path: '/api/admin/enterprises',
  schemas: {
    create: EnterpriseCreate,
    update: EnterpriseUpdate,
    query: AdminEnterpriseQuery,
    item: Enterprise,
    created: Enterprise,
  },
  says: {
    created: 'enterprise',
    list: 'enterprises (q: name, credit code prefix or contact)',
    one: 'an enterprise',
    changed: 'enterprise; a credit code another enterprise holds is 409; a new parkId resets every pull cursor',
    disabled: 'the enterprise, disabled',
    enabled: 'the enterprise, enabled (409 while its park is disabled)',
  },
  domain: {
    create: createEnterprise,
    list: adminEnterprises,
    get: adminEnterprise,
    update: updateEnterprise,
    setDisabled: setEnterpriseDisabled,
  },
};

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

const users = {
  path: '/api/admin/users',
  schemas: { create: UserCreate, update: UserUpdate, query: AdminUserQuery, item: AdminUser, created: User },
  says: {
    created: 'user (never with a password hash)',
    list: 'users (ordered by username)',
    one: 'a user',
    changed: "user; a new role or scope makes the user's next sync pull answer reset",
    disabled: 'the user, disabled: their sessions end (409 for yourself and the last admin)',
    enabled: 'the user, enabled',
  },
  domain: { create: createUser, list: adminUsers, get: adminUser, update: updateUser, setDisabled: setUserDisabled },
};

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

/** Registered one by one, not chained: the chained type of so many routes is too big for TypeScript. */
export function adminRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  manage(app, regions);
  manage(app, parks);
  // Before the enterprises' /{id}: the router tries routes in order, and "import-template" is no id.
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
  manage(app, enterprises);
  manage(app, users);
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
