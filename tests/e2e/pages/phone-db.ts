/**
 * What the phone's IndexedDB holds, read from the page with the raw
 * IndexedDB API (not the app's code), so a test sees what is really stored.
 */
import type { Page } from 'playwright-core';

/** Every row of one object store of the app's database. */
export function rows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('parkcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
        };
      }),
    store,
  );
}

export interface StoredPhoto {
  id: string;
  type: string;
  /** sha256 of the stored bytes, computed now (not the app's own record of it). */
  sha256: string;
  width: number;
  height: number;
}

/** The photos (and signatures) on the phone, with their bytes' hash and decoded size. */
export function storedPhotos(page: Page): Promise<StoredPhoto[]> {
  return page.evaluate(
    () =>
      new Promise<StoredPhoto[]>((resolve, reject) => {
        const open = indexedDB.open('parkcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['attachments', 'attachmentBytes'], 'readonly');
          const meta = tx.objectStore('attachments').getAll();
          const bytes = tx.objectStore('attachmentBytes').getAll();
          tx.onerror = () => reject(tx.error);
          tx.oncomplete = () => {
            db.close();
            const byId = new Map((bytes.result as { id: string; bytes: ArrayBuffer }[]).map((b) => [b.id, b.bytes]));
            Promise.all(
              (meta.result as { id: string; type: string }[]).map(async (m) => {
                const data = byId.get(m.id)!;
                const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
                const bitmap = await createImageBitmap(new Blob([data], { type: m.type }));
                return {
                  id: m.id,
                  type: m.type,
                  sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
                  width: bitmap.width,
                  height: bitmap.height,
                };
              }),
            ).then(resolve, reject);
          };
        };
      }),
  );
}

/** Waits until the service worker controls the app's pages and its first sync has succeeded. */
export async function readyOffline(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Polled from here: waitForFunction takes the promise an IndexedDB read returns as truthy and stops at once.
  const deadline = Date.now() + 30_000;
  while (!(await page.evaluate(lastSyncSucceeded))) {
    if (Date.now() > deadline) throw new Error('the first sync did not succeed within 30 s');
    await page.waitForTimeout(250);
  }
}

function lastSyncSucceeded(): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const open = indexedDB.open('parkcheck');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('syncState')) {
        db.close();
        return resolve(false);
      }
      const req = db.transaction('syncState', 'readonly').objectStore('syncState').get('state');
      req.onsuccess = () => {
        db.close();
        resolve(Boolean(req.result?.lastSuccessAt));
      };
      req.onerror = () => resolve(false);
    };
  });
}
