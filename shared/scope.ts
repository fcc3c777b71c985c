/**
 * Scope: what a user may see and touch (API.md "Auth"). Data outside it is
 * simply not found (404), never "forbidden".
 *
 * - admin: everything;
 * - inspector, supervisor: the parks of their regions and all sub-regions;
 *   they see those regions, their sub-regions and the chain above them (names
 *   for breadcrumbs);
 * - operator: their parks, and the regions those parks lie in (with the chain above).
 *
 * Pure: the server's queries filter by it (server/repo/scope.ts).
 */
import type { Role } from './finding-machine';

export type Scope =
  | { kind: 'all' }
  | { kind: 'regions'; regionIds: readonly string[] }
  | { kind: 'parks'; parkIds: readonly string[] };

export function scopeOf(user: { role: Role; regionIds: readonly string[]; parkIds: readonly string[] }): Scope {
  switch (user.role) {
    case 'admin':
      return { kind: 'all' };
    case 'operator':
      return { kind: 'parks', parkIds: user.parkIds };
    case 'inspector':
    case 'supervisor':
      return { kind: 'regions', regionIds: user.regionIds };
  }
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
