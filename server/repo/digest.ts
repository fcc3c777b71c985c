/** The regions' DingTalk robots, what a region's digest counts, and the log of digests sent. */
import { and, eq, sql } from 'drizzle-orm';
import { resultRows, type Executor } from '../db/client';
import { digestDeliveries, findings, regionWebhooks, regions } from '../db/schema';
import { uuidArray } from './scope';

export async function putRegionWebhook(db: Executor, row: typeof regionWebhooks.$inferInsert): Promise<void> {
  await db
    .insert(regionWebhooks)
    .values(row)
    .onConflictDoUpdate({ target: regionWebhooks.regionId, set: { url: row.url, secret: row.secret, updatedBy: row.updatedBy, updatedAt: row.updatedAt } });
}

export async function deleteRegionWebhook(db: Executor, regionId: string): Promise<boolean> {
  return (await db.delete(regionWebhooks).where(eq(regionWebhooks.regionId, regionId)).returning({ id: regionWebhooks.regionId })).length > 0;
}

/** Every configured robot with its region's name and the last digest sent or tried. */
export async function listRegionWebhooks(db: Executor) {
  const result = await db.execute(sql`SELECT w.region_id AS "regionId", r.name AS "regionName", w.url, w.secret,
      d.day AS "lastDay", d.status AS "lastStatus", d.attempts AS "lastAttempts", d.error AS "lastError"
    FROM ${regionWebhooks} w JOIN ${regions} r ON r.id = w.region_id
    LEFT JOIN LATERAL (SELECT * FROM ${digestDeliveries} x WHERE x.region_id = w.region_id ORDER BY x.day DESC LIMIT 1) d ON TRUE
    WHERE r.disabled_at IS NULL
    ORDER BY r.name`);
  return resultRows<{
    regionId: string;
    regionName: string;
    url: string;
    secret: string;
    lastDay: string | null;
    lastStatus: 'sending' | 'sent' | 'failed' | null;
    lastAttempts: number | null;
    lastError: string | null;
  }>(result).map((r) => ({ ...r, lastDay: r.lastDay ? String(r.lastDay).slice(0, 10) : null }));
}

export interface DigestCounts {
  newFindings: number;
  dueSoon: number;
  overdue: number;
  overdueMajor: number;
  submitted: number;
}

/**
 * A region's (sub-regions included) numbers for one day's digest: findings
 * observed in [since, until), open ones due from today to `soon`, overdue
 * ones, and rectifications awaiting re-inspection.
 */
export async function digestCounts(
  db: Executor,
  regionId: string,
  f: { since: Date; until: Date; today: string; soon: string },
): Promise<DigestCounts> {
  const count = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) FILTER (WHERE ${condition}))::int`;
  const notClosed = sql`${findings.status} <> 'closed'`;
  const [row] = await db
    .select({
      newFindings: count(sql`${findings.observedAt} >= ${f.since} AND ${findings.observedAt} < ${f.until}`),
      dueSoon: count(sql`${findings.status} = 'open' AND ${findings.dueDate} >= ${f.today}::date AND ${findings.dueDate} <= ${f.soon}::date`),
      overdue: count(sql`${notClosed} AND ${findings.dueDate} < ${f.today}::date`),
      overdueMajor: count(sql`${notClosed} AND ${findings.dueDate} < ${f.today}::date AND ${findings.severity} = 'major'`),
      submitted: count(sql`${findings.status} = 'submitted'`),
    })
    .from(findings)
    .where(
      and(
        sql`${findings.parkId} IN (SELECT p.id FROM parks p JOIN regions r ON r.id = p.region_id WHERE r.path && ${uuidArray([regionId])})`,
        sql`(${notClosed} OR ${findings.observedAt} >= ${f.since})`,
      ),
    );
  return row!;
}

/** Claims a region's digest of `day` for this process; false when it was claimed before. */
export async function claimDigest(db: Executor, regionId: string, day: string, at: Date): Promise<boolean> {
  const rows = await db
    .insert(digestDeliveries)
    .values({ regionId, day, status: 'sending', attempts: 0, at })
    .onConflictDoNothing()
    .returning({ regionId: digestDeliveries.regionId });
  return rows.length > 0;
}

export async function recordDigest(
  db: Executor,
  regionId: string,
  day: string,
  outcome: { status: 'sent' | 'failed'; attempts: number; error: string | null; at: Date },
): Promise<void> {
  await db
    .update(digestDeliveries)
    .set(outcome)
    .where(and(eq(digestDeliveries.regionId, regionId), eq(digestDeliveries.day, day)));
}
