/**
 * Attachments: photos and signatures arrive after (or before) the data that
 * references them, over bad networks, possibly twice. They are stored once,
 * whole, checked by content, and shown only to those who may see them.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../../server/db/schema';
import { s3Store } from '../../server/storage/s3';
import { JPEG_1PX, PNG_1PX, WEBP_1PX, jpegOfSize, sha256 } from '../support/images';
import { findingMutation, newFinding, pushOne, submit } from '../support/mutations';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type UserKey, type World } from '../support/world';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const put = (id: string, bytes: Buffer, o: { type?: string; hash?: string; who?: UserKey } = {}) =>
  t.call('PUT', `/api/attachments/${id}`, {
    token: w.tokens[o.who ?? 'inspA'],
    raw: new Uint8Array(bytes),
    headers: { 'content-type': o.type ?? 'image/jpeg', 'x-content-sha256': o.hash ?? sha256(bytes) },
  });
const get = (id: string, who: UserKey) => t.app.request(`/api/attachments/${id}`, { headers: { authorization: `Bearer ${w.tokens[who]}` } });

describe('uploading', () => {
  it('stores JPEG, PNG and WebP: 201 the first time, 200 for the same bytes again', async () => {
    for (const [bytes, type] of [[JPEG_1PX, 'image/jpeg'], [PNG_1PX, 'image/png'], [WEBP_1PX, 'image/webp']] as const) {
      const id = randomUUID();
      expect((await put(id, bytes, { type })).status).toBe(201);
      expect((await put(id, bytes, { type })).status).toBe(200);
      const res = await get(id, 'inspA');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it('refuses other bytes under a used id (409), a hash that does not match (400), a missing hash (400)', async () => {
    const id = randomUUID();
    await put(id, JPEG_1PX);
    expect((await put(id, jpegOfSize(2000))).status).toBe(409);
    const wrong = await put(randomUUID(), JPEG_1PX, { hash: sha256(PNG_1PX) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid_request');
    const missing = await t.call('PUT', `/api/attachments/${randomUUID()}`, {
      token: w.tokens.inspA,
      raw: JPEG_1PX,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(missing.status).toBe(400);
  });

  it('checks the content, not the label: 415 for PNG bytes sent as JPEG, for text, and for other types', async () => {
    expect((await put(randomUUID(), PNG_1PX, { type: 'image/jpeg' })).status).toBe(415);
    const text = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect((await put(randomUUID(), text, { type: 'image/png' })).status).toBe(415);
    const svg = await put(randomUUID(), text, { type: 'image/svg+xml' });
    expect(svg.status).toBe(415);
    expect(svg.body.error.code).toBe('unsupported_media_type');
  });

  it('accepts 10 MB and refuses more with 413', async () => {
    expect((await put(randomUUID(), jpegOfSize(10 * 1024 * 1024))).status).toBe(201);
    const big = await put(randomUUID(), jpegOfSize(10 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
  });

  it('completes an upload that was cut off after the id was claimed', async () => {
    const id = randomUUID();
    const bytes = jpegOfSize(5000);
    // The server claimed the id, then died before the bytes were stored.
    await t.services.db.insert(attachments).values({ id, sha256: sha256(bytes), contentType: 'image/jpeg', size: bytes.length, uploadedBy: w.users.inspA });
    expect((await get(id, 'inspA')).status).toBe(404);
    expect((await put(id, bytes)).status).toBe(200);
    const res = await get(id, 'inspA');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('never leaves a partial file under the id: bytes are written to a temporary file and renamed', async () => {
    const id = randomUUID();
    await put(id, jpegOfSize(300_000));
    const dir = path.join(t.dataDir, 'attachments', id.slice(0, 2));
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(id))).toEqual([id]);
  });
});

describe('downloading', () => {
  it('is for the uploader and for whoever may see what references it; 404 for everyone else', async () => {
    const photo = randomUUID();
    await put(photo, jpegOfSize(1000), { who: 'inspA' });
    expect((await get(photo, 'opA1')).status).toBe(404);
    const m = submit(w, { park: 'A1', findings: [{ attachmentIds: [photo] }] });
    await pushOne(t, w, 'inspA', m);
    for (const who of ['inspA', 'opA1', 'supA', 'supCity', 'admin'] as const) expect((await get(photo, who)).status, who).toBe(200);
    for (const who of ['opB1', 'inspB', 'supB'] as const) expect((await get(photo, who)).status, who).toBe(404);
    expect((await get(randomUUID(), 'admin')).status).toBe(404);
  });

  it('works for evidence referenced before it was uploaded', async () => {
    const finding = await newFinding(t, w, 'B1');
    const evidence = randomUUID();
    await pushOne(t, w, 'opB1', findingMutation('finding.rectify', finding, { note: '已整改', attachmentIds: [evidence] }));
    expect((await get(evidence, 'inspB')).status).toBe(404);
    expect((await put(evidence, PNG_1PX, { type: 'image/png', who: 'opB1' })).status).toBe(201);
    expect((await get(evidence, 'inspB')).status).toBe(200);
    expect((await get(evidence, 'inspA')).status).toBe(404);
  });

  it('may be cached for good by the phone: an id never changes its bytes', async () => {
    const id = randomUUID();
    await put(id, JPEG_1PX);
    const res = await get(id, 'inspA');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('etag')).toBe(`"${sha256(JPEG_1PX)}"`);
  });
});

describe('in an S3-compatible bucket', () => {
  it('stores and serves the same way (against a real S3 server, s3rver)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkcheck-s3-'));
    const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'photos', configs: [] }] });
    const { port } = (await s3.run()) as unknown as { port: number };
    try {
      const store = s3Store({ endpoint: `http://127.0.0.1:${port}`, bucket: 'photos', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', region: 'us-east-1' });
      const server = await startTestServer({ attachments: store });
      try {
        const world = await buildWorld(server);
        const id = randomUUID();
        const bytes = jpegOfSize(400_000);
        const up = (b: Buffer) =>
          server.call('PUT', `/api/attachments/${id}`, {
            token: world.tokens.inspA,
            raw: new Uint8Array(b),
            headers: { 'content-type': 'image/jpeg', 'x-content-sha256': sha256(b) },
          });
        expect((await up(bytes)).status).toBe(201);
        expect((await up(bytes)).status).toBe(200);
        expect((await up(jpegOfSize(1000))).status).toBe(409);
        expect(await store.has(id)).toBe(true);
        const res = await server.app.request(`/api/attachments/${id}`, { headers: { authorization: `Bearer ${world.tokens.inspA}` } });
        expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
        expect(await store.has(randomUUID())).toBe(false);
      } finally {
        await server.close();
      }
    } finally {
      await s3.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
