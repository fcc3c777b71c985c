/**
 * Every write that phones must hear about goes through `writeTx`: the writer
 * notes what it changed, and just before commit the notes become rows of the
 * `changes` feed that sync pull reads.
 *
 * Why the advisory lock: a plain sequence hands 10 to transaction A and 11 to
 * B; if B commits first, a pull can return 11 and move its cursor past 10
 * before A commits, and A's change is never delivered. Taking the change
 * numbers under a transaction-level advisory lock, as the last statement
 * before commit, means numbers become visible in the order they were taken;
 * the lock is released only once the commit is visible.
 */
import { sql } from 'drizzle-orm';
import type { ChangeKind } from '../../shared/schemas/sync';
import type { Db, Tx } from '../db/client';
import { changes } from '../db/schema';

const CHANGE_LOCK = 7_301_002;

/**
 * Bumped, inside the writing transaction, whenever regions, parks or
 * templates change: the in-process catalog cache (read-cache.ts) compares it.
 */
let catalogEpoch = 0;
export const currentCatalogEpoch = () => catalogEpoch;
const CATALOG_KINDS = new Set<ChangeKind>(['region', 'park', 'template']);

interface ChangeNote {
  kind: ChangeKind;
  entityId: string;
  op: 'put' | 'delete';
  parkId: string | null;
  regionId: string | null;
}

export class ChangeSet {
  private readonly notes = new Map<string, ChangeNote>();

  /** Park-owned data: park, enterprise, inspection, finding, findingEvent. */
  park(kind: ChangeKind, entityId: string, parkId: string, op: 'put' | 'delete' = 'put'): void {
    this.notes.set(`${kind}:${entityId}`, { kind, entityId, op, parkId, regionId: null });
  }

  region(regionId: string, op: 'put' | 'delete' = 'put'): void {
    this.notes.set(`region:${regionId}`, { kind: 'region', entityId: regionId, op, parkId: null, regionId });
  }

  /** Templates are for everyone. */
  template(templateId: string): void {
    this.notes.set(`template:${templateId}`, {
      kind: 'template',
      entityId: templateId,
      op: 'put',
      parkId: null,
      regionId: null,
    });
  }

  /** Plans are delivered by who sees them (repo/plans.ts `planVisible`), not by one park or region. */
  plan(planId: string): void {
    this.notes.set(`plan:${planId}`, { kind: 'plan', entityId: planId, op: 'put', parkId: null, regionId: null });
  }

  get size(): number {
    return this.notes.size;
  }

  values(): ChangeNote[] {
    return [...this.notes.values()];
  }
}

const FLUSH_BATCH = 5000;

export async function flushChanges(tx: Tx, set: ChangeSet): Promise<void> {
  if (set.size === 0) return;
  const rows = set.values();
  if (rows.some((n) => CATALOG_KINDS.has(n.kind))) catalogEpoch++;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHANGE_LOCK})`);
  for (let i = 0; i < rows.length; i += FLUSH_BATCH) {
    // One JSON parameter per batch (see bulk.ts); numbered in the order noted.
    const json = JSON.stringify(
      rows.slice(i, i + FLUSH_BATCH).map((n) => ({ kind: n.kind, entity_id: n.entityId, op: n.op, park_id: n.parkId, region_id: n.regionId })),
    );
    await tx.execute(sql`
      INSERT INTO ${changes} (kind, entity_id, seq, op, park_id, region_id)
      SELECT kind, entity_id, nextval('change_seq'), op, park_id, region_id
      FROM (SELECT * FROM jsonb_populate_recordset(NULL::${changes}, ${json}::jsonb) WITH ORDINALITY AS x ORDER BY x.ordinality) ordered
      ON CONFLICT (kind, entity_id) DO UPDATE
        SET seq = excluded.seq, op = excluded.op, park_id = excluded.park_id, region_id = excluded.region_id`);
  }
}

/** Runs `fn` in a transaction and records its changes for sync pull before committing. */
export function writeTx<T>(db: Db, fn: (tx: Tx, changes: ChangeSet) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const set = new ChangeSet();
    const result = await fn(tx, set);
    await flushChanges(tx, set);
    return result;
  });
}
