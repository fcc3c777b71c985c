/**
 * A phone for sync tests: the app's real database (on fake-indexeddb) and
 * its real sync engine, talking to a real server — in-process, or over
 * HTTP to a server process.
 */
import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createClient } from '../../app/api/client';
import { ParkCheckDb } from '../../app/db/database';
import { SyncEngine, type EngineOptions } from '../../app/sync/engine';
import type { LocalUser } from '../../app/sync/local';
import { httpTransport, type SyncTransport } from '../../app/sync/transport';
import type { TestServer } from './server';

/** One IndexedDB "origin" per phone; reopening by name on the same factory is a restart. */
export function phoneStorage() {
  const indexedDB = new IDBFactory();
  const name = `parkcheck-${randomUUID()}`;
  return { open: () => new ParkCheckDb(name, { indexedDB, IDBKeyRange }) };
}

export function inProcessTransport(t: TestServer, token: () => string): SyncTransport {
  return httpTransport(
    createClient({
      baseUrl: 'http://parkcheck.test',
      token,
      fetch: async (input, init) => t.app.request(String(input), init as RequestInit),
    }),
  );
}

export interface Phone {
  db: ParkCheckDb;
  engine: SyncEngine;
  user: LocalUser;
}

export function phone(
  db: ParkCheckDb,
  transport: SyncTransport,
  user: LocalUser,
  extra: Partial<EngineOptions> = {},
): Phone {
  const engine = new SyncEngine({ db, transport, user: () => user, clientId: `phone-${user.id.slice(0, 8)}`, random: () => 0.5, ...extra });
  return { db, engine, user };
}
