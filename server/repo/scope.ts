/**
 * Scope in SQL: one mechanism for every read and write, the sync pull
 * included. Queries take the caller's Scope (shared/scope.ts) and filter with
 * `parkIn`/`regionIn`; nothing checks scope with an `if` of its own.
 */
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Scope } from '../../shared/scope';

/** A uuid[] bound as one parameter. */
export const uuidArray = (ids: readonly string[]): SQL => sql`${sql.param([...ids])}::uuid[]`;

/** The ids of the parks in scope, as a subquery; undefined means every park. */
export function visibleParks(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'parks':
      return sql`SELECT unnest(${uuidArray(scope.parkIds)})`;
    case 'regions':
      return sql`SELECT p.id FROM parks p JOIN regions r ON r.id = p.region_id WHERE r.path && ${uuidArray(scope.regionIds)}`;
  }
}

/** The ids of the regions in scope, as a subquery; undefined means every region. */
export function visibleRegions(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'parks':
      return sql`SELECT unnest(r.path) FROM parks p JOIN regions r ON r.id = p.region_id WHERE p.id = ANY(${uuidArray(scope.parkIds)})`;
    case 'regions': {
      const ids = uuidArray(scope.regionIds);
      return sql`SELECT id FROM regions WHERE path && ${ids} UNION SELECT unnest(path) FROM regions WHERE id = ANY(${ids})`;
    }
  }
}

/** `column` holds a park id the scope may see. */
export function parkIn(scope: Scope, column: AnyColumn | SQL): SQL {
  const parks = visibleParks(scope);
  return parks ? sql`${column} IN (${parks})` : sql`TRUE`;
}

/** `column` holds a region id the scope may see. */
export function regionIn(scope: Scope, column: AnyColumn | SQL): SQL {
  const regions = visibleRegions(scope);
  return regions ? sql`${column} IN (${regions})` : sql`TRUE`;
}
