/** Attachment metadata, and who may download what. */
import { and, eq, sql } from 'drizzle-orm';
import type { Scope } from '../../shared/scope';
import type { Executor } from '../db/client';
import { attachmentRefs, attachments } from '../db/schema';
import { parkIn } from './scope';

export async function getAttachmentRow(db: Executor, id: string) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
  return row;
}

/** Claims the id for these bytes; false when another upload claimed it first. */
export async function claimAttachment(db: Executor, row: typeof attachments.$inferInsert): Promise<boolean> {
  const out = await db.insert(attachments).values(row).onConflictDoNothing().returning({ id: attachments.id });
  return out.length === 1;
}

/** Whether something the scope may see references the attachment, or `userId` uploaded it. */
export async function mayDownload(db: Executor, scope: Scope, userId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ ok: sql<boolean>`true` })
    .from(attachments)
    .where(
      and(
        eq(attachments.id, id),
        sql`(${attachments.uploadedBy} = ${userId} OR EXISTS (SELECT 1 FROM ${attachmentRefs} WHERE ${attachmentRefs.attachmentId} = ${id} AND ${parkIn(scope, attachmentRefs.parkId)}))`,
      ),
    )
    .limit(1);
  return Boolean(row);
}
