/**
 * The audit trail an admin reads: every login (failures too), every admin
 * change with its fields, and every sync mutation with the phone's clock
 * skew — with actor, time and IP, filtered by user, type and date, newest
 * first, a page at a time.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingMutation, pushAs, submit } from '../support/mutations';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, PASSWORD, type World } from '../support/world';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const adminCall = (method: string, path: string, body?: unknown) => t.call(method, `/api/admin/${path}`, { token: w.tokens.admin, body });

async function audit(query: Record<string, string> = {}) {
  const res = await t.call('GET', `/api/admin/audit?${new URLSearchParams(query)}`, { token: w.tokens.admin });
  expect(res.status, res.text).toBe(200);
  return res.body as { items: any[]; nextCursor: string | null };
}

const latest = async (type: string, subject?: string) =>
  (await audit({ type, limit: '500' })).items.find((e) => subject === undefined || e.subject === subject);

describe('each admin action', () => {
  it('is recorded with the admin, the subject and what changed — never a password', async () => {
    const region = (await adminCall('POST', 'regions', { name: '审计镇', parentId: w.regions.city })).body;
    const park = (await adminCall('POST', 'parks', { name: '审计园区', regionId: region.id })).body;
    const ent = (await adminCall('POST', 'enterprises', { name: '审计企业', parkId: park.id })).body;
    const user = (
      await adminCall('POST', 'users', {
        username: 'audited',
        password: 'secret-pass-1',
        name: '被审计',
        role: 'operator',
        parkIds: [park.id],
      })
    ).body;
    await adminCall('PATCH', `regions/${region.id}`, { name: '审计镇二' });
    await adminCall('PATCH', `parks/${park.id}`, { starRating: 3, address: '新地址' });
    await adminCall('POST', `parks/${park.id}/disable`);
    await adminCall('POST', `regions/${region.id}/disable`);
    await adminCall('POST', `regions/${region.id}/enable`);
    await adminCall('POST', `parks/${park.id}/enable`);
    await adminCall('PATCH', `enterprises/${ent.id}`, { building: '5号楼' });
    await adminCall('POST', `enterprises/${ent.id}/disable`);
    await adminCall('POST', `enterprises/${ent.id}/enable`);
    await adminCall('PATCH', `users/${user.id}`, { parkIds: [w.parks.A1] });
    await adminCall('POST', `users/${user.id}/password`, { password: 'another-secret-2' });
    await adminCall('POST', `users/${user.id}/disable`);
    await adminCall('POST', `users/${user.id}/enable`);
    await adminCall('POST', 'templates/SAFETY/retire');

    const expected: [string, string, Record<string, unknown>][] = [
      ['admin.region.create', region.id, { name: '审计镇' }],
      ['admin.park.create', park.id, { name: '审计园区' }],
      ['admin.enterprise.create', ent.id, { name: '审计企业' }],
      ['admin.user.create', user.id, { username: 'audited', role: 'operator' }],
      ['admin.region.update', region.id, { name: { from: '审计镇', to: '审计镇二' } }],
      ['admin.region.disable', region.id, {}],
      ['admin.region.enable', region.id, {}],
      ['admin.park.update', park.id, { starRating: { from: null, to: 3 }, address: { from: null, to: '新地址' } }],
      ['admin.park.disable', park.id, {}],
      ['admin.park.enable', park.id, {}],
      ['admin.enterprise.update', ent.id, { building: { from: null, to: '5号楼' } }],
      ['admin.enterprise.disable', ent.id, {}],
      ['admin.enterprise.enable', ent.id, {}],
      ['admin.user.update', user.id, { parkIds: { from: [park.id], to: [w.parks.A1] } }],
      ['admin.user.password', user.id, { username: 'audited' }],
      ['admin.user.disable', user.id, {}],
      ['admin.user.enable', user.id, {}],
      ['admin.template.retire', 'SAFETY', { versions: 1 }],
    ];
    const { items } = await audit({ type: 'admin', limit: '500' });
    for (const [type, subject, details] of expected) {
      const entry = items.find((e) => e.type === type && e.subject === subject);
      expect(entry, type).toMatchObject({ source: 'audit', actorId: w.users.admin, actorUsername: 'admin', actorName: '系统管理员', details });
    }
    expect(JSON.stringify(items)).not.toMatch(/secret-pass|another-secret/);
  });

  it('records the import of enterprises with its counts', async () => {
    const csv = `企业名称,所属园区\n审计导入公司,华东轻纺针织城\n`;
    await t.call('POST', '/api/admin/enterprises/import?mode=valid', {
      token: w.tokens.admin,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(await latest('admin.enterprise.import')).toMatchObject({ details: { mode: 'valid', total: 1, imported: 1, rejected: 0 } });
  });

  it('that changes nothing records nothing', async () => {
    const before = (await audit({ type: 'admin.park.update' })).items.length;
    await adminCall('PATCH', `parks/${w.parks.A1}`, { name: '万洋（掌起）众创城' });
    expect((await audit({ type: 'admin.park.update' })).items.length).toBe(before);
  });
});

describe('logins', () => {
  it('are recorded on success and on failure, with the attempted username', async () => {
    await t.call('POST', '/api/auth/login', { body: { username: 'inspA', password: PASSWORD } });
    await t.call('POST', '/api/auth/login', { body: { username: 'inspA', password: 'wrong-password' } });
    await t.call('POST', '/api/auth/login', { body: { username: 'nobody-here', password: 'wrong-password' } });
    const { items } = await audit({ type: 'login' });
    expect(items.find((e) => e.type === 'login.success' && e.subject === 'inspa')).toMatchObject({ actorId: w.users.inspA });
    expect(items.find((e) => e.type === 'login.failure' && e.subject === 'inspa')).toMatchObject({ details: { reason: 'wrong_password' } });
    expect(items.find((e) => e.type === 'login.failure' && e.subject === 'nobody-here')).toMatchObject({
      actorId: null,
      details: { reason: 'unknown_user' },
    });
    expect(items.every((e) => e.type.startsWith('login.'))).toBe(true);
  });
});

describe('sync mutations', () => {
  it('appear with actor, status, client and the phone’s clock skew; rejections with their reason', async () => {
    const skewed = new Date(Date.now() + 3 * 3600_000).toISOString();
    const m = submit(w, { clientTime: skewed });
    const bad = findingMutation('finding.verify', randomUUID());
    await pushAs(t, w, 'inspA', [m, bad]);
    const { items } = await audit({ type: 'sync', actorId: w.users.inspA });
    const applied = items.find((e) => e.subject === m.id);
    expect(applied).toMatchObject({
      id: `m:${m.id}`,
      source: 'sync',
      type: 'sync.inspection.submit',
      actorId: w.users.inspA,
      actorUsername: 'inspA',
      status: 'applied',
      details: { clientId: 'phone-inspA', clientTime: expect.stringMatching(/\+08:00$/) },
    });
    expect(applied.clockSkewMs).toBeGreaterThan(2.9 * 3600_000);
    expect(items.find((e) => e.subject === bad.id)).toMatchObject({
      type: 'sync.finding.verify',
      status: 'rejected',
      details: { error: { code: 'not_found' } },
    });
    expect((await audit({ type: 'sync.finding' })).items.every((e) => e.type.startsWith('sync.finding.'))).toBe(true);
  });
});

describe('filters and pages', () => {
  it('by actor: only what that user did', async () => {
    const { items } = await audit({ actorId: w.users.opB1 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.actorId === w.users.opB1)).toBe(true);
  });

  it('by date, in the deployment’s time zone: a day’s entries, none of another day', async () => {
    t.clock.set('2026-03-10T23:30:00+08:00');
    await t.call('POST', '/api/auth/login', { body: { username: 'supB', password: 'wrong' } });
    t.clock.set('2026-03-11T00:30:00+08:00');
    await t.call('POST', '/api/auth/login', { body: { username: 'supB', password: 'wrong' } });
    t.clock.real();
    const day = await audit({ from: '2026-03-10', to: '2026-03-10' });
    expect(day.items.map((e) => e.at)).toEqual(['2026-03-10T23:30:00.000+08:00']);
    const both = await audit({ from: '2026-03-10', to: '2026-03-11' });
    expect(both.items.map((e) => e.at)).toEqual(['2026-03-11T00:30:00.000+08:00', '2026-03-10T23:30:00.000+08:00']);
  });

  it('newest first across both sources, each entry exactly once over the pages', async () => {
    const all = await audit({ limit: '500' });
    const times = all.items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(all.items.map((e) => e.source))).toEqual(new Set(['audit', 'sync']));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await audit({ limit: '7', ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(7);
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.items.map((e) => e.id));
  });

  it('refuse a bad type, date or cursor, and non-admins', async () => {
    for (const q of ['type=drop%20table', 'from=2026-02-30', 'cursor=garbage', 'actorId=nope']) {
      expect((await t.call('GET', `/api/admin/audit?${q}`, { token: w.tokens.admin })).status, q).toBe(400);
    }
    for (const who of ['supCity', 'inspA', 'opA1'] as const) {
      expect((await t.call('GET', '/api/admin/audit', { token: w.tokens[who] })).status).toBe(403);
    }
  });
});
