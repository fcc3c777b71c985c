/**
 * API.md "Hardening": attachments belong to whoever first references or
 * uploads them; referencing never grants a read; no answer tells a caller
 * that an id outside their scope exists. And uploads are bounded: a daily
 * quota per user, and what nothing references is deleted after 7 days.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sweepUnreferencedUploads } from '../../server/domain/attachments';
import { JPEG_1PX, jpegOfSize, sha256 } from '../support/images';
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
afterEach(() => {
  t.clock.real();
  t.services.uploadQuotaBytes = undefined;
});

const put = (id: string, bytes: Buffer, who: UserKey) =>
  t.call('PUT', `/api/attachments/${id}`, {
    token: w.tokens[who],
    raw: new Uint8Array(bytes),
    headers: { 'content-type': 'image/jpeg', 'x-content-sha256': sha256(bytes) },
  });
const get = (id: string, who: UserKey) => t.app.request(`/api/attachments/${id}`, { headers: { authorization: `Bearer ${w.tokens[who]}` } });

/** A photo inspB took in park B1: uploaded and referenced by a B1 finding. */
async function parkBPhoto(): Promise<string> {
  const photo = randomUUID();
  expect((await put(photo, jpegOfSize(3000), 'inspB')).status).toBe(201);
  expect((await pushOne(t, w, 'inspB', submit(w, { park: 'B1', findings: [{ attachmentIds: [photo] }] }))).status).toBe('applied');
  return photo;
}

describe('referencing an attachment', () => {
  it('someone else’s photo outside the scope cannot be referenced (not_found) nor then read, by comment or by inspection', async () => {
    const photo = await parkBPhoto();
    const unreferenced = randomUUID();
    expect((await put(unreferenced, jpegOfSize(3000), 'inspB')).status).toBe(201);
    const own = await newFinding(t, w, 'A1');
    for (const id of [photo, unreferenced]) {
      const comment = await pushOne(t, w, 'opA1', findingMutation('finding.comment', own, { attachmentIds: [id] }));
      expect(comment).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
      const inFinding = await pushOne(t, w, 'inspA', submit(w, { park: 'A1', findings: [{ attachmentIds: [id] }] }));
      expect(inFinding).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
      const asSignature = await pushOne(t, w, 'inspA', submit(w, { park: 'A1', signatureAttachmentId: id }));
      expect(asSignature).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
      expect((await get(id, 'opA1')).status).toBe(404);
      expect((await get(id, 'inspA')).status).toBe(404);
    }
  });

  it('a photo the caller uploaded, or may already see, or that does not exist yet may be referenced', async () => {
    const finding = await newFinding(t, w, 'A1');
    const mine = randomUUID();
    await put(mine, jpegOfSize(2000), 'opA1');
    const seen = randomUUID();
    await put(seen, jpegOfSize(2000), 'inspA');
    await pushOne(t, w, 'inspA', findingMutation('finding.comment', finding, { attachmentIds: [seen] }));
    for (const id of [mine, seen, randomUUID()]) {
      expect((await pushOne(t, w, 'opA1', findingMutation('finding.comment', finding, { attachmentIds: [id] }))).status).toBe('applied');
    }
  });
});

describe('an id referenced before its upload', () => {
  it('is uploaded only by whoever referenced it: another user who sees it gets 409, one who does not 404; the owner’s upload is what everyone sees', async () => {
    const photo = randomUUID();
    const m = submit(w, { park: 'A1', findings: [{ attachmentIds: [photo] }] });
    expect((await pushOne(t, w, 'inspA', m)).status).toBe('applied');
    const forged = jpegOfSize(2500);
    const byOperator = await put(photo, forged, 'opA1');
    expect(byOperator.status).toBe(409);
    expect((await put(photo, forged, 'opB1')).status).toBe(404);
    const real = jpegOfSize(2600);
    expect((await put(photo, real, 'inspA')).status).toBe(201);
    const seen = await get(photo, 'opA1');
    expect(seen.status).toBe(200);
    expect(Buffer.from(await seen.arrayBuffer()).equals(real)).toBe(true);
  });
});

describe('no existence oracle', () => {
  it('a PUT to an id someone else uploaded answers 404 to whoever cannot see it, same bytes or not; a new id 201', async () => {
    const photo = await parkBPhoto();
    const bytes = await (await get(photo, 'inspB')).arrayBuffer();
    for (const attempt of [Buffer.from(bytes), jpegOfSize(3000)]) {
      const res = await put(photo, attempt, 'opA1');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const unseenUpload = randomUUID();
    await put(unseenUpload, JPEG_1PX, 'inspB');
    expect((await put(unseenUpload, JPEG_1PX, 'opA1')).status).toBe(404);
    expect((await put(randomUUID(), JPEG_1PX, 'opA1')).status).toBe(201);
  });

  it('no message says an id exists or was used by another user', async () => {
    const theirs = submit(w, { park: 'B1' });
    await pushOne(t, w, 'inspB', theirs);
    const reuse = submit(w, { park: 'A1' });
    reuse.payload.inspection.id = theirs.payload.inspection.id;
    const res = await pushOne(t, w, 'inspA', reuse);
    expect(res.status).toBe('rejected');
    expect(res.error!.message).not.toMatch(/exist|another user/);
    expect((await pushOne(t, w, 'inspA', { ...submit(w, { park: 'A1' }), id: theirs.id })).status).toBe('applied');
  });
});

describe('the daily upload quota', () => {
  it('answers 429 past the quota for that user only, and serves again the next day', async () => {
    t.clock.set('2026-04-01T02:00:00Z');
    t.services.uploadQuotaBytes = 10_000;
    expect((await put(randomUUID(), jpegOfSize(6000), 'supA')).status).toBe(201);
    const over = await put(randomUUID(), jpegOfSize(6000), 'supA');
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    expect((await put(randomUUID(), jpegOfSize(6000), 'supB')).status).toBe(201);
    t.clock.set('2026-04-02T00:30:00+08:00');
    expect((await put(randomUUID(), jpegOfSize(6000), 'supA')).status).toBe(201);
  });
});

describe('uploads nothing references', () => {
  it('are deleted, bytes and all, after 7 days; referenced and younger ones stay', async () => {
    t.clock.set('2026-05-01T02:00:00Z');
    const stray = randomUUID();
    await put(stray, jpegOfSize(2000), 'supCity');
    const used = randomUUID();
    await put(used, jpegOfSize(2000), 'inspA');
    await pushOne(t, w, 'inspA', submit(w, { park: 'A1', findings: [{ attachmentIds: [used] }] }));
    t.clock.set('2026-05-07T02:00:00Z');
    const younger = randomUUID();
    await put(younger, jpegOfSize(2000), 'supCity');

    t.clock.set('2026-05-08T02:00:01Z');
    expect(await sweepUnreferencedUploads(t.services)).toBeGreaterThanOrEqual(1);
    expect((await get(stray, 'supCity')).status).toBe(404);
    expect(await t.services.attachments.has(stray)).toBe(false);
    expect((await get(used, 'inspA')).status).toBe(200);
    expect((await get(younger, 'supCity')).status).toBe(200);
  });
});
