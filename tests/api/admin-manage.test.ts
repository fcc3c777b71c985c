/**
 * Administration beyond creating: admins list, search, change, disable and
 * enable regions, parks, enterprises and users; nothing is ever deleted;
 * scope changes reach phones as a sync `reset`; no one else may do any of it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../shared/credit-code';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, PASSWORD, type UserKey, type World } from '../support/world';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const as = (who: UserKey) => ({
  get: (path: string) => t.call('GET', `/api/admin/${path}`, { token: w.tokens[who] }),
  post: (path: string, body?: unknown) => t.call('POST', `/api/admin/${path}`, { token: w.tokens[who], body }),
  patch: (path: string, body: unknown) => t.call('PATCH', `/api/admin/${path}`, { token: w.tokens[who], body }),
});
const admin = as('admin');

let serial = 60_000_000;
const code = () => makeCreditCode('330282', serial++);

function expectInvalid(res: { status: number; body: any }, field: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.code).toBe('invalid_request');
  expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
}

async function pullCursor(token: string): Promise<string> {
  let cursor: string | undefined;
  for (;;) {
    const res = await t.call('GET', `/api/sync/pull${cursor ? `?cursor=${cursor}` : ''}`, { token });
    cursor = res.body.cursor;
    if (!res.body.more) return cursor!;
  }
}

const pullSince = (token: string, cursor: string) => t.call('GET', `/api/sync/pull?cursor=${cursor}`, { token });

async function login(username: string, password = PASSWORD) {
  return t.call('POST', '/api/auth/login', { body: { username, password } });
}

async function newUser(role: 'inspector' | 'operator' | 'supervisor' | 'admin', scope: { regionIds?: string[]; parkIds?: string[] } = {}) {
  const username = `u-${randomUUID().slice(0, 8)}`;
  const res = await admin.post('users', { username, password: PASSWORD, name: username, role, ...scope });
  expect(res.status).toBe(201);
  const token = (await login(username)).body.token as string;
  return { id: res.body.id as string, username, token };
}

describe('only admins administer', () => {
  it('every /api/admin route answers 403 to supervisors, inspectors and operators, whatever the body', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/admin'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
    expect(routes.length).toBeGreaterThanOrEqual(30);
    for (const { method, path } of routes) {
      const url = path.replace('{id}', w.parks.A1).replace('{code}', 'FIRE');
      for (const who of ['supCity', 'inspA', 'opA1'] as const) {
        const res = await t.call(method, url, { token: w.tokens[who], body: method === 'GET' ? undefined : { name: 'x' } });
        expect(res.status, `${who} ${method} ${path}`).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      expect((await t.call(method, url)).status, `anonymous ${method} ${path}`).toBe(401);
    }
  });
});

describe('lists', () => {
  it('search by name, filter, and page with a cursor until every row was seen once', async () => {
    const region = (await admin.post('regions', { name: '列表测试镇', parentId: w.regions.city })).body;
    const names = ['甲园', '乙园', '丙园', '丁园', '戊园'];
    for (const name of names) await admin.post('parks', { name: `列表${name}`, regionId: region.id });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`parks?regionId=${region.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((p: { name: string }) => p.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(names.map((n) => `列表${n}`).sort());
    const found = await admin.get(`parks?q=${encodeURIComponent('列表丙')}`);
    expect(found.body.items.map((p: { name: string }) => p.name)).toEqual(['列表丙园']);
  });

  it('include the sub-regions of a region filter, and disabled rows only when asked', async () => {
    const inTown = await admin.get(`parks?regionId=${w.regions.townA}`);
    expect(inTown.body.items.map((p: { id: string }) => p.id).sort()).toEqual([w.parks.A1, w.parks.A2].sort());
    const ent = (await admin.post('enterprises', { parkId: w.parks.B1, name: '停用列表企业' })).body;
    await admin.post(`enterprises/${ent.id}/disable`);
    const hidden = await admin.get(`enterprises?q=${encodeURIComponent('停用列表')}`);
    expect(hidden.body.items).toEqual([]);
    const shown = await admin.get(`enterprises?q=${encodeURIComponent('停用列表')}&includeDisabled=true`);
    expect(shown.body.items).toMatchObject([{ id: ent.id, disabled: true }]);
  });

  it('find enterprises by credit code prefix and by park', async () => {
    const creditCode = code();
    const ent = (await admin.post('enterprises', { parkId: w.parks.A2, name: '按代码查找', creditCode })).body;
    const byCode = await admin.get(`enterprises?q=${creditCode.slice(0, 14)}`);
    expect(byCode.body.items.map((e: { id: string }) => e.id)).toContain(ent.id);
    const byPark = await admin.get(`enterprises?parkId=${w.parks.A2}&limit=500`);
    expect(byPark.body.items.every((e: { parkId: string }) => e.parkId === w.parks.A2)).toBe(true);
  });

  it('list users by role and scope, with their status and last login, never a hash', async () => {
    const res = await admin.get(`users?role=inspector&regionId=${w.regions.townA}`);
    expect(res.body.items).toEqual([
      {
        id: w.users.inspA,
        username: 'inspA',
        name: 'inspA',
        role: 'inspector',
        regionIds: [w.regions.townA],
        parkIds: [],
        disabled: false,
        createdAt: expect.stringMatching(/\+08:00$/),
        lastLoginAt: expect.stringMatching(/\+08:00$/),
      },
    ]);
    expect(JSON.stringify((await admin.get('users?limit=500')).body)).not.toMatch(/hash|scrypt|argon/i);
  });

  it('refuse a cursor they did not make', async () => {
    expectInvalid(await admin.get('regions?cursor=not-a-cursor'), 'cursor');
  });
});

describe('regions', () => {
  it('are renamed, and phones hear of it', async () => {
    const id = (await admin.post('regions', { name: '旧名', parentId: w.regions.townB })).body.id;
    const cursor = await pullCursor(w.tokens.supB);
    const res = await admin.patch(`regions/${id}`, { name: '新名' });
    expect(res.body).toMatchObject({ id, name: '新名', parentId: w.regions.townB });
    const pulled = await pullSince(w.tokens.supB, cursor);
    expect(pulled.body.changes).toContainEqual(expect.objectContaining({ kind: 'region', id, data: expect.objectContaining({ name: '新名' }) }));
  });

  it('move with their whole subtree: paths are rewritten and every pull cursor resets', async () => {
    const top = (await admin.post('regions', { name: '搬迁镇', parentId: w.regions.townA })).body.id;
    const child = (await admin.post('regions', { name: '搬迁村', parentId: top })).body.id;
    const park = (await admin.post('parks', { name: '搬迁园区', regionId: child })).body.id;
    const cursorA = await pullCursor(w.tokens.inspA);
    const cursorB = await pullCursor(w.tokens.inspB);
    const res = await admin.patch(`regions/${top}`, { parentId: w.regions.townB });
    expect(res.status).toBe(200);
    expect(res.body.path).toEqual([w.regions.city, w.regions.townB, top]);
    expect((await admin.get(`regions/${child}`)).body.path).toEqual([w.regions.city, w.regions.townB, top, child]);
    expect((await pullSince(w.tokens.inspA, cursorA)).body.reset).toBe(true);
    expect((await pullSince(w.tokens.inspB, cursorB)).body.reset).toBe(true);
    const parksB = (await t.call('GET', '/api/parks', { token: w.tokens.inspB })).body.items.map((p: { id: string }) => p.id);
    const parksA = (await t.call('GET', '/api/parks', { token: w.tokens.inspA })).body.items.map((p: { id: string }) => p.id);
    expect(parksB).toContain(park);
    expect(parksA).not.toContain(park);
  });

  it('refuse to move under themselves or their own sub-regions, or under an unknown region', async () => {
    expectInvalid(await admin.patch(`regions/${w.regions.townA}`, { parentId: w.regions.villageA }), 'parentId');
    expectInvalid(await admin.patch(`regions/${w.regions.townA}`, { parentId: w.regions.townA }), 'parentId');
    expectInvalid(await admin.patch(`regions/${w.regions.townA}`, { parentId: randomUUID() }), 'parentId');
    expect((await admin.get(`regions/${w.regions.villageA}`)).body.path).toEqual([w.regions.city, w.regions.townA, w.regions.villageA]);
  });

  it('check their fields like create does, and refuse an empty change or an unknown field', async () => {
    expectInvalid(await admin.patch(`regions/${w.regions.townA}`, { name: '' }), 'name');
    expectInvalid(await admin.patch(`regions/${w.regions.townA}`, { name: 'x'.repeat(201) }), 'name');
    expect((await admin.patch(`regions/${w.regions.townA}`, {})).status).toBe(400);
    expect((await admin.patch(`regions/${w.regions.townA}`, { name: '好', path: [] })).status).toBe(400);
    expect((await admin.patch(`regions/${randomUUID()}`, { name: '无' })).status).toBe(404);
    expect((await admin.get(`regions/${randomUUID()}`)).status).toBe(404);
  });

  it('are disabled only when nothing enabled hangs under them, and enabled again', async () => {
    const res = await admin.post(`regions/${w.regions.townA}/disable`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    const empty = (await admin.post('regions', { name: '空镇', parentId: w.regions.city })).body.id;
    const off = await admin.post(`regions/${empty}/disable`);
    expect(off.body).toMatchObject({ id: empty, disabled: true });
    const regions = (await t.call('GET', '/api/regions', { token: w.tokens.supCity })).body.items;
    expect(regions.map((r: { id: string }) => r.id)).not.toContain(empty);
    expect((await admin.post(`regions/${empty}/enable`)).body.disabled).toBe(false);
  });
});

describe('parks', () => {
  it('change their fields, clear optional ones with null, and phones in scope hear of it', async () => {
    const id = (await admin.post('parks', { name: '改名前', regionId: w.regions.townB, address: '旧地址', starRating: 2 })).body.id;
    const cursor = await pullCursor(w.tokens.opB1);
    const inspCursor = await pullCursor(w.tokens.inspB);
    const res = await admin.patch(`parks/${id}`, { name: '改名后', address: null, starRating: 4, areaMu: 88.5 });
    expect(res.body).toEqual({
      id,
      name: '改名后',
      regionId: w.regions.townB,
      address: null,
      starRating: 4,
      areaMu: 88.5,
      floorArea: null,
      disabled: false,
    });
    expect((await pullSince(w.tokens.inspB, inspCursor)).body.changes).toContainEqual(
      expect.objectContaining({ kind: 'park', id, data: res.body }),
    );
    expect((await pullSince(w.tokens.opB1, cursor)).body.changes.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('moving to another region resets every pull cursor, and scopes follow the park', async () => {
    const park = (await admin.post('parks', { name: '迁移园区', regionId: w.regions.townA })).body.id;
    const cursors = Object.fromEntries(
      await Promise.all((['inspA', 'inspB', 'opA1', 'supCity'] as const).map(async (k) => [k, await pullCursor(w.tokens[k])])),
    );
    expect((await admin.patch(`parks/${park}`, { regionId: w.regions.townB })).body.regionId).toBe(w.regions.townB);
    for (const k of ['inspA', 'inspB', 'opA1', 'supCity'] as const) {
      expect((await pullSince(w.tokens[k], cursors[k])).body.reset, k).toBe(true);
    }
    expect((await t.call('GET', '/api/parks', { token: w.tokens.inspB })).body.items.map((p: { id: string }) => p.id)).toContain(park);
    expect((await t.call('GET', '/api/parks', { token: w.tokens.inspA })).body.items.map((p: { id: string }) => p.id)).not.toContain(park);
  });

  it('a change that moves nothing resets nothing', async () => {
    const cursor = await pullCursor(w.tokens.inspA);
    await admin.patch(`parks/${w.parks.A2}`, { starRating: 5 });
    expect((await pullSince(w.tokens.inspA, cursor)).body.reset).toBe(false);
  });

  it('check fields like create does', async () => {
    expectInvalid(await admin.patch(`parks/${w.parks.A1}`, { starRating: 6 }), 'starRating');
    expectInvalid(await admin.patch(`parks/${w.parks.A1}`, { areaMu: -1 }), 'areaMu');
    expectInvalid(await admin.patch(`parks/${w.parks.A1}`, { regionId: randomUUID() }), 'regionId');
    expectInvalid(await admin.patch(`parks/${w.parks.A1}`, { name: null }), 'name');
  });

  it('disabled drop out of everyone’s lists but keep their data, and come back when enabled', async () => {
    const id = (await admin.post('parks', { name: '停用园区', regionId: w.regions.townB })).body.id;
    const cursor = await pullCursor(w.tokens.inspB);
    expect((await admin.post(`parks/${id}/disable`)).body).toMatchObject({ id, disabled: true });
    expect((await pullSince(w.tokens.inspB, cursor)).body.changes).toContainEqual(
      expect.objectContaining({ kind: 'park', id, data: expect.objectContaining({ disabled: true }) }),
    );
    expect((await t.call('GET', '/api/parks', { token: w.tokens.inspB })).body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await admin.get(`parks/${id}`)).body.disabled).toBe(true);
    expect((await admin.post(`parks/${id}/enable`)).body.disabled).toBe(false);
    expect((await t.call('GET', '/api/parks', { token: w.tokens.inspB })).body.items.map((p: { id: string }) => p.id)).toContain(id);
  });
});

describe('enterprises', () => {
  it('change their fields; the credit code is checked and normalised as on create', async () => {
    const id = (await admin.post('enterprises', { parkId: w.parks.A1, name: '改前企业', contactName: '张三' })).body.id;
    const creditCode = code();
    const res = await admin.patch(`enterprises/${id}`, {
      name: '改后企业',
      creditCode: creditCode.toLowerCase(),
      contactName: null,
      contactPhone: '0574-63000000',
    });
    expect(res.body).toMatchObject({ id, name: '改后企业', creditCode, contactName: null, contactPhone: '0574-63000000' });
    const bad = creditCode.slice(0, 17) + (creditCode[17] === '0' ? '1' : '0');
    expectInvalid(await admin.patch(`enterprises/${id}`, { creditCode: bad }), 'creditCode');
    expectInvalid(await admin.patch(`enterprises/${id}`, { parkId: randomUUID() }), 'parkId');
  });

  it('refuse a credit code another enterprise holds (409), and accept their own again', async () => {
    const taken = code();
    await admin.post('enterprises', { parkId: w.parks.B1, name: '占用者', creditCode: taken });
    const id = (await admin.post('enterprises', { parkId: w.parks.B1, name: '后来者' })).body.id;
    const res = await admin.patch(`enterprises/${id}`, { creditCode: taken });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('占用者');
    const own = code();
    await admin.patch(`enterprises/${id}`, { creditCode: own });
    expect((await admin.patch(`enterprises/${id}`, { creditCode: own, name: '后来者2' })).status).toBe(200);
  });

  it('moving to another park resets every pull cursor; the operator of the new park then sees it', async () => {
    const id = (await admin.post('enterprises', { parkId: w.parks.A1, name: '搬家企业' })).body.id;
    const cursor = await pullCursor(w.tokens.opB1);
    expect((await admin.patch(`enterprises/${id}`, { parkId: w.parks.B1 })).body.parkId).toBe(w.parks.B1);
    expect((await pullSince(w.tokens.opB1, cursor)).body.reset).toBe(true);
    const list = await t.call('GET', `/api/enterprises?parkId=${w.parks.B1}`, { token: w.tokens.opB1 });
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(id);
  });

  it('disabled leave the operator’s list and the phones hear of it; enabling brings them back', async () => {
    const id = (await admin.post('enterprises', { parkId: w.parks.A1, name: '停业企业' })).body.id;
    const cursor = await pullCursor(w.tokens.opA1);
    expect((await admin.post(`enterprises/${id}/disable`)).body.disabled).toBe(true);
    expect((await pullSince(w.tokens.opA1, cursor)).body.changes).toContainEqual(
      expect.objectContaining({ kind: 'enterprise', id, data: expect.objectContaining({ disabled: true }) }),
    );
    const list = await t.call('GET', `/api/enterprises?parkId=${w.parks.A1}`, { token: w.tokens.opA1 });
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(id);
    expect((await admin.post(`enterprises/${id}/enable`)).body.disabled).toBe(false);
  });
});

describe('users', () => {
  it('a scope change makes that user’s next pull answer reset, and no one else’s; their session stays', async () => {
    const op = await newUser('operator', { parkIds: [w.parks.A1] });
    const cursor = await pullCursor(op.token);
    const otherCursor = await pullCursor(w.tokens.opA1);
    const res = await admin.patch(`users/${op.id}`, { parkIds: [w.parks.B1] });
    expect(res.body).toMatchObject({ id: op.id, role: 'operator', parkIds: [w.parks.B1], regionIds: [] });
    expect((await pullSince(op.token, cursor)).body).toEqual({ cursor: '', more: false, reset: true, changes: [] });
    expect((await pullSince(w.tokens.opA1, otherCursor)).body.reset).toBe(false);
    const parks = await t.call('GET', '/api/parks', { token: op.token });
    expect(parks.status).toBe(200);
    expect(parks.body.items.map((p: { id: string }) => p.id)).toEqual([w.parks.B1]);
  });

  it('a new role takes effect at once, dropping the scope the role does not use', async () => {
    const u = await newUser('inspector', { regionIds: [w.regions.townA] });
    const cursor = await pullCursor(u.token);
    const res = await admin.patch(`users/${u.id}`, { role: 'operator', parkIds: [w.parks.A2] });
    expect(res.body).toMatchObject({ role: 'operator', regionIds: [], parkIds: [w.parks.A2] });
    expect((await pullSince(u.token, cursor)).body.reset).toBe(true);
    expect((await t.call('GET', '/api/me', { token: u.token })).body.user.role).toBe('operator');
    const push = await t.call('POST', '/api/sync/push', {
      token: u.token,
      body: {
        clientId: 'x',
        mutations: [
          {
            id: randomUUID(),
            type: 'finding.verify',
            payload: { findingId: randomUUID(), eventId: randomUUID() },
            clientTime: new Date().toISOString(),
          },
        ],
      },
    });
    expect(push.body.results[0].error.code).toBe('forbidden');
  });

  it('a new name changes nothing else and resets nothing', async () => {
    const u = await newUser('inspector', { regionIds: [w.regions.townB] });
    const cursor = await pullCursor(u.token);
    expect((await admin.patch(`users/${u.id}`, { name: '王小二' })).body).toMatchObject({ name: '王小二', regionIds: [w.regions.townB] });
    expect((await pullSince(u.token, cursor)).body.reset).toBe(false);
  });

  it('check role and scope like create does', async () => {
    const u = await newUser('inspector', { regionIds: [w.regions.townA] });
    expectInvalid(await admin.patch(`users/${u.id}`, { regionIds: [randomUUID()] }), 'regionIds');
    expectInvalid(await admin.patch(`users/${u.id}`, { parkIds: [w.parks.A1] }), 'parkIds');
    expectInvalid(await admin.patch(`users/${u.id}`, { role: 'boss' }), 'role');
    expect((await admin.patch(`users/${u.id}`, { username: 'renamed' })).status).toBe(400);
    expect((await admin.patch(`users/${u.id}`, { password: 'new-password' })).status).toBe(400);
  });

  it('a password reset ends the user’s sessions; the new password works and the old does not', async () => {
    const u = await newUser('inspector', { regionIds: [w.regions.townA] });
    expect((await admin.post(`users/${u.id}/password`, { password: 'short' })).status).toBe(400);
    const res = await admin.post(`users/${u.id}/password`, { password: 'brand-new-pass' });
    expect(res.status).toBe(204);
    expect((await t.call('GET', '/api/me', { token: u.token })).status).toBe(401);
    expect((await login(u.username)).status).toBe(401);
    expect((await login(u.username, 'brand-new-pass')).status).toBe(200);
  });

  it('an admin resetting their own password stays logged in here and nowhere else', async () => {
    const other = await newUser('admin');
    const second = (await login(other.username)).body.token;
    const res = await t.call('POST', `/api/admin/users/${other.id}/password`, { token: other.token, body: { password: 'admin-new-pass' } });
    expect(res.status).toBe(204);
    expect((await t.call('GET', '/api/me', { token: other.token })).status).toBe(200);
    expect((await t.call('GET', '/api/me', { token: second })).status).toBe(401);
  });

  it('disabled cannot log in and their sessions end at once; enabled, they log in again', async () => {
    const u = await newUser('operator', { parkIds: [w.parks.B1] });
    const res = await admin.post(`users/${u.id}/disable`);
    expect(res.body).toMatchObject({ id: u.id, disabled: true });
    expect((await t.call('GET', '/api/parks', { token: u.token })).status).toBe(401);
    expect((await login(u.username)).status).toBe(401);
    expect((await admin.get(`users?q=${u.username}`)).body.items).toEqual([]);
    expect((await admin.get(`users?q=${u.username}&includeDisabled=true`)).body.items).toHaveLength(1);
    expect((await admin.post(`users/${u.id}/enable`)).body.disabled).toBe(false);
    expect((await login(u.username)).status).toBe(200);
  });

  it('no admin can disable themselves or take away their own admin role, nor leave the system without an admin', async () => {
    expect((await admin.post(`users/${w.users.admin}/disable`)).status).toBe(409);
    expect((await admin.patch(`users/${w.users.admin}`, { role: 'supervisor', regionIds: [w.regions.city] })).status).toBe(409);
    expect((await admin.patch(`users/${w.users.admin}`, { name: '总管理员' })).status).toBe(200);
    const second = await newUser('admin');
    expect((await admin.post(`users/${second.id}/disable`)).status).toBe(200);
    expect((await admin.post(`users/${second.id}/enable`)).status).toBe(200);
  });

  it('unknown ids are 404', async () => {
    expect((await admin.get(`users/${randomUUID()}`)).status).toBe(404);
    expect((await admin.patch(`users/${randomUUID()}`, { name: 'x' })).status).toBe(404);
    expect((await admin.post(`users/${randomUUID()}/password`, { password: 'long-enough' })).status).toBe(404);
    expect((await admin.post(`users/${randomUUID()}/disable`)).status).toBe(404);
  });
});
