/**
 * Photos and signatures. Uploads are idempotent by id and content: the same
 * bytes again answer 200, other bytes under a used id 409. Content is
 * checked by its magic bytes, not by what the client says it is. The id is
 * claimed in the database first and the bytes stored after; an upload
 * interrupted between the two is completed by the phone's retry.
 */
import { createHash } from 'node:crypto';
import { LIMITS } from '../../shared/schemas/common';
import { scopeOf } from '../../shared/scope';
import { claimAttachment, getAttachmentRow, mayDownload } from '../repo/attachments';
import type { Actor } from '../repo/users';
import { ApiError, notFound } from './errors';
import type { Services } from './services';

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

export async function putAttachment(
  s: Services,
  actor: Actor,
  input: { id: string; contentType: AttachmentType; sha256: string; bytes: Uint8Array },
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
  if (!existing) {
    const claimed = await claimAttachment(s.db, {
      id,
      sha256: actual,
      contentType: input.contentType,
      size: bytes.length,
      uploadedBy: actor.id,
      uploadedAt: s.now(),
    });
    if (claimed) {
      await s.attachments.put(id, bytes, input.contentType);
      return 201;
    }
  }
  const row = existing ?? (await getAttachmentRow(s.db, id))!;
  if (row.sha256 !== actual) throw new ApiError('conflict', 'another attachment is stored under this id');
  // The same bytes again: make sure they are stored (the first upload may have been cut off).
  if (!(await s.attachments.has(id))) await s.attachments.put(id, bytes, row.contentType);
  return 200;
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
