/**
 * The admin screens' data layer. Administration is online work on the
 * server's data (not the phone's cache): every call goes to /api/admin and
 * answers are parsed with the shared schemas. The catalog store keeps every
 * region and park, disabled ones too, for the tree, the pickers and names.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { z } from 'zod';
import {
  AdminUser,
  AuditEntry,
  ImportReport,
  RegionWebhook,
  TemplatePublished,
  TemplateSummary,
  type EnterpriseCreate,
  type EnterpriseUpdate,
  type ImportMode,
  type ParkCreate,
  type ParkUpdate,
  type RegionCreate,
  type RegionWebhookPut,
  type RegionUpdate,
  type TemplatePublish,
  type UserCreate,
  type UserUpdate,
} from '../../shared/schemas/admin';
import { ListOf, PageOf } from '../../shared/schemas/common';
import { Enterprise, Park, Region, Template, User } from '../../shared/schemas/entities';
import { api, type QueryValue } from '../api/client';

export type Query = Record<string, QueryValue>;
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const RESOURCES = {
  regions: Region,
  parks: Park,
  enterprises: Enterprise,
  users: AdminUser,
} as const;
export type Resource = keyof typeof RESOURCES;
export type Row<R extends Resource> = z.infer<(typeof RESOURCES)[R]>;

const base = (resource: Resource) => `/api/admin/${resource}`;

export function listPage<R extends Resource>(resource: R, query: Query, signal?: AbortSignal): Promise<Page<Row<R>>> {
  return api.request('GET', base(resource), { query, schema: PageOf(RESOURCES[resource]) as unknown as z.ZodType<Page<Row<R>>>, signal });
}

/** Every row, page after page: the region tree and the pickers need them all (a city has hundreds, not millions). */
export async function listAll<R extends Resource>(resource: R, query: Query = {}): Promise<Row<R>[]> {
  const rows: Row<R>[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Row<R>> = await listPage(resource, { ...query, limit: 500, cursor });
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

const send = <T>(method: 'POST' | 'PATCH', path: string, schema: z.ZodType<T>, body?: unknown) =>
  api.request(method, path, { body: body ?? {}, schema });

export const adminApi = {
  createRegion: (body: RegionCreate) => send('POST', base('regions'), Region, body),
  updateRegion: (id: string, body: RegionUpdate) => send('PATCH', `${base('regions')}/${id}`, Region, body),
  createPark: (body: ParkCreate) => send('POST', base('parks'), Park, body),
  updatePark: (id: string, body: ParkUpdate) => send('PATCH', `${base('parks')}/${id}`, Park, body),
  createEnterprise: (body: EnterpriseCreate) => send('POST', base('enterprises'), Enterprise, body),
  updateEnterprise: (id: string, body: EnterpriseUpdate) => send('PATCH', `${base('enterprises')}/${id}`, Enterprise, body),
  createUser: (body: UserCreate) => send('POST', base('users'), User, body),
  updateUser: (id: string, body: UserUpdate) => send('PATCH', `${base('users')}/${id}`, AdminUser, body),
  resetPassword: (id: string, password: string) => api.request('POST', `${base('users')}/${id}/password`, { body: { password } }),
  setDisabled<R extends Resource>(resource: R, id: string, disabled: boolean): Promise<Row<R>> {
    const schema = RESOURCES[resource] as unknown as z.ZodType<Row<R>>;
    return send('POST', `${base(resource)}/${id}/${disabled ? 'disable' : 'enable'}`, schema);
  },
  templates: (includeRetired: boolean) =>
    api.request('GET', '/api/admin/templates', { query: { includeRetired }, schema: ListOf(TemplateSummary) }).then((r) => r.items),
  template: (id: string) => api.request('GET', `/api/admin/templates/${id}`, { schema: Template }),
  publishTemplate: (body: TemplatePublish) => send('POST', '/api/admin/templates', TemplatePublished, body),
  retireTemplate: (code: string) => send('POST', `/api/admin/templates/${encodeURIComponent(code)}/retire`, TemplateSummary),
  dingtalkRobots: () => api.request('GET', '/api/admin/dingtalk', { schema: ListOf(RegionWebhook) }).then((r) => r.items),
  setDingtalkRobot: (regionId: string, body: RegionWebhookPut) =>
    api.request('PUT', `/api/admin/regions/${regionId}/dingtalk`, { body, schema: RegionWebhook }),
  removeDingtalkRobot: (regionId: string) => api.request('DELETE', `/api/admin/regions/${regionId}/dingtalk`),
};

export function auditPage(query: Query, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return api.request('GET', '/api/admin/audit', { query, schema: PageOf(AuditEntry), signal });
}

/** Uploads a spreadsheet of enterprises and answers the server's report. */
export async function uploadEnterprises(file: File, mode: ImportMode): Promise<ImportReport> {
  return api.request('POST', '/api/admin/enterprises/import', { query: { mode }, body: file, schema: ImportReport, timeout: 'file' });
}

/** Hands bytes to the browser as a download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The import template; the API needs the bearer token, so a plain link cannot fetch it. */
export async function downloadImportTemplate(format: 'xlsx' | 'csv', name: string): Promise<void> {
  saveFile(await api.send('GET', '/api/admin/enterprises/import-template', { query: { format }, timeout: 'file', read: (r) => r.blob() }), name);
}

const collator = new Intl.Collator('zh-CN');
export const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

export interface RegionNode {
  region: Region;
  depth: number;
}

/** A region as a <select> option, indented by its depth: options take no styling, so full-width spaces do it. */
export const indented = (node: RegionNode) => '\u3000'.repeat(node.depth) + node.region.name;

export const useAdminCatalogStore = defineStore('admin-catalog', () => {
  const regions = shallowRef<Region[]>([]);
  const parks = shallowRef<Park[]>([]);
  const loaded = shallowRef(false);

  const regionById = computed(() => new Map(regions.value.map((r) => [r.id, r])));
  const parkById = computed(() => new Map(parks.value.map((p) => [p.id, p])));

  /** The tree flattened depth-first, siblings by name: what a tree view or an indented picker shows. */
  const tree = computed<RegionNode[]>(() => {
    const children = new Map<string | null, Region[]>();
    for (const r of regions.value) {
      const parent = r.parentId && regionById.value.has(r.parentId) ? r.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    const out: RegionNode[] = [];
    const walk = (parent: string | null, depth: number) => {
      for (const region of [...(children.get(parent) ?? [])].sort(byName)) {
        out.push({ region, depth });
        walk(region.id, depth + 1);
      }
    };
    walk(null, 0);
    return out;
  });

  /** "慈溪市 › 掌起镇": where a region or park sits. */
  function regionPath(regionId: string): string {
    const region = regionById.value.get(regionId);
    if (!region) return '';
    return region.path.map((id) => regionById.value.get(id)?.name ?? '…').join(' › ');
  }

  async function load(): Promise<void> {
    const [r, p] = await Promise.all([listAll('regions', { includeDisabled: true }), listAll('parks', { includeDisabled: true })]);
    regions.value = r;
    parks.value = p.sort(byName);
    loaded.value = true;
  }

  async function ensureLoaded(): Promise<void> {
    if (!loaded.value) await load();
  }

  /** After a change: the one row replaced, no reload. */
  function put(row: Region | Park): void {
    if ('regionId' in row) parks.value = [...parks.value.filter((p) => p.id !== row.id), row].sort(byName);
    else regions.value = [...regions.value.filter((r) => r.id !== row.id), row];
  }

  return { regions, parks, loaded, regionById, parkById, tree, regionPath, load, ensureLoaded, put };
});
