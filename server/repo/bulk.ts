/**
 * Bulk inserts as one JSON parameter unpacked by PostgreSQL
 * (jsonb_populate_recordset). A sync push writes thousands of rows; built as
 * multi-row VALUES, drizzle spends longer assembling the statement (per-value
 * checks over ~20,000 parameters) than the database spends inserting. Same
 * SQL on PGlite and PostgreSQL; column names and types come from the drizzle
 * table, so the schema stays the one definition.
 */
import { getTableColumns, getTableName, sql, type InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { resultRows, type Executor } from '../db/client';

const CHUNK = 2000;

export async function bulkInsert<T extends PgTable>(
  db: Executor,
  table: T,
  rows: InferInsertModel<T>[],
  opts: { onConflictDoNothing?: boolean; returningIds?: boolean } = {},
): Promise<string[]> {
  const inserted: string[] = [];
  if (!rows.length) return inserted;
  const columns = Object.entries(getTableColumns(table)) as [string, { name: string }][];
  // Only the columns the rows give: the others keep their defaults (serials, now()).
  const given = columns.filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const names = sql.raw(given.map(([, c]) => `"${c.name}"`).join(', '));
  const name = sql.raw(`"${getTableName(table)}"`);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(
      rows.slice(i, i + CHUNK).map((r) => {
        const out: Record<string, unknown> = {};
        for (const [key, c] of given) {
          const v = (r as Record<string, unknown>)[key];
          out[c.name] = v instanceof Date ? v.toISOString() : (v ?? null);
        }
        return out;
      }),
    );
    const result = await db.execute(
      sql`INSERT INTO ${name} (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::${name}, ${json}::jsonb)${
        opts.onConflictDoNothing ? sql` ON CONFLICT DO NOTHING` : sql``
      }${opts.returningIds ? sql` RETURNING "id"` : sql``}`,
    );
    if (opts.returningIds) inserted.push(...resultRows<{ id: string }>(result).map((r) => r.id));
  }
  return inserted;
}
