/**
 * Object URLs for photos kept in IndexedDB, for <img>. Bytes come from the
 * phone's database, else from the server (and are kept for next time).
 * Each URL is released when its last user is gone.
 */
import { appDb } from '../db/database';
import { loadPhoto } from '../sync/photos';

const cache = new Map<string, { url: string; users: number }>();

const transport = async () => (await import('../sync/runtime')).appTransport;

export async function acquirePhotoUrl(id: string): Promise<string | undefined> {
  const hit = cache.get(id);
  if (hit) {
    hit.users++;
    return hit.url;
  }
  const photo = (await loadPhoto(appDb(), null, id)) ?? (navigator.onLine ? await loadPhoto(appDb(), await transport(), id) : undefined);
  if (!photo) return undefined;
  const again = cache.get(id);
  if (again) {
    again.users++;
    return again.url;
  }
  const url = URL.createObjectURL(new Blob([photo.bytes], { type: photo.type }));
  cache.set(id, { url, users: 1 });
  return url;
}

export function releasePhotoUrl(id: string): void {
  const hit = cache.get(id);
  if (!hit) return;
  if (--hit.users > 0) return;
  URL.revokeObjectURL(hit.url);
  cache.delete(id);
}
