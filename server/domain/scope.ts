/**
 * Scope: what a user may see and touch. One mechanism for every read and
 * write, the sync pull included: queries take a Scope and filter with
 * `parkIn`/`regionIn`; nothing checks scope with an `if` of its own. Data
 * outside the scope is simply not found (404), never "forbidden".
 *
 * - admin: everything;
 * - inspector, supervisor: the parks of their regions and all sub-regions;
 *   they see those regions, their sub-regions and the chain above them (names
 *   for breadcrumbs);
 * - operator: their parks, and the regions those parks lie in (with the chain above).
 */
import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Role } from '../../shared/finding-machine';

export type Scope =
  | { kind: 'all' }
  | { kind: 'regions'; regionIds: readonly string[] }
  | { kind: 'parks'; parkIds: readonly string[] };

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

export function scopeOf(actor: Pick<Actor, 'role' | 'regionIds' | 'parkIds'>): Scope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'operator':
      return { kind: 'parks', parkIds: actor.parkIds };
    case 'inspector':
    case 'supervisor':
      return { kind: 'regions', regionIds: actor.regionIds };
  }
}

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

/** A stable key for a scope: two users with the same scope share it. */
export function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'parks':
      return `p:${[...scope.parkIds].sort().join(',')}`;
    case 'regions':
      return `r:${[...scope.regionIds].sort().join(',')}`;
  }
}
