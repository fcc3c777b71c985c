/** Regions, parks, enterprises and templates: scoped reads, and what admins list and change. */
import { and, asc, desc, eq, gt, ilike, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Scope } from '../../shared/scope';
import { resultRows, type Executor, type Tx } from '../db/client';
import { enterprises, parks, regions, templates, users } from '../db/schema';
import { parkIn, regionIn, uuidArray } from './scope';
import { bulkInsert } from './bulk';

export async function listRegions(db: Executor, scope: Scope) {
  return db
    .select()
    .from(regions)
    .where(and(regionIn(scope, regions.id), isNull(regions.disabledAt)))
    .orderBy(asc(sql`array_length(${regions.path}, 1)`), asc(regions.name));
}

export async function getRegion(db: Executor, id: string) {
  const [row] = await db.select().from(regions).where(eq(regions.id, id)).limit(1);
  return row;
}

export async function listParks(db: Executor, scope: Scope) {
  return db
    .select()
    .from(parks)
    .where(and(parkIn(scope, parks.id), isNull(parks.disabledAt)))
    .orderBy(asc(parks.name));
}

export async function getPark(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(parks)
    .where(and(eq(parks.id, id), parkIn(scope, parks.id)))
    .limit(1);
  return row;
}

export interface EnterprisePageQuery {
  parkId?: string | undefined;
  q?: string | undefined;
  limit: number;
  /** The id of the last enterprise of the previous page (ordered by id). */
  after?: string | undefined;
}

export async function listEnterprises(db: Executor, scope: Scope, query: EnterprisePageQuery) {
  const q = query.q?.trim();
  return db
    .select()
    .from(enterprises)
    .where(
      and(
        parkIn(scope, enterprises.parkId),
        isNull(enterprises.disabledAt),
        query.parkId ? eq(enterprises.parkId, query.parkId) : undefined,
        q
          ? or(ilike(enterprises.name, `%${escapeLike(q)}%`), ilike(enterprises.creditCode, `${escapeLike(q)}%`))
          : undefined,
        query.after ? gt(enterprises.id, query.after) : undefined,
      ),
    )
    .orderBy(asc(enterprises.id))
    .limit(query.limit + 1);
}

export async function getEnterprise(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), parkIn(scope, enterprises.parkId)))
    .limit(1);
  return row;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The latest version of each template code that is not retired. Templates are visible to everyone. */
export async function listLatestTemplates(db: Executor) {
  return db
    .selectDistinctOn([templates.code])
    .from(templates)
    .orderBy(asc(templates.code), desc(templates.version))
    .then((rows) => rows.filter((t) => t.retiredAt === null));
}

export async function getTemplate(db: Executor, id: string) {
  const [row] = await db.select().from(templates).where(eq(templates.id, id)).limit(1);
  return row;
}

export async function latestTemplateVersion(db: Executor, code: string): Promise<number> {
  const [row] = await db
    .select({ v: sql<number>`coalesce(max(${templates.version}), 0)::int` })
    .from(templates)
    .where(eq(templates.code, code));
  return row?.v ?? 0;
}

// ── administration: every row, disabled ones on request ──────────────────

/** A keyset page ordered by (name, id): `after` is the last row of the previous page. */
export interface AdminPage {
  q?: string | undefined;
  includeDisabled: boolean;
  limit: number;
  after?: { name: string; id: string } | undefined;
}

const afterName = (name: AnyColumn, id: AnyColumn, after: AdminPage['after']) =>
  after ? sql`(${name}, ${id}) > (${after.name}, ${after.id}::uuid)` : undefined;

const contains = (column: AnyColumn, q: string) => ilike(column, `%${escapeLike(q)}%`);

export async function adminListRegions(db: Executor, page: AdminPage & { parentId?: string | undefined }) {
  const q = page.q?.trim();
  return db
    .select()
    .from(regions)
    .where(
      and(
        page.includeDisabled ? undefined : isNull(regions.disabledAt),
        page.parentId ? eq(regions.parentId, page.parentId) : undefined,
        q ? contains(regions.name, q) : undefined,
        afterName(regions.name, regions.id, page.after),
      ),
    )
    .orderBy(asc(regions.name), asc(regions.id))
    .limit(page.limit + 1);
}

/** Parks of a region and all its sub-regions. */
const parkInRegion = (regionId: string, column: AnyColumn | SQL) =>
  sql`${column} IN (
    SELECT p.id FROM parks p JOIN regions r ON r.id = p.region_id WHERE ${regionId}::uuid = ANY(r.path))`;

export async function adminListParks(db: Executor, page: AdminPage & { regionId?: string | undefined }) {
  const q = page.q?.trim();
  return db
    .select()
    .from(parks)
    .where(
      and(
        page.includeDisabled ? undefined : isNull(parks.disabledAt),
        page.regionId ? parkInRegion(page.regionId, parks.id) : undefined,
        q ? or(contains(parks.name, q), contains(parks.address, q)) : undefined,
        afterName(parks.name, parks.id, page.after),
      ),
    )
    .orderBy(asc(parks.name), asc(parks.id))
    .limit(page.limit + 1);
}

export async function adminListEnterprises(
  db: Executor,
  page: AdminPage & { parkId?: string | undefined; regionId?: string | undefined },
) {
  const q = page.q?.trim();
  return db
    .select()
    .from(enterprises)
    .where(
      and(
        page.includeDisabled ? undefined : isNull(enterprises.disabledAt),
        page.parkId ? eq(enterprises.parkId, page.parkId) : undefined,
        page.regionId ? parkInRegion(page.regionId, enterprises.parkId) : undefined,
        q
          ? or(
              contains(enterprises.name, q),
              ilike(enterprises.creditCode, `${escapeLike(q)}%`),
              contains(enterprises.contactName, q),
            )
          : undefined,
        afterName(enterprises.name, enterprises.id, page.after),
      ),
    )
    .orderBy(asc(enterprises.name), asc(enterprises.id))
    .limit(page.limit + 1);
}

const CATALOG = { region: regions, park: parks, enterprise: enterprises };

/** Which of `ids` name an existing region, park or enterprise (enabled or not). */
export async function existingIds(db: Executor, kind: keyof typeof CATALOG, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const table = CATALOG[kind];
  const rows = await db.select({ id: table.id }).from(table).where(sql`${table.id} = ANY(${uuidArray(ids)})`);
  return new Set(rows.map((r) => r.id));
}

export async function insertRegion(tx: Tx, row: typeof regions.$inferInsert) {
  const [created] = await tx.insert(regions).values(row).returning();
  return created!;
}

export async function insertPark(tx: Tx, row: typeof parks.$inferInsert) {
  const [created] = await tx.insert(parks).values(row).returning();
  return created!;
}

export async function insertEnterprise(tx: Tx, row: typeof enterprises.$inferInsert) {
  const [created] = await tx.insert(enterprises).values(row).returning();
  return created!;
}

const REGION_TREE_LOCK = 7_301_004;

/** Serialises moves in the region tree: two concurrent moves must not make a cycle. */
export async function lockRegionTree(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${REGION_TREE_LOCK})`);
}

/** Serialises publishing and retiring one template code (versions n+1, n+2 — never a clash). */
export async function lockTemplateCode(tx: Tx, code: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`template:${code}`}))`);
}

/** The row, locked until the transaction ends: two admins editing one row take turns. */
export async function lockRegion(tx: Tx, id: string) {
  const [row] = await tx.select().from(regions).where(eq(regions.id, id)).for('update').limit(1);
  return row;
}

export async function lockPark(tx: Tx, id: string) {
  const [row] = await tx.select().from(parks).where(eq(parks.id, id)).for('update').limit(1);
  return row;
}

export async function lockEnterprise(tx: Tx, id: string) {
  const [row] = await tx.select().from(enterprises).where(eq(enterprises.id, id)).for('update').limit(1);
  return row;
}

export async function updateRegionRow(tx: Tx, id: string, patch: Partial<typeof regions.$inferInsert>) {
  const [row] = await tx.update(regions).set(patch).where(eq(regions.id, id)).returning();
  return row!;
}

export async function updateParkRow(tx: Tx, id: string, patch: Partial<typeof parks.$inferInsert>) {
  const [row] = await tx.update(parks).set(patch).where(eq(parks.id, id)).returning();
  return row!;
}

export async function updateEnterpriseRow(tx: Tx, id: string, patch: Partial<typeof enterprises.$inferInsert>) {
  const [row] = await tx.update(enterprises).set(patch).where(eq(enterprises.id, id)).returning();
  return row!;
}

/**
 * Re-roots a region's subtree: the region's path becomes `newPath` and each
 * descendant keeps its own tail below the region. Answers the ids whose path
 * changed (the region and all its descendants).
 */
export async function moveRegionSubtree(tx: Tx, id: string, newPath: string[], now: Date): Promise<string[]> {
  const result = await tx.execute(sql`
    UPDATE ${regions}
    SET path = ${uuidArray(newPath)} || path[array_position(path, ${id}::uuid) + 1 : array_length(path, 1)],
        updated_at = ${now}
    WHERE ${id}::uuid = ANY(path)
    RETURNING id`);
  return resultRows<{ id: string }>(result).map((r) => r.id);
}

/** What still hangs under a region: how many enabled sub-regions and parks. */
export async function enabledChildrenOfRegion(db: Executor, id: string): Promise<{ regions: number; parks: number }> {
  const [sub] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(regions)
    .where(and(eq(regions.parentId, id), isNull(regions.disabledAt)));
  const [inside] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(parks)
    .where(and(eq(parks.regionId, id), isNull(parks.disabledAt)));
  return { regions: sub?.n ?? 0, parks: inside?.n ?? 0 };
}

export async function enterpriseByCreditCode(db: Executor, creditCode: string) {
  const [row] = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.creditCode, creditCode))
    .limit(1);
  return row;
}

// ── enterprise import ────────────────────────────────────────────────────

export async function allParkRefs(db: Executor) {
  return db.select({ id: parks.id, name: parks.name, disabledAt: parks.disabledAt }).from(parks);
}

/** Which of these credit codes an enterprise holds already, with its name. */
export async function takenCreditCodes(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({ code: enterprises.creditCode, name: enterprises.name })
    .from(enterprises)
    .where(sql`${enterprises.creditCode} = ANY(${sql.param(codes)}::text[])`);
  return new Map(rows.map((r) => [r.code!, r.name]));
}

export async function insertEnterprises(tx: Tx, rows: (typeof enterprises.$inferInsert)[]) {
  await bulkInsert(tx, enterprises, rows);
}

// ── templates ────────────────────────────────────────────────────────────

/** Every version of every code (publisher's username included), newest first within a code. */
export async function allTemplateVersions(db: Executor) {
  return db
    .select({
      id: templates.id,
      code: templates.code,
      version: templates.version,
      category: templates.category,
      title: templates.title,
      publishedAt: templates.publishedAt,
      publishedBy: users.username,
      retiredAt: templates.retiredAt,
      itemCount: sql<number>`(
        SELECT count(*)::int FROM jsonb_array_elements(${templates.sections}) s, jsonb_array_elements(s->'items'))`,
    })
    .from(templates)
    .leftJoin(users, eq(users.id, templates.publishedBy))
    .orderBy(asc(templates.code), desc(templates.version));
}

export async function insertTemplate(tx: Tx, row: typeof templates.$inferInsert) {
  await tx.insert(templates).values(row);
}

/** Retires every version of a code not retired yet; answers their ids. */
export async function retireTemplateCode(tx: Tx, code: string, now: Date): Promise<string[]> {
  const rows = await tx
    .update(templates)
    .set({ retiredAt: now })
    .where(and(eq(templates.code, code), isNull(templates.retiredAt)))
    .returning({ id: templates.id });
  return rows.map((r) => r.id);
}
