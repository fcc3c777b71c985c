/**
 * Attachment metadata, who owns an id, and who may download what. An id
 * belongs to whoever first references or uploads it (API.md "Hardening"):
 * its uploader, or — before the bytes arrive — the user whose mutation
 * reserved it. Whoever may see a park sees what that park's data references.
 */
import { and, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../shared/scope';
import { resultRows, type Executor } from '../db/client';
import { attachmentRefs, attachmentReservations, attachments } from '../db/schema';
import { parkIn, uuidArray } from './scope';

export async function getAttachmentRow(db: Executor, id: string) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
  return row;
}

/** Claims the id for these bytes; false when another upload claimed it first. */
export async function claimAttachment(db: Executor, row: typeof attachments.$inferInsert): Promise<boolean> {
  const out = await db.insert(attachments).values(row).onConflictDoNothing().returning({ id: attachments.id });
  return out.length === 1;
}

/** Something in the scope references the attachment. */
const referencedIn = (scope: Scope, id: SQL) =>
  sql`EXISTS (SELECT 1 FROM ${attachmentRefs} WHERE ${attachmentRefs.attachmentId} = ${id} AND ${parkIn(scope, attachmentRefs.parkId)})`;

/** Whether something the scope may see references the attachment, or `userId` uploaded it. */
export async function mayDownload(db: Executor, scope: Scope, userId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ ok: sql<boolean>`true` })
    .from(attachments)
    .where(and(eq(attachments.id, id), sql`(${attachments.uploadedBy} = ${userId} OR ${referencedIn(scope, sql`${id}::uuid`)})`))
    .limit(1);
  return Boolean(row);
}

/** Whether the scope sees a reference to the attachment. */
export async function seesAttachment(db: Executor, scope: Scope, id: string): Promise<boolean> {
  const result = await db.execute(sql`SELECT ${referencedIn(scope, sql`${id}::uuid`)} AS seen`);
  return resultRows<{ seen: boolean }>(result)[0]!.seen;
}

/** Who reserved the id by referencing it before its upload, if anyone. */
export async function reservedBy(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: attachmentReservations.userId })
    .from(attachmentReservations)
    .where(eq(attachmentReservations.attachmentId, id));
  return row?.userId;
}

/**
 * Of these ids, those `userId` may not reference: uploaded or reserved by
 * someone else, and referenced by nothing the scope sees.
 */
export async function unreferenceable(db: Executor, scope: Scope, userId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const result = await db.execute(sql`
    SELECT x.id FROM unnest(${uuidArray(ids)}) AS x(id)
    WHERE (EXISTS (SELECT 1 FROM ${attachments} a WHERE a.id = x.id AND a.uploaded_by <> ${userId})
        OR EXISTS (SELECT 1 FROM ${attachmentReservations} r WHERE r.attachment_id = x.id AND r.user_id <> ${userId}))
      AND NOT ${referencedIn(scope, sql`x.id`)}`);
  return new Set(resultRows<{ id: string }>(result).map((r) => r.id));
}

/** Reserves for `userId` the ids referenced before any upload. */
export async function reserveAttachments(db: Executor, userId: string, ids: readonly string[], at: Date): Promise<void> {
  if (!ids.length) return;
  await db.execute(sql`
    INSERT INTO ${attachmentReservations} (attachment_id, user_id, reserved_at)
    SELECT x.id, ${userId}, ${at.toISOString()}::timestamptz FROM unnest(${uuidArray(ids)}) AS x(id)
    WHERE NOT EXISTS (SELECT 1 FROM ${attachments} a WHERE a.id = x.id)
    ON CONFLICT DO NOTHING`);
}

/** Bytes `userId` uploaded from `since` on (the daily quota). */
export async function uploadedBytesSince(db: Executor, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<number>`coalesce(sum(${attachments.size}), 0)::bigint`.mapWith(Number) })
    .from(attachments)
    .where(and(eq(attachments.uploadedBy, userId), gte(attachments.uploadedAt, since)));
  return row?.bytes ?? 0;
}

/** Forgets uploads from before `before` that nothing references; answers their ids, whose bytes are to go too. */
export async function deleteUnreferenced(db: Executor, before: Date): Promise<string[]> {
  const rows = await db
    .delete(attachments)
    .where(
      and(
        lt(attachments.uploadedAt, before),
        sql`NOT EXISTS (SELECT 1 FROM ${attachmentRefs} WHERE ${attachmentRefs.attachmentId} = ${attachments.id})`,
      ),
    )
    .returning({ id: attachments.id });
  return rows.map((r) => r.id);
}
