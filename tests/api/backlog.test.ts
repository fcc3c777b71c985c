/**
 * The backlog (API.md "Backlog"): every finding not closed, whatever its
 * inspection date, aged by whole days past its due date in PARKCHECK_TZ.
 *
 *   Park A1 (village of townA), inspected 2025-11-20 and 2026-03-01:
 *     due 04-10 (today) open        → not overdue
 *     due 04-09 open                → 1 day   (1–7)
 *     due 04-03 submitted           → 7 days  (1–7)
 *     due 04-02 open                → 8 days  (8–30)
 *     due 03-11 open major          → 30 days (8–30), open major
 *     due 03-10 open                → 31 days (31+)
 *     due 2025-12-01 closed         → not in the backlog
 *   Park A2 (townA): due 2025-11-27 open major → 134 days (31+); due 05-01 open → not overdue
 *   Park B1 (townB): due 04-01 open → 9 days (8–30)
 *
 * "Today" is 2026-04-10 in Shanghai.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { buildWorld, type UserKey, type World } from '../support/world';

let t: TestServer;
let w: World;
const OLD = '2025-11-20T10:00:00+08:00';
const MARCH = '2026-03-01T10:00:00+08:00';
const TODAY = '2026-04-10T10:00:00+08:00';

beforeAll(async () => {
  t = await startTestServer();
  w = await buildWorld(t);
  await w.seedFindings({
    park: 'A1',
    enterprise: 'A1a',
    inspectedAt: MARCH,
    findings: [
      { dueDate: '2026-04-10' },
      { dueDate: '2026-04-09' },
      { dueDate: '2026-04-03', status: 'submitted', category: 'safety' },
      { dueDate: '2026-04-02' },
      { dueDate: '2026-03-11', severity: 'major' },
      { dueDate: '2026-03-10', category: 'environment' },
    ],
  });
  await w.seedFindings({ park: 'A1', enterprise: 'A1b', inspectedAt: OLD, findings: [{ dueDate: '2025-12-01', status: 'closed' }] });
  await w.seedFindings({
    park: 'A2',
    enterprise: 'A2a',
    inspectedAt: OLD,
    findings: [{ dueDate: '2025-11-27', severity: 'major' }, { dueDate: '2026-05-01' }],
  });
  await w.seedFindings({ park: 'B1', enterprise: 'B1a', inspector: 'inspB', inspectedAt: MARCH, findings: [{ dueDate: '2026-04-01' }] });
  t.clock.set(TODAY);
});
afterAll(async () => {
  await t?.close();
});

const backlog = (who: UserKey, query: string) => t.call('GET', `/api/reports/backlog?${query}`, { token: w.tokens[who] });
const rowOf = (body: { rows: { key: string }[] }, key: string) => body.rows.find((r) => r.key === key) as any;

describe('the backlog counts what is still open today, whatever its inspection date', () => {
  it('ages overdue findings by whole days past their due date: 1–7, 8–30, 31+', async () => {
    const res = await backlog('supCity', 'groupBy=park');
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe('2026-04-10');
    expect(rowOf(res.body, w.parks.A1)).toMatchObject({
      kind: 'park',
      open: 5,
      submitted: 1,
      overdue: 5,
      overdue1to7: 2,
      overdue8to30: 2,
      overdue31plus: 1,
      openMajor: 1,
      oldestDueDate: '2026-03-10',
    });
    expect(rowOf(res.body, w.parks.A2)).toMatchObject({ open: 2, overdue: 1, overdue31plus: 1, openMajor: 1, oldestDueDate: '2025-11-27' });
    expect(res.body.totals).toEqual({
      open: 8,
      submitted: 1,
      overdue: 7,
      overdue1to7: 2,
      overdue8to30: 3,
      overdue31plus: 2,
      openMajor: 2,
      // Over 7 days: 04-02, 03-11 (major), 03-10, 2025-11-27 (major), B1's 04-01. Over 30: 03-10 and 2025-11-27.
      escalatedTown: 5,
      escalatedCity: 2,
      oldestDueDate: '2025-11-27',
    });
  });

  it('judges today in PARKCHECK_TZ: at 23:59 Shanghai on 04-09 a finding due 04-09 is not yet overdue, at 00:00 on 04-10 it is', async () => {
    t.clock.set('2026-04-09T23:59:00+08:00');
    const before = await backlog('supA', 'groupBy=park');
    t.clock.set('2026-04-10T00:00:00+08:00');
    const after = await backlog('supA', 'groupBy=park');
    t.clock.set(TODAY);
    expect(before.body.asOf).toBe('2026-04-09');
    // On 04-09 the finding due 04-03 is 6 days over, the one due 04-02 seven, the one due 03-11 twenty-nine, 03-10 thirty.
    expect(rowOf(before.body, w.parks.A1)).toMatchObject({ overdue: 4, overdue1to7: 2, overdue8to30: 2, overdue31plus: 0 });
    expect(after.body.asOf).toBe('2026-04-10');
    expect(rowOf(after.body, w.parks.A1)).toMatchObject({ overdue: 5, overdue1to7: 2, overdue8to30: 2, overdue31plus: 1 });
  });

  it('rolls parks up into towns, and the towns add up to the totals', async () => {
    const res = await backlog('supCity', 'groupBy=region');
    expect(res.body.rows.map((r: any) => [r.label, r.open, r.overdue])).toEqual([
      ['浒山街道', 1, 1],
      ['掌起镇', 7, 6],
    ]);
    const inTownA = await backlog('supCity', `groupBy=region&regionId=${w.regions.townA}`);
    expect(inTownA.body.rows.map((r: any) => [r.kind, r.key, r.open])).toEqual([
      ['region', w.regions.villageA, 5],
      ['park', w.parks.A2, 2],
    ]);
  });

  it('groups by severity and category, every built-in one listed', async () => {
    const sev = await backlog('supA', 'groupBy=severity');
    expect(sev.body.rows.map((r: any) => [r.key, r.open + r.submitted, r.openMajor])).toEqual([
      ['general', 6, 0],
      ['major', 2, 2],
    ]);
    const cat = await backlog('supA', 'groupBy=category');
    expect(cat.body.rows.map((r: any) => [r.key, r.label, r.open + r.submitted])).toEqual([
      ['fire', '消防', 6],
      ['safety', '安全生产', 1],
      ['environment', '环保', 1],
    ]);
  });

  it('filters by park and region', async () => {
    const park = await backlog('supCity', `groupBy=severity&parkId=${w.parks.A2}`);
    expect(park.body.totals).toMatchObject({ open: 2, overdue: 1, overdue31plus: 1 });
    const region = await backlog('supCity', `groupBy=park&regionId=${w.regions.villageA}`);
    expect(region.body.rows.map((r: any) => r.key)).toEqual([w.parks.A1]);
  });
});

describe('the backlog is scoped', () => {
  it('shows an inspector only their region', async () => {
    const res = await backlog('inspB', 'groupBy=park');
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: any) => r.key)).toEqual([w.parks.B1]);
    expect(res.body.totals).toMatchObject({ open: 1, overdue: 1, overdue8to30: 1 });
  });

  it('answers 404 for a park or region outside the scope, 403 to operators, 400 for an unknown groupBy', async () => {
    expect((await backlog('supB', `groupBy=park&parkId=${w.parks.A1}`)).status).toBe(404);
    expect((await backlog('supB', `groupBy=park&regionId=${w.regions.townA}`)).status).toBe(404);
    expect((await backlog('opA1', 'groupBy=park')).status).toBe(403);
    const bad = await backlog('supA', 'groupBy=month');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
  });
});

describe('the backlog as an Excel file', () => {
  it('holds the same rows and a totals row', async () => {
    const res = await t.app.request(`/api/reports/backlog.xlsx?groupBy=park`, { headers: { authorization: `Bearer ${w.tokens.supA}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['园区', '待整改', '待复查', '逾期', '逾期1–7天', '逾期8–30天', '逾期31天以上', '未销号重大隐患', '镇级督办', '市级督办', '最早整改期限']);
    const rows = [4, 5, 6].map((n) => (ws.getRow(n).values as unknown[]).slice(1, 11));
    expect(rows).toContainEqual(['万洋（掌起）众创城', 5, 1, 5, 2, 2, 1, 1, 3, 1]);
    expect(rows.at(-1)).toEqual(['合计', 7, 1, 6, 2, 2, 2, 2, 4, 2]);
  });
});

describe('the escalation ladder (督办)', () => {
  it('puts overdue findings over 7 days and every overdue major on the town list, over 30 days on the city list, and lists exactly them', async () => {
    const ids = async (measure: string) =>
      (await t.call('GET', `/api/reports/findings?measure=${measure}&regionId=${w.regions.townA}`, { token: w.tokens.supCity })).body.items.map(
        (f: { dueDate: string; severity: string }) => `${f.dueDate} ${f.severity}`,
      );
    expect(await ids('escalatedTown')).toEqual(['2025-11-27 major', '2026-03-10 general', '2026-03-11 major', '2026-04-02 general']);
    expect(await ids('escalatedCity')).toEqual(['2025-11-27 major', '2026-03-10 general']);
    const townA = rowOf((await backlog('supCity', 'groupBy=region')).body, w.regions.townA);
    expect(townA).toMatchObject({ escalatedTown: 4, escalatedCity: 2 });
  });

  // Last in this file: it adds a finding.
  it('puts a major on the town list the day after it is due', async () => {
    await w.seedFindings({ park: 'B1', enterprise: 'B1a', inspector: 'inspB', inspectedAt: MARCH, findings: [{ dueDate: '2026-04-09', severity: 'major' }] });
    const list = await t.call('GET', '/api/reports/findings?measure=escalatedTown', { token: w.tokens.supB });
    expect(list.body.items.map((f: { dueDate: string }) => f.dueDate)).toEqual(['2026-04-01', '2026-04-09']);
  });
});
