/**
 * The phone's sync engine against the real server: what an inspector or
 * operator relies on when working offline — nothing lost, nothing doubled,
 * their own changes never flicker away, refusals kept with a reason.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { ParkCheckDb } from '../../app/db/database';
import { NetworkError } from '../../app/api/client';
import type { LocalUser } from '../../app/sync/local';
import { LocalRefusal } from '../../app/sync/local';
import { enqueue, discard, retry } from '../../app/sync/outbox';
import { loadPhoto, storePhoto } from '../../app/sync/photos';
import type { SyncTransport } from '../../app/sync/transport';
import { findings, inspections } from '../../server/db/schema';
import { setUserScope } from '../../server/repo/users';
import { jpegOfSize, sha256 } from '../support/images';
import { findingIn, findingMutation, pushOne, submit } from '../support/mutations';
import { inProcessTransport, phone, phoneStorage, type Phone } from '../support/phone';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type UserKey, type World } from '../support/world';

let t: TestServer;
let w: World;
const phones: Phone[] = [];

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterEach(() => {
  for (const p of phones.splice(0)) {
    p.engine.stop();
    p.db.close();
  }
});
afterAll(() => t.close());

const userOf = (key: UserKey, role: LocalUser['role']): LocalUser => ({ id: w.users[key], name: key, role, tz: 'Asia/Shanghai' });
const inspector = () => userOf('inspA', 'inspector');
const operator = () => userOf('opA1', 'operator');

function newPhone(key: UserKey, role: LocalUser['role'], wrap: (real: SyncTransport) => SyncTransport = (x) => x, storage = phoneStorage()) {
  const p = phone(storage.open(), wrap(inProcessTransport(t, () => w.tokens[key])), userOf(key, role));
  phones.push(p);
  return Object.assign(p, { storage });
}

const serverFinding = async (id: string) => (await t.call('GET', `/api/findings/${id}`, { token: w.tokens.admin })).body;

describe('a local write', () => {
  it('changes the local data and queues its mutation in one transaction', async () => {
    const p = newPhone('opA1', 'operator');
    const id = await findingIn(t, w, 'open');
    expect(await p.engine.sync()).toBe('ok');
    await enqueue(p.db, operator(), { type: 'finding.rectify', payload: { findingId: id, eventId: randomUUID(), note: '已清理', attachmentIds: [randomUUID()] } });
    expect((await p.db.findings.get(id))!.status).toBe('submitted');
    expect(await p.db.outbox.count()).toBe(1);
  });

  it('queues a screen’s live (reactive) state as plain data', async () => {
    const p = newPhone('inspA', 'inspector');
    await p.engine.sync();
    const m = submit(w, { findings: [{}] });
    await enqueue(p.db, inspector(), { type: 'inspection.submit', payload: reactive(m.payload) });
    expect((await p.db.outbox.toArray())[0]!.payload).toEqual(m.payload);
    expect(await p.db.findings.get(m.payload.inspection.findings[0]!.id)).toBeDefined();
  });

  it('refused by the rules changes nothing and queues nothing', async () => {
    const p = newPhone('opA1', 'operator');
    const id = await findingIn(t, w, 'open');
    await p.engine.sync();
    await expect(
      enqueue(p.db, operator(), { type: 'finding.verify', payload: { findingId: id, eventId: randomUUID() } }),
    ).rejects.toBeInstanceOf(LocalRefusal);
    const bad = submit(w);
    bad.payload.inspection.templateId = randomUUID();
    await expect(enqueue(p.db, inspector(), { type: 'inspection.submit', payload: bad.payload })).rejects.toBeInstanceOf(LocalRefusal);
    expect(await p.db.outbox.count()).toBe(0);
    expect((await p.db.findings.get(id))!.status).toBe('open');
  });
});

describe('a sync', () => {
  it('pushes the outbox in the order it was made, then empties it', async () => {
    const p = newPhone('inspA', 'inspector');
    await p.engine.sync();
    const m = submit(w, { findings: [{}, { rectifiedOnSite: true }] });
    const [f1] = m.payload.inspection.findings;
    await enqueue(p.db, p.user, { type: 'inspection.submit', payload: m.payload });
    await enqueue(p.db, p.user, { type: 'finding.rectify', payload: { findingId: f1!.id, eventId: randomUUID(), note: '现场已整改', attachmentIds: [randomUUID()] } });
    await enqueue(p.db, p.user, { type: 'finding.comment', payload: { findingId: f1!.id, eventId: randomUUID(), note: '请园区复核' } });
    expect(await p.engine.sync()).toBe('ok');
    expect(await p.db.outbox.count()).toBe(0);
    const server = await serverFinding(f1!.id);
    expect(server.finding.status).toBe('submitted');
    expect(server.events.map((e: { type: string }) => e.type)).toEqual(['create', 'rectify', 'comment']);
    // The phone now holds the server's version: nothing pending.
    expect((await p.db.findings.get(f1!.id))!.pending).toBeUndefined();
    expect((await p.db.findingEvents.where('findingId').equals(f1!.id).toArray()).every((e) => !e.pending)).toBe(true);
  });

  it('sends a long outbox batch after batch, never two at once, and what is queued meanwhile in the same sync', async () => {
    const batches: string[][] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    let queuedMeanwhile: Promise<unknown> | undefined;
    const m = submit(w, { findings: [{}] });
    const f1 = m.payload.inspection.findings[0]!;
    const real = inProcessTransport(t, () => w.tokens.inspA);
    const p = phone(phoneStorage().open(), {
      ...real,
      async push(body) {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        batches.push(body.mutations.map((x) => x.type));
        // The inspector keeps working while the first batch is on its way.
        queuedMeanwhile ??= enqueue(p.db, p.user, { type: 'finding.comment', payload: { findingId: f1.id, eventId: randomUUID(), note: '已通知企业负责人' } });
        try {
          return await real.push(body);
        } finally {
          inFlight--;
        }
      },
    }, inspector(), { pushBatch: 2 });
    phones.push(p);
    await p.engine.sync('receive');
    await enqueue(p.db, p.user, { type: 'inspection.submit', payload: m.payload });
    await enqueue(p.db, p.user, { type: 'finding.comment', payload: { findingId: f1.id, eventId: randomUUID(), note: '第一次' } });
    await enqueue(p.db, p.user, { type: 'finding.rectify', payload: { findingId: f1.id, eventId: randomUUID(), note: '现场已整改', attachmentIds: [randomUUID()] } });
    await enqueue(p.db, p.user, { type: 'finding.comment', payload: { findingId: f1.id, eventId: randomUUID(), note: '请园区复核' } });
    expect(await p.engine.sync()).toBe('ok');
    await queuedMeanwhile;
    expect(mostInFlight).toBe(1);
    expect(batches).toEqual([
      ['inspection.submit', 'finding.comment'],
      ['finding.rectify', 'finding.comment'],
      ['finding.comment'],
    ]);
    expect(await p.db.outbox.count()).toBe(0);
    const server = await serverFinding(f1.id);
    expect(server.finding.status).toBe('submitted');
    expect(server.events.map((e: { type: string }) => e.type)).toEqual(['create', 'comment', 'rectify', 'comment', 'comment']);
  });

  it('re-applies the user’s pending change over newer server data, so it never flickers away', async () => {
    const id = await findingIn(t, w, 'open');
    let hooked = false;
    const p = newPhone('opA1', 'operator', (real) => ({
      ...real,
      async pull(cursor, limit) {
        // Someone comments on the server, and the operator acts on the phone, while this sync runs.
        if (!hooked && cursor) {
          hooked = true;
          await pushOne(t, w, 'inspA', findingMutation('finding.comment', id, { note: '请尽快整改' }));
          await enqueue(p.db, operator(), { type: 'finding.rectify', payload: { findingId: id, eventId: randomUUID(), note: '已整改', attachmentIds: [randomUUID()] } });
        }
        return real.pull(cursor, limit);
      },
    }));
    await p.engine.sync();
    await p.engine.sync();
    const local = (await p.db.findings.get(id))!;
    expect(local.status).toBe('submitted');
    expect(local.pending).toBe(1);
    const types = (await p.db.findingEvents.where('findingId').equals(id).sortBy('ordinal')).map((e) => e.type);
    expect(types).toEqual(['comment', 'rectify']);
    expect(await p.engine.sync()).toBe('ok');
    expect((await serverFinding(id)).finding.status).toBe('submitted');
  });

  it('keeps a refused mutation with the server’s reason, and shows the server’s state again', async () => {
    const id = await findingIn(t, w, 'submitted');
    const p = newPhone('inspA', 'inspector');
    await p.engine.sync();
    // Offline, the inspector verifies; meanwhile a supervisor rejects it from another device.
    await enqueue(p.db, p.user, { type: 'finding.verify', payload: { findingId: id, eventId: randomUUID(), note: '合格' } });
    expect((await p.db.findings.get(id))!.status).toBe('closed');
    await pushOne(t, w, 'supA', findingMutation('finding.reject', id, { reason: '照片不清晰' }));
    expect(await p.engine.sync()).toBe('ok');
    const [entry] = await p.db.outbox.toArray();
    expect(entry).toMatchObject({ status: 'rejected', error: { code: 'invalid_transition' } });
    expect(entry!.error!.message).toMatch(/submitted/);
    expect(p.engine.status.rejected).toBe(1);
    expect((await p.db.findings.get(id))!.status).toBe('open');
    const events = await p.db.findingEvents.where('findingId').equals(id).sortBy('ordinal');
    expect(events.map((e) => e.type)).toEqual(['rectify', 'reject']);
    // Kept until the user decides; discarding removes it.
    await p.engine.sync();
    expect(await p.db.outbox.count()).toBe(1);
    await discard(p.db, entry!.seq!);
    expect(await p.db.outbox.count()).toBe(0);
  });

  it('retrying a refused mutation sends it as a new one', async () => {
    const id = await findingIn(t, w, 'open');
    const p = newPhone('opA1', 'operator');
    await p.engine.sync();
    await enqueue(p.db, p.user, { type: 'finding.rectify', payload: { findingId: id, eventId: randomUUID(), note: '已整改', attachmentIds: [randomUUID()] } });
    // Another device rectified first: this one is refused.
    await pushOne(t, w, 'opA1', findingMutation('finding.rectify', id));
    await p.engine.sync();
    const [entry] = await p.db.outbox.toArray();
    expect(entry!.status).toBe('rejected');
    await pushOne(t, w, 'inspA', findingMutation('finding.reject', id));
    await p.engine.sync();
    const again = await retry(p.db, p.user, entry!.seq!);
    expect(again!.id).not.toBe(entry!.id);
    expect(await p.engine.sync()).toBe('ok');
    expect(await p.db.outbox.count()).toBe(0);
    expect((await serverFinding(id)).finding.status).toBe('submitted');
  });

  it('knowing the phone is offline, tries no request and waits for the network', async () => {
    let online = true;
    let requests = 0;
    const counting = (real: SyncTransport): SyncTransport => ({
      push: (b) => (requests++, real.push(b)),
      pull: (c, l) => (requests++, real.pull(c, l)),
      putAttachment: (...a) => (requests++, real.putAttachment(...a)),
      getAttachment: (id) => (requests++, real.getAttachment(id)),
      getFinding: (id) => (requests++, real.getFinding(id)),
    });
    const storage = phoneStorage();
    const p = phone(storage.open(), counting(inProcessTransport(t, () => w.tokens.inspA)), inspector(), { offline: () => !online });
    phones.push(p);
    expect(await p.engine.sync()).toBe('ok');
    online = false;
    const before = requests;
    await enqueue(p.db, inspector(), submit(w));
    expect(await p.engine.sync()).toBe('offline');
    expect(requests).toBe(before);
    expect((await p.engine.refreshStatus()).lastError).toBeNull();
    online = true;
    expect(await p.engine.sync()).toBe('ok');
    expect(await p.db.outbox.count()).toBe(0);
  });

  it('after a lost answer pushes again, gets duplicate, and clears the outbox — applied once', async () => {
    let lose = true;
    const p = newPhone('inspA', 'inspector', (real) => ({
      ...real,
      async push(body) {
        const answer = await real.push(body);
        if (lose) {
          lose = false;
          throw new NetworkError('connection reset after the server committed', 'offline');
        }
        return answer;
      },
    }));
    await p.engine.sync();
    const m = submit(w);
    await enqueue(p.db, p.user, { type: 'inspection.submit', payload: m.payload });
    expect(await p.engine.sync()).toBe('retrying');
    expect(await p.db.outbox.count()).toBe(1);
    expect(p.engine.status.nextRetryAt).not.toBeNull();
    expect(await p.engine.sync()).toBe('ok');
    expect(await p.db.outbox.count()).toBe(0);
    const rows = await t.services.db.select().from(inspections).where(eq(inspections.id, m.payload.inspection.id));
    expect(rows).toHaveLength(1);
    const mutationRows = await t.services.db.query.mutations.findMany({ where: (x, { eq: e }) => e(x.id, (m as { id: string }).id) });
    expect(mutationRows.length).toBeLessThanOrEqual(1);
  });
});

describe('what the server cannot take', () => {
  it('a poison mutation in the middle of the outbox is refused with its reason; the rest drains', async () => {
    const id = await findingIn(t, w, 'open');
    const p = newPhone('inspA', 'inspector');
    await p.engine.sync();
    await enqueue(p.db, p.user, { type: 'finding.comment', payload: { findingId: id, eventId: randomUUID(), note: '第一条' } });
    // Pasted from a PDF: a NUL character no database stores.
    await enqueue(p.db, p.user, { type: 'finding.comment', payload: { findingId: id, eventId: randomUUID(), note: '消防\u0000通道' } });
    await enqueue(p.db, p.user, { type: 'finding.comment', payload: { findingId: id, eventId: randomUUID(), note: '第三条' } });
    expect(await p.engine.sync()).toBe('ok');
    const left = await p.db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid_request' } });
    expect(left[0]!.error!.message).toMatch(/NUL/);
    expect(p.engine.status).toMatchObject({ pending: 0, rejected: 1 });
    const server = await serverFinding(id);
    expect(server.events.filter((e: { type: string }) => e.type === 'comment').map((e: { note: string }) => e.note)).toEqual(['第一条', '第三条']);
  });

  it('splits the outbox into requests that fit a push body, and sets aside one too large to send even alone', async () => {
    const bodies: number[] = [];
    const real = inProcessTransport(t, () => w.tokens.inspA);
    const p = phone(phoneStorage().open(), {
      ...real,
      async push(body) {
        bodies.push(new TextEncoder().encode(JSON.stringify(body)).length);
        return real.push(body);
      },
    }, inspector(), { pushBytes: 40_000 });
    phones.push(p);
    await p.engine.sync('receive');
    const long = (n: number) => submit(w, { findings: Array.from({ length: n }, () => ({ description: '隐'.repeat(3000) })) });
    const fitting = [long(1), long(1), long(1), long(1)];
    const huge = long(5);
    await enqueue(p.db, p.user, { type: 'inspection.submit', payload: fitting[0]!.payload });
    await enqueue(p.db, p.user, { type: 'inspection.submit', payload: fitting[1]!.payload });
    await enqueue(p.db, p.user, { type: 'inspection.submit', payload: huge.payload });
    await enqueue(p.db, p.user, { type: 'inspection.submit', payload: fitting[2]!.payload });
    await enqueue(p.db, p.user, { type: 'inspection.submit', payload: fitting[3]!.payload });
    expect(await p.engine.sync()).toBe('ok');
    expect(bodies.length).toBeGreaterThan(1);
    for (const size of bodies) expect(size).toBeLessThanOrEqual(40_000);
    const left = await p.db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ status: 'rejected', error: { code: 'payload_too_large' } });
    for (const m of fitting) {
      const got = await t.call('GET', `/api/inspections/${m.payload.inspection.id}`, { token: w.tokens.admin });
      expect(got.status).toBe(200);
    }
  });
});

describe('photos', () => {
  it('an interrupted upload resumes after the app restarts, and the server has the same bytes', async () => {
    const storage = phoneStorage();
    let fail = true;
    const first = newPhone('inspA', 'inspector', (real) => ({
      ...real,
      async putAttachment(id, bytes, type, hash) {
        if (fail) {
          fail = false;
          await real.putAttachment(id, bytes, type, hash);
          throw new NetworkError('signal lost', 'offline');
        }
        return real.putAttachment(id, bytes, type, hash);
      },
      async push() {
        throw new NetworkError('signal lost', 'offline');
      },
    }), storage);
    const a = jpegOfSize(200_000);
    const b = jpegOfSize(300_000);
    const ids = [await storePhoto(first.db, a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength) as ArrayBuffer, 'image/jpeg'), await storePhoto(first.db, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, 'image/jpeg')];
    // Photos are sent once a saved change references them.
    expect(await first.engine.sync('receive')).toBe('ok');
    await enqueue(first.db, first.user, { type: 'inspection.submit', payload: submit(w, { findings: [{ attachmentIds: ids }] }).payload });
    expect(await first.engine.sync()).toBe('retrying');
    first.engine.stop();
    first.db.close();
    // The app starts again.
    const second = newPhone('inspA', 'inspector', (x) => x, storage);
    expect(second.engine.status.photosWaiting).toBe(0);
    // The photo whose answer was lost is still waiting; the one sent beside it got through.
    expect((await second.engine.refreshStatus()).photosWaiting).toBe(1);
    expect(await second.engine.sync()).toBe('ok');
    expect(await second.db.attachments.where('uploaded').equals(0).count()).toBe(0);
    for (const [id, bytes] of [[ids[0]!, a], [ids[1]!, b]] as const) {
      const row = await t.services.db.query.attachments.findFirst({ where: (x, { eq: e }) => e(x.id, id) });
      expect(row!.sha256).toBe(sha256(bytes));
      expect(Buffer.from((await t.services.attachments.get(id))!).equals(bytes)).toBe(true);
    }
  });

  it('sends a photo only once a saved change references it: one taken in a form still open, or discarded, never leaves the phone', async () => {
    const p = newPhone('inspA', 'inspector');
    await p.engine.sync('receive');
    const bytes = jpegOfSize(120_000);
    const inForm = await storePhoto(p.db, new Uint8Array(bytes).buffer as ArrayBuffer, 'image/jpeg');
    const saved = await storePhoto(p.db, new Uint8Array(jpegOfSize(90_000)).buffer as ArrayBuffer, 'image/jpeg');
    await enqueue(p.db, p.user, { type: 'inspection.submit', payload: submit(w, { findings: [{ attachmentIds: [saved] }] }).payload });
    expect((await p.engine.refreshStatus()).photosWaiting).toBe(1);
    expect(await p.engine.sync()).toBe('ok');
    expect(await t.services.db.query.attachments.findFirst({ where: (x, { eq: e }) => e(x.id, saved) })).toBeDefined();
    expect(await t.services.db.query.attachments.findFirst({ where: (x, { eq: e }) => e(x.id, inForm) })).toBeUndefined();
    expect((await p.db.attachments.get(inForm))!.uploaded).toBe(0);
  });

  it('open findings’ photos are downloaded for offline re-inspection; the cache evicts closed ones first, never unsent ones', async () => {
    const up = async (bytes: Buffer) => {
      const id = randomUUID();
      await t.call('PUT', `/api/attachments/${id}`, {
        token: w.tokens.inspA,
        raw: new Uint8Array(bytes),
        headers: { 'content-type': 'image/jpeg', 'x-content-sha256': sha256(bytes) },
      });
      return id;
    };
    const openPhoto = await up(jpegOfSize(150_000));
    const closedPhoto = await up(jpegOfSize(150_000));
    const m = submit(w, { park: 'A2', findings: [{ attachmentIds: [openPhoto] }, { attachmentIds: [closedPhoto], rectifiedOnSite: true }] });
    expect((await pushOne(t, w, 'inspA', m)).status).toBe('applied');
    const p = newPhone('inspA', 'inspector');
    await p.engine.sync();
    expect(await p.db.attachments.get(openPhoto)).toBeDefined();
    expect(await p.db.attachments.get(closedPhoto)).toBeUndefined();
    // The closed finding's photo was viewed once (loaded on demand), a while ago …
    await loadPhoto(p.db, inProcessTransport(t, () => w.tokens.inspA), closedPhoto, new Date('2026-01-01T00:00:00Z'));
    expect(await p.db.attachments.get(closedPhoto)).toBeDefined();
    const unsent = await storePhoto(p.db, new Uint8Array(jpegOfSize(150_000)).buffer as ArrayBuffer, 'image/jpeg');
    await p.db.attachments.update(unsent, { error: 'held back for this test' });
    // … and with room for all but one photo (whatever else of the scope's open findings is cached), it goes first;
    // the unsent one stays. A pull that brings a change to the open finding triggers the cache check.
    await pushOne(t, w, 'inspA', findingMutation('finding.comment', m.payload.inspection.findings[0]!.id, { note: '仍未整改' }));
    const cached = (await p.db.attachments.toArray()).reduce((sum, a) => sum + a.size, 0);
    const small = phone(p.db, inProcessTransport(t, () => w.tokens.inspA), p.user, { photoCacheBytes: cached - 1 });
    phones.push(small);
    await small.engine.sync();
    expect(await p.db.attachments.get(closedPhoto)).toBeUndefined();
    expect(await p.db.attachmentBytes.get(closedPhoto)).toBeUndefined();
    expect(await p.db.attachments.get(openPhoto)).toBeDefined();
    expect(await p.db.attachments.get(unsent)).toBeDefined();
    expect(await p.db.attachmentBytes.get(unsent)).toBeDefined();
  });
});

describe('reset', () => {
  it('drops cached server data when the scope changed, keeps the outbox, and brings offline work back', async () => {
    const p = newPhone('inspB', 'inspector');
    await p.engine.sync();
    expect((await p.db.parks.toArray()).map((x) => x.id)).toEqual([w.parks.B1]);
    const m = submit(w, { park: 'B1' });
    let once = true;
    const offline = newPhone('inspB', 'inspector', (real) => ({
      ...real,
      async push(body) {
        if (once) {
          once = false;
          throw new NetworkError('offline', 'offline');
        }
        return real.push(body);
      },
    }), p.storage);
    await enqueue(offline.db, offline.user, { type: 'inspection.submit', payload: m.payload });
    await setUserScope(t.services.db, w.users.inspB, { regionIds: [w.regions.townB, w.regions.townA], parkIds: [] }, new Date());
    expect(await offline.engine.sync()).toBe('retrying');
    expect(await offline.db.outbox.count()).toBe(1);
    // Signal back: the push goes through, the pull answers reset, everything comes again.
    expect(await offline.engine.sync()).toBe('ok');
    expect((await offline.db.parks.toArray()).map((x) => x.id).sort()).toEqual([w.parks.A1, w.parks.A2, w.parks.B1].sort());
    expect(await offline.db.outbox.count()).toBe(0);
    expect(await offline.db.inspections.get(m.payload.inspection.id)).toBeDefined();
    await setUserScope(t.services.db, w.users.inspB, { regionIds: [w.regions.townB], parkIds: [] }, new Date());
  });
});

describe('the database', () => {
  it('upgrades from version 1 with pending mutations and photos, losing nothing', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('parkcheck-v1', { indexedDB, IDBKeyRange });
    // Version 1 exactly as it shipped.
    v1.version(1).stores({
      regions: 'id, parentId',
      parks: 'id, regionId',
      enterprises: 'id, parkId, creditCode',
      templates: 'id, code, category',
      inspections: 'id, parkId, enterpriseId',
      findings: 'id, parkId, enterpriseId, status',
      findingEvents: 'id, findingId',
      outbox: '++seq, &id, userId, [userId+status+seq]',
      attachments: 'id, uploaded, lastUsedAt',
      attachmentBytes: 'id',
      syncState: 'key',
    });
    const photo = new Uint8Array(jpegOfSize(50_000)).buffer;
    await v1.table('outbox').add({ id: randomUUID(), userId: 'u1', type: 'finding.comment', payload: { findingId: randomUUID(), eventId: randomUUID(), note: '离线记录' }, clientTime: new Date().toISOString(), status: 'pending' });
    await v1.table('attachments').add({ id: 'p1', sha256: 'x', type: 'image/jpeg', size: photo.byteLength, uploaded: 0, createdAt: '', lastUsedAt: '' });
    await v1.table('attachmentBytes').add({ id: 'p1', bytes: photo });
    v1.close();
    const current = new ParkCheckDb('parkcheck-v1', { indexedDB, IDBKeyRange });
    expect(await current.outbox.count()).toBe(1);
    expect((await current.outbox.toArray())[0]!.payload).toMatchObject({ note: '离线记录' });
    expect((await current.attachments.get('p1'))!.uploaded).toBe(0);
    const kept = await current.attachmentBytes.get('p1');
    expect(new Uint8Array(kept!.bytes)).toEqual(new Uint8Array(photo));
    await current.drafts.put({ id: 'd1', userId: 'u1', parkId: 'p', enterpriseId: null, templateId: 't', startedAt: '', updatedAt: '', state: {} });
    expect(await current.drafts.count()).toBe(1);
    expect(current.verno).toBe(3);
    expect(await current.plans.count()).toBe(0);
    current.close();
  });
});

describe('unrelated users on one phone', () => {
  it('a sync takes only its own user’s answered entries out of the outbox, even with another user’s between them', async () => {
    const p = newPhone('inspA', 'inspector');
    await p.engine.sync();
    const first = submit(w);
    const second = submit(w);
    await enqueue(p.db, p.user, { type: 'inspection.submit', payload: first.payload });
    // Queued by another inspector who used this phone before and is logged out now.
    const theirs = submit(w, { park: 'B1' });
    await p.db.outbox.add({ id: theirs.id, userId: w.users.inspB, type: theirs.type, payload: theirs.payload, clientTime: theirs.clientTime, status: 'pending' });
    await enqueue(p.db, p.user, { type: 'inspection.submit', payload: second.payload });
    expect(await p.engine.sync()).toBe('ok');
    expect((await p.db.outbox.toArray()).map((e) => e.id)).toEqual([theirs.id]);
    const onServer = await t.services.db.select().from(inspections).where(eq(inspections.inspectorId, w.users.inspA));
    expect(onServer.map((i) => i.id)).toEqual(expect.arrayContaining([first.payload.inspection.id, second.payload.inspection.id]));
  });

  it('each sees their own scope; one user’s outbox is never pushed with another’s token', async () => {
    const storage = phoneStorage();
    const a = newPhone('opA1', 'operator', (x) => x, storage);
    await a.engine.sync();
    const id = await findingIn(t, w, 'open');
    await a.engine.sync();
    let pushed = 0;
    const offline = newPhone('opA1', 'operator', (real) => ({ ...real, push: () => Promise.reject(new NetworkError('offline', 'offline')) }), storage);
    await enqueue(offline.db, offline.user, { type: 'finding.comment', payload: { findingId: id, eventId: randomUUID(), note: '稍后同步' } });
    const b = newPhone('opB1', 'operator', (real) => ({ ...real, push: (body) => (pushed++, real.push(body)) }), storage);
    expect(await b.engine.sync()).toBe('ok');
    expect(pushed).toBe(0);
    expect((await b.db.parks.toArray()).map((x) => x.id)).toEqual([w.parks.B1]);
    expect(await b.db.outbox.count()).toBe(1);
    expect((await t.services.db.select().from(findings).where(eq(findings.id, id)))[0]!.status).toBe('open');
  });
});
