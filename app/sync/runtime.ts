/**
 * The engine as the app runs it: HTTP to this origin with the session's
 * token, one runner across tabs (Web Locks), this device's client id. Loaded
 * lazily after the first screen: it brings the response schemas (zod).
 */
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

export function createEngine(o: {
  user: () => LocalUser | null;
  token: () => string | null;
  onStatus: (s: SyncStatus) => void;
  onUnauthenticated: () => void;
}): SyncEngine {
  return new SyncEngine({
    db: appDb(),
    transport: httpTransport({ token: o.token }),
    user: o.user,
    clientId: clientId(),
    lock: webLock(),
    onStatus: o.onStatus,
    onUnauthenticated: o.onUnauthenticated,
    offline: () => navigator.onLine === false,
  });
}

export { httpTransport };
