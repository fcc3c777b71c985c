/**
 * Plans (API.md "Plans"): who may make them, which enterprises they target
 * (fixed at creation), what counts as done (the plan's checklists in any
 * version, the window's dates in PARKCHECK_TZ), who sees them, and their
 * delivery to phones by pull.
 *
 * World (support/world.ts): townA ⊃ villageA ⊃ park A1 (A1a, A1b); townA ⊃ park A2 (A2a); townB ⊃ park B1 (B1a).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../shared/templates';
import { PullResponse } from '../../shared/schemas/sync';
import { pushOne, submit } from '../support/mutations';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type UserKey, type World } from '../support/world';

let t: TestServer;
let w: World;
const MARCH = { startDate: '2026-03-01', endDate: '2026-03-31' };

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
  t.clock.set('2026-04-10T10:00:00+08:00');
});
afterAll(async () => {
  await t?.close();
});

const create = (who: UserKey, body: Record<string, unknown>) =>
  t.call('POST', '/api/plans', { token: w.tokens[who], body: { name: '冬季消防专项检查', templateCodes: ['FIRE'], ...MARCH, ...body } });
const get = (who: UserKey, path: string) => t.call('GET', path, { token: w.tokens[who] });
const patch = (who: UserKey, id: string, body: unknown) => t.call('PATCH', `/api/plans/${id}`, { token: w.tokens[who], body });
const targetIds = (body: { targets: { enterpriseId: string }[] }) => body.targets.map((x) => x.enterpriseId).sort();

/** An inspection of `enterprise` with `template`, pushed with the server's clock just after it. */
async function inspect(enterprise: 'A1a' | 'A1b' | 'A2a' | 'B1a', iso: string, template: 'fire' | 'safety' = 'fire', who: UserKey = 'inspA') {
  t.clock.set(new Date(Date.parse(iso) + 60_000).toISOString());
  const park = enterprise === 'A2a' ? 'A2' : enterprise === 'B1a' ? 'B1' : 'A1';
  const m = submit(w, { park, enterprise, template, inspectedAt: iso, findings: [] });
  m.payload.inspection.answers = [];
  const r = await pushOne(t, w, who, m);
  expect(r.status).toBe('applied');
  t.clock.set('2026-04-10T10:00:00+08:00');
  return m.payload.inspection.id;
}

describe('making a plan', () => {
  it('targets the listed enterprises and the active enterprises of the listed parks and regions, sub-regions included', async () => {
    const byPark = await create('supA', { parkIds: [w.parks.A1], enterpriseIds: [w.enterprises.A2a] });
    expect(byPark.status).toBe(201);
    expect(byPark.body.plan).toMatchObject({ name: '冬季消防专项检查', templateCodes: ['FIRE'], ...MARCH, targets: 3, done: 0, coverage: 0, closedAt: null });
    expect(targetIds(byPark.body)).toEqual([w.enterprises.A1a, w.enterprises.A1b, w.enterprises.A2a].sort());

    const byRegion = await create('supCity', { regionIds: [w.regions.townA] });
    expect(targetIds(byRegion.body)).toEqual([w.enterprises.A1a, w.enterprises.A1b, w.enterprises.A2a].sort());
  });

  it('fixes the targets when the plan is made: an enterprise added later or disabled is not a target of a park', async () => {
    const disabled = await t.call('POST', '/api/admin/enterprises', { token: w.tokens.admin, body: { parkId: w.parks.B1, name: '已停业企业' } });
    await t.call('POST', `/api/admin/enterprises/${disabled.body.id}/disable`, { token: w.tokens.admin });
    const plan = await create('supB', { parkIds: [w.parks.B1] });
    expect(targetIds(plan.body)).toEqual([w.enterprises.B1a]);
    await t.call('POST', '/api/admin/enterprises', { token: w.tokens.admin, body: { parkId: w.parks.B1, name: '新入园企业' } });
    const again = await get('supB', `/api/plans/${plan.body.plan.id}`);
    expect(targetIds(again.body)).toEqual([w.enterprises.B1a]);
  });

  it('answers 400 for no target, an unknown template code, or a window that ends before it starts', async () => {
    for (const body of [
      {},
      { enterpriseIds: [] },
      { parkIds: [w.parks.A1], templateCodes: ['NO-SUCH'] },
      { parkIds: [w.parks.A1], startDate: '2026-03-10', endDate: '2026-03-09' },
      { parkIds: [w.parks.A1], templateCodes: [] },
    ]) {
      const res = await create('supA', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
  });

  it('answers 404 for an enterprise, park, region or inspector outside the caller scope, and makes nothing', async () => {
    const before = (await get('supCity', '/api/plans')).body.items.length;
    for (const body of [
      { enterpriseIds: [w.enterprises.B1a] },
      { parkIds: [w.parks.B1] },
      // The city lies above townA: visible as a name, but not the supervisor's to plan.
      { regionIds: [w.regions.city] },
      { parkIds: [w.parks.A1], inspectorIds: [w.users.inspB] },
      { parkIds: [w.parks.A1], inspectorIds: [w.users.supA] },
    ]) {
      const res = await create('supA', body);
      expect(res.status, JSON.stringify(body)).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await get('supCity', '/api/plans')).body.items.length).toBe(before);
  });

  it('is for supervisors and admins: inspectors and operators get 403', async () => {
    expect((await create('admin', { parkIds: [w.parks.B1] })).status).toBe(201);
    for (const who of ['inspA', 'opA1'] as const) {
      const res = await create(who, { parkIds: [w.parks.A1] });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('takes the id a client gives it, once: the same id again is 409', async () => {
    const id = '5a0e6c0e-8d7e-4a57-9c36-3d5a1b9d2f01';
    expect((await create('supA', { id, parkIds: [w.parks.A2] })).status).toBe(201);
    expect((await create('supA', { id, parkIds: [w.parks.A2] })).status).toBe(409);
  });
});

describe('the inspectors a plan may name', () => {
  it('are the active inspectors working where the supervisor does; inspectors may not ask', async () => {
    const names = async (who: UserKey) => (await get(who, '/api/plans/inspectors')).body.items.map((u: { username: string }) => u.username);
    expect(await names('supA')).toEqual(['inspA']);
    expect((await names('supCity')).sort()).toEqual(['inspA', 'inspB']);
    expect((await get('inspA', '/api/plans/inspectors')).status).toBe(403);
  });
});

describe('coverage', () => {
  it('counts an inspection with any version of a plan template whose date in Shanghai lies within the window', async () => {
    const plan = (await create('supA', { parkIds: [w.parks.A1, w.parks.A2] })).body.plan;
    // 23:30 on 31 March in Shanghai is still March (15:30 UTC).
    const lastEvening = await inspect('A1a', '2026-03-31T23:30:00+08:00');
    // 00:10 on 1 April in Shanghai is 31 March in UTC: outside the window.
    await inspect('A1b', '2026-04-01T00:10:00+08:00');
    // Within the window but another checklist.
    await inspect('A2a', '2026-03-10T10:00:00+08:00', 'safety');
    // The plan's checklist, but 28 February in Shanghai: the day before the window.
    await inspect('A2a', '2026-02-28T23:59:00+08:00');

    const res = await get('supA', `/api/plans/${plan.id}`);
    expect(res.body.plan).toMatchObject({ targets: 3, done: 1 });
    expect(res.body.plan.coverage).toBeCloseTo(1 / 3);
    const byId = Object.fromEntries(res.body.targets.map((x: any) => [x.enterpriseId, x]));
    expect(byId[w.enterprises.A1a]).toMatchObject({ done: true, inspectionIds: [lastEvening], parkId: w.parks.A1, parkName: '万洋（掌起）众创城' });
    expect(byId[w.enterprises.A1b]).toMatchObject({ done: false, inspectionIds: [] });
    expect(byId[w.enterprises.A2a]).toMatchObject({ done: false, inspectionIds: [] });

    // A new version of the fire checklist still counts for a plan that names its code.
    const fire = structuredClone(DEFAULT_TEMPLATES.find((x) => x.category === 'fire')!);
    const v2 = await t.call('POST', '/api/admin/templates', { token: w.tokens.admin, body: { ...fire, title: { zh: '消防检查（修订）', en: 'Fire (rev.)' } } });
    expect(v2.body.version).toBe(2);
    t.clock.set('2026-03-20T10:01:00+08:00');
    const m = submit(w, { park: 'A2', enterprise: 'A2a', inspectedAt: '2026-03-20T10:00:00+08:00', findings: [] });
    m.payload.inspection.templateId = v2.body.id;
    m.payload.inspection.answers = [];
    expect((await pushOne(t, w, 'inspA', m)).status).toBe('applied');
    t.clock.set('2026-04-10T10:00:00+08:00');

    const list = await get('supA', '/api/plans');
    expect(list.body.items.find((x: any) => x.id === plan.id)).toMatchObject({ targets: 3, done: 2 });
  });

  it('moves with the window when it is changed, and stops at the day a plan is closed early', async () => {
    const plan = (await create('supA', { name: '复工检查', enterpriseIds: [w.enterprises.A1b] })).body.plan;
    expect(plan.done).toBe(0);
    const longer = await patch('supA', plan.id, { name: '复工复产检查', endDate: '2026-04-30' });
    expect(longer.status).toBe(200);
    expect(longer.body.plan).toMatchObject({ name: '复工复产检查', endDate: '2026-04-30', done: 1, coverage: 1 });

    const early = (await create('supA', { name: '节前检查', enterpriseIds: [w.enterprises.A1b], startDate: '2026-03-25', endDate: '2026-04-30' })).body.plan;
    t.clock.set('2026-03-31T12:00:00+08:00');
    const closed = await patch('supA', early.id, { closed: true });
    t.clock.set('2026-04-10T10:00:00+08:00');
    expect(closed.status).toBe(200);
    expect(closed.body.plan.closedAt).toMatch(/^2026-03-31T12:00:00/);
    // The inspection of 1 April came after the day it was closed.
    expect(closed.body.plan).toMatchObject({ endDate: '2026-04-30', done: 0 });
    expect((await patch('supA', early.id, { name: 'x' })).status).toBe(409);
  });

  it('lets only supervisors and admins change a plan, and never one they do not see', async () => {
    const plan = (await create('supA', { parkIds: [w.parks.A2] })).body.plan;
    expect((await patch('inspA', plan.id, { name: 'x' })).status).toBe(403);
    expect((await patch('supB', plan.id, { name: 'x' })).status).toBe(404);
    const bad = await patch('supA', plan.id, { startDate: '2026-04-01' });
    expect(bad.status).toBe(400);
    expect((await patch('supA', plan.id, { enterpriseIds: [w.enterprises.A1a] })).status).toBe(400);
  });
});

describe('who sees a plan', () => {
  it('shows inspectors the plans with targets in their scope or that name them; others get 404; operators 403', async () => {
    const plan = (await create('supCity', { name: '跨镇检查', parkIds: [w.parks.A1], inspectorIds: [w.users.inspB] })).body.plan;
    const seen = async (who: UserKey) => (await get(who, '/api/plans')).body.items.some((x: any) => x.id === plan.id);
    expect(await seen('inspA')).toBe(true);
    expect(await seen('inspB')).toBe(true);
    expect(await seen('supA')).toBe(true);
    expect(await seen('supB')).toBe(false);
    expect((await get('supB', `/api/plans/${plan.id}`)).status).toBe(404);
    expect((await get('opA1', '/api/plans')).status).toBe(403);
  });
});

describe('plans reach phones by pull', () => {
  async function pullAll(who: UserKey, cursor?: string) {
    const res = await get(who, `/api/sync/pull?limit=2000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    return PullResponse.parse(res.body);
  }
  const plansIn = (page: PullResponse) => page.changes.filter((c) => c.kind === 'plan');

  it('delivers a plan with its targets to the inspectors who see it, and again when an inspection moves its coverage', async () => {
    const plan = (await create('supB', { name: '针织城消防检查', enterpriseIds: [w.enterprises.B1a] })).body.plan;
    const first = await pullAll('inspB');
    const mine = plansIn(first).find((c) => c.id === plan.id);
    expect(mine).toMatchObject({ op: 'put', data: { plan: { id: plan.id, targets: 1, done: 0 }, targets: [{ enterpriseId: w.enterprises.B1a, done: false }] } });
    expect(plansIn(await pullAll('inspA')).map((c) => c.id)).not.toContain(plan.id);
    expect(plansIn(await pullAll('opB1'))).toEqual([]);

    await inspect('B1a', '2026-03-15T10:00:00+08:00', 'fire', 'inspB');
    const next = await pullAll('inspB', first.cursor);
    expect(plansIn(next).find((c) => c.id === plan.id)).toMatchObject({ data: { plan: { done: 1, coverage: 1 }, targets: [{ done: true }] } });
  });

  it('delivers a plan to an inspector once they are assigned to it', async () => {
    const plan = (await create('supCity', { name: '专项抽查', parkIds: [w.parks.A2] })).body.plan;
    const before = await pullAll('inspB');
    expect(plansIn(before).map((c) => c.id)).not.toContain(plan.id);
    await patch('supCity', plan.id, { inspectorIds: [w.users.inspB] });
    const after = await pullAll('inspB', before.cursor);
    expect(plansIn(after)).toMatchObject([{ id: plan.id, data: { plan: { inspectorIds: [w.users.inspB] } } }]);
  });

  it('describes plans in the OpenAPI document', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/plans', '/api/plans/{id}', '/api/plans/{id}/targets.xlsx', '/api/reports/backlog']));
    expect(doc.paths['/api/plans/{id}'].patch).toBeDefined();
    expect(JSON.stringify(doc.components.schemas.Change)).toContain('"plan"');
  });
});
