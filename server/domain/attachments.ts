/**
 * Photos and signatures. Uploads are idempotent by id and content: the same
 * bytes again answer 200, other bytes under a used id 409 — to those who may
 * see the id; to anyone else it is 404 (API.md "Hardening"). Content is
 * checked by its magic bytes, not by what the client says it is. The id is
 * claimed in the database first and the bytes stored after; an upload
 * interrupted between the two is completed by the phone's retry.
 */
import { createHash } from 'node:crypto';
import { LIMITS } from '../../shared/schemas/common';
import { scopeOf } from '../../shared/scope';
import { startOfDate } from '../../shared/dates';
import {
  claimAttachment,
  deleteUnreferenced,
  getAttachmentRow,
  mayDownload,
  reservedBy,
  seesAttachment,
  uploadedBytesSince,
} from '../repo/attachments';
import type { Actor } from '../repo/users';
import { ApiError, conflict, notFound } from './errors';
import { Gate } from './gate';
import { today, type Services } from './services';

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** The image type the bytes really are, from their first bytes. */
export function sniffImage(b: Uint8Array): AttachmentType | undefined {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}

export function declaredType(header: string | undefined): AttachmentType | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return ATTACHMENT_TYPES.find((t) => t === type);
}

/** What one user may upload per day (in PARKCHECK_TZ) unless configured otherwise: 2 GB. */
export const DEFAULT_UPLOAD_QUOTA_BYTES = 2 * 1024 ** 3;

/** How long an upload nothing references is kept: a phone references its photos within days. */
export const UNREFERENCED_UPLOAD_DAYS = 7;

/**
 * Uploads being read and checked at once: each holds up to 10 MB, so twenty
 * at once must not mean twenty in memory. The others wait (their bytes stay
 * in the socket) or, past the queue, are told to retry.
 */
const receiving = new Gate(4, 64, 'too many uploads at once; try again in a moment');

export interface UploadInput {
  id: string;
  contentType: AttachmentType;
  sha256: string;
  /** Reads the body: called only once the upload's turn has come. */
  read: () => Promise<Uint8Array>;
}

export function putAttachment(s: Services, actor: Actor, input: UploadInput): Promise<201 | 200> {
  return receiving.run(async () => storeUpload(s, actor, { ...input, bytes: await input.read() }));
}

async function storeUpload(
  s: Services,
  actor: Actor,
  input: Omit<UploadInput, 'read'> & { bytes: Uint8Array },
): Promise<201 | 200> {
  const { id, bytes } = input;
  if (bytes.length > LIMITS.attachmentBytes) throw new ApiError('payload_too_large', 'attachments are limited to 10 MB');
  if (bytes.length === 0) throw new ApiError('invalid_request', 'empty body');
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== input.sha256.toLowerCase()) {
    throw new ApiError('invalid_request', 'X-Content-SHA256 does not match the bytes received (damaged upload?)', [
      { path: 'X-Content-SHA256', message: `the bytes hash to ${actual}` },
    ]);
  }
  if (sniffImage(bytes) !== input.contentType) {
    throw new ApiError('unsupported_media_type', `the bytes are not a ${input.contentType} image`);
  }
  const existing = await getAttachmentRow(s.db, id);
  if (existing) return uploadedAgain(s, actor, existing, bytes, actual);
  const owner = await reservedBy(s.db, id);
  if (owner && owner !== actor.id) {
    // Only the user whose mutation referenced the id uploads its bytes; to others it is 404 unless they see it.
    if (!(await seesAttachment(s.db, scopeOf(actor), id))) throw notFound('no such attachment');
    throw conflict('this photo is uploaded by the user who took it');
  }
  await withinQuota(s, actor, bytes.length);
  const claimed = await claimAttachment(s.db, {
    id,
    sha256: actual,
    contentType: input.contentType,
    size: bytes.length,
    uploadedBy: actor.id,
    uploadedAt: s.now(),
  });
  if (!claimed) return uploadedAgain(s, actor, (await getAttachmentRow(s.db, id))!, bytes, actual);
  await s.attachments.put(id, bytes, input.contentType);
  return 201;
}

/**
 * An id already uploaded: the same bytes again are 200 and other bytes 409 —
 * for the uploader and whoever sees it; to anyone else the id is not found.
 */
async function uploadedAgain(
  s: Services,
  actor: Actor,
  row: NonNullable<Awaited<ReturnType<typeof getAttachmentRow>>>,
  bytes: Uint8Array,
  sha256: string,
): Promise<200> {
  if (row.uploadedBy !== actor.id && !(await seesAttachment(s.db, scopeOf(actor), row.id))) throw notFound('no such attachment');
  if (row.sha256 !== sha256) throw conflict('another attachment is stored under this id');
  // The same bytes again: make sure they are stored (the first upload may have been cut off).
  if (!(await s.attachments.has(row.id))) await s.attachments.put(row.id, bytes, row.contentType);
  return 200;
}

async function withinQuota(s: Services, actor: Actor, size: number): Promise<void> {
  const quota = s.uploadQuotaBytes ?? DEFAULT_UPLOAD_QUOTA_BYTES;
  const used = await uploadedBytesSince(s.db, actor.id, startOfDate(today(s), s.tz));
  if (used + size > quota) {
    throw new ApiError('rate_limited', `the daily upload quota (${Math.round(quota / 1024 / 1024)} MB) is used up; try again tomorrow`);
  }
}

/** Deletes uploads older than UNREFERENCED_UPLOAD_DAYS that nothing references, bytes and all; answers how many. */
export async function sweepUnreferencedUploads(s: Services): Promise<number> {
  const before = new Date(s.now().getTime() - UNREFERENCED_UPLOAD_DAYS * 86_400_000);
  const ids = await deleteUnreferenced(s.db, before);
  for (const id of ids) await s.attachments.delete(id);
  return ids.length;
}

export async function getAttachment(
  s: Services,
  actor: Actor,
  id: string,
): Promise<{ bytes: Uint8Array; contentType: string; sha256: string }> {
  if (!(await mayDownload(s.db, scopeOf(actor), actor.id, id))) throw notFound('no such attachment');
  const row = await getAttachmentRow(s.db, id);
  const bytes = row ? await s.attachments.get(id) : undefined;
  if (!row || !bytes) throw notFound('no such attachment');
  return { bytes, contentType: row.contentType, sha256: row.sha256 };
}
