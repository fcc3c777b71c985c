import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../shared/credit-code';
import { DEFAULT_TEMPLATES } from '../../shared/templates';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, PASSWORD, type UserKey, type World } from '../support/world';

let t: TestServer;
let w: World;

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const post = (path: string, body: unknown, who: UserKey = 'admin') =>
  t.call('POST', `/api/admin/${path}`, { token: w.tokens[who], body });

let serial = 50_000_000;
const code = () => makeCreditCode('330282', serial++);

function expectInvalid(res: { status: number; body: any }, field: string) {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('invalid_request');
  expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
}

describe('only admins administer', () => {
  const bodies: Record<string, unknown> = {
    regions: { name: '新区域' },
    parks: { name: '新园区', regionId: '00000000-0000-4000-8000-000000000000' },
    enterprises: { name: '新企业', parkId: '00000000-0000-4000-8000-000000000000' },
    users: { username: 'x-user', password: 'long-enough', name: 'X', role: 'inspector' },
    templates: { code: 'X', category: 'fire', title: { zh: 'x', en: 'x' }, sections: [] },
  };
  for (const path of Object.keys(bodies)) {
    it(`POST /api/admin/${path}: 403 for supervisors, inspectors and operators, 401 without a token`, async () => {
      for (const who of ['supCity', 'inspA', 'opA1'] as const) {
        const res = await post(path, bodies[path], who);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      expect((await t.call('POST', `/api/admin/${path}`, { body: bodies[path] })).status).toBe(401);
    });
  }
});

describe('regions', () => {
  it('are created under a parent, with the path from the root', async () => {
    const id = randomUUID();
    const res = await post('regions', { id, name: '庵东镇', parentId: w.regions.city });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id, name: '庵东镇', parentId: w.regions.city, path: [w.regions.city, id], disabled: false });
  });

  it('refuse a duplicate id (409), an unknown parent and a bad name (400)', async () => {
    expect((await post('regions', { id: w.regions.townA, name: '重复' })).status).toBe(409);
    expectInvalid(await post('regions', { name: '孤儿', parentId: randomUUID() }), 'parentId');
    expectInvalid(await post('regions', { name: '' }), 'name');
    expectInvalid(await post('regions', { name: 'x'.repeat(201) }), 'name');
    expectInvalid(await post('regions', { name: '好', parentId: 'not-a-uuid' }), 'parentId');
  });
});

describe('parks', () => {
  it('are created with their optional fields', async () => {
    const res = await post('parks', {
      name: '慈溪天桥小微企业园',
      regionId: w.regions.townB,
      address: '坎墩街道天桥路',
      starRating: 1,
      areaMu: 120.5,
      floorArea: 110000,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '慈溪天桥小微企业园', starRating: 1, areaMu: 120.5, floorArea: 110000 });
  });

  it('show up at once in the lists of users who had already read them', async () => {
    const before = await t.call('GET', '/api/parks', { token: w.tokens.supA });
    const created = await post('parks', { name: '掌起镇新园区', regionId: w.regions.townA });
    const after = await t.call('GET', '/api/parks', { token: w.tokens.supA });
    expect(after.body.items).toHaveLength(before.body.items.length + 1);
    expect(after.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
    const regions = await t.call('GET', '/api/regions', { token: w.tokens.supA });
    const region = await post('regions', { name: '新村', parentId: w.regions.townA });
    const regionsAfter = await t.call('GET', '/api/regions', { token: w.tokens.supA });
    expect(regionsAfter.body.items).toHaveLength(regions.body.items.length + 1);
    expect(regionsAfter.body.items.map((r: { id: string }) => r.id)).toContain(region.body.id);
  });

  it('check every field', async () => {
    const ok = { name: '园区', regionId: w.regions.townA };
    expectInvalid(await post('parks', { ...ok, starRating: 6 }), 'starRating');
    expectInvalid(await post('parks', { ...ok, starRating: 2.5 }), 'starRating');
    expectInvalid(await post('parks', { ...ok, areaMu: -1 }), 'areaMu');
    expectInvalid(await post('parks', { ...ok, floorArea: '100' }), 'floorArea');
    expectInvalid(await post('parks', { ...ok, regionId: randomUUID() }), 'regionId');
    expectInvalid(await post('parks', { name: '园区' }), 'regionId');
    expect((await post('parks', { ...ok, id: w.parks.A1 })).status).toBe(409);
  });
});

describe('enterprises', () => {
  it('are created with a credit code that passes its check digit', async () => {
    const creditCode = code();
    const res = await post('enterprises', { parkId: w.parks.A1, name: '慈溪市宏达模具有限公司', creditCode, building: '3号楼' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ parkId: w.parks.A1, creditCode, building: '3号楼', contactName: null });
  });

  it('refuse a credit code with a wrong check digit, naming the field', async () => {
    const good = code();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await post('enterprises', { parkId: w.parks.A1, name: '坏代码', creditCode: bad });
    expectInvalid(res, 'creditCode');
    expect(res.body.error.message).toMatch(/信用代码|credit code/);
    expectInvalid(await post('enterprises', { parkId: w.parks.A1, name: '短', creditCode: '91330282' }), 'creditCode');
  });

  it('accept a lower-case credit code as the same code', async () => {
    const creditCode = code();
    const res = await post('enterprises', { parkId: w.parks.A2, name: '小写代码', creditCode: creditCode.toLowerCase() });
    expect(res.status).toBe(201);
    expect(res.body.creditCode).toBe(creditCode);
  });

  it('refuse a credit code another enterprise has (409) and an unknown park (400)', async () => {
    const creditCode = code();
    expect((await post('enterprises', { parkId: w.parks.A1, name: '甲', creditCode })).status).toBe(201);
    const dup = await post('enterprises', { parkId: w.parks.B1, name: '乙', creditCode });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');
    expectInvalid(await post('enterprises', { parkId: randomUUID(), name: '丙' }), 'parkId');
  });
});

describe('users', () => {
  it('are created with their scope and can log in; the answer has no hash', async () => {
    const res = await post('users', {
      username: 'new-operator',
      password: 'secret-pass',
      name: '新运营',
      role: 'operator',
      parkIds: [w.parks.B1],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      username: 'new-operator',
      name: '新运营',
      role: 'operator',
      regionIds: [],
      parkIds: [w.parks.B1],
    });
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'new-operator', password: 'secret-pass' } });
    expect(login.status).toBe(200);
    const parks = await t.call('GET', '/api/parks', { token: login.body.token });
    expect(parks.body.items.map((p: { id: string }) => p.id)).toEqual([w.parks.B1]);
  });

  it('check password length, role, username and scope', async () => {
    const ok = { username: 'u-ok', password: 'long-enough', name: 'U', role: 'inspector', regionIds: [w.regions.townA] };
    expectInvalid(await post('users', { ...ok, password: 'short' }), 'password');
    expectInvalid(await post('users', { ...ok, role: 'boss' }), 'role');
    expectInvalid(await post('users', { ...ok, username: 'has space' }), 'username');
    expectInvalid(await post('users', { ...ok, regionIds: [randomUUID()] }), 'regionIds');
    expectInvalid(await post('users', { ...ok, role: 'operator', parkIds: [w.parks.A1] }), 'regionIds');
    expectInvalid(await post('users', { ...ok, parkIds: [w.parks.A1] }), 'parkIds');
  });

  it('refuse a taken username, whatever its letter case', async () => {
    const res = await post('users', { username: 'INSPA', password: PASSWORD, name: 'dup', role: 'inspector' });
    expect(res.status).toBe(409);
  });
});

describe('templates', () => {
  it('publishing a code again makes version n+1; older versions stay as they were', async () => {
    const body = { ...structuredClone(DEFAULT_TEMPLATES[0]!), code: 'FIRE-WAREHOUSE' };
    const v1 = await post('templates', body);
    expect(v1.status).toBe(201);
    expect(v1.body).toEqual({ id: expect.any(String), code: 'FIRE-WAREHOUSE', version: 1 });
    body.title = { zh: '仓库消防检查表（修订）', en: 'Warehouse fire checklist (revised)' };
    const v2 = await post('templates', body);
    expect(v2.body.version).toBe(2);
    const list = await t.call('GET', '/api/templates', { token: w.tokens.inspA });
    const latest = list.body.items.filter((x: { code: string }) => x.code === 'FIRE-WAREHOUSE');
    expect(latest).toHaveLength(1);
    expect(latest[0]).toMatchObject({ id: v2.body.id, version: 2, title: body.title });
  });

  it('refuse duplicate item codes, empty sections and bad severities', async () => {
    const item = { code: 'A', text: { zh: '检查', en: 'Check' }, severity: 'general', photoRequired: false };
    const base = { code: 'T1', category: 'fire', title: { zh: '表', en: 'Form' } };
    expectInvalid(
      await post('templates', { ...base, sections: [{ title: { zh: '一', en: 'One' }, items: [item, item] }] }),
      'sections.0.items.1.code',
    );
    expectInvalid(await post('templates', { ...base, sections: [] }), 'sections');
    expectInvalid(
      await post('templates', { ...base, sections: [{ title: { zh: '一', en: 'One' }, items: [{ ...item, severity: 'high' }] }] }),
      'sections.0.items.0.severity',
    );
    expectInvalid(await post('templates', { ...base, category: 'Fire Safety', sections: [] }), 'category');
  });
});

describe('the audit log', () => {
  it('records each admin create with the admin and the created id', async () => {
    const res = await post('regions', { name: '审计测试区' });
    const rows = await t.services.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.subject, res.body.id) });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'admin.region.create', actorId: w.users.admin, actorUsername: 'admin' });
  });
});
