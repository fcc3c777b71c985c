/**
 * The engine as the app runs it: the app's request client (this origin, the
 * session's token, its 401 policy), one runner across tabs (Web Locks), this
 * device's client id. Loaded lazily after the first screen: it brings the
 * response schemas (zod).
 */
import { api } from '../api/client';
import { appDb } from '../db/database';
import { SyncEngine, webLock, type SyncStatus } from './engine';
import type { LocalUser } from './local';
import { httpTransport } from './transport';

const CLIENT_ID_KEY = 'parkcheck.clientId';

function clientId(): string {
  try {
    let id = localStorage.getItem(CLIENT_ID_KEY);
    if (!id) localStorage.setItem(CLIENT_ID_KEY, (id = crypto.randomUUID()));
    return id;
  } catch {
    return crypto.randomUUID();
  }
}

/** The app's transport: photos shown on screen are fetched through it too. */
export const appTransport = httpTransport(api);

export function createEngine(o: { user: () => LocalUser | null; onStatus: (s: SyncStatus) => void }): SyncEngine {
  return new SyncEngine({
    db: appDb(),
    transport: appTransport,
    user: o.user,
    clientId: clientId(),
    lock: webLock(),
    onStatus: o.onStatus,
    offline: () => navigator.onLine === false,
  });
}
