/**
 * Photos and signatures on the phone. A photo taken here is stored at once
 * (bytes, hash, type) and uploaded later; its upload is idempotent by id and
 * hash, so an interrupted upload is simply sent again after a restart. For
 * offline re-inspection, the photos of findings still open are downloaded
 * after a pull; a size cap evicts the photos of closed findings first, and
 * never a photo that is not on the server yet.
 */
import type { Mutation } from '../../shared/schemas/sync';
import type { LocalAttachment, ParkCheckDb } from '../db/database';
import { ApiError } from '../api/client';
import type { SyncTransport } from './transport';

export const DEFAULT_PHOTO_CACHE_BYTES = 200 * 1024 * 1024;
export type PhotoType = LocalAttachment['type'];

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function keep(db: ParkCheckDb, id: string, bytes: ArrayBuffer, type: PhotoType, uploaded: 0 | 1, now: Date): Promise<LocalAttachment> {
  const meta: LocalAttachment = {
    id,
    sha256: await sha256Hex(bytes),
    type,
    size: bytes.byteLength,
    uploaded,
    ...(uploaded ? {} : { queued: 0 as const }),
    createdAt: now.toISOString(),
    lastUsedAt: now.toISOString(),
  };
  await db.transaction('rw', db.attachments, db.attachmentBytes, async () => {
    await db.attachmentBytes.put({ id, bytes });
    await db.attachments.put(meta);
  });
  return meta;
}

/** Keeps a photo taken on this phone; answers its id for the mutation that references it. */
export async function storePhoto(db: ParkCheckDb, bytes: ArrayBuffer, type: PhotoType, now = new Date()): Promise<string> {
  const id = crypto.randomUUID();
  await keep(db, id, bytes, type, 0, now);
  return id;
}

/** The photos and signatures a mutation references. */
export function attachmentsOf(m: Mutation): string[] {
  if (m.type === 'inspection.submit') {
    const i = m.payload.inspection;
    return [...(i.signatureAttachmentId ? [i.signatureAttachmentId] : []), ...i.findings.flatMap((f) => f.attachmentIds)];
  }
  return 'attachmentIds' in m.payload ? (m.payload.attachmentIds ?? []) : [];
}

/** Marks the photos a newly queued mutation references as ready to send. Inside the enqueue transaction. */
export async function queuePhotos(db: ParkCheckDb, ids: string[]): Promise<void> {
  if (ids.length) await db.attachments.where('id').anyOf(ids).modify((a) => void (a.queued = 1));
}

/** Removes a photo the user deleted before submitting: only one never uploaded. */
export async function deletePhoto(db: ParkCheckDb, id: string): Promise<void> {
  await db.transaction('rw', db.attachments, db.attachmentBytes, async () => {
    const meta = await db.attachments.get(id);
    if (meta?.uploaded !== 0) return;
    await db.attachments.delete(id);
    await db.attachmentBytes.delete(id);
  });
}

/**
 * After a form with photos is saved (or cancelled): the photos taken in it
 * that it no longer holds are deleted from the phone, if never sent.
 */
export async function settlePhotos(db: ParkCheckDb, before: string[], after: string[]): Promise<void> {
  const kept = new Set(after);
  for (const id of before) if (!kept.has(id)) await deletePhoto(db, id);
}

export interface UploadProgress {
  doneCount: number;
  totalCount: number;
  doneBytes: number;
  totalBytes: number;
}

/** Photos to send: taken here, referenced by a queued change, not refused for good. */
export async function waitingUploads(db: ParkCheckDb): Promise<LocalAttachment[]> {
  return (await db.attachments.where('uploaded').equals(0).toArray()).filter((a) => !a.error && a.queued !== 0);
}

/**
 * Photos sent at once: enough to keep a slow, high-latency link busy, while
 * leaving the browser's six connections to the server room for push and pull.
 */
const UPLOAD_CONCURRENCY = 3;

/**
 * Uploads every photo not yet on the server, a few at a time. Network and
 * server errors stop the run once the uploads under way have finished (the
 * engine retries later); a photo the server refuses for good is marked with
 * the reason and skipped.
 */
export async function uploadWaiting(
  db: ParkCheckDb,
  transport: SyncTransport,
  onProgress: (p: UploadProgress) => void = () => {},
): Promise<UploadProgress> {
  const waiting = await waitingUploads(db);
  const progress: UploadProgress = {
    doneCount: 0,
    totalCount: waiting.length,
    doneBytes: 0,
    totalBytes: waiting.reduce((sum, a) => sum + a.size, 0),
  };
  onProgress({ ...progress });

  const upload = async (a: LocalAttachment) => {
    const stored = await db.attachmentBytes.get(a.id);
    if (!stored) {
      await db.attachments.update(a.id, { error: 'the photo’s bytes are missing on this phone' });
      return;
    }
    try {
      await transport.putAttachment(a.id, stored.bytes, a.type, a.sha256);
      await db.attachments.update(a.id, { uploaded: 1 });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401 || err.status >= 500 || err.status === 429) throw err;
      await db.attachments.update(a.id, { error: `${err.code}: ${err.message}` });
    }
    progress.doneCount++;
    progress.doneBytes += a.size;
    onProgress({ ...progress });
  };

  let next = 0;
  let stop: { error: unknown } | undefined;
  const worker = async () => {
    while (!stop && next < waiting.length) {
      try {
        await upload(waiting[next++]!);
      } catch (error) {
        stop ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, waiting.length) }, worker));
  if (stop) throw stop.error;
  return progress;
}

/**
 * Downloads the wanted photos (those of open findings a pull brought) that
 * are not on the phone, then trims the cache to `capBytes`. A photo not on
 * the server (yet) is dropped from the wanted list.
 */
export async function downloadWanted(db: ParkCheckDb, transport: SyncTransport, capBytes: number, now = new Date()): Promise<number> {
  const state = await db.syncState.get('state');
  const wanted = state?.photosWanted ?? [];
  if (!wanted.length) return 0;
  const have = new Set((await db.attachments.where('id').anyOf(wanted).primaryKeys()) as string[]);
  let fetched = 0;
  for (const id of wanted) {
    if (!have.has(id)) {
      try {
        const { bytes, type } = await transport.getAttachment(id);
        await keep(db, id, bytes, type as PhotoType, 1, now);
        fetched++;
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
      }
    }
    await db.syncState.update('state', { photosWanted: ((await db.syncState.get('state'))?.photosWanted ?? []).filter((x) => x !== id) });
  }
  await evict(db, capBytes);
  return fetched;
}

/** Attachments that re-inspecting open findings needs. */
async function neededForOffline(db: ParkCheckDb): Promise<Set<string>> {
  const ids = new Set<string>();
  const open = await db.findings.where('status').anyOf('open', 'submitted').toArray();
  for (const f of open) f.attachmentIds.forEach((id) => ids.add(id));
  const events = await db.findingEvents.where('findingId').anyOf(open.map((f) => f.id)).toArray();
  for (const e of events) e.attachmentIds.forEach((id) => ids.add(id));
  return ids;
}

/** Trims stored photos to `capBytes`: unneeded first, least recently used first; never one not uploaded. */
export async function evict(db: ParkCheckDb, capBytes: number): Promise<void> {
  const all = await db.attachments.toArray();
  let total = all.reduce((sum, a) => sum + a.size, 0);
  if (total <= capBytes) return;
  const needed = await neededForOffline(db);
  const candidates = all
    .filter((a) => a.uploaded === 1)
    .sort((a, b) => Number(needed.has(a.id)) - Number(needed.has(b.id)) || a.lastUsedAt.localeCompare(b.lastUsedAt));
  const drop: string[] = [];
  for (const a of candidates) {
    if (total <= capBytes) break;
    drop.push(a.id);
    total -= a.size;
  }
  await db.transaction('rw', db.attachments, db.attachmentBytes, async () => {
    await db.attachments.bulkDelete(drop);
    await db.attachmentBytes.bulkDelete(drop);
  });
}

/** A photo's bytes for display: from the phone, else from the server (kept for next time). */
export async function loadPhoto(
  db: ParkCheckDb,
  transport: SyncTransport | null,
  id: string,
  now = new Date(),
): Promise<{ bytes: ArrayBuffer; type: PhotoType } | undefined> {
  const [meta, stored] = await Promise.all([db.attachments.get(id), db.attachmentBytes.get(id)]);
  if (meta && stored) {
    await db.attachments.update(id, { lastUsedAt: now.toISOString() });
    return { bytes: stored.bytes, type: meta.type };
  }
  if (!transport) return undefined;
  try {
    const { bytes, type } = await transport.getAttachment(id);
    await keep(db, id, bytes, type as PhotoType, 1, now);
    return { bytes, type: type as PhotoType };
  } catch {
    return undefined;
  }
}
