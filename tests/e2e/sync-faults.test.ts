/**
 * Fault injection: the real sync engine (Node, fake-indexeddb) against a
 * real server process, through a proxy that breaks the network. A morning's
 * work reaches the server exactly once, whatever happens on the way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { SyncEngine } from '../../app/sync/engine';
import { createClient } from '../../app/api/client';
import { enqueue } from '../../app/sync/outbox';
import { storePhoto } from '../../app/sync/photos';
import { httpTransport } from '../../app/sync/transport';
import { addDays, localDate } from '../../shared/dates';
import { E2E_TZ } from '../support/clock';
import { jpegOfSize, sha256 } from '../support/images';
import { phone, phoneStorage, type Phone } from '../support/phone';
import { spawnServer } from '../support/process';
import { startProxy } from '../support/proxy';
import { remoteWorld, type RemoteWorld } from '../support/remote-world';

const ADMIN = { PARKCHECK_ADMIN_USERNAME: 'admin', PARKCHECK_ADMIN_PASSWORD: 'admin-password' };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-faults-'));
  let server = await spawnServer({ DATA_DIR: dataDir, ...ADMIN });
  const proxy = await startProxy({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
  const world = await remoteWorld(server.url);
  const p = phone(phoneStorage().open(), httpTransport(createClient({ baseUrl: proxy.url, token: () => world.inspector.token, timeouts: { sync: 20_000 } })), {
    id: world.inspector.id,
    name: '王磊',
    role: 'inspector',
    tz: E2E_TZ,
  });
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => server.kill('SIGKILL'));
  cleanups.push(() => proxy.close());
  cleanups.push(() => {
    p.engine.stop();
    p.db.close();
  });
  expect(await p.engine.sync()).toBe('ok');
  return {
    p,
    proxy,
    world,
    dataDir,
    get server() {
      return server;
    },
    async restart() {
      server = await spawnServer({ DATA_DIR: dataDir, ...ADMIN });
      proxy.retarget(Number(new URL(server.url).port));
    },
  };
}

async function inspectOffline(p: Phone, world: RemoteWorld, count: number, findingsEach: number, photosFor: (i: number) => string[] = () => []) {
  const due = addDays(localDate(new Date(), 'Asia/Shanghai'), 7);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const findings = Array.from({ length: findingsEach }, (_, k) => ({
      id: crypto.randomUUID(),
      itemCode: 'F-01',
      severity: 'general' as const,
      description: `疏散通道堆放杂物 #${i}-${k}`,
      dueDate: due,
      rectifiedOnSite: false,
      attachmentIds: k === 0 ? photosFor(i) : [],
    }));
    ids.push(...findings.map((f) => f.id));
    await enqueue(p.db, p.user, {
      type: 'inspection.submit',
      payload: {
        inspection: {
          id: crypto.randomUUID(),
          templateId: world.templateId,
          parkId: world.parkId,
          enterpriseId: world.enterpriseId,
          inspectedAt: new Date().toISOString(),
          answers: [{ itemCode: 'F-01', result: 'fail' }],
          findings,
        },
      },
    });
  }
  return ids;
}

async function serverFindingIds(url: string, token: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await fetch(`${url}/api/findings?limit=500${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    ids.push(...body.items.map((f) => f.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

async function syncUntilDone(engine: SyncEngine, p: Phone, deadlineMs: number) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const result = await engine.sync();
    const left = (await p.db.outbox.count()) + (await p.db.attachments.where('uploaded').equals(0).count());
    if (result === 'ok' && left === 0) return;
    if (Date.now() > deadline) throw new Error(`not done: ${result}, ${left} left, ${JSON.stringify(engine.status.lastError)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('the server process is killed (SIGKILL) while 500 inspections are being pushed', () => {
  it('after a restart the engine retries: exactly 500 findings, none doubled, the outbox empty', async () => {
    const env = await setup();
    const ids = await inspectOffline(env.p, env.world, 500, 1);
    const syncing = env.p.engine.sync();
    await new Promise((r) => setTimeout(r, 150));
    await env.server.kill('SIGKILL');
    expect(await syncing).toBe('retrying');
    expect(await env.p.db.outbox.count()).toBeGreaterThan(0);
    await env.restart();
    await syncUntilDone(env.p.engine, env.p, 60_000);
    const onServer = await serverFindingIds(env.server.url, env.world.inspector.token);
    expect(onServer).toHaveLength(500);
    expect(new Set(onServer)).toEqual(new Set(ids));
    expect(await env.p.db.outbox.count()).toBe(0);
  });
});

describe('a proxy drops the answer after the server committed the push', () => {
  it('the retry answers duplicate and the outbox empties; nothing is applied twice', async () => {
    const env = await setup();
    const ids = await inspectOffline(env.p, env.world, 3, 2);
    env.proxy.dropNextPushAnswer();
    expect(await env.p.engine.sync()).toBe('retrying');
    expect(await env.p.db.outbox.count()).toBe(3);
    expect(await env.p.engine.sync()).toBe('ok');
    expect(await env.p.db.outbox.count()).toBe(0);
    const onServer = await serverFindingIds(env.server.url, env.world.inspector.token);
    expect(onServer.sort()).toEqual([...ids].sort());
  });
});

describe('a network that flaps every 0.5–3 s during a sync of 200 findings and 100 photos', () => {
  it('ends with server and phone equal, every photo’s bytes intact', async () => {
    const env = await setup();
    const photos: { id: string; bytes: Buffer }[] = [];
    for (let i = 0; i < 100; i++) {
      const bytes = jpegOfSize(100_000 + ((i * 7919) % 200_000));
      photos.push({ id: await storePhoto(env.p.db, new Uint8Array(bytes).buffer as ArrayBuffer, 'image/jpeg'), bytes });
    }
    const ids = await inspectOffline(env.p, env.world, 100, 2, (i) => [photos[i]!.id]);
    env.proxy.flap(20_261_121);
    await syncUntilDone(env.p.engine, env.p, 150_000);
    const onServer = await serverFindingIds(env.server.url, env.world.inspector.token);
    expect(onServer.sort()).toEqual([...ids].sort());
    const onPhone = (await env.p.db.findings.toArray()).map((f) => f.id).sort();
    expect(onPhone).toEqual([...ids].sort());
    for (const { id, bytes } of photos) {
      const res = await fetch(`${env.server.url}/api/attachments/${id}`, { headers: { authorization: `Bearer ${env.world.inspector.token}` } });
      expect(res.status).toBe(200);
      expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(sha256(bytes));
    }
  });
});
