/**
 * Reports (API.md "Reports") on a crafted month of findings whose outcomes
 * went through the real sync loop, so rectifiedAt is what the loop records:
 *
 *   March 2026, park A1 (village of townA), inspection 2026-03-02 09:00 (Shanghai):
 *     F1 rectified 03-09 23:30, due 03-09 → on time      F2 rectified 03-10 00:10, due 03-09 → late
 *     F3 fixed on the spot → closed, on time            F4 rectified on time, rejected, resubmitted late → late
 *     F6 extension to 03-20 approved, rectified 03-18 → on time
 *     F7 extension to 03-20 refused, rectified 03-18 → late (due 03-10)
 *     F8 open, due 03-09 → overdue                       F9 major, open, due 05-01 → open major, not overdue
 *     F10 major, submitted, due 03-05 → overdue and open major
 *     F11 open, due 04-10 (= today) → not overdue
 *   Park A2 (townA): inspection 2026-03-01 07:00 Shanghai (still February in UTC):
 *     G1 rectified at exactly 00:00 the day after its due date → on time; G2 open, overdue
 *   Park A2, inspection 2026-04-01 00:30 Shanghai (still March in UTC): H1 → April, not March
 *   Park A1, inspection 2026-02-27: K1 fixed on the spot → February
 *   Park B1 (townB), 2026-03-05: B1 open overdue; B2 major fixed on the spot
 *
 * "Today" is 2026-04-10 (Shanghai).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingInput, Mutation } from '../../shared/schemas/sync';
import { findingMutation, pushOne, submit } from '../support/mutations';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type UserKey, type World } from '../support/world';

let t: TestServer;
let w: World;
const ids: Record<string, string> = {};
const TODAY = '2026-04-10T10:00:00+08:00';
const MARCH = 'from=2026-03-01&to=2026-03-31';

/** Pushes `m` as `who` with the server's clock a minute after `iso`, so the phone's time is kept as sent. */
async function at(iso: string, who: UserKey, m: Mutation) {
  t.clock.set(new Date(Date.parse(iso) + 60_000).toISOString());
  const r = await pushOne(t, w, who, m);
  expect(r, `${m.type} at ${iso}`).toMatchObject({ status: 'applied' });
}

async function inspect(
  iso: string,
  park: keyof World['parks'],
  enterprise: keyof World['enterprises'],
  findings: Record<string, Partial<FindingInput>>,
) {
  const m = submit(w, { park, enterprise, inspectedAt: iso, findings: Object.values(findings) });
  await at(iso, park === 'B1' ? 'inspB' : 'inspA', m);
  Object.keys(findings).forEach((name, i) => (ids[name] = m.payload.inspection.findings[i]!.id));
}

const rectify = (id: string, iso: string, who: UserKey = 'opA1') => at(iso, who, findingMutation('finding.rectify', id, {}, iso));
const verify = (id: string, iso: string, who: UserKey = 'inspA') => at(iso, who, findingMutation('finding.verify', id, {}, iso));

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
  const general = (dueDate: string, extra: Partial<FindingInput> = {}) => ({ severity: 'general' as const, dueDate, ...extra });
  const major = (dueDate: string) => ({ severity: 'major' as const, dueDate });

  await inspect('2026-03-02T09:00:00+08:00', 'A1', 'A1a', {
    F1: general('2026-03-09'),
    F2: general('2026-03-09'),
    F3: general('2026-03-09', { rectifiedOnSite: true }),
    F4: general('2026-03-10'),
    F6: general('2026-03-10'),
    F7: general('2026-03-10'),
    F8: general('2026-03-09'),
    F9: major('2026-05-01'),
    F10: major('2026-03-05'),
    F11: general('2026-04-10'),
  });
  await inspect('2026-03-01T07:00:00+08:00', 'A2', 'A2a', { G1: general('2026-03-08'), G2: general('2026-03-08') });
  await inspect('2026-04-01T00:30:00+08:00', 'A2', 'A2a', { H1: general('2026-04-08') });
  await inspect('2026-02-27T10:00:00+08:00', 'A1', 'A1b', { K1: general('2026-03-06', { rectifiedOnSite: true }) });
  await inspect('2026-03-05T10:00:00+08:00', 'B1', 'B1a', {
    B1: general('2026-03-12'),
    B2: { severity: 'major', dueDate: '2026-04-04', rectifiedOnSite: true },
  });

  await rectify(ids.F1!, '2026-03-09T23:30:00+08:00');
  await verify(ids.F1!, '2026-03-11T09:00:00+08:00');
  await rectify(ids.F2!, '2026-03-10T00:10:00+08:00');
  await verify(ids.F2!, '2026-03-11T09:00:00+08:00');

  await rectify(ids.F4!, '2026-03-08T10:00:00+08:00');
  await at('2026-03-09T10:00:00+08:00', 'inspA', findingMutation('finding.reject', ids.F4!, {}, '2026-03-09T10:00:00+08:00'));
  await rectify(ids.F4!, '2026-03-12T10:00:00+08:00');
  await verify(ids.F4!, '2026-03-13T10:00:00+08:00');

  for (const [name, approve] of [
    ['F6', true],
    ['F7', false],
  ] as const) {
    const id = ids[name]!;
    await at('2026-03-08T10:00:00+08:00', 'opA1', findingMutation('finding.requestExtension', id, { newDueDate: '2026-03-20' }, '2026-03-08T10:00:00+08:00'));
    await at('2026-03-09T10:00:00+08:00', 'supA', findingMutation('finding.decideExtension', id, { approve }, '2026-03-09T10:00:00+08:00'));
    await rectify(id, '2026-03-18T10:00:00+08:00');
    await verify(id, '2026-03-19T10:00:00+08:00');
  }

  await rectify(ids.F10!, '2026-03-04T10:00:00+08:00');
  await rectify(ids.G1!, '2026-03-09T00:00:00+08:00', 'inspA');
  // Rectified by the inspector on the enterprise's behalf: verified by someone else.
  await verify(ids.G1!, '2026-03-10T10:00:00+08:00', 'supA');

  t.clock.set(TODAY);
});
afterAll(async () => {
  await t?.close();
});

const report = (who: UserKey, query: string) => t.call('GET', `/api/reports/rectification?${query}`, { token: w.tokens[who] });
const list = (who: UserKey, query: string) => t.call('GET', `/api/reports/findings?${query}`, { token: w.tokens[who] });
const rowOf = (body: { rows: { key: string }[] }, key: string) => body.rows.find((r) => r.key === key) as any;

/** The ids a number's list holds, in every page. */
async function listed(who: UserKey, query: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await list(who, `${query}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    out.push(...res.body.items.map((f: { id: string }) => f.id));
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('rectification rates on a crafted month', () => {
  it('counts each park exactly: closed, on time, overdue against today and open major', async () => {
    const res = await report('supCity', `groupBy=park&${MARCH}`);
    expect(res.status).toBe(200);
    expect(rowOf(res.body, w.parks.A1)).toMatchObject({ total: 10, closed: 6, onTime: 3, overdue: 2, openMajor: 2, rate: 0.6, onTimeRate: 0.3 });
    expect(rowOf(res.body, w.parks.A2)).toMatchObject({ total: 2, closed: 1, onTime: 1, overdue: 1, openMajor: 0, rate: 0.5, onTimeRate: 0.5 });
    expect(rowOf(res.body, w.parks.B1)).toMatchObject({ total: 2, closed: 1, onTime: 1, overdue: 1, openMajor: 0, rate: 0.5, onTimeRate: 0.5 });
    expect(res.body.totals).toMatchObject({ total: 14, closed: 8, onTime: 5, overdue: 4, openMajor: 2 });
    expect(res.body.totals.rate).toBeCloseTo(8 / 14, 12);
    expect(res.body.totals.onTimeRate).toBeCloseTo(5 / 14, 12);
    expect(res.body).toMatchObject({ from: '2026-03-01', to: '2026-03-31', today: '2026-04-10', groupBy: 'park' });
  });

  it('judges on time at the end of the due date in Shanghai: 23:30 is on time, 00:10 the next day is late, 00:00 exactly is on time', async () => {
    const onTime = await listed('supCity', `measure=onTime&${MARCH}`);
    expect(onTime).toContain(ids.F1);
    expect(onTime).not.toContain(ids.F2);
    expect(onTime).toContain(ids.G1);
    const closed = await listed('supCity', `measure=closed&${MARCH}`);
    expect(closed).toEqual(expect.arrayContaining([ids.F1, ids.F2, ids.G1]));
  });

  it('counts a finding fixed on the spot as closed and on time', async () => {
    expect(await listed('supCity', `measure=onTime&${MARCH}`)).toEqual(expect.arrayContaining([ids.F3, ids.B2]));
  });

  it('judges a rejected and resubmitted finding by the submission that was accepted', async () => {
    const finding = await t.call('GET', `/api/findings/${ids.F4}`, { token: w.tokens.supCity });
    expect(finding.body.finding.rectifiedAt).toBe('2026-03-12T10:00:00.000+08:00');
    expect(await listed('supCity', `measure=closed&${MARCH}`)).toContain(ids.F4);
    expect(await listed('supCity', `measure=onTime&${MARCH}`)).not.toContain(ids.F4);
  });

  it('judges an extended finding by the approved due date, and a refused extension changes nothing', async () => {
    const onTime = await listed('supCity', `measure=onTime&${MARCH}`);
    expect(onTime).toContain(ids.F6);
    expect(onTime).not.toContain(ids.F7);
  });

  it('lists exactly the findings each number counts', async () => {
    const res = await report('supCity', `groupBy=park&${MARCH}`);
    expect(new Set(await listed('supCity', `measure=onTime&${MARCH}`))).toEqual(
      new Set([ids.F1, ids.F3, ids.F6, ids.G1, ids.B2]),
    );
    expect(new Set(await listed('supCity', `measure=overdue&${MARCH}`))).toEqual(new Set([ids.F8, ids.F10, ids.G2, ids.B1]));
    expect(new Set(await listed('supCity', `measure=openMajor&${MARCH}`))).toEqual(new Set([ids.F9, ids.F10]));
    for (const measure of ['total', 'closed', 'onTime', 'overdue', 'openMajor'] as const) {
      for (const park of ['A1', 'A2', 'B1'] as const) {
        const n = await listed('supCity', `measure=${measure}&parkId=${w.parks[park]}&${MARCH}`);
        expect(n.length, `${measure} of ${park}`).toBe(rowOf(res.body, w.parks[park])[measure]);
      }
    }
    const page = await list('supCity', `measure=overdue&${MARCH}&limit=2`);
    expect(page.body.total).toBe(4);
    // Longest overdue first.
    expect(page.body.items.map((f: { dueDate: string }) => f.dueDate)).toEqual(['2026-03-05', '2026-03-08']);
    expect(page.body.items[0]).toMatchObject({ parkName: '万洋（掌起）众创城', regionName: '厉家村', enterpriseName: '慈溪市鑫达五金有限公司' });
  });

  it('places findings in periods by the inspection date in Shanghai time, not UTC', async () => {
    const months = await report('supCity', 'groupBy=month&from=2026-01-01&to=2026-04-30');
    expect(months.body.rows.map((r: { key: string; total: number }) => [r.key, r.total])).toEqual([
      ['2026-01', 0],
      ['2026-02', 1],
      ['2026-03', 14],
      ['2026-04', 1],
    ]);
    expect(rowOf(months.body, '2026-03').label).toBe('2026年3月');
    const a2 = rowOf((await report('supCity', `groupBy=park&${MARCH}`)).body, w.parks.A2);
    expect(a2.total).toBe(2);
    const all = await listed('supCity', `measure=total&${MARCH}`);
    expect(all).toContain(ids.G1);
    expect(all).not.toContain(ids.H1);
    expect(all).not.toContain(ids.K1);
  });

  it('gives empty groups null rates rather than 0 %, and still lists them', async () => {
    const jan = await report('supCity', 'groupBy=park&from=2026-01-01&to=2026-01-31');
    expect(jan.body.rows).toHaveLength(3);
    for (const r of jan.body.rows) expect(r).toMatchObject({ total: 0, rate: null, onTimeRate: null, inspectionCoverage: 0 });
    expect(jan.body.totals).toMatchObject({ total: 0, rate: null, onTimeRate: null });
    const months = await report('supCity', 'groupBy=month&from=2026-01-01&to=2026-01-31');
    expect(rowOf(months.body, '2026-01')).toMatchObject({ total: 0, rate: null, onTimeRate: null });
  });

  it('a period that has not begun has no months and nothing to count', async () => {
    const res = await report('supCity', 'groupBy=month&from=2099-01-01');
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
    expect(res.body.totals).toMatchObject({ total: 0, rate: null });
  });

  it('counts by category and by severity, every built-in category shown', async () => {
    const cats = await report('supCity', `groupBy=category&${MARCH}`);
    expect(cats.body.rows.map((r: { key: string; label: string }) => [r.key, r.label])).toEqual([
      ['fire', '消防'],
      ['safety', '安全生产'],
      ['environment', '环保'],
    ]);
    expect(rowOf(cats.body, 'fire').total).toBe(14);
    expect(rowOf(cats.body, 'safety')).toMatchObject({ total: 0, rate: null });
    const sev = await report('supCity', `groupBy=severity&${MARCH}&lang=en`);
    expect(sev.body.rows.map((r: { key: string; label: string; total: number }) => [r.key, r.label, r.total])).toEqual([
      ['general', 'General', 11],
      ['major', 'Major', 3],
    ]);
    expect(rowOf(sev.body, 'major')).toMatchObject({ closed: 1, onTime: 1, openMajor: 2, overdue: 1 });
  });

  it('measures inspection coverage: enterprises inspected in the period over enterprises', async () => {
    const res = await report('supCity', `groupBy=park&${MARCH}`);
    expect(rowOf(res.body, w.parks.A1)).toMatchObject({ enterprises: 2, inspectedEnterprises: 1, inspectionCoverage: 0.5 });
    expect(rowOf(res.body, w.parks.A2)).toMatchObject({ enterprises: 1, inspectedEnterprises: 1, inspectionCoverage: 1 });
    expect(res.body.totals).toMatchObject({ enterprises: 4, inspectedEnterprises: 3, inspectionCoverage: 0.75 });
    const feb = await report('supCity', 'groupBy=park&from=2026-02-01&to=2026-02-28');
    expect(rowOf(feb.body, w.parks.A1)).toMatchObject({ inspectedEnterprises: 1, inspectionCoverage: 0.5 });
  });
});

describe('region groups drill from the caller’s region down to parks', () => {
  it('a city supervisor gets the towns; the totals are the sum of the rows', async () => {
    const res = await report('supCity', `groupBy=region&${MARCH}`);
    expect(res.body.scope).toBe('慈溪市');
    expect(res.body.rows.map((r: { key: string; kind: string }) => [r.key, r.kind])).toEqual([
      [w.regions.townB, 'region'],
      [w.regions.townA, 'region'],
    ]);
    expect(rowOf(res.body, w.regions.townA)).toMatchObject({ label: '掌起镇', total: 12, closed: 7, onTime: 4, overdue: 3, openMajor: 2 });
    expect(rowOf(res.body, w.regions.townB)).toMatchObject({ label: '浒山街道', total: 2, closed: 1, onTime: 1 });
    expect(res.body.totals).toMatchObject({ total: 14, closed: 8, onTime: 5, overdue: 4, openMajor: 2 });
  });

  it('inside a town: its villages, and the parks lying directly in the town', async () => {
    const res = await report('supCity', `groupBy=region&regionId=${w.regions.townA}&${MARCH}`);
    expect(res.body.scope).toBe('慈溪市 › 掌起镇');
    expect(res.body.rows.map((r: { key: string; kind: string }) => [r.key, r.kind])).toEqual([
      [w.regions.villageA, 'region'],
      [w.parks.A2, 'park'],
    ]);
    expect(rowOf(res.body, w.regions.villageA)).toMatchObject({ total: 10, enterprises: 2 });
    const mine = await report('supA', `groupBy=region&${MARCH}`);
    expect(mine.body.rows).toEqual(res.body.rows);
  });

  it('an admin starts at the top of the region tree', async () => {
    const res = await report('admin', `groupBy=region&${MARCH}`);
    expect(res.body.rows.map((r: { key: string }) => r.key)).toEqual([w.regions.townB, w.regions.townA]);
    expect(res.body.scope).toBe('慈溪市');
  });
});

describe('scope', () => {
  it('a town supervisor never sees another town: not in rows, totals, lists or labels', async () => {
    for (const groupBy of ['park', 'region', 'category', 'severity', 'month']) {
      const res = await report('supA', `groupBy=${groupBy}&${MARCH}`);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(w.parks.B1);
      expect(res.text).not.toContain(w.regions.townB);
      expect(res.text).not.toContain('浒山街道');
      expect(res.text).not.toContain('华东轻纺针织城');
      expect(res.body.totals.total).toBe(12);
    }
    const items = await listed('supA', `measure=total&${MARCH}`);
    expect(items).not.toContain(ids.B1);
    expect(items).toHaveLength(12);
  });

  it('a region or park outside the caller’s scope is not found', async () => {
    expect((await report('supA', `groupBy=park&regionId=${w.regions.townB}`)).status).toBe(404);
    expect((await report('supA', `groupBy=park&parkId=${w.parks.B1}`)).status).toBe(404);
    expect((await list('supA', `parkId=${w.parks.B1}`)).status).toBe(404);
    expect((await report('supA', 'groupBy=park&regionId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('operators may not see reports; everyone must log in', async () => {
    expect((await report('opA1', 'groupBy=park')).body.error.code).toBe('forbidden');
    expect((await list('opA1', 'measure=total')).status).toBe(403);
    expect((await t.call('GET', '/api/reports/rectification?groupBy=park')).status).toBe(401);
    expect((await report('inspA', 'groupBy=park')).status).toBe(200);
  });

  it('refuses a malformed query with the field named', async () => {
    const bad = await report('supCity', 'groupBy=town');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('groupBy');
    expect((await report('supCity', 'groupBy=park&from=2026-03-31&to=2026-03-01')).body.error.details[0].path).toBe('to');
    expect((await report('supCity', 'groupBy=park&from=2026-02-30')).status).toBe(400);
    expect((await list('supCity', 'measure=late')).status).toBe(400);
    expect((await list('supCity', 'cursor=nonsense')).status).toBe(400);
  });
});

async function workbook(who: UserKey, path: string) {
  const res = await t.app.request(path, { headers: { authorization: `Bearer ${w.tokens[who]}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return { sheet: wb.worksheets[0]!, disposition: res.headers.get('content-disposition')! };
}

const texts = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

describe('Excel export', () => {
  it('the table read back from the .xlsx has the same numbers as the API, rates as percentages', async () => {
    const api = (await report('supCity', `groupBy=park&${MARCH}`)).body;
    const { sheet, disposition } = await workbook('supCity', `/api/reports/rectification.xlsx?groupBy=park&${MARCH}`);
    expect(sheet.getCell('A1').text).toBe('慈溪市 隐患整改情况（按园区）');
    expect(sheet.getCell('A2').text).toContain('2026-03-01 至 2026-03-31');
    expect(texts(sheet.getRow(3))).toEqual([
      '园区', '所属区域', '星级', '隐患总数', '已整改', '按期整改', '逾期未改', '未改重大隐患', '整改率', '按期整改率', '企业数', '已检查企业', '检查覆盖率',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);
    const fields = ['total', 'closed', 'onTime', 'overdue', 'openMajor', 'rate', 'onTimeRate', 'enterprises', 'inspectedEnterprises', 'inspectionCoverage'];
    api.rows.forEach((r: any, i: number) => {
      const row = sheet.getRow(4 + i);
      expect(row.getCell(1).value).toBe(r.label);
      expect(row.getCell(3).value).toBe(r.starRating);
      fields.forEach((f, j) => expect(row.getCell(4 + j).value, `${r.label} ${f}`).toBe(r[f]));
    });
    const totals = sheet.getRow(4 + api.rows.length);
    expect(totals.getCell(1).value).toBe('合计');
    fields.forEach((f, j) => expect(totals.getCell(4 + j).value).toBe(api.totals[f]));
    expect(sheet.getRow(4).getCell(9).numFmt).toBe('0.0%');
    expect(sheet.getRow(4).getCell(4).numFmt).toBe('0');
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe('慈溪市 隐患整改情况（按园区） 2026-03-01~2026-03-31.xlsx');
  });

  it('English when asked, with an empty cell for a rate of an empty group', async () => {
    const { sheet } = await workbook('supCity', '/api/reports/rectification.xlsx?groupBy=month&from=2026-01-01&to=2026-03-31&lang=en');
    expect(sheet.getCell('A1').text).toBe('慈溪市 Rectification by month');
    expect(texts(sheet.getRow(3)).slice(0, 3)).toEqual(['Month', 'Findings', 'Rectified']);
    expect(sheet.getRow(4).getCell(1).value).toBe('Jan 2026');
    expect(sheet.getRow(4).getCell(7).value).toBeNull();
    expect(sheet.getRow(6).getCell(2).value).toBe(14);
  });

  it('a finding list exports the same findings, with dates as dates and Shanghai wall-clock times', async () => {
    const { sheet } = await workbook('supCity', `/api/reports/findings.xlsx?measure=overdue&${MARCH}`);
    expect(sheet.getCell('A1').text).toBe('慈溪市 逾期未整改隐患清单（共 4 条）');
    expect(texts(sheet.getRow(3)).slice(0, 3)).toEqual(['园区', '所属区域', '企业']);
    const rows = [4, 5, 6, 7].map((n) => sheet.getRow(n));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(['万洋（掌起）众创城', '环杭州湾（慈星）智能产业园', '万洋（掌起）众创城', '华东轻纺针织城']);
    const first = rows[0]!;
    expect(first.getCell(10).value).toEqual(new Date('2026-03-05T00:00:00Z'));
    expect(first.getCell(10).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(9).value).toEqual(new Date('2026-03-02T09:00:00Z'));
    expect(first.getCell(11).value).toBe('待复查');
    expect(first.getCell(16).value).toBe(36);
    expect(sheet.getRow(8).getCell(1).value).toBeNull();
  });

  it('exports follow the same scope rules', async () => {
    const res = await t.app.request(`/api/reports/rectification.xlsx?groupBy=park&parkId=${w.parks.B1}`, {
      headers: { authorization: `Bearer ${w.tokens.supA}` },
    });
    expect(res.status).toBe(404);
    const op = await t.app.request('/api/reports/findings.xlsx', { headers: { authorization: `Bearer ${w.tokens.opA1}` } });
    expect(op.status).toBe(403);
  });
});
