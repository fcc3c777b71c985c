/**
 * Two server processes on one PostgreSQL, requests alternating between them,
 * behave as one: sessions, rate limits, idempotency, the pull feed and
 * attachments live in the database (and a shared store), not in a process.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres } from '../support/db';
import { JPEG_1PX, sha256 } from '../support/images';
import { loginAt, spawnServer, type ServerProcess } from '../support/process';
import type { Database } from '../../server/db/client';

let database: Database & { url?: string };
let dataDir: string;
let a: ServerProcess;
let b: ServerProcess;
const ADMIN = { PARKCHECK_ADMIN_USERNAME: 'admin', PARKCHECK_ADMIN_PASSWORD: 'admin-password' };

beforeAll(async () => {
  database = (await freshPostgres()) as Database & { url?: string };
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-two-'));
  const env = { DATABASE_URL: database.url!, DATA_DIR: dataDir, ...ADMIN };
  // Started at once: migrations and first-start data must not race.
  [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
});
afterAll(async () => {
  await a?.kill();
  await b?.kill();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = async (server: ServerProcess, method: string, url: string, token?: string, body?: unknown) => {
  const res = await fetch(server.url + url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

describe('two processes on one database', () => {
  it('loaded the default templates once', async () => {
    const token = await loginAt(a.url, 'admin', 'admin-password');
    const res = await call(b, 'GET', '/api/templates', token);
    expect(res.body.items.map((x: { code: string; version: number }) => `${x.code}@${x.version}`).sort()).toEqual(['ENV@1', 'FIRE@1', 'SAFETY@1']);
  });

  it('share sessions: a token from one works on the other, and a logout on one ends it on both', async () => {
    const token = await loginAt(a.url, 'admin', 'admin-password');
    expect((await call(b, 'GET', '/api/me', token)).status).toBe(200);
    expect((await call(b, 'POST', '/api/auth/logout', token)).status).toBe(204);
    expect((await call(a, 'GET', '/api/me', token)).status).toBe(401);
  });

  it('share the login rate limit', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await call(i % 2 ? a : b, 'POST', '/api/auth/login', undefined, { username: 'ghost', password: `wrong-${i}` });
      expect(res.status).toBe(401);
    }
    expect((await call(a, 'POST', '/api/auth/login', undefined, { username: 'ghost', password: 'x' })).status).toBe(429);
    expect((await call(b, 'POST', '/api/auth/login', undefined, { username: 'ghost', password: 'x' })).status).toBe(429);
  });

  it('share writes, idempotency, the pull feed and attachments', async () => {
    const token = await loginAt(b.url, 'admin', 'admin-password');
    const region = await call(a, 'POST', '/api/admin/regions', token, { name: '慈溪市' });
    const park = await call(b, 'POST', '/api/admin/parks', token, { name: '华东轻纺针织城', regionId: region.body.id });
    const start = await call(a, 'GET', '/api/sync/pull', token);
    const templateId = (await call(b, 'GET', '/api/templates', token)).body.items[0].id;
    const photo = randomUUID();
    const up = await fetch(`${a.url}/api/attachments/${photo}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg', 'x-content-sha256': sha256(JPEG_1PX) },
      body: new Uint8Array(JPEG_1PX),
    });
    expect(up.status).toBe(201);
    const m = {
      id: randomUUID(),
      type: 'inspection.submit',
      clientTime: new Date().toISOString(),
      payload: {
        inspection: {
          id: randomUUID(),
          templateId,
          parkId: park.body.id,
          inspectedAt: new Date().toISOString(),
          answers: [],
          findings: [
            { id: randomUUID(), severity: 'general', description: '灭火器过期', dueDate: '2099-01-01', rectifiedOnSite: false, attachmentIds: [photo] },
          ],
        },
      },
    };
    const first = await call(a, 'POST', '/api/sync/push', token, { clientId: 'phone', mutations: [m] });
    const replay = await call(b, 'POST', '/api/sync/push', token, { clientId: 'phone', mutations: [m] });
    expect([first.body.results[0].status, replay.body.results[0].status]).toEqual(['applied', 'duplicate']);
    const next = await call(b, 'GET', `/api/sync/pull?cursor=${start.body.cursor}`, token);
    expect(next.body.changes.map((c: { kind: string }) => c.kind).sort()).toEqual(['finding', 'inspection']);
    const photoRes = await fetch(`${b.url}/api/attachments/${photo}`, { headers: { authorization: `Bearer ${token}` } });
    expect(Buffer.from(await photoRes.arrayBuffer()).equals(JPEG_1PX)).toBe(true);
  });
});
