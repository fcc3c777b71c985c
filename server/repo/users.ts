/** Users and sessions. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, gt, ilike, isNull, ne, or, sql } from 'drizzle-orm';
import type { Role } from '../../shared/finding-machine';
import type { Executor, Tx } from '../db/client';
import { auditLog, sessions, users } from '../db/schema';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Bumped by every write here that can end or change a session (logout, a
 * user's scope or password or status changing). Every such write is in this
 * file, so an in-process cache of token → user (auth-cache.ts) that checks
 * the epoch can never serve a revoked token.
 */
let epoch = 0;
export const authEpoch = () => epoch;
const bumpAuthEpoch = () => void epoch++;

/** The user a request acts as: who, in which role and scope, through which session. */
export interface Actor {
  id: string;
  username: string;
  name: string;
  role: Role;
  regionIds: string[];
  parkIds: string[];
  scopeVersion: number;
  sessionId: string;
}

export type AuthenticatedActor = Actor & { expiresAt: Date };

export async function findUserByUsername(db: Executor, username: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  return row;
}

export async function createSession(
  db: Executor,
  userId: string,
  opts: { lifetimeMs: number; now: Date; ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    id: randomUUID(),
    userId,
    tokenHash: hashToken(token),
    createdAt: opts.now,
    expiresAt: new Date(opts.now.getTime() + opts.lifetimeMs),
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** The user behind a bearer token, if the token is live and the user enabled. One query per request. */
export async function actorByToken(db: Executor, token: string, now: Date): Promise<AuthenticatedActor | undefined> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      regionIds: users.regionIds,
      parkIds: users.parkIds,
      scopeVersion: users.scopeVersion,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return row;
}

export async function revokeSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  bumpAuthEpoch();
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

export async function revokeUserSessions(db: Executor, userId: string, now: Date): Promise<void> {
  bumpAuthEpoch();
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function insertUser(db: Executor, row: typeof users.$inferInsert) {
  const [created] = await db.insert(users).values(row).returning();
  return created!;
}

/** A new scope: the user's next pull answers `reset` (scopeVersion) and cached sessions reload (epoch). */
export async function setUserScope(db: Executor, userId: string, scope: { regionIds: string[]; parkIds: string[] }, now: Date) {
  bumpAuthEpoch();
  await db
    .update(users)
    .set({ ...scope, scopeVersion: sql`${users.scopeVersion} + 1`, updatedAt: now })
    .where(eq(users.id, userId));
}

/** When an admin last set this user's password (the audit log's admin.user.password), if ever. */
export async function lastPasswordReset(db: Executor, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`max(${auditLog.at})`.mapWith(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.type, 'admin.user.password'), eq(auditLog.subject, userId)));
  return row?.at ?? null;
}

// ── administration ───────────────────────────────────────────────────────

// Written out: drizzle renders a column of the selected table without its table name, which the subquery would misread.
const lastLoginAt = sql<Date | null>`(SELECT max(s.created_at) FROM sessions s WHERE s.user_id = users.id)`.mapWith(
  sessions.createdAt,
);

const adminColumns = {
  id: users.id,
  username: users.username,
  name: users.name,
  role: users.role,
  regionIds: users.regionIds,
  parkIds: users.parkIds,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
  lastLoginAt,
};

export interface UserPageQuery {
  q?: string | undefined;
  role?: Role | undefined;
  regionId?: string | undefined;
  parkId?: string | undefined;
  includeDisabled: boolean;
  limit: number;
  /** The last row of the previous page, ordered by lower(username). */
  after?: { username: string; id: string } | undefined;
}

export async function listUsers(db: Executor, page: UserPageQuery) {
  const q = page.q?.trim();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select(adminColumns)
    .from(users)
    .where(
      and(
        page.includeDisabled ? undefined : isNull(users.disabledAt),
        page.role ? eq(users.role, page.role) : undefined,
        page.regionId ? sql`${page.regionId}::uuid = ANY(${users.regionIds})` : undefined,
        page.parkId ? sql`${page.parkId}::uuid = ANY(${users.parkIds})` : undefined,
        like ? or(ilike(users.username, like), ilike(users.name, like)) : undefined,
        page.after
          ? sql`(lower(${users.username}), ${users.id}) > (${page.after.username}, ${page.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(sql`lower(${users.username})`, asc(users.id))
    .limit(page.limit + 1);
}

export async function getUser(db: Executor, id: string) {
  const [row] = await db.select(adminColumns).from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** The user, locked until the transaction ends: two admins changing one user take turns. */
export async function lockUser(tx: Tx, id: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update').limit(1);
  return row;
}

export async function countEnabledAdmins(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)));
  return row?.n ?? 0;
}

/** Name and role; a role change takes effect on the user's next request (epoch). */
export async function updateUserProfile(
  db: Executor,
  userId: string,
  patch: { name?: string; role?: Role },
  now: Date,
) {
  bumpAuthEpoch();
  await db
    .update(users)
    .set({ ...patch, updatedAt: now })
    .where(eq(users.id, userId));
}

export async function setUserPassword(db: Executor, userId: string, passwordHash: string, now: Date) {
  bumpAuthEpoch();
  await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
}

/** Disabled users' tokens stop working at once (actorByToken checks disabledAt; the epoch drops cached ones). */
export async function setUserDisabled(db: Executor, userId: string, disabledAt: Date | null, now: Date) {
  bumpAuthEpoch();
  await db.update(users).set({ disabledAt, updatedAt: now }).where(eq(users.id, userId));
}

/** Ends every session of a user but one (an admin resetting their own password stays logged in). */
export async function revokeOtherSessions(
  db: Executor,
  userId: string,
  keepSessionId: string,
  now: Date,
): Promise<void> {
  bumpAuthEpoch();
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, keepSessionId)));
}
