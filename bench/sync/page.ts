/**
 * The sync bench page: the app's real database and sync engine in Chromium,
 * on the peer's workload (workload.mjs). Driven by run.ts through
 * window.bench; each call times only the operation it names, with the data
 * generated and the database opened beforehand — the peer's boundaries.
 */
import { createClient } from '../../app/api/client';
import { ParkCheckDb } from '../../app/db/database';
import { SyncEngine } from '../../app/sync/engine';
import { enqueue } from '../../app/sync/outbox';
import { storePhoto } from '../../app/sync/photos';
import { httpTransport } from '../../app/sync/transport';
import type { LocalUser } from '../../app/sync/local';
import type { InspectionInput } from '../../shared/schemas/sync';
// @ts-expect-error: the peer's generator is plain JavaScript
import { fingerprint, fingerprintBytes, makeInspection, makeWorkload } from './workload.mjs';

interface Workload {
  options: Record<string, unknown>;
  refs: unknown;
  inspections: InspectionInput[];
  photos: { id: string }[];
  photoBytes(i: number): Uint8Array;
}

let W: Workload;
let token = '';
let user: LocalUser;
const dbs = new Map<string, ParkCheckDb>();
const now = () => performance.now();

const db = (name: string) => {
  if (!dbs.has(name)) dbs.set(name, new ParkCheckDb(name));
  return dbs.get(name)!;
};
const engine = (name: string) =>
  new SyncEngine({
    db: db(name),
    transport: httpTransport(createClient({ baseUrl: location.origin, token: () => token })),
    user: () => user,
    clientId: `bench-${name}`,
  });

async function enqueueInspection(name: string, inspection: InspectionInput) {
  await enqueue(db(name), user, { type: 'inspection.submit', payload: { inspection: structuredClone(inspection) } });
}

declare global {
  interface Window {
    bench: Record<string, (...args: never[]) => unknown>;
  }
}

window.bench = {
  version: () => ({ userAgent: navigator.userAgent }),

  async init(opts: Record<string, unknown> & { username: string; password: string }) {
    const t0 = now();
    W = makeWorkload(opts) as Workload;
    const json = JSON.stringify(W.inspections);
    const genMs = now() - t0;
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: opts.username, password: opts.password }),
    });
    const login = (await res.json()) as { token: string; user: LocalUser; tz: string };
    token = login.token;
    user = { id: login.user.id, name: login.user.name, role: login.user.role, tz: login.tz };
    return {
      genMs,
      n: W.inspections.length,
      photos: W.photos.length,
      jsonBytes: new TextEncoder().encode(json).length,
      fingerprint: fingerprint(json),
      photoFingerprint: W.photos.length ? fingerprintBytes(W.photoBytes(0)) : null,
    };
  },

  /** Opens a phone database and pulls its reference data (parks, templates), untimed. */
  async open(name: string) {
    await engine(name).sync('receive');
    return { templates: await db(name).templates.count(), parks: await db(name).parks.count() };
  },

  /** 1. local write: each inspection queued as the app does (optimistic rows + outbox, one transaction each). */
  async write(name: string, withPhotos = false) {
    const photos = withPhotos ? W.photos.map((_, i) => W.photoBytes(i)) : [];
    const t0 = now();
    for (const bytes of photos) await storePhoto(db(name), bytes.buffer as ArrayBuffer, 'image/jpeg');
    for (const inspection of W.inspections) await enqueueInspection(name, inspection);
    return { ms: now() - t0, outbox: await db(name).outbox.count(), photos: await db(name).attachments.count() };
  },

  /** 2. push: upload waiting photos and push the outbox (the engine's "send" steps). */
  async push(name: string) {
    const e = engine(name);
    const t0 = now();
    const result = await e.sync('send');
    return { ms: now() - t0, result, outboxLeft: await db(name).outbox.count(), photosLeft: await db(name).attachments.where('uploaded').equals(0).count() };
  },

  /** 3. pull everything in scope into a fresh phone database. */
  async pull(name: string) {
    const e = engine(name);
    const t0 = now();
    const result = await e.sync('receive');
    const ms = now() - t0;
    return {
      ms,
      result,
      inspections: await db(name).inspections.count(),
      findings: await db(name).findings.count(),
      events: await db(name).findingEvents.count(),
    };
  },

  /**
   * 4. incremental: one more inspection (index n + k of the generator), then
   * sending it — the peer's phase (it times replicate.to alone) — or, with
   * steps 'all', a whole sync (send, then pull what changed).
   */
  async incremental(name: string, k = 0, steps: 'send' | 'all' = 'send') {
    const one = makeInspection(W.inspections.length + k, W.options, W.refs) as InspectionInput;
    const t0 = now();
    await enqueueInspection(name, one);
    const writeMs = now() - t0;
    const t1 = now();
    const result = await engine(name).sync(steps);
    return { ms: now() - t1, writeMs, result, outboxLeft: await db(name).outbox.count() };
  },

  /** First pull of a big scope: time, pages, and the JS heap's high-water mark while pulling. */
  async bigPull(name: string) {
    const e = engine(name);
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    let peak = memory?.usedJSHeapSize ?? 0;
    const sampler = setInterval(() => (peak = Math.max(peak, memory?.usedJSHeapSize ?? 0)), 20);
    const t0 = now();
    const result = await e.sync('receive');
    const ms = now() - t0;
    clearInterval(sampler);
    return { ms, result, findings: await db(name).findings.count(), peakHeapBytes: peak, startHeapBytes: memory?.usedJSHeapSize ?? 0 };
  },

  async destroyAll() {
    for (const d of dbs.values()) await d.delete();
    dbs.clear();
    return true;
  },
};
document.getElementById('log')!.textContent = 'ready: ParkCheck sync engine';
