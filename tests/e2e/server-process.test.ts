/**
 * The server as users run it: its own process on the embedded database.
 * An acknowledged write survives SIGKILL; HTTPS when a certificate is set;
 * a second process on the same DATA_DIR is refused rather than corrupting it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loginAt, spawnServer, type ServerProcess } from '../support/process';

const ADMIN = { PARKCHECK_ADMIN_USERNAME: 'admin', PARKCHECK_ADMIN_PASSWORD: 'admin-password' };
const dirs: string[] = [];
const servers: ServerProcess[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-proc-'));
  dirs.push(d);
  return d;
};

afterAll(async () => {
  for (const s of servers) await s.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function post(url: string, token: string, body: unknown) {
  const res = await fetch(`${url}/api/admin/regions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id: string; name: string } };
}

describe('on the embedded database', () => {
  it('keeps every write it acknowledged when the process is killed with SIGKILL', async () => {
    const dataDir = tmpDir();
    const first = await spawnServer({ DATA_DIR: dataDir, ...ADMIN });
    servers.push(first);
    const token = await loginAt(first.url, 'admin', 'admin-password');
    const acknowledged: string[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await post(first.url, token, { name: `区域 ${i}` });
      expect(res.status).toBe(201);
      acknowledged.push(res.body.id);
    }
    await first.kill('SIGKILL');

    const second = await spawnServer({ DATA_DIR: dataDir, ...ADMIN });
    servers.push(second);
    const token2 = await loginAt(second.url, 'admin', 'admin-password');
    const res = await fetch(`${second.url}/api/regions`, { headers: { authorization: `Bearer ${token2}` } });
    const ids = ((await res.json()) as { items: { id: string }[] }).items.map((r) => r.id);
    for (const id of acknowledged) expect(ids).toContain(id);
    await second.kill();
  });

  it('refuses to open a DATA_DIR another live process is using', async () => {
    const dataDir = tmpDir();
    const first = await spawnServer({ DATA_DIR: dataDir, ...ADMIN });
    servers.push(first);
    await expect(spawnServer({ DATA_DIR: dataDir, ...ADMIN })).rejects.toThrow(/in use by process/);
    await first.kill();
  });
});

describe('HTTPS', () => {
  it('is served when TLS_CERT_FILE and TLS_KEY_FILE are set', async () => {
    const dir = tmpDir();
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1',
    ], { stdio: 'ignore' });
    const server = await spawnServer({ DATA_DIR: path.join(dir, 'data'), TLS_CERT_FILE: cert, TLS_KEY_FILE: key, ...ADMIN });
    servers.push(server);
    expect(server.url).toMatch(/^https:\/\//);
    const reply = await new Promise<{ status: number; body: string; hsts: string | undefined }>((resolve, reject) => {
      https
        .get(`${server.url}/api/health`, { rejectUnauthorized: false }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body, hsts: res.headers['strict-transport-security'] as string | undefined }),
          );
        })
        .on('error', reject);
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ status: 'ok', db: 'pglite' });
    expect(reply.hsts).toMatch(/max-age=/);
    await server.kill();
  });
});
