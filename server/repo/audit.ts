/** The audit log: append-only record of logins, admin changes and sync mutations. */
import { sql, type SQL } from 'drizzle-orm';
import { resultRows, type Executor } from '../db/client';
import { auditLog, mutations, users } from '../db/schema';

export interface AuditEntry {
  type: string;
  actorId?: string | null;
  actorUsername?: string | null;
  subject?: string | null;
  ip?: string | null;
  clockSkewMs?: number | null;
  details?: Record<string, unknown>;
  at?: Date;
}

export async function audit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    type: entry.type,
    actorId: entry.actorId ?? null,
    actorUsername: entry.actorUsername ?? null,
    subject: entry.subject ?? null,
    ip: entry.ip ?? null,
    clockSkewMs: entry.clockSkewMs ?? null,
    details: entry.details ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}

export interface AuditFilter {
  actorId?: string | undefined;
  /** A type, or a prefix of dotted types (`login` → login.*). */
  type?: string | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  /** The last entry of the previous page: its exact time (µs, ISO) and key. */
  before?: { at: string; key: string } | undefined;
  limit: number;
}

/** One row of either source, in the shape both share; `key` orders entries of the same instant. */
export interface AuditRow {
  key: string;
  /** The instant with microseconds, UTC ISO: cursors must not lose precision to JS Dates. */
  exactAt: string;
  at: Date;
  source: 'audit' | 'sync';
  type: string;
  actorId: string | null;
  actorUsername: string | null;
  actorName: string | null;
  subject: string | null;
  ip: string | null;
  clockSkewMs: number | null;
  status: 'applied' | 'rejected' | null;
  details: Record<string, unknown> | null;
}

const exact = (column: SQL) => sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const typeMatches = (column: SQL, type: string) =>
  sql`(${column} = ${type} OR ${column} LIKE ${`${type.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`})`;

/** Strictly older than the cursor's entry, in (time, key) order. */
const before = (at: SQL, key: SQL, cursor: { at: string; key: string }) =>
  sql`(${at} < ${cursor.at}::timestamptz OR (${at} = ${cursor.at}::timestamptz AND ${key} < ${cursor.key}))`;

/**
 * Newest first: the audit log (logins, logouts, admin changes) merged with
 * processed sync mutations, which carry their own actor, time, IP and clock
 * skew. Each source is read in the same order and the two merged here.
 */
export async function queryAudit(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
  const wantsSync = !f.type || f.type === 'sync' || f.type.startsWith('sync.');
  const [logged, synced] = await Promise.all([
    auditLogRows(db, f),
    wantsSync ? mutationRows(db, f) : Promise.resolve([]),
  ]);
  return [...logged, ...synced]
    .sort((a, b) => (a.exactAt === b.exactAt ? (a.key < b.key ? 1 : -1) : a.exactAt < b.exactAt ? 1 : -1))
    .slice(0, f.limit + 1);
}

async function auditLogRows(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
  // Compared as bytes, like the merge below: a locale's collation could order keys differently.
  const key = sql`('a' || lpad(a.id::text, 19, '0')) COLLATE "C"`;
  const conditions = [
    f.actorId ? sql`a.actor_id = ${f.actorId}::uuid` : undefined,
    f.type ? typeMatches(sql`a.type`, f.type) : undefined,
    f.from ? sql`a.at >= ${f.from}` : undefined,
    f.to ? sql`a.at < ${f.to}` : undefined,
    f.before ? before(sql`a.at`, key, f.before) : undefined,
  ].filter((c) => c !== undefined);
  const result = await db.execute(sql`
    SELECT ${key} AS key, ${exact(sql`a.at`)} AS "exactAt", a.at, 'audit' AS source, a.type,
           a.actor_id AS "actorId", coalesce(a.actor_username, u.username) AS "actorUsername", u.name AS "actorName",
           a.subject, a.ip, a.clock_skew_ms AS "clockSkewMs", NULL AS status, a.details
    FROM ${auditLog} a LEFT JOIN ${users} u ON u.id = a.actor_id
    WHERE ${conditions.length ? sql.join(conditions, sql` AND `) : sql`TRUE`}
    ORDER BY a.at DESC, a.id DESC
    LIMIT ${f.limit + 1}`);
  return resultRows<AuditRow>(result);
}

async function mutationRows(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
  const key = sql`('m' || m.id::text) COLLATE "C"`;
  const mutationType = f.type?.startsWith('sync.') ? f.type.slice('sync.'.length) : undefined;
  const conditions = [
    f.actorId ? sql`m.user_id = ${f.actorId}::uuid` : undefined,
    mutationType ? typeMatches(sql`m.type`, mutationType) : undefined,
    f.from ? sql`m.received_at >= ${f.from}` : undefined,
    f.to ? sql`m.received_at < ${f.to}` : undefined,
    f.before ? before(sql`m.received_at`, key, f.before) : undefined,
  ].filter((c) => c !== undefined);
  const result = await db.execute(sql`
    SELECT ${key} AS key, ${exact(sql`m.received_at`)} AS "exactAt", m.received_at AS at, 'sync' AS source,
           'sync.' || m.type AS type, m.user_id AS "actorId", u.username AS "actorUsername", u.name AS "actorName",
           m.id::text AS subject, m.ip, m.clock_skew_ms AS "clockSkewMs", m.status,
           jsonb_strip_nulls(
             jsonb_build_object('clientId', m.client_id, 'clientTime', m.client_time, 'error', m.error)
           ) AS details
    FROM ${mutations} m JOIN ${users} u ON u.id = m.user_id
    WHERE ${conditions.length ? sql.join(conditions, sql` AND `) : sql`TRUE`}
    ORDER BY m.received_at DESC, m.id DESC
    LIMIT ${f.limit + 1}`);
  return resultRows<AuditRow>(result);
}
