/**
 * Reading the audit trail (admin only): logins, logouts and admin changes
 * from the append-only audit log, and every processed sync mutation with its
 * actor, time, IP and the phone's clock skew — newest first, a page at a
 * time, filtered by actor, type and date (PARKCHECK_TZ days).
 */
import { z } from 'zod';
import { endOfDate, formatInstant, startOfDate } from '../../shared/dates';
import { AUDIT_DEFAULT_LIMIT, type AuditEntry, type AuditQuery } from '../../shared/schemas/admin';
import { queryAudit, type AuditRow } from '../repo/audit';
import { decodeCursor, encodeCursor } from './cursor';
import type { Services } from './services';

const AuditCursor = z.object({
  t: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  k: z.string().regex(/^(a\d{19}|m[0-9a-f-]{36})$/),
});

export async function auditEntries(
  s: Services,
  q: AuditQuery,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const limit = q.limit ?? AUDIT_DEFAULT_LIMIT;
  const before = q.cursor ? decodeCursor(q.cursor, AuditCursor) : undefined;
  const rows = await queryAudit(s.db, {
    actorId: q.actorId,
    type: q.type,
    from: q.from ? startOfDate(q.from, s.tz) : undefined,
    to: q.to ? endOfDate(q.to, s.tz) : undefined,
    before: before && { at: before.t, key: before.k },
    limit,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toEntry(r, s.tz)),
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.exactAt, k: last.key }) : null,
  };
}

function toEntry(r: AuditRow, tz: string): AuditEntry {
  const details = r.details ? { ...r.details } : null;
  // The phone's clock as it was sent, shown in the deployment's zone like every other time.
  if (typeof details?.clientTime === 'string') details.clientTime = formatInstant(new Date(details.clientTime), tz);
  return {
    id: `${r.key[0]}:${r.source === 'audit' ? String(Number(r.key.slice(1))) : r.key.slice(1)}`,
    source: r.source,
    at: formatInstant(new Date(r.exactAt), tz),
    type: r.type,
    actorId: r.actorId,
    actorUsername: r.actorUsername,
    actorName: r.actorName,
    subject: r.subject,
    ip: r.ip,
    // bigint columns come back as strings from node-postgres.
    clockSkewMs: r.clockSkewMs === null ? null : Number(r.clockSkewMs),
    status: r.status,
    details,
  };
}
