/** Named settings kept in the database (table `meta`). */
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { meta } from '../db/schema';

const SCOPE_EPOCH = 'scopeEpoch';

/**
 * Bumped when what a scope covers changes for many users at once (a park
 * moved to another region): every pull cursor made before answers `reset`.
 */
export async function scopeEpoch(db: Executor): Promise<number> {
  const [row] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, SCOPE_EPOCH));
  return typeof row?.value === 'number' ? row.value : 0;
}

export async function bumpScopeEpoch(db: Executor): Promise<void> {
  await db
    .insert(meta)
    .values({ key: SCOPE_EPOCH, value: 1 })
    .onConflictDoUpdate({ target: meta.key, set: { value: sql`to_jsonb((${meta.value})::int + 1)` } });
}
