/** Named settings kept in the database (table `meta`). */
import { sql } from 'drizzle-orm';
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
