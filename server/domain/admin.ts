/**
 * Administration: regions, parks, enterprises, users and template versions.
 * Nothing is ever deleted: rows are disabled (and enabled again), template
 * codes retired. Each change is one transaction that also writes the pull
 * feed (so phones hear of it) and the audit log (who, when, from where, and
 * which fields went from what to what — never a password).
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { formatInstant } from '../../shared/dates';
import {
  ADMIN_DEFAULT_LIMIT,
  type AdminEnterpriseQuery,
  type AdminParkQuery,
  type AdminRegionQuery,
  type AdminUser,
  type AdminUserQuery,
  type EnterpriseCreate,
  type EnterpriseUpdate,
  type ParkCreate,
  type ParkUpdate,
  type PasswordReset,
  type RegionCreate,
  type RegionUpdate,
  type TemplatePublish,
  type TemplateSummary,
  type UserCreate,
  type UserUpdate,
} from '../../shared/schemas/admin';
import type { Enterprise, Park, Region, Template, User } from '../../shared/schemas/entities';
import type { Executor, Tx } from '../db/client';
import { enterprises, parks, regions, templates, users } from '../db/schema';
import { conflict, invalid, notFound } from './errors';
import { audit } from '../repo/audit';
import {
  adminListEnterprises,
  adminListParks,
  adminListRegions,
  allTemplateVersions,
  enabledChildrenOfRegion,
  enterpriseByCreditCode,
  getEnterprise,
  getPark,
  getRegion,
  getTemplate,
  latestTemplateVersion,
  lockEnterprise,
  lockPark,
  lockRegion,
  lockRegionTree,
  lockTemplateCode,
  moveRegionSubtree,
  retireTemplateCode,
  updateEnterpriseRow,
  updateParkRow,
  updateRegionRow,
} from '../repo/catalog';
import { toEnterprise, toPark, toRegion, toTemplate, toUser } from '../repo/mappers';
import { bumpScopeEpoch } from '../repo/meta';
import {
  countEnabledAdmins,
  getUser,
  insertUser,
  listUsers,
  lockUser,
  revokeOtherSessions,
  revokeUserSessions,
  setUserDisabled as setUserDisabledRow,
  setUserPassword,
  setUserScope,
  updateUserProfile,
  type Actor,
} from '../repo/users';
import { writeTx, type ChangeSet } from '../repo/write';
import { decodeCursor, encodeCursor } from './cursor';
import { hashPassword } from './passwords';
import type { Services } from './services';

export interface AuditInfo {
  /** The session is known on requests: an admin resetting their own password keeps it. */
  actor: Pick<Actor, 'id' | 'username'> & Partial<Pick<Actor, 'sessionId'>>;
  ip: string | null;
}

const badField = (path: string, message: string) => invalid(`${path}: ${message}`, [{ path, message }]);

async function exists(db: Executor, table: typeof regions | typeof parks | typeof enterprises, id: string) {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, id)).limit(1);
  return Boolean(row);
}

/** One admin change in the audit log: who did it, from where, to what, and the details (never a password). */
async function auditAction(
  tx: Executor,
  who: AuditInfo,
  type: string,
  subject: string,
  details: Record<string, unknown> = {},
) {
  await audit(tx, { type, subject, actorId: who.actor.id, actorUsername: who.actor.username, ip: who.ip, details });
}

export async function createRegion(s: Services, input: RegionCreate, who: AuditInfo): Promise<Region> {
  return writeTx(s.db, async (tx, changes) => {
    const id = input.id ?? randomUUID();
    if (await exists(tx, regions, id)) throw conflict(`a region with id ${id} exists`);
    let path = [id];
    if (input.parentId) {
      const [parent] = await tx.select().from(regions).where(eq(regions.id, input.parentId)).limit(1);
      if (!parent) throw badField('parentId', 'no such region');
      path = [...parent.path, id];
    }
    const [row] = await tx
      .insert(regions)
      .values({ id, name: input.name, parentId: input.parentId ?? null, path })
      .returning();
    changes.region(id);
    await auditAction(tx, who, 'admin.region.create', id, { name: input.name });
    return toRegion(row!);
  });
}

export async function createPark(s: Services, input: ParkCreate, who: AuditInfo): Promise<Park> {
  return writeTx(s.db, async (tx, changes) => {
    const id = input.id ?? randomUUID();
    if (await exists(tx, parks, id)) throw conflict(`a park with id ${id} exists`);
    if (!(await exists(tx, regions, input.regionId))) throw badField('regionId', 'no such region');
    const [row] = await tx
      .insert(parks)
      .values({
        id,
        name: input.name,
        regionId: input.regionId,
        address: input.address ?? null,
        starRating: input.starRating ?? null,
        areaMu: input.areaMu ?? null,
        floorArea: input.floorArea ?? null,
      })
      .returning();
    changes.park('park', id, id);
    await auditAction(tx, who, 'admin.park.create', id, { name: input.name });
    return toPark(row!);
  });
}

export async function createEnterprise(s: Services, input: EnterpriseCreate, who: AuditInfo): Promise<Enterprise> {
  return writeTx(s.db, async (tx, changes) => {
    const id = input.id ?? randomUUID();
    if (await exists(tx, enterprises, id)) throw conflict(`an enterprise with id ${id} exists`);
    if (!(await exists(tx, parks, input.parkId))) throw badField('parkId', 'no such park');
    if (input.creditCode) {
      const [dup] = await tx
        .select({ id: enterprises.id })
        .from(enterprises)
        .where(eq(enterprises.creditCode, input.creditCode))
        .limit(1);
      if (dup) throw conflict(`an enterprise with credit code ${input.creditCode} exists`);
    }
    const [row] = await tx
      .insert(enterprises)
      .values({
        id,
        parkId: input.parkId,
        name: input.name,
        creditCode: input.creditCode ?? null,
        building: input.building ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
      })
      .returning();
    changes.park('enterprise', id, input.parkId);
    await auditAction(tx, who, 'admin.enterprise.create', id, { name: input.name, parkId: input.parkId });
    return toEnterprise(row!);
  });
}

/** Operators are scoped by parks; inspectors and supervisors by regions; admins by neither. */
export async function checkUserScope(
  db: Executor,
  role: User['role'],
  regionIds: readonly string[],
  parkIds: readonly string[],
): Promise<void> {
  if (role === 'operator' && regionIds.length) throw badField('regionIds', 'operators are scoped by parkIds');
  if ((role === 'inspector' || role === 'supervisor') && parkIds.length) {
    throw badField('parkIds', `${role}s are scoped by regionIds`);
  }
  if (role === 'admin' && (regionIds.length || parkIds.length)) {
    throw badField(regionIds.length ? 'regionIds' : 'parkIds', 'admins see everything and take no scope');
  }
  const checks = [
    { field: 'regionIds', table: regions, ids: [...new Set(regionIds)] },
    { field: 'parkIds', table: parks, ids: [...new Set(parkIds)] },
  ] as const;
  for (const { field, table, ids } of checks) {
    if (!ids.length) continue;
    const found = await db.select({ id: table.id }).from(table).where(inArray(table.id, ids));
    const known = new Set(found.map((r) => r.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) throw badField(field, `no such ${field === 'regionIds' ? 'region' : 'park'}: ${missing.join(', ')}`);
  }
}

export async function createUser(s: Services, input: UserCreate, who: AuditInfo): Promise<User> {
  const regionIds = [...new Set(input.regionIds ?? [])];
  const parkIds = [...new Set(input.parkIds ?? [])];
  await checkUserScope(s.db, input.role, regionIds, parkIds);
  const passwordHash = await hashPassword(input.password);
  return s.db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`)
      .limit(1);
    if (dup) throw conflict(`the username ${input.username} is taken`);
    const row = await insertUser(tx, {
      id: randomUUID(),
      username: input.username,
      name: input.name,
      role: input.role,
      passwordHash,
      regionIds,
      parkIds,
    });
    await auditAction(tx, who, 'admin.user.create', row.id, { username: input.username, role: input.role });
    return toUser(row);
  });
}

/** Publishing the same code again makes version n+1; a published version never changes. */
export async function publishTemplate(
  s: Services,
  input: TemplatePublish,
  who: AuditInfo | null,
): Promise<{ id: string; code: string; version: number }> {
  return writeTx(s.db, (tx, changes) => insertTemplateVersion(tx, changes, input, who));
}

export async function insertTemplateVersion(
  tx: Tx,
  changes: ChangeSet,
  input: TemplatePublish,
  who: AuditInfo | null,
): Promise<{ id: string; code: string; version: number }> {
  // Two admins publishing one code at once must get n+1 and n+2, not a clash.
  await lockTemplateCode(tx, input.code);
  const version = (await latestTemplateVersion(tx, input.code)) + 1;
  const id = randomUUID();
  await tx.insert(templates).values({
    id,
    code: input.code,
    version,
    category: input.category,
    title: input.title,
    sections: input.sections,
    publishedBy: who?.actor.id ?? null,
  });
  changes.template(id);
  if (who) await auditAction(tx, who, 'admin.template.publish', id, { code: input.code, version });
  return { id, code: input.code, version };
}

// ── lists, reads, updates, disable/enable ────────────────────────────────

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const NameCursor = z.object({ n: z.string(), id: z.guid() });

/** Rows fetched with limit + 1 → one page and the cursor of the next (keyset on name, id). */
function pageOf<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  name: (r: R) => string,
  map: (r: R) => T,
): Page<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor({ n: name(last), id: last.id }) : null,
  };
}

interface ListQuery {
  q?: string | undefined;
  includeDisabled?: 'true' | 'false' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

const listing = (q: ListQuery) => {
  const after = q.cursor ? decodeCursor(q.cursor, NameCursor) : undefined;
  return {
    q: q.q,
    includeDisabled: q.includeDisabled === 'true',
    limit: q.limit ?? ADMIN_DEFAULT_LIMIT,
    after: after && { name: after.n, id: after.id },
  };
};

/** Only the fields whose value changed, as {from, to}: the audit entry of an update. */
function changed(before: object, after: object): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = (before as Record<string, unknown>)[key];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) out[key] = { from: from ?? null, to: to ?? null };
  }
  return out;
}

const toggled = (disabled: boolean) => (disabled ? 'disable' : 'enable');

// regions

export async function adminRegions(s: Services, q: AdminRegionQuery): Promise<Page<Region>> {
  const page = listing(q);
  const rows = await adminListRegions(s.db, { ...page, parentId: q.parentId });
  return pageOf(rows, page.limit, (r) => r.name, toRegion);
}

export async function adminRegion(s: Services, id: string): Promise<Region> {
  const row = await getRegion(s.db, id);
  if (!row) throw notFound('no such region');
  return toRegion(row);
}

/**
 * A new parent moves the whole subtree: every path below is rewritten, and
 * since that changes which parks many users' scopes cover, every pull
 * cursor resets (scope epoch).
 */
export async function updateRegion(s: Services, id: string, input: RegionUpdate, who: AuditInfo): Promise<Region> {
  return writeTx(s.db, async (tx, changes) => {
    if (input.parentId !== undefined) await lockRegionTree(tx);
    const row = await lockRegion(tx, id);
    if (!row) throw notFound('no such region');
    const now = s.now();
    const diff = changed(row, input);
    if (!Object.keys(diff).length) return toRegion(row);
    if (diff.parentId) {
      let path = [id];
      if (input.parentId) {
        const parent = await getRegion(tx, input.parentId);
        if (!parent) throw badField('parentId', 'no such region');
        if (parent.path.includes(id)) {
          throw badField('parentId', 'a region cannot move under itself or its own sub-regions');
        }
        if (parent.disabledAt) throw badField('parentId', 'that region is disabled');
        path = [...parent.path, id];
      }
      for (const moved of await moveRegionSubtree(tx, id, path, now)) changes.region(moved);
      await bumpScopeEpoch(tx);
    }
    const updated = await updateRegionRow(tx, id, { ...pick(input, ['name', 'parentId']), updatedAt: now });
    changes.region(id);
    await auditAction(tx, who, 'admin.region.update', id, diff);
    return toRegion(updated);
  });
}

/** A region with enabled sub-regions or parks stays enabled: they would drop out of every list. */
export async function setRegionDisabled(s: Services, id: string, disabled: boolean, who: AuditInfo): Promise<Region> {
  return writeTx(s.db, async (tx, changes) => {
    const row = await lockRegion(tx, id);
    if (!row) throw notFound('no such region');
    if ((row.disabledAt !== null) === disabled) return toRegion(row);
    if (disabled) {
      const inside = await enabledChildrenOfRegion(tx, id);
      if (inside.regions || inside.parks) {
        throw conflict(
          `the region still has ${inside.regions} enabled sub-region(s) and ${inside.parks} enabled park(s): ` +
            'disable or move them first',
        );
      }
    } else if (row.parentId && (await getRegion(tx, row.parentId))?.disabledAt) {
      throw conflict('its parent region is disabled: enable that first');
    }
    const now = s.now();
    const updated = await updateRegionRow(tx, id, { disabledAt: disabled ? now : null, updatedAt: now });
    changes.region(id);
    await auditAction(tx, who, `admin.region.${toggled(disabled)}`, id, { name: row.name });
    return toRegion(updated);
  });
}

// parks

export async function adminParks(s: Services, q: AdminParkQuery): Promise<Page<Park>> {
  const page = listing(q);
  const rows = await adminListParks(s.db, { ...page, regionId: q.regionId });
  return pageOf(rows, page.limit, (r) => r.name, toPark);
}

export async function adminPark(s: Services, id: string): Promise<Park> {
  const row = await getPark(s.db, { kind: 'all' }, id);
  if (!row) throw notFound('no such park');
  return toPark(row);
}

/** A park moving to another region changes what many users' scopes cover: every pull cursor resets. */
export async function updatePark(s: Services, id: string, input: ParkUpdate, who: AuditInfo): Promise<Park> {
  return writeTx(s.db, async (tx, changes) => {
    const row = await lockPark(tx, id);
    if (!row) throw notFound('no such park');
    const diff = changed(row, input);
    if (!Object.keys(diff).length) return toPark(row);
    if (diff.regionId) {
      const region = await lockRegion(tx, input.regionId!);
      if (!region) throw badField('regionId', 'no such region');
      if (region.disabledAt) throw badField('regionId', 'that region is disabled');
      await bumpScopeEpoch(tx);
    }
    const patch = pick(input, ['name', 'regionId', 'address', 'starRating', 'areaMu', 'floorArea']);
    const updated = await updateParkRow(tx, id, { ...patch, updatedAt: s.now() });
    changes.park('park', id, id);
    await auditAction(tx, who, 'admin.park.update', id, diff);
    return toPark(updated);
  });
}

export async function setParkDisabled(s: Services, id: string, disabled: boolean, who: AuditInfo): Promise<Park> {
  return writeTx(s.db, async (tx, changes) => {
    const row = await lockPark(tx, id);
    if (!row) throw notFound('no such park');
    if ((row.disabledAt !== null) === disabled) return toPark(row);
    if (!disabled && (await getRegion(tx, row.regionId))?.disabledAt) {
      throw conflict('its region is disabled: enable that first');
    }
    const now = s.now();
    const updated = await updateParkRow(tx, id, { disabledAt: disabled ? now : null, updatedAt: now });
    changes.park('park', id, id);
    await auditAction(tx, who, `admin.park.${toggled(disabled)}`, id, { name: row.name });
    return toPark(updated);
  });
}

// enterprises

export async function adminEnterprises(s: Services, q: AdminEnterpriseQuery): Promise<Page<Enterprise>> {
  const page = listing(q);
  const rows = await adminListEnterprises(s.db, { ...page, parkId: q.parkId, regionId: q.regionId });
  return pageOf(rows, page.limit, (r) => r.name, toEnterprise);
}

export async function adminEnterprise(s: Services, id: string): Promise<Enterprise> {
  const row = await getEnterprise(s.db, { kind: 'all' }, id);
  if (!row) throw notFound('no such enterprise');
  return toEnterprise(row);
}

/**
 * An enterprise moving to another park leaves the old park's phones holding
 * it, and the pull feed keeps one row per entity: every pull cursor resets,
 * as for a park moving between regions. Its past findings stay with the park
 * where they were found.
 */
export async function updateEnterprise(
  s: Services,
  id: string,
  input: EnterpriseUpdate,
  who: AuditInfo,
): Promise<Enterprise> {
  return writeTx(s.db, async (tx, changes) => {
    const row = await lockEnterprise(tx, id);
    if (!row) throw notFound('no such enterprise');
    const diff = changed(row, input);
    if (!Object.keys(diff).length) return toEnterprise(row);
    if (diff.parkId) {
      const park = await lockPark(tx, input.parkId!);
      if (!park) throw badField('parkId', 'no such park');
      if (park.disabledAt) throw badField('parkId', 'that park is disabled');
      await bumpScopeEpoch(tx);
    }
    if (diff.creditCode && input.creditCode) {
      const holder = await enterpriseByCreditCode(tx, input.creditCode);
      if (holder && holder.id !== id) throw conflict(`the credit code ${input.creditCode} belongs to ${holder.name}`);
    }
    const patch = pick(input, ['parkId', 'name', 'creditCode', 'building', 'contactName', 'contactPhone']);
    const updated = await updateEnterpriseRow(tx, id, { ...patch, updatedAt: s.now() });
    changes.park('enterprise', id, updated.parkId);
    await auditAction(tx, who, 'admin.enterprise.update', id, diff);
    return toEnterprise(updated);
  });
}

export async function setEnterpriseDisabled(
  s: Services,
  id: string,
  disabled: boolean,
  who: AuditInfo,
): Promise<Enterprise> {
  return writeTx(s.db, async (tx, changes) => {
    const row = await lockEnterprise(tx, id);
    if (!row) throw notFound('no such enterprise');
    if ((row.disabledAt !== null) === disabled) return toEnterprise(row);
    if (!disabled && (await getPark(tx, { kind: 'all' }, row.parkId))?.disabledAt) {
      throw conflict('its park is disabled: enable that first');
    }
    const now = s.now();
    const updated = await updateEnterpriseRow(tx, id, { disabledAt: disabled ? now : null, updatedAt: now });
    changes.park('enterprise', id, row.parkId);
    await auditAction(tx, who, `admin.enterprise.${toggled(disabled)}`, id, { name: row.name });
    return toEnterprise(updated);
  });
}

// users

const UserCursor = z.object({ u: z.string(), id: z.guid() });

type AdminUserRow = NonNullable<Awaited<ReturnType<typeof getUser>>>;

const toAdminUser = (s: Services, u: AdminUserRow): AdminUser => ({
  ...toUser(u),
  disabled: u.disabledAt !== null,
  createdAt: formatInstant(u.createdAt, s.tz),
  lastLoginAt: u.lastLoginAt ? formatInstant(u.lastLoginAt, s.tz) : null,
});

export async function adminUsers(s: Services, q: AdminUserQuery): Promise<Page<AdminUser>> {
  const limit = q.limit ?? ADMIN_DEFAULT_LIMIT;
  const after = q.cursor ? decodeCursor(q.cursor, UserCursor) : undefined;
  const rows = await listUsers(s.db, {
    q: q.q,
    role: q.role,
    regionId: q.regionId,
    parkId: q.parkId,
    includeDisabled: q.includeDisabled === 'true',
    limit,
    after: after && { username: after.u, id: after.id },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((u) => toAdminUser(s, u)),
    nextCursor: rows.length > limit && last ? encodeCursor({ u: last.username.toLowerCase(), id: last.id }) : null,
  };
}

export async function adminUser(s: Services, id: string): Promise<AdminUser> {
  const row = await getUser(s.db, id);
  if (!row) throw notFound('no such user');
  return toAdminUser(s, row);
}

/** The scope each role takes: a new role drops the kind of scope it does not use, unless the request gives it. */
function scopeFor(role: User['role'], current: { regionIds: string[]; parkIds: string[] }, input: UserUpdate) {
  const byRegions = role === 'inspector' || role === 'supervisor';
  return {
    regionIds: [...new Set(input.regionIds ?? (byRegions ? current.regionIds : []))],
    parkIds: [...new Set(input.parkIds ?? (role === 'operator' ? current.parkIds : []))],
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Name, role and scope. A new role or scope bumps the user's scope version,
 * so their next sync pull answers `reset` and their phone re-reads what
 * they may now see; their sessions stay. No admin can take away their own
 * admin role, nor the last admin's.
 */
export async function updateUser(s: Services, id: string, input: UserUpdate, who: AuditInfo): Promise<AdminUser> {
  await s.db.transaction(async (tx) => {
    const row = await lockUser(tx, id);
    if (!row) throw notFound('no such user');
    const role = input.role ?? row.role;
    const scope = scopeFor(role, row, input);
    await checkUserScope(tx, role, scope.regionIds, scope.parkIds);
    if (row.role === 'admin' && role !== 'admin') await keepAnAdmin(tx, id, who, 'change the role of');
    const now = s.now();
    const diff = changed(row, { name: input.name, role: input.role });
    if (!sameSet(row.regionIds, scope.regionIds)) diff.regionIds = { from: row.regionIds, to: scope.regionIds };
    if (!sameSet(row.parkIds, scope.parkIds)) diff.parkIds = { from: row.parkIds, to: scope.parkIds };
    if (!Object.keys(diff).length) return;
    if (diff.name || diff.role) await updateUserProfile(tx, id, pick(input, ['name', 'role']), now);
    if (diff.role || diff.regionIds || diff.parkIds) await setUserScope(tx, id, scope, now);
    await auditAction(tx, who, 'admin.user.update', id, { username: row.username, ...diff });
  });
  return adminUser(s, id);
}

async function keepAnAdmin(tx: Tx, id: string, who: AuditInfo, action: string) {
  if (id === who.actor.id) throw conflict(`you cannot ${action} your own account: ask another admin`);
  if ((await countEnabledAdmins(tx)) <= 1) throw conflict(`you cannot ${action} the last admin`);
}

/** A disabled user's sessions end at once; enabling does not bring them back. */
export async function setUserDisabled(s: Services, id: string, disabled: boolean, who: AuditInfo): Promise<AdminUser> {
  await s.db.transaction(async (tx) => {
    const row = await lockUser(tx, id);
    if (!row) throw notFound('no such user');
    if ((row.disabledAt !== null) === disabled) return;
    if (disabled && row.role === 'admin') await keepAnAdmin(tx, id, who, 'disable');
    const now = s.now();
    await setUserDisabledRow(tx, id, disabled ? now : null, now);
    if (disabled) await revokeUserSessions(tx, id, now);
    await auditAction(tx, who, `admin.user.${toggled(disabled)}`, id, { username: row.username });
  });
  return adminUser(s, id);
}

/**
 * A new password ends the user's sessions: whoever knew the old one is
 * logged out. An admin setting their own keeps the session they did it from.
 */
export async function resetPassword(s: Services, id: string, input: PasswordReset, who: AuditInfo): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await s.db.transaction(async (tx) => {
    const row = await lockUser(tx, id);
    if (!row) throw notFound('no such user');
    const now = s.now();
    await setUserPassword(tx, id, passwordHash, now);
    if (id === who.actor.id && who.actor.sessionId) await revokeOtherSessions(tx, id, who.actor.sessionId, now);
    else await revokeUserSessions(tx, id, now);
    await auditAction(tx, who, 'admin.user.password', id, { username: row.username });
  });
}

// templates

type VersionRow = Awaited<ReturnType<typeof allTemplateVersions>>[number];

function summaries(s: Services, rows: VersionRow[]): TemplateSummary[] {
  const byCode = new Map<string, VersionRow[]>();
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  return [...byCode.values()].map((versions) => {
    const info = versions.map((v) => ({
      id: v.id,
      version: v.version,
      publishedAt: formatInstant(v.publishedAt, s.tz),
      publishedBy: v.publishedBy,
      retired: v.retiredAt !== null,
      itemCount: v.itemCount,
    }));
    const latest = versions[0]!;
    return {
      code: latest.code,
      category: latest.category,
      title: latest.title,
      retired: info[0]!.retired,
      latest: info[0]!,
      versions: info,
    };
  });
}

export async function adminTemplates(s: Services, includeRetired: boolean): Promise<TemplateSummary[]> {
  const all = summaries(s, await allTemplateVersions(s.db));
  return includeRetired ? all : all.filter((t) => !t.retired);
}

export async function adminTemplate(s: Services, id: string): Promise<Template> {
  const row = await getTemplate(s.db, id);
  if (!row) throw notFound('no such template version');
  return toTemplate(row, s.tz);
}

/**
 * Phones stop offering a retired template (they hear of each version's
 * retirement by sync); inspections already made keep their version, and an
 * inspection started on it before still submits. Publishing the code again
 * brings it back as a new version.
 */
export async function retireTemplate(s: Services, code: string, who: AuditInfo): Promise<TemplateSummary> {
  await writeTx(s.db, async (tx, changes) => {
    await lockTemplateCode(tx, code);
    if (!(await latestTemplateVersion(tx, code))) throw notFound('no such template');
    const retired = await retireTemplateCode(tx, code, s.now());
    for (const id of retired) changes.template(id);
    if (retired.length) await auditAction(tx, who, 'admin.template.retire', code, { versions: retired.length });
  });
  const summary = (await adminTemplates(s, true)).find((t) => t.code === code);
  if (!summary) throw notFound('no such template');
  return summary;
}

const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> =>
  Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) as Pick<T, K>;
