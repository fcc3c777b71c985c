/**
 * Administration of users: accounts, roles and scopes, disabling and
 * passwords. There is always an enabled admin, and it is never the one
 * acting who takes their own admin role away.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { formatInstant } from '../../../shared/dates';
import {
  ADMIN_DEFAULT_LIMIT,
  type AdminUser,
  type AdminUserQuery,
  type PasswordReset,
  type UserCreate,
  type UserUpdate,
} from '../../../shared/schemas/admin';
import type { User } from '../../../shared/schemas/entities';
import type { Executor, Tx } from '../../db/client';
import { existingIds } from '../../repo/catalog';
import { toUser } from '../../repo/mappers';
import {
  countEnabledAdmins,
  findUserByUsername,
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
} from '../../repo/users';
import { decodeCursor, encodeCursor } from '../cursor';
import { conflict, notFound } from '../errors';
import { hashPassword } from '../passwords';
import type { Services } from '../services';
import { auditAction, badField, changed, pick, toggled, type AuditInfo, type Page } from './common';

/** Operators are scoped by parks; inspectors and supervisors by regions; admins by neither. */
async function checkUserScope(
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
    { field: 'regionIds', kind: 'region', ids: [...new Set(regionIds)] },
    { field: 'parkIds', kind: 'park', ids: [...new Set(parkIds)] },
  ] as const;
  for (const { field, kind, ids } of checks) {
    const known = await existingIds(db, kind, ids);
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length) throw badField(field, `no such ${kind}: ${missing.join(', ')}`);
  }
}

export async function createUser(s: Services, input: UserCreate, who: AuditInfo): Promise<User> {
  const regionIds = [...new Set(input.regionIds ?? [])];
  const parkIds = [...new Set(input.parkIds ?? [])];
  await checkUserScope(s.db, input.role, regionIds, parkIds);
  const passwordHash = await hashPassword(input.password);
  return s.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, input.username)) throw conflict(`the username ${input.username} is taken`);
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
