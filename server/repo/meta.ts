/** Named settings kept in the database (table `meta`). */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { meta } from '../db/schema';

/**
 * Bumped when what a scope covers changes for many users at once (a park
 * moved to another region): every pull cursor made before answers `reset`.
 * Read by sync pull (repo/sync.ts `feedHead`).
 */
export const SCOPE_EPOCH = 'scopeEpoch';

export async function bumpScopeEpoch(db: Executor): Promise<void> {
  await db
    .insert(meta)
    .values({ key: SCOPE_EPOCH, value: 1 })
    .onConflictDoUpdate({ target: meta.key, set: { value: sql`to_jsonb((${meta.value})::int + 1)` } });
}

/**
 * The time zone the stored due ends (findings.due_end_at) were computed in.
 * Migration 0005 filled existing rows in Asia/Shanghai and says so here.
 */
const DUE_END_ZONE = 'dueEndZone';

export async function dueEndZone(db: Executor): Promise<string | undefined> {
  const [row] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, DUE_END_ZONE));
  return typeof row?.value === 'string' ? row.value : undefined;
}

export async function setDueEndZone(db: Executor, tz: string): Promise<void> {
  await db.insert(meta).values({ key: DUE_END_ZONE, value: tz }).onConflictDoUpdate({ target: meta.key, set: { value: tz } });
}
