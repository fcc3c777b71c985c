/**
 * The supervisor's reports in the built PWA, against the real server on the
 * demo data (twelve months of findings through the real loop): the
 * dashboard, drilling from a town to a park to a finding, an Excel export
 * read back, the printable report, and a town supervisor who never sees
 * another town.
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { DEMO_PASSWORD } from '../../server/demo/accounts';
import { BUILDING_PARKS, BUILT_PARKS, TOWNS } from '../../server/demo/places';
import { e2eToday } from '../support/clock';
import { demoServer, launch, newPhone, type DemoServer } from '../support/browser';
import { loginAt } from '../support/process';
import { LoginPage } from './pages/login';
import { ReportsPage } from './pages/reports';

let server: DemoServer;
let browser: Browser;
const today = e2eToday();
/** The demo's twelve months. */
const YEAR = `period=custom&from=${addDays(today, -364)}&to=${today}`;

beforeAll(async () => {
  server = await demoServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function loggedIn(username: string, viewport?: { width: number; height: number }) {
  const phone = await newPhone(browser, server.url);
  if (viewport) await phone.page.setViewportSize(viewport);
  const login = new LoginPage(phone.page);
  await login.open();
  await login.logIn(username, DEMO_PASSWORD);
  await phone.page.waitForURL((u) => u.pathname === '/');
  return { ...phone, reports: new ReportsPage(phone.page) };
}

async function api(username: string, path: string) {
  const token = await loginAt(server.url, username, DEMO_PASSWORD);
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return res.json() as Promise<any>;
}

describe('the rectification dashboard', () => {
  it('opens from the navigation for a supervisor, with this month’s figures and no errors', async () => {
    const { page, context, errors, reports } = await loggedIn('supervisor');
    await reports.openFromNav();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('隐患整改统计');
    const month = await api('supervisor', `/api/reports/rectification?groupBy=park&from=${today.slice(0, 8)}01&to=${today}`);
    expect(await reports.headline('total').textContent()).toBe(String(month.totals.total));
    for (const title of ['总体情况', '月度趋势', '按类别', '各区域整改情况', '园区整改排名', '按严重程度', '逾期最久的隐患', '未整改的重大隐患']) {
      expect(await reports.section(title).isVisible(), title).toBe(true);
    }
    await reports.choosePeriod('本年');
    expect(page.url()).toContain('period=thisYear');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('drills from a town to a park to one of its findings', async () => {
    const { page, context, errors, reports } = await loggedIn('supervisor', { width: 1366, height: 900 });
    await page.goto(`/reports?${YEAR}`);
    await reports.ready();
    await reports.drillInto('掌起镇');
    expect(await reports.trail().textContent()).toContain('掌起镇');
    expect(await reports.section('各园区整改情况').textContent()).not.toContain('华东轻纺针织城');
    await reports.drillInto('万洋（掌起）众创城');
    expect(page.url()).toContain('parkId=');
    expect(await reports.section('各区域整改情况').count()).toBe(0);
    expect((await reports.trail().textContent())?.replace(/\s/g, '')).toBe('我的辖区掌起镇万洋（掌起）众创城');

    const total = Number(await reports.headline('total').textContent());
    expect(total).toBeGreaterThan(0);
    await reports.headline('total').click();
    await page.waitForURL((u) => u.pathname === '/reports/findings');
    await expect.poll(() => page.getByText(`共 ${total} 条`).isVisible()).toBe(true);
    const first = reports.findingLinks().first();
    const description = (await first.locator('strong').textContent())!;
    await first.click();
    await page.waitForURL(/\/findings\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText(description).first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the park ranking as an Excel file with the same numbers', async () => {
    const { page, context, reports } = await loggedIn('supervisor', { width: 1366, height: 900 });
    await page.goto(`/reports?${YEAR}`);
    await reports.ready();
    const download = await reports.exportFrom('园区整改排名');
    expect(download.suggestedFilename()).toMatch(/^慈溪市 隐患整改情况（按园区）.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').text).toBe('慈溪市 隐患整改情况（按园区）');
    const expected = await api('supervisor', `/api/reports/rectification?groupBy=park&from=${addDays(today, -364)}&to=${today}`);
    expect(sheet.rowCount).toBe(3 + expected.rows.length + 1);
    expected.rows.forEach((r: any, i: number) => {
      const row = sheet.getRow(4 + i);
      expect([row.getCell(1).value, row.getCell(4).value, row.getCell(5).value, row.getCell(9).value]).toEqual([r.label, r.total, r.closed, r.rate]);
    });
    expect(sheet.getRow(4 + expected.rows.length).getCell(4).value).toBe(expected.totals.total);
    await context.close();
  });

  it('prints the monthly report on A4', async () => {
    const { page, context, errors, reports } = await loggedIn('supervisor', { width: 1100, height: 900 });
    await page.goto('/reports?period=lastMonth');
    await reports.ready();
    await page.getByRole('link', { name: '打印通报' }).click();
    await page.waitForURL((u) => u.pathname === '/reports/print');
    await reports.ready();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('慈溪市小微企业园隐患整改月度通报');
    for (const h of ['一、总体情况', '二、各园区整改情况', '三、逾期时间最长的隐患', '四、整改率排名靠后的园区']) {
      expect(await page.getByRole('heading', { name: h }).isVisible(), h).toBe(true);
    }
    const parks = await api('supervisor', `/api/parks`);
    expect(await page.locator('.report-doc__parks tbody tr').count()).toBe(parks.items.length);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)!.length).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a town supervisor', () => {
  const ZQ = '掌起镇';
  const elsewhere = [
    ...TOWNS.filter((t) => t !== ZQ),
    ...[...BUILT_PARKS, ...BUILDING_PARKS].filter((p) => p.town !== ZQ).map((p) => p.name),
  ];

  it('never sees another town: not on the dashboard, the lists, the exports or the printed report', async () => {
    const { page, context, reports } = await loggedIn('supervisor2', { width: 1366, height: 900 });
    for (const path of [`/reports?${YEAR}`, `/reports/findings?measure=total&from=${addDays(today, -364)}&to=${today}`, `/reports/print?${YEAR}`]) {
      await page.goto(path);
      await reports.ready();
      const text = (await page.locator('main').textContent())!;
      expect(text).toMatch(/万洋（掌起）众创城|环杭州湾（慈星）智能产业园/);
      for (const name of elsewhere) expect(text, `${path} shows ${name}`).not.toContain(name);
    }
    await page.goto(`/reports?${YEAR}`);
    await reports.ready();
    const download = await reports.exportFrom('逾期最久的隐患');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const parks = new Set<string>();
    wb.worksheets[0]!.eachRow((row, n) => n > 3 && parks.add(String(row.getCell(1).value)));
    expect([...parks].every((p) => ['万洋（掌起）众创城', '环杭州湾（慈星）智能产业园'].includes(p))).toBe(true);
    await context.close();
  });

  it('asking for another town or its park by address shows “not found”, never its figures', async () => {
    const regions = await api('admin', '/api/regions');
    const parks = await api('admin', '/api/parks');
    const xushan = regions.items.find((r: any) => r.name === '浒山街道').id;
    const huadong = parks.items.find((p: any) => p.name === '华东轻纺针织城').id;
    const { page, context, reports } = await loggedIn('supervisor2', { width: 1366, height: 900 });
    for (const path of [`/reports?regionId=${xushan}`, `/reports?parkId=${huadong}`, `/reports/findings?parkId=${huadong}`, `/reports/print?regionId=${xushan}`]) {
      await page.goto(path);
      await reports.ready();
      await expect.poll(() => page.getByText('内容不存在，或不在你的权限范围内').first().isVisible(), { timeout: 10_000 }).toBe(true);
      const text = (await page.locator('main').textContent())!;
      expect(text).not.toContain('华东轻纺针织城');
      expect(text).not.toContain('浒山街道');
    }
    await context.close();
  });
});
