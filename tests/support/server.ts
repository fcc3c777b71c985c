/**
 * The real HTTP app on a fresh database, in-process, with a clock tests can
 * move. `call` sends a request the way any client would and returns status,
 * headers and the parsed JSON body.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../server/db/client';
import { AuthCache } from '../../server/domain/auth-cache';
import { PullCache } from '../../server/domain/pull-cache';
import { ReadCache } from '../../server/domain/read-cache';
import type { Services } from '../../server/domain/services';
import { createApp, type App } from '../../server/http/app';
import { diskStore } from '../../server/storage/disk';
import type { AttachmentStore } from '../../server/storage/store';
import { freshDatabase } from './db';

export interface Clock {
  now(): Date;
  set(iso: string): void;
  advance(ms: number): void;
  /** Follow the real clock again. */
  real(): void;
}

export function testClock(): Clock {
  let fixed: Date | undefined;
  return {
    now: () => (fixed ? new Date(fixed) : new Date()),
    set: (iso) => (fixed = new Date(iso)),
    advance: (ms) => (fixed = new Date((fixed ?? new Date()).getTime() + ms)),
    real: () => (fixed = undefined),
  };
}

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  /** Sent as is (for broken JSON and the like); wins over `body`. */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

export interface TestServer {
  app: App;
  services: Services;
  database: Database;
  clock: Clock;
  dataDir: string;
  call<T = any>(method: string, url: string, opts?: CallOptions): Promise<Reply<T>>;
  close(): Promise<void>;
}

export async function startTestServer(opts: { attachments?: AttachmentStore; tz?: string } = {}): Promise<TestServer> {
  const database = await freshDatabase();
  const clock = testClock();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-test-'));
  const services: Services = {
    db: database.db,
    dbKind: database.kind,
    tz: opts.tz ?? 'Asia/Shanghai',
    now: () => clock.now(),
    version: 'test',
    attachments: opts.attachments ?? diskStore(dataDir),
    // As in production: the embedded database runs with the in-process auth cache.
    authCache: database.kind === 'pglite' ? new AuthCache() : undefined,
    readCache: database.kind === 'pglite' ? new ReadCache() : undefined,
    pullCache: database.kind === 'pglite' ? new PullCache() : undefined,
  };
  const app = createApp(services);
  return {
    app,
    services,
    database,
    clock,
    dataDir,
    async call(method, url, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.authorization = `Bearer ${o.token}`;
      let body: BodyInit | undefined = o.raw;
      if (body === undefined && o.body !== undefined) {
        body = JSON.stringify(o.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await app.request(url, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      if (res.headers.get('content-type')?.includes('json') && text) parsed = JSON.parse(text);
      return { status: res.status, headers: res.headers, body: parsed as any, text };
    },
    async close() {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
