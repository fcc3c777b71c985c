/**
 * Administration, one module per resource: regions, parks, enterprises,
 * users and template versions. Nothing is ever deleted: rows are disabled
 * (and enabled again), template codes retired. Each change is one
 * transaction that also writes the pull feed (so phones hear of it) and the
 * audit log (who, when, from where, and which fields went from what to
 * what — never a password).
 *
 * This module holds what they share: the audit entry of a change, the error
 * of a bad field, keyset pages of a list by name, and the diff of an update.
 */
import { z } from 'zod';
import { ADMIN_DEFAULT_LIMIT } from '../../../shared/schemas/admin';
import type { Executor } from '../../db/client';
import { audit } from '../../repo/audit';
import { existingIds } from '../../repo/catalog';
import type { Actor } from '../../repo/users';
import { decodeCursor, encodeCursor } from '../cursor';
import { invalid } from '../errors';

export interface AuditInfo {
  /** The session is known on requests: an admin resetting their own password keeps it. */
  actor: Pick<Actor, 'id' | 'username'> & Partial<Pick<Actor, 'sessionId'>>;
  ip: string | null;
}

/** An `invalid_request` naming the one field at fault. */
export const badField = (path: string, message: string) => invalid(`${path}: ${message}`, [{ path, message }]);

/** Whether a region, park or enterprise with this id exists (enabled or not). */
export async function exists(db: Executor, kind: 'region' | 'park' | 'enterprise', id: string) {
  return (await existingIds(db, kind, [id])).has(id);
}

/** One admin change in the audit log: who did it, from where, to what, and the details (never a password). */
export async function auditAction(
  tx: Executor,
  who: AuditInfo,
  type: string,
  subject: string,
  details: Record<string, unknown> = {},
) {
  await audit(tx, { type, subject, actorId: who.actor.id, actorUsername: who.actor.username, ip: who.ip, details });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const NameCursor = z.object({ n: z.string(), id: z.guid() });

/** Rows fetched with limit + 1 → one page and the cursor of the next (keyset on name, id). */
export function pageOf<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  name: (r: R) => string,
  map: (r: R) => T,
): Page<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor({ n: name(last), id: last.id }) : null,
  };
}

interface ListQuery {
  q?: string | undefined;
  includeDisabled?: 'true' | 'false' | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export const listing = (q: ListQuery) => {
  const after = q.cursor ? decodeCursor(q.cursor, NameCursor) : undefined;
  return {
    q: q.q,
    includeDisabled: q.includeDisabled === 'true',
    limit: q.limit ?? ADMIN_DEFAULT_LIMIT,
    after: after && { name: after.n, id: after.id },
  };
};

/** Only the fields whose value changed, as {from, to}: the audit entry of an update. */
export function changed(before: object, after: object): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = (before as Record<string, unknown>)[key];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) out[key] = { from: from ?? null, to: to ?? null };
  }
  return out;
}

/** The last word of an enable or disable audit entry's type. */
export const toggled = (disabled: boolean) => (disabled ? 'disable' : 'enable');

/** The fields of `o` among `keys` that were given: what an update writes. */
export const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> =>
  Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) as Pick<T, K>;
