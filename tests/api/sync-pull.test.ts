/**
 * Sync pull: a phone gets everything in its scope once, then only what
 * changed, page by page — never anything outside its scope — and starts
 * over when its scope changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUserScope } from '../../server/repo/users';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type UserKey, type World } from '../support/world';
import { randomUUID } from 'node:crypto';
import { findingMutation, newFinding, pushOne, submit } from '../support/mutations';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterAll(() => t.close());

interface Change {
  kind: string;
  op: string;
  id: string;
  data?: any;
}

async function pullAll(who: UserKey, cursor?: string, limit?: number) {
  const changes: Change[] = [];
  let pages = 0;
  for (;;) {
    const q = new URLSearchParams();
    if (cursor) q.set('cursor', cursor);
    if (limit) q.set('limit', String(limit));
    const res = await t.call('GET', `/api/sync/pull?${q}`, { token: w.tokens[who] });
    expect(res.status).toBe(200);
    pages++;
    if (res.body.reset) return { changes, cursor: res.body.cursor as string, reset: true, pages };
    changes.push(...res.body.changes);
    cursor = res.body.cursor;
    if (!res.body.more) return { changes, cursor: cursor!, reset: false, pages };
  }
}

const ids = (changes: Change[], kind: string) => changes.filter((c) => c.kind === kind).map((c) => c.id).sort();

describe('the first pull', () => {
  it('delivers everything in scope with its data, and nothing outside it', async () => {
    const a = await newFinding(t, w, 'A1');
    const b = await newFinding(t, w, 'B1');
    const { changes } = await pullAll('opA1');
    expect(ids(changes, 'park')).toEqual([w.parks.A1]);
    expect(ids(changes, 'enterprise')).toEqual([w.enterprises.A1a, w.enterprises.A1b].sort());
    expect(ids(changes, 'region')).toEqual([w.regions.city, w.regions.townA, w.regions.villageA].sort());
    expect(ids(changes, 'template')).toEqual([w.templates.fire, w.templates.safety, w.templates.environment].sort());
    expect(ids(changes, 'finding')).toContain(a);
    expect(ids(changes, 'finding')).not.toContain(b);
    const finding = changes.find((c) => c.id === a)!;
    expect(finding).toMatchObject({ op: 'put', data: { id: a, status: 'open', parkId: w.parks.A1 } });
    expect(changes.filter((c) => c.kind === 'findingEvent').every((c) => c.data.parkId === w.parks.A1)).toBe(true);
    expect(changes.filter((c) => c.kind === 'inspection').every((c) => c.data.parkId === w.parks.A1)).toBe(true);
    // Each entity once.
    expect(new Set(changes.map((c) => `${c.kind}:${c.id}`)).size).toBe(changes.length);
  });

  it('delivers each inspection, finding and event exactly as the read API shows it', async () => {
    const m = submit(w, { park: 'A1', findings: [{ attachmentIds: [randomUUID()] }, {}], signatureAttachmentId: randomUUID() });
    m.payload.inspection.geo = { lat: 30.1234567, lng: 121.2345678, accuracy: 8.5 };
    m.payload.inspection.note = '夜间检查';
    expect((await pushOne(t, w, 'inspA', m)).status).toBe('applied');
    const [f1, f2] = m.payload.inspection.findings.map((f) => f.id);
    for (const [who, mutation] of [
      ['opA1', findingMutation('finding.rectify', f1!, { attachmentIds: [randomUUID()] })],
      ['inspA', findingMutation('finding.reject', f1!, { attachmentIds: [randomUUID()] })],
      ['opA1', findingMutation('finding.requestExtension', f1!)],
      ['opA1', findingMutation('finding.rectify', f2!)],
      ['inspA', findingMutation('finding.verify', f2!, { note: '复查合格' })],
    ] as const) {
      expect((await pushOne(t, w, who, mutation)).status).toBe('applied');
    }
    const { changes } = await pullAll('inspA');
    const pulled = (kind: string, id: string) => changes.find((c) => c.kind === kind && c.id === id)?.data;
    const inspection = (await t.call('GET', `/api/inspections/${m.payload.inspection.id}`, { token: w.tokens.inspA })).body;
    expect(pulled('inspection', m.payload.inspection.id)).toEqual(inspection.inspection);
    for (const id of [f1!, f2!]) {
      const read = (await t.call('GET', `/api/findings/${id}`, { token: w.tokens.inspA })).body;
      expect(pulled('finding', id)).toEqual(read.finding);
      // The history's first entry is derived from the inspection; the rest are stored events.
      for (const e of read.events.slice(1)) expect(pulled('findingEvent', e.id)).toEqual(e);
    }
  });

  it('pages through everything with `more`, each change exactly once', async () => {
    for (let i = 0; i < 6; i++) await newFinding(t, w, 'A2');
    const whole = await pullAll('inspA');
    const paged = await pullAll('inspA', undefined, 7);
    expect(paged.pages).toBeGreaterThan(3);
    expect(paged.changes.map((c) => `${c.kind}:${c.id}`).sort()).toEqual(whole.changes.map((c) => `${c.kind}:${c.id}`).sort());
  });
});

describe('an incremental pull', () => {
  it('delivers only what changed since the cursor, in the order it happened', async () => {
    const { cursor } = await pullAll('inspA');
    const nothing = await pullAll('inspA', cursor);
    expect(nothing.changes).toEqual([]);
    const id = await newFinding(t, w, 'A1');
    await pushOne(t, w, 'opA1', findingMutation('finding.rectify', id, { note: '已整改' }));
    await newFinding(t, w, 'B1');
    const next = await pullAll('inspA', cursor);
    expect(next.changes.filter((c) => c.kind === 'finding').map((c) => c.id)).toEqual([id]);
    expect(next.changes.find((c) => c.id === id)!.data.status).toBe('submitted');
    // The creation is part of the finding itself; recorded events follow it.
    const events = next.changes.filter((c) => c.kind === 'findingEvent').map((c) => c.data.type);
    expect(events).toEqual(['rectify']);
    expect(next.changes.some((c) => c.kind === 'inspection')).toBe(true);
  });

  it('moves the cursor past changes outside the scope, so the next one is still empty', async () => {
    const { cursor } = await pullAll('opB1');
    await newFinding(t, w, 'A1');
    const after = await pullAll('opB1', cursor);
    expect(after.changes).toEqual([]);
    expect(after.cursor).not.toBe(cursor);
  });
});

describe('reset', () => {
  it('is answered when the user’s scope changed, and the next full pull has the new scope', async () => {
    const { cursor } = await pullAll('opB1');
    await setUserScope(t.services.db, w.users.opB1, { regionIds: [], parkIds: [w.parks.A2] }, new Date());
    const res = await t.call('GET', `/api/sync/pull?cursor=${cursor}`, { token: w.tokens.opB1 });
    expect(res.body).toEqual({ cursor: '', more: false, reset: true, changes: [] });
    const fresh = await pullAll('opB1');
    expect(ids(fresh.changes, 'park')).toEqual([w.parks.A2]);
    await setUserScope(t.services.db, w.users.opB1, { regionIds: [], parkIds: [w.parks.B1] }, new Date());
  });

  it('is answered for a cursor that is not one of ours, or another user’s', async () => {
    const other = (await pullAll('supA')).cursor;
    for (const cursor of ['garbage', 'eyJ2IjoxfQ', other]) {
      const res = await t.call('GET', `/api/sync/pull?cursor=${encodeURIComponent(cursor)}`, { token: w.tokens.inspA });
      expect(res.status).toBe(200);
      expect(res.body.reset).toBe(true);
    }
  });
});

describe('limits', () => {
  it('accepts up to 2,000 a page and refuses more', async () => {
    expect((await t.call('GET', '/api/sync/pull?limit=2000', { token: w.tokens.inspA })).status).toBe(200);
    const res = await t.call('GET', '/api/sync/pull?limit=2001', { token: w.tokens.inspA });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });

  it('needs a token', async () => {
    expect((await t.call('GET', '/api/sync/pull')).status).toBe(401);
  });
});

describe('templates', () => {
  it('a new version reaches every phone on its next pull', async () => {
    const { cursor } = await pullAll('opA1');
    const fire = (await t.call('GET', `/api/templates`, { token: w.tokens.admin })).body.items.find((x: { code: string }) => x.code === 'FIRE');
    const { id: _id, version: _v, publishedAt: _p, retired: _r, ...body } = fire;
    const published = await t.call('POST', '/api/admin/templates', { token: w.tokens.admin, body });
    expect(published.status).toBe(201);
    const next = await pullAll('opA1', cursor);
    expect(next.changes.filter((c) => c.kind === 'template').map((c) => c.data.version)).toEqual([2]);
  });
});
